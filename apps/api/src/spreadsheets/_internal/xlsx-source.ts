// XLSX in: the zip is opened with yauzl, which checks every part's real unzipped size against
// the size its directory declares, so a zip bomb stops at the limit instead of filling memory.
// Only the parts unzipped and checked here reach exceljs's streaming reader, which reads the
// sheets row by row. Merged ranges, which that reader skips, are read from the end of each
// sheet's XML with saxes.
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import type { SpreadsheetLimits } from '../limits.ts';
import { fileRefusal, SpreadsheetRefusedError } from '../refusal.ts';
import { excelJS } from './exceljs.ts';
import { type CellRange, excelCell, parseRange, type RawRow, type RawSheet } from './raw-cell.ts';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
/** An empty shared-string table, for workbooks written with inline strings only. */
const NO_SHARED_STRINGS =
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

const corrupt = (detail: string) =>
  new SpreadsheetRefusedError(
    fileRefusal(
      'corrupt',
      `the XLSX file is damaged and cannot be read (${detail}); save it again or send the whole file`,
    ),
  );

/** The first bytes of a zip (XLSX, ODS, DOCX …). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 0x03 || bytes[2] === 0x05) &&
    bytes[3] === bytes[2] + 1
  );
}

function openZip(bytes: Uint8Array): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false },
      (error, zip) => (error ? reject(corrupt(error.message)) : resolve(zip)),
    );
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(corrupt(error.message));
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      // yauzl fails the stream as soon as more bytes come out than the directory declared.
      stream.on('error', (streamError) => reject(corrupt(streamError.message)));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/** The parts of the workbook that are read, unzipped within the limits. */
