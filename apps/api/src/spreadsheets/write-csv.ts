// A view out as CSV with csv-stringify: UTF-8 with a byte-order mark (so Excel reads
// Vietnamese), a header row in the chosen language, comma-separated, dates as ISO days, numbers
// with a decimal point and no digit groups. Text that a spreadsheet would run as a formula is
// prefixed with an apostrophe (CSV injection).
import type { Writable } from 'node:stream';
import { collectBytes, writeCsvRecords } from './_internal/write-out.ts';
import type { SheetLanguage } from './sheet-kind.ts';
import { type SheetView, type ViewCell, viewHeaders } from './sheet-view.ts';

export type WriteCsvOptions = { language: SheetLanguage };

/** Characters that start a formula in Excel, LibreOffice and Google Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: ViewCell): string {
  if (value === null) return '';
  if (typeof value === 'string') return FORMULA_START.test(value) ? `'${value}` : value;
  return String(value);
}

function* records(view: SheetView): Generator<string[]> {
  for (const cells of view.rows) yield cells.map(csvCell);
}

/**
 * Writes one view as CSV to `output`, a row at a time. Resolves when it is all written.
 *
 * @example
 * await writeCsv(planView(plan.areas), { language: 'en' }, response);
 * // '\ufeffCode,Name,Parent code,…'
 */
export function writeCsv(view: SheetView, options: WriteCsvOptions, output: Writable): Promise<void> {
  return writeCsvRecords(viewHeaders(view, options.language), records(view), output);
}

/** {@link writeCsv} into one string (for tests and small files). */
export async function csvText(view: SheetView, options: WriteCsvOptions): Promise<string> {
  return (await collectBytes((output) => writeCsv(view, options, output))).toString('utf8');
}
