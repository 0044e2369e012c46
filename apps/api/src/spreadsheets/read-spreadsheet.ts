// Spreadsheet in: the whole file is checked before anything is returned. Every bad cell is
// named (`row 14, column dossiers: must be a whole number ≥ 0, got "12a"`); a file with bad cells
// is refused, the rows read whole coming back beside the refusal so that later checks (who may
// send them, the service's rules) name their problems in the same answer.
import { csvSheet } from './_internal/csv-source.ts';
import { bothHeaders, headerIndex, plainHeader } from './_internal/headers.ts';
import {
  type CellRange,
  columnLetter,
  describeCell,
  type RawRow,
  type RawSheet,
} from './_internal/raw-cell.ts';
import { isZip, xlsxSheets } from './_internal/xlsx-source.ts';
import type { CellContext } from './cell-rules.ts';
import { type ColumnNotRead, type FileNote, fileNote, type SheetColumnName } from './file-note.ts';
import { type SpreadsheetLimits, spreadsheetLimits } from './limits.ts';
import {
  type CellIssue,
  type CellIssueCode,
  cellIssue,
  cellsRefusal,
  fileRefusal,
  type SpreadsheetRefusal,
  SpreadsheetRefusedError,
} from './refusal.ts';
import type { ColumnSpec, SheetKind } from './sheet-kind.ts';

export type SpreadsheetFormat = 'xlsx' | 'csv';

export type ReadSpreadsheetOptions = {
  /** The upload's file name; only its extension is used, to refuse `.xls`/`.ods` by name. */
  fileName?: string;
  /** Bounds over the defaults of `SPREADSHEET_LIMITS`. */
  limits?: Partial<SpreadsheetLimits>;
};

/** A row read, with where it came from (for naming it when a later check refuses it). */
export type SourceRow<T> = {
  /** The sheet's name; null in a CSV file. */
  sheet: string | null;
  /** The row's number in the sheet as the spreadsheet shows it. */
  row: number;
  value: T;
};

/** Where a column was found in a sheet. */
export type ColumnPlace = { key: string; header: string; column: number; letter: string };

/** What was read of a file: its rows read whole, the sheets they came from, what was left aside. */
export type RowsRead<T> = {
  format: SpreadsheetFormat;
  rows: SourceRow<T>[];
  /** Each sheet read with its header row and columns. */
  sheets: { name: string | null; headerRow: number; columns: ColumnPlace[] }[];
  /** What was left aside: columns not read, sheets without a header row, numeric codes. */
  notes: FileNote[];
};

export type SpreadsheetRead<T> =
  | ({ ok: true } & RowsRead<T>)
  | {
      ok: false;
      format: SpreadsheetFormat | null;
      refusal: SpreadsheetRefusal;
      /**
       * For bad cells (`invalid-cells`): the rows without one, read whole, so that later checks
       * name their problems beside the cells'; null when the file is refused as a whole.
       */
      readable: RowsRead<T> | null;
    };

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];

function formatOf(bytes: Uint8Array, fileName: string | undefined): SpreadsheetFormat {
  if (OLE2.every((byte, i) => bytes[i] === byte)) {
    throw new SpreadsheetRefusedError(
      fileRefusal(
        'unsupported-format',
        'an Excel 97–2003 workbook (.xls) is not read; save it as .xlsx or CSV',
      ),
    );
  }
  if (isZip(bytes)) return 'xlsx';
  if (fileName && /\.(xlsx|xlsm|xls|ods|xlsb)$/i.test(fileName)) {
    throw new SpreadsheetRefusedError(
      fileRefusal(
        'not-a-spreadsheet',
        `${JSON.stringify(fileName)} is not a spreadsheet workbook (not a zip)`,
      ),
    );
  }
  return 'csv';
}

type Header = {
  row: number;
  places: (ColumnPlace & { spec: ColumnSpec })[];
  ignored: ColumnNotRead[];
};

/** The header row: the first of the top rows whose headers name every required column. */
function findHeader(rows: RawRow[], kind: SheetKind<unknown>, index: Map<string, ColumnSpec>): Header | null {
  const required = kind.columns.filter((column) => column.required);
  for (const row of rows) {
    const places: Header['places'] = [];
    const ignored: ColumnNotRead[] = [];
    for (let column = 1; column <= row.lastColumn; column += 1) {
      const cell = row.cell(column);
      if (cell.kind === 'empty') continue;
      const header = cell.kind === 'text' ? cell.text : describeCell(cell);
      const spec = index.get(plainHeader(header));
      if (spec) places.push({ key: spec.key, header, column, letter: columnLetter(column), spec });
      else ignored.push({ header, letter: columnLetter(column) });
    }
    if (required.every((column) => places.some((place) => place.spec === column))) {
      return { row: row.row, places, ignored };
    }
  }
  return null;
}