async function unzipWorkbook(bytes: Uint8Array, limits: SpreadsheetLimits): Promise<Map<string, Buffer>> {
  const zip = await openZip(bytes);
  const tooLarge = (what: string) =>
    new SpreadsheetRefusedError(
      fileRefusal(
        'unzipped-too-large',
        `the XLSX file unzips to ${what}; it is refused as a possible zip bomb`,
      ),
    );
  if (zip.entryCount > limits.maxZipEntries) {
    zip.close();
    throw tooLarge(`${zip.entryCount} parts, more than ${limits.maxZipEntries}`);
  }
  const parts = new Map<string, Buffer>();
  const names: string[] = [];
  let declaredBytes = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (error: Error) => reject(corrupt(error.message)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        const wanted =
          entry.fileName === WORKBOOK ||
          entry.fileName === WORKBOOK_RELS ||
          entry.fileName === SHARED_STRINGS ||
          entry.fileName === STYLES ||
          SHEET.test(entry.fileName);
        if (!wanted) return zip.readEntry();
        declaredBytes += entry.uncompressedSize;
        if (declaredBytes > limits.maxUnzippedBytes) {
          return reject(tooLarge(`more than ${limits.maxUnzippedBytes / 2 ** 20} MiB`));
        }
        readEntry(zip, entry).then((content) => {
          parts.set(entry.fileName, content);
          zip.readEntry();
        }, reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  if (!parts.has(WORKBOOK)) {
    if (names.includes('mimetype') && names.includes('content.xml')) {
      throw new SpreadsheetRefusedError(
        fileRefusal(
          'unsupported-format',
          'an OpenDocument spreadsheet (.ods) is not read; save it as .xlsx or CSV',
        ),
      );
    }
    if (names.includes('xl/workbook.bin')) {
      throw new SpreadsheetRefusedError(
        fileRefusal('unsupported-format', 'a binary workbook (.xlsb) is not read; save it as .xlsx or CSV'),
      );
    }
    throw new SpreadsheetRefusedError(
      fileRefusal('not-a-spreadsheet', 'the file is a zip archive but not an XLSX workbook'),
    );
  }
  return parts;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** Reads the elements of an XML document (or fragment) with saxes; a break ends the reading quietly. */
function eachElement(
  xml: string,
  fragment: boolean,
  visit: (name: string, attributes: Record<string, string>) => void,
): void {
  const parser = new SaxesParser({ fragment });
  parser.on('opentag', (node) => visit(localName(node.name), node.attributes as Record<string, string>));
  try {
    parser.write(xml).close();
  } catch {
    // Only merges and the date system are read this way; what was read before the break stands.
  }
}

/**
 * The merged ranges of a sheet. `mergeCells` follows `sheetData` in a worksheet (ECMA-376
 * CT_Worksheet), so only the part after the rows is parsed, not the rows again.
 */
function mergesOf(sheetXml: Buffer): CellRange[] {
  const closing = sheetXml.lastIndexOf('sheetData>');
  const empty = sheetXml.lastIndexOf('sheetData/>');
  const end = Math.max(closing === -1 ? -1 : closing + 10, empty === -1 ? -1 : empty + 11);
  if (end === -1) return [];
  const tail = sheetXml.subarray(end).toString('utf8');
  if (!tail.includes('mergeCell')) return [];
  // The tail ends with the worksheet's closing tag, whose opening tag is not in it.
  const rootClose = tail.lastIndexOf('</');
  const merges: CellRange[] = [];
  eachElement(rootClose === -1 ? tail : tail.slice(0, rootClose), true, (name, attributes) => {
    const range = name === 'mergeCell' && attributes.ref ? parseRange(attributes.ref) : null;
    if (range) merges.push(range);
  });
  return merges;
}

/** Whether the workbook counts date serials from 1904 (`<workbookPr date1904="1"/>`). */
function usesDate1904(workbookXml: Buffer): boolean {
  let date1904 = false;
  eachElement(workbookXml.toString('utf8'), false, (name, attributes) => {
    if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
  });
  return date1904;
}

/** The sheets of an XLSX file in workbook order; read each sheet's rows before the next sheet's. */
export async function* xlsxSheets(bytes: Uint8Array, limits: SpreadsheetLimits): AsyncGenerator<RawSheet> {
  const parts = await unzipWorkbook(bytes, limits);
  const sheetNames = [...parts.keys()]
    .filter((name) => SHEET.test(name))
    .sort((a, b) => Number(SHEET.exec(a)?.[1]) - Number(SHEET.exec(b)?.[1]));
  const date1904 = usesDate1904(parts.get(WORKBOOK) as Buffer);
  const merges = sheetNames.map((name) => mergesOf(parts.get(name) as Buffer));

  // exceljs reads the workbook, its relations, styles and shared strings from a small stored
  // zip; each sheet is then handed to its worksheet reader as text from memory. (Through
  // exceljs's unzipper a large sheet streams about twice as slowly, and a sheet zipped before the
  // shared strings, as Excel writes them, is parked in a temporary file.)
  const head: Record<string, Uint8Array> = {};
  for (const name of [WORKBOOK_RELS, WORKBOOK, STYLES, SHARED_STRINGS]) {
    const part = parts.get(name);
    if (part) head[name] = part;
  }
  head[SHARED_STRINGS] ??= Buffer.from(NO_SHARED_STRINGS);
  const { stream } = await excelJS();
  const reader = new stream.xlsx.WorkbookReader(Readable.from([Buffer.from(zipSync(head, { level: 0 }))]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as WorkbookInternals;
  try {
    for await (const _ of reader.parse()) {
      // The head holds no sheet: parsing it only fills the reader's strings, styles and names.
    }
    for (const [index, name] of sheetNames.entries()) {
      const xml = (parts.get(name) as Buffer).toString('utf8');
      parts.delete(name);
      for (const { value } of reader._parseWorksheet(textChunks(xml), SHEET.exec(name)?.[1] as string)) {
        const sheet = value as ExcelJS.Worksheet & AsyncIterable<ExcelJS.Row>;
        yield {
          name: sheet.name,
          merges: merges[index] ?? [],
          date1904,
          decimalMark: '.',
          rows: rowsOf(sheet),
        };
      }
    }
  } catch (error) {
    if (error instanceof SpreadsheetRefusedError) throw error;
    throw corrupt((error as Error).message);
  }
}

/**
 * What is used of exceljs's streaming `WorkbookReader` beyond its typings: `parse()` reads the
 * workbook's parts, `_parseWorksheet` makes the reader of one sheet from its XML (exceljs 4.4).
 */
type WorkbookInternals = {
  parse(): AsyncIterable<unknown>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Iterable<{ value: unknown }>;
};

/** Sheet XML in pieces for the SAX parser (whole characters, unlike byte chunks). */
const CHUNK_CHARACTERS = 1 << 16;

async function* textChunks(xml: string): AsyncGenerator<string> {
  for (let at = 0; at < xml.length; at += CHUNK_CHARACTERS) yield xml.slice(at, at + CHUNK_CHARACTERS);
}

async function* rowsOf(sheet: AsyncIterable<ExcelJS.Row>): AsyncGenerator<RawRow> {
  try {
    for await (const row of sheet) {
      yield {
        row: row.number,
        lastColumn: row.cellCount,
        cell: (column) => excelCell(row.findCell(column)?.value),
      };
    }
  } catch (error) {
    if (error instanceof SpreadsheetRefusedError) throw error;
    throw corrupt((error as Error).message);
  }
}
