// A later check's refusals (the service's, by the path of the list it was given: `reports[41].areaCode`)
// named as the file's cells: `row 43, column areaCode: must be the code of a known area, got "9999"`.
import type { PlanningInputError } from '@muster/planning';
import { DuplicateEntryError } from '../../errors.ts';
import {
  type CellIssue,
  type CellIssueCode,
  issueAtInputPath,
  type RowsRead,
  SPREADSHEET_LIMITS,
  type SpreadsheetRefusal,
} from '../../spreadsheets/index.ts';
import { cellsRefusal } from '../../spreadsheets/refusal.ts';

const CELL_CODE: Record<PlanningInputError['code'], CellIssueCode> = {
  required: 'required',
  type: 'format',
  format: 'format',
  range: 'range',
  integer: 'range',
  'unknown-reference': 'unknown-reference',
  duplicate: 'duplicate',
  cycle: 'conflict',
  conflict: 'conflict',
};

/**
 * The refusal of the whole file for `errors`, each named by its row and column. `prefix` is what
 * the check put before the list's name (`input.` for a scenario's `input.machines[2]`).
 */
export function refusalOfInputErrors(
  read: RowsRead<unknown>,
  errors: readonly PlanningInputError[],
  prefix = '',
): SpreadsheetRefusal {
  const issues: CellIssue[] = [];
  for (const error of errors) {
    const path = error.path.startsWith(prefix) ? error.path.slice(prefix.length) : error.path;
    const issue = issueAtInputPath(
      read.rows,
      read.sheets,
      { path, expected: error.expected, received: error.received },
      CELL_CODE[error.code],
    );
    // A refusal of the whole list (no row to name) is the file's.
    if (!issue) return { code: 'invalid-cells', message: error.message, issues: [], issueCount: 1 };
    const first = error instanceof DuplicateEntryError ? read.rows[error.firstIndex] : undefined;
    if (first && first.sheet === issue.sheet) issue.firstRow = first.row;
    if (issues.length < SPREADSHEET_LIMITS.maxListedIssues) issues.push(issue);
  }
  return cellsRefusal(issues, errors.length);
}
