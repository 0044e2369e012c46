// A later check's refusals, each by the path of the list it was given (`reports[41].areaCode`,
// `rows[7].code`), named as the file's cells: the one loop of the refusals of the service's rules
// and of the rows a writer may not send.
import {
  type AreaFigureIssue,
  type CellIssue,
  type CellIssueCode,
  type InputPathRefusal,
  issueAtInputPath,
  type RowsRead,
  type SpreadsheetRefusal,
} from '../../spreadsheets/index.ts';
import { cellsRefusal } from '../../spreadsheets/refusal.ts';

/** A refusal to name by its cell: where, why and what; for a `duplicate`, the row first given on. */
export type PathRefusal = InputPathRefusal & {
  code: CellIssueCode;
  /** The sentence the whole file is refused with when `path` names no row. */
  message: string;
  /** For a `duplicate`: the index among the rows read of the row the value is first given on. */
  firstIndex?: number;
  /** For a row of an area file that breaks a rule of the area tree: the figures it compares. */
  areaFigures?: AreaFigureIssue;
};

/**
 * The refusal of the whole file for `refusals`, every one listed in the order given (the answer
 * lists the first 100 of every check, in row order: `mergeRefusals`). One whose path names no row
 * (a refusal of the whole list) is the file's alone.
 *
 * @example
 * refusalAtPaths(read, [{ path: 'reports[0].dossiers', code: 'range', expected: 'at most 1,000,000', received: '2000000', message: '…' }]).issues[0]?.message
 * // => 'row 2, column dossiers: must be at most 1,000,000, got 2000000'
 */
export function refusalAtPaths(
  read: RowsRead<unknown>,
  refusals: readonly PathRefusal[],
): SpreadsheetRefusal {
  const issues: CellIssue[] = [];
  for (const refusal of refusals) {
    const issue = issueAtInputPath(read.rows, read.sheets, refusal, refusal.code);
    if (!issue) return { code: 'invalid-cells', message: refusal.message, issues: [], issueCount: 1 };
    const first = refusal.firstIndex === undefined ? undefined : read.rows[refusal.firstIndex];
    if (first && first.sheet === issue.sheet) issue.firstRow = first.row;
    if (refusal.areaFigures) issue.areaFigures = refusal.areaFigures;
    issues.push(issue);
  }
  return cellsRefusal(issues, issues.length);
}
