// A stored report file's unlikely rows in the reader's language: the API gives each by its row,
// column and code (`SheetReportWarning`) beside its English sentence, and the app says the code
// as the reporter's form says the same warning of a report recorded one by one (warning-words.ts),
// the row and column in front, as a refused file's cells are named.

import type { Locale } from '../i18n/format.ts';
import { translate } from '../i18n/i18n.tsx';
import { warningWords } from '../views/report/warning-words.ts';

/** A row of a stored file whose figures are unlikely, as the API lists it (`SheetReportWarning`). */
export type SheetWarning = {
  /** The sheet of a workbook the row is on; null (or absent) in a CSV file. */
  sheet?: string | null;
  row: number;
  /** The column's field (`dossiers`); null for the row as a whole. */
  column: string | null;
  /** The column's header as written in the file, shown before the field's key. */
  header: string | null;
  code: string;
};

/**
 * One unlikely row in the reader's language, its place first.
 *
 * @example
 * sheetWarningWords({ row: 4, column: 'dossiers', header: 'Số hồ sơ', code: 'above-service-capacity' }, 'en')
 * // => 'Row 4, column Số hồ sơ · More dossiers than the machines can take in 24 hours: check the dossiers and the machines.'
 */
export function sheetWarningWords(warning: SheetWarning, locale: Locale): string {
  const sentence = translate(locale, warningWords(warning.code));
  const row = String(warning.row);
  const column = warning.header ?? warning.column;
  const words =
    column === null
      ? translate(locale, 'import.warning.row', { row, warning: sentence })
      : translate(locale, 'import.warning.cell', { row, column, warning: sentence });
  // A workbook of one sheet a day: the row alone would not say which.
  return warning.sheet ? translate(locale, 'import.inSheet', { sheet: warning.sheet, words }) : words;
}
