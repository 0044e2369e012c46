// CSV in: text decoded from UTF-8 (with or without a BOM) or UTF-16 with a BOM (Excel's
// "Unicode text"), the separator taken from the first line (`,`, `;` or tab; Excel in a
// Vietnamese locale writes `;` and decimal commas), and records read by csv-parse.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { fileRefusal, SpreadsheetRefusedError } from '../refusal.ts';
import { EMPTY, type RawRow, type RawSheet, textCell } from './raw-cell.ts';

function decode(bytes: Uint8Array): string {
  const [first, second, third] = bytes;
  try {
    if (first === 0xff && second === 0xfe)
      return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (first === 0xfe && second === 0xff)
      return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    const start = first === 0xef && second === 0xbb && third === 0xbf ? 3 : 0;
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    throw new SpreadsheetRefusedError(
      fileRefusal(
        'not-a-spreadsheet',
        'the file is neither an XLSX workbook nor UTF-8 text; save it as .xlsx or as "CSV UTF-8"',
      ),
    );
  }
}

/** The separator the first line uses most among `,`, `;` and tab. */
function separatorOf(text: string): ',' | ';' | '\t' {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  const counts = ([',', ';', '\t'] as const).map((separator) => ({
    separator,
    count: firstLine.split(separator).length - 1,
  }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0]?.count ? counts[0].separator : ',';
}

function csvError(error: unknown): SpreadsheetRefusedError {
  const detail = error as { message?: string; lines?: number };
  const where = typeof detail.lines === 'number' ? ` near line ${detail.lines}` : '';
  return new SpreadsheetRefusedError(
    fileRefusal('corrupt', `the CSV file cannot be read${where}: ${detail.message ?? String(error)}`),
  );
}

/** A CSV file as one sheet without a name; records are numbered as rows from 1. */
export function csvSheet(bytes: Uint8Array): RawSheet {
  const text = decode(bytes);
  if (text.includes('\u0000')) {
    throw new SpreadsheetRefusedError(fileRefusal('not-a-spreadsheet', 'the file is binary, not CSV text'));
  }
  const separator = separatorOf(text);
  return {
    name: null,
    merges: [],
    date1904: false,
    decimalMark: separator === ';' ? ',' : '.',
    rows: records(text, separator),
  };
}

async function* records(text: string, separator: string): AsyncGenerator<RawRow> {
  const parser = Readable.from([text]).pipe(
    parse({ delimiter: separator, relax_column_count: true, skip_empty_lines: false }),
  );
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      yield {
        row,
        lastColumn: record.length,
        cell: (column) => {
          const field = record[column - 1];
          return field === undefined ? EMPTY : textCell(field);
        },
      };
    }
  } catch (error) {
    throw csvError(error);
  } finally {
    parser.destroy();
  }
}
