// A later check's refusals (the service's, by the path of the list it was given: `reports[41].areaCode`)
// named as the file's cells: `row 43, column areaCode: must be the code of a known area, got "9999"`.
import type { PlanningInputError } from '@muster/planning';
import { DuplicateEntryError } from '../../errors.ts';
import type { CellIssueCode, RowsRead, SpreadsheetRefusal } from '../../spreadsheets/index.ts';
import { AreaFigureError } from './area-figure-rules.ts';
import { refusalAtPaths } from './refusal-at-paths.ts';

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
 * The refusal of the whole file for `errors`, each named by its row and column, every one listed
 * (`mergeRefusals` lists the first 100 of all the file's checks). `prefix` is what the check put
 * before the list's name (`input.` for a scenario's `input.machines[2]`).
 */
export function refusalOfInputErrors(
  read: RowsRead<unknown>,
  errors: readonly PlanningInputError[],
  prefix = '',
): SpreadsheetRefusal {
  return refusalAtPaths(
    read,
    errors.map((error) => ({
      path: error.path.startsWith(prefix) ? error.path.slice(prefix.length) : error.path,
      code: CELL_CODE[error.code],
      expected: error.expected,
      received: error.received,
      message: error.message,
      ...(error instanceof DuplicateEntryError ? { firstIndex: error.firstIndex } : {}),
      ...(error instanceof AreaFigureError ? { areaFigures: error.figures } : {}),
    })),
  );
}