function duplicateColumns(header: Header, sheet: string | null): void {
  for (const place of header.places) {
    const first = header.places.find((other) => other.spec === place.spec);
    if (first && first !== place) {
      const where = sheet === null ? '' : `sheet ${JSON.stringify(sheet)}: `;
      throw new SpreadsheetRefusedError(
        fileRefusal(
          'duplicate-column',
          `${where}columns ${first.letter} (${JSON.stringify(first.header)}) and ${place.letter} (${JSON.stringify(place.header)}) are both ${place.key}; keep one`,
        ),
      );
    }
  }
}

/** Collects issues, keeping the first `max` and counting the rest. */
class Issues {
  readonly listed: Omit<CellIssue, 'message'>[] = [];
  count = 0;
  constructor(private readonly max: number) {}
  add(fields: Omit<CellIssue, 'message'>): void {
    this.count += 1;
    if (this.listed.length < this.max) this.listed.push(fields);
  }
  /** The issues with their messages; sheets are named when more than one sheet was read. */
  messages(showSheet: boolean): CellIssue[] {
    return this.listed.map((fields) => cellIssue(fields, { showSheet }));
  }
}

function mergedIssues(merges: CellRange[], header: Header, sheet: string | null, issues: Issues): void {
  for (const merge of merges) {
    if (merge.bottom < header.row) continue; // a title above the header
    const place = header.places.find((p) => p.column >= merge.left && p.column <= merge.right);
    issues.add({
      sheet,
      row: merge.top,
      column: place?.key ?? null,
      header: place?.header ?? null,
      cell: merge.ref,
      code: 'merged',
      expected: `one value per cell (unmerge ${merge.ref} and fill each row)`,
      received: `merged cells ${merge.ref}`,
    });
  }
}

type SheetResult<T> = { rows: SourceRow<T>[]; header: Header | null };

async function readSheet<T>(
  sheet: RawSheet,
  kind: SheetKind<T>,
  index: Map<string, ColumnSpec>,
  limits: SpreadsheetLimits,
  issues: Issues,
  counted: { rows: number },
  numericCodes: Map<ColumnSpec, number>,
): Promise<SheetResult<T>> {
  const iterator = sheet.rows[Symbol.asyncIterator]();
  const top: RawRow[] = [];
  let header: Header | null = null;
  const rows: SourceRow<T>[] = [];
  const context: CellContext = { decimalMark: sheet.decimalMark, date1904: sheet.date1904 };
  const firstRows = new Map<string, Map<string, number>>(
    kind.columns.filter((c) => c.unique).map((c) => [c.key, new Map()]),
  );
  try {
    while (header === null) {
      const next = await iterator.next();
      if (next.done || next.value.row > limits.maxHeaderRow) break;
      top.push(next.value);
      header = findHeader([next.value], kind, index);
    }
    if (header === null) return { rows, header };
    duplicateColumns(header, sheet.name);
    mergedIssues(sheet.merges, header, sheet.name, issues);
    const found = header;
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const raw = next.value;
      const cells = found.places.map((place) => ({ place, cell: raw.cell(place.column) }));
      if (cells.every(({ cell }) => cell.kind === 'empty')) continue;
      counted.rows += 1;
      if (counted.rows > limits.maxRows) {
        throw new SpreadsheetRefusedError(
          fileRefusal(
            'too-many-rows',
            `the file has more than ${limits.maxRows.toLocaleString('en')} rows; split it`,
          ),
        );
      }
      const values: Record<string, unknown> = {};
      let valid = true;
      const at = (column: string | null, place?: ColumnPlace) => ({
        sheet: sheet.name,
        row: raw.row,
        column,
        header: place?.header ?? null,
        cell: place ? `${place.letter}${raw.row}` : null,
      });
      for (const { place, cell } of cells) {
        const spec = place.spec;
        let code: CellIssueCode | null = null;
        if (cell.kind === 'error') code = 'cell-error';
        else if (cell.kind === 'formula-without-result') code = 'formula';
        else if (cell.kind === 'text' && cell.text.length > limits.maxCellCharacters) code = 'range';
        else {
          const read = spec.rule.read(cell, context);
          if (!read.ok) code = read.code;
          else if (read.value === null && spec.required) code = 'required';
          else {
            values[spec.key] = read.value;
            if (cell.kind === 'number' && spec.rule.numbersAsCodes) {
              numericCodes.set(spec, (numericCodes.get(spec) ?? 0) + 1);
            }
          }
        }
        if (code !== null) {
          valid = false;
          issues.add({
            ...at(spec.key, place),
            code,
            expected: spec.rule.expected,
            received: describeCell(cell),
          });
        }
      }
      for (const spec of kind.columns) {
        if (!(spec.key in values)) values[spec.key] = null;
        const seen = firstRows.get(spec.key);
        const value = values[spec.key];
        if (!seen || value === null) continue;
        const first = seen.get(String(value));
        if (first !== undefined) {
          valid = false;
          const place = found.places.find((p) => p.spec === spec);
          issues.add({
            ...at(spec.key, place),
            code: 'duplicate',
            expected: `given on one row only (already on row ${first})`,
            received: JSON.stringify(value),
            firstRow: first,
          });
        } else seen.set(String(value), raw.row);
      }
      if (!valid) continue;
      const value = kind.toRow(values, (column, expected, received) => {
        valid = false;
        const place = found.places.find((p) => p.key === column);
        issues.add({ ...at(column, place), code: 'conflict', expected, received });
      });
      if (valid) rows.push({ sheet: sheet.name, row: raw.row, value });
    }
    return { rows, header };
  } finally {
    await iterator.return?.();
  }
}

