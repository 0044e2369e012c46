// A view out as CSV with csv-stringify: UTF-8 with a byte-order mark (so Excel reads
// Vietnamese), a header row in the chosen language, comma-separated, dates as ISO days, numbers
// with a decimal point and no digit groups (computed decimals and shares to 6 places), yes and no
// in the chosen language (`có`, `không`; `true`, `false`). Text that a spreadsheet would run as a formula is
// prefixed with an apostrophe (CSV injection).
import type { Writable } from 'node:stream';
import { collectBytes, writeCsvRecords } from './_internal/write-out.ts';
import { yesNo } from './_internal/yes-no.ts';
import type { SheetLanguage } from './sheet-kind.ts';
import { type SheetView, type ViewCell, type ViewColumnType, viewHeaders } from './sheet-view.ts';

export type WriteCsvOptions = { language: SheetLanguage };

/** Characters that start a formula in Excel, LibreOffice and Google Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Decimal places a CSV keeps of a computed figure (325.7142857142857 → 325.714286, a share
 * 0.039019288300549744 → 0.039019, a centroid's degrees to 0.1 m): a spreadsheet reader's
 * precision, not the float's. The XLSX keeps every digit behind its number format.
 */
const CSV_PLACES: Partial<Record<ViewColumnType, number>> = { decimal: 6, share: 6 };

function csvCell(value: ViewCell, type: ViewColumnType | undefined, language: SheetLanguage): string {
  if (value === null) return '';
  // An English CSV keeps `true`/`false`, as it always wrote them; a Vietnamese one says yes and no.
  if (typeof value === 'boolean') return language === 'en' ? String(value) : yesNo(value, language);
  if (typeof value === 'string') return FORMULA_START.test(value) ? `'${value}` : value;
  const places = type === undefined ? undefined : CSV_PLACES[type];
  if (typeof value === 'number' && places !== undefined && Number.isFinite(value)) {
    // Number() drops the zeros toFixed pads with; + 0 turns -0 into 0.
    return String(Number(value.toFixed(places)) + 0);
  }
  return String(value);
}

function* records(view: SheetView, language: SheetLanguage): Generator<string[]> {
  const types = view.columns.map((column) => column.type);
  for (const cells of view.rows) yield cells.map((cell, index) => csvCell(cell, types[index], language));
}

/**
 * Writes one view as CSV to `output`, a row at a time. Resolves when it is all written.
 *
 * @example
 * await writeCsv(planView(plan.areas), { language: 'en' }, response);
 * // '\ufeffCode,Name,Parent code,…'
 */
export function writeCsv(view: SheetView, options: WriteCsvOptions, output: Writable): Promise<void> {
  return writeCsvRecords(viewHeaders(view, options.language), records(view, options.language), output);
}

/** {@link writeCsv} into one string (for tests and small files). */
export async function csvText(view: SheetView, options: WriteCsvOptions): Promise<string> {
  return (await collectBytes((output) => writeCsv(view, options, output))).toString('utf8');
}
