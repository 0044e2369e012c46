// The refusals of a file's checks (its cells, who may send its rows, the service's rules) as the
// one answer of the file, so that whoever mends it sees every problem at once.
import { type RowsRead, SPREADSHEET_LIMITS, type SpreadsheetRefusal } from '../../spreadsheets/index.ts';
import { cellsRefusal } from '../../spreadsheets/refusal.ts';

/**
 * One refusal of `refusals` (null, or without a problem, for a check that found none): their
 * issues merged in sheet and row order (each check's own order kept on a row), then the first 100
 * listed, all counted. Each check lists every issue it found, in any order (the reader, which lists
 * its first 100 in row order, counts the others): a check's list cut before the merge could leave
 * out a row that comes before the hundredth. A refusal of the whole list, with no row to name,
 * answers alone, as its check would.
 *
 * @example
 * mergeRefusals(read, [cells, outside]).issues.map((issue) => issue.row)
 * // => [2, 3, 4, 5] (cells on rows 2 and 4, outside on rows 3 and 5)
 */
export function mergeRefusals(
  read: RowsRead<unknown>,
  refusals: readonly (SpreadsheetRefusal | null)[],
): SpreadsheetRefusal {
  const refused = refusals.filter(
    (refusal): refusal is SpreadsheetRefusal => refusal !== null && refusal.issueCount > 0,
  );
  const whole = refused.find((refusal) => refusal.issues.length === 0);
  if (whole) return whole;
  const sheetIndex = new Map(read.sheets.map((sheet, index) => [sheet.name, index]));
  const issues = refused
    .flatMap((refusal) => refusal.issues)
    .sort((a, b) => (sheetIndex.get(a.sheet) ?? 0) - (sheetIndex.get(b.sheet) ?? 0) || a.row - b.row);
  const count = refused.reduce((sum, refusal) => sum + refusal.issueCount, 0);
  return cellsRefusal(issues.slice(0, SPREADSHEET_LIMITS.maxListedIssues), count);
}