/**
 * Reads a spreadsheet of one kind (areas, machines, reports) from an XLSX or CSV file. The
 * header row may be in Vietnamese or English; every sheet with one is read. The answer is the
 * typed rows when the whole file is valid, or a refusal naming every bad cell (with the rows read
 * whole beside it, as `readable`); it never throws for a bad file.
 *
 * @example
 * const read = await readSpreadsheet(bytes, REPORT_SHEET);
 * read.ok ? read.rows[0]?.value.dossiers : read.refusal.issues[0]?.message
 * // => 'row 14, column dossiers: must be a whole number ≥ 0, got "12a"'
 */
export async function readSpreadsheet<T>(
  bytes: Uint8Array,
  kind: SheetKind<T>,
  options: ReadSpreadsheetOptions = {},
): Promise<SpreadsheetRead<T>> {
  const limits = spreadsheetLimits(options.limits);
  let format: SpreadsheetFormat | null = null;
  try {
    if (bytes.byteLength > limits.maxFileBytes) {
      throw new SpreadsheetRefusedError(
        fileRefusal(
          'file-too-large',
          `the file has ${(bytes.byteLength / 2 ** 20).toFixed(1)} MiB, more than the ${limits.maxFileBytes / 2 ** 20} MiB accepted; split it`,
        ),
      );
    }
    format = formatOf(bytes, options.fileName);
    const index = headerIndex(kind.columns);
    const rows: SourceRow<T>[] = [];
    const sheets: RowsRead<T>['sheets'] = [];
    const notes: FileNote[] = [];
    const numericCodes = new Map<ColumnSpec, number>();
    const counted = { rows: 0 };
    const sources: AsyncIterable<RawSheet> | RawSheet[] =
      format === 'xlsx' ? xlsxSheets(bytes, limits) : [csvSheet(bytes)];
    const issues = new Issues(limits.maxListedIssues);
    for await (const sheet of sources) {
      const result = await readSheet(sheet, kind, index, limits, issues, counted, numericCodes);
      if (result.header === null) {
        notes.push(
          fileNote({
            kind: 'sheet-not-read',
            sheet: sheet.name,
            requiredColumns: kind.columns.filter((column) => column.required).map(columnName),
            rowsSearched: limits.maxHeaderRow,
          }),
        );
        continue;
      }
      rows.push(...result.rows);
      sheets.push({
        name: sheet.name,
        headerRow: result.header.row,
        columns: result.header.places.map(({ spec: _spec, ...place }) => place),
      });
      if (result.header.ignored.length > 0) {
        notes.push(fileNote({ kind: 'columns-not-read', sheet: sheet.name, columns: result.header.ignored }));
      }
    }
    if (sheets.length === 0) {
      throw new SpreadsheetRefusedError(
        fileRefusal(
          'no-header',
          `no header row naming ${requiredList(kind)} was found in the first ${limits.maxHeaderRow} rows${format === 'xlsx' ? ' of any sheet' : ''}`,
        ),
      );
    }
    if (issues.count === 0 && rows.length === 0) {
      throw new SpreadsheetRefusedError(
        fileRefusal('empty', 'the file has a header row but no data row below it'),
      );
    }
    for (const [spec, cellCount] of numericCodes) {
      notes.push(fileNote({ kind: 'codes-as-numbers', sheet: null, column: columnName(spec), cellCount }));
    }
    const read: RowsRead<T> = { format, rows, sheets, notes };
    if (issues.count > 0) {
      const refusal = cellsRefusal(issues.messages(sheets.length > 1), issues.count);
      return { ok: false, format, refusal, readable: read };
    }
    return { ok: true, ...read };
  } catch (error) {
    if (error instanceof SpreadsheetRefusedError) {
      return { ok: false, format, refusal: error.refusal, readable: null };
    }
    throw error;
  }
}

function columnName({ key, header }: ColumnSpec): SheetColumnName {
  return { key, header };
}

function requiredList(kind: SheetKind<unknown>): string {
  return kind.columns
    .filter((column) => column.required)
    .map((column) => bothHeaders(column))
    .join(', ');
}
