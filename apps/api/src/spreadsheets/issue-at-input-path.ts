// A refusal of the rows after reading (recordActuals' `reports[41].dossiers must be …`) named
// by the file's row and column instead, so a file and a batch are refused for the same reasons
// in the words of each.
import { describeCell } from './_internal/raw-cell.ts';
import type { ColumnPlace, SourceRow } from './read-spreadsheet.ts';
import { type CellIssue, type CellIssueCode, cellIssue } from './refusal.ts';

/** What a later check refused: the shape of `PlanningInputError`. */
export type InputPathRefusal = { path: string; expected: string; received: string };

/**
 * What the row read holds in `column`, quoted as the reader quotes a cell (`"661"`, `0`); null
 * when it holds no text or number there.
 */
function heldIn(source: SourceRow<unknown>, column: string | null): string | null {
  if (column === null || typeof source.value !== 'object' || source.value === null) return null;
  const value = (source.value as Record<string, unknown>)[column];
  if (typeof value === 'number') return describeCell({ kind: 'number', value });
  if (typeof value === 'string') return describeCell({ kind: 'text', text: value });
  return null;
}

/**
 * The cell behind `rows[i].field` of the rows read, or null when the path names no row. What it
 * received is what that cell holds, as the reader names a cell: a check that judged the row may
 * have said why in its own (English) words instead, which `expected` and the code carry.
 *
 * @example
 * issueAtInputPath(read.rows, read.sheets, { path: 'reports[0].dossiers', expected: 'at most 40,000', received: '90000' })?.message
 * // => 'row 2, column dossiers: must be at most 40,000, got 90000'
 */
export function issueAtInputPath(
  rows: readonly SourceRow<unknown>[],
  sheets: readonly { name: string | null; columns: readonly ColumnPlace[] }[],
  refusal: InputPathRefusal,
  code: CellIssueCode = 'range',
): CellIssue | null {
  const match = /^[A-Za-z]+\[(\d+)\](?:\.([A-Za-z]+))?/.exec(refusal.path);
  const source = match ? rows[Number(match[1])] : undefined;
  if (!match || !source) return null;
  const column = match[2] ?? null;
  const place = sheets.find((sheet) => sheet.name === source.sheet)?.columns.find((c) => c.key === column);
  return cellIssue(
    {
      sheet: source.sheet,
      row: source.row,
      column,
      header: place?.header ?? null,
      cell: place ? `${place.letter}${source.row}` : null,
      code,
      expected: refusal.expected,
      received: heldIn(source, column) ?? refusal.received,
    },
    { showSheet: sheets.length > 1 },
  );
}
