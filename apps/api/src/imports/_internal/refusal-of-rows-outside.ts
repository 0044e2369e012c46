// The rows a writer may not send, named as the file's cells with the code `forbidden`. What the
// cell must be is said from the writer's own area or team; the area or team the row names is only
// quoted as written, so the refusal tells nothing of a place the writer may not see.
import type { Principal } from '../../auth/tokens.ts';
import type { RowsRead, SpreadsheetRefusal } from '../../spreadsheets/index.ts';
import { refusalAtPaths } from './refusal-at-paths.ts';

/** A row refused: its index among the rows read, the field refused and the code it holds. */
export type RowOutside = { index: number; field: 'areaCode' | 'teamCode' | 'code'; received: string };

/**
 * The refusal of `outside`, every row listed (`mergeRefusals` lists the first 100 of all the
 * file's checks; no issue when it is empty).
 *
 * @example
 * // a reporter of Đắk Song's team (665); the file's third line is for Đắk Glong (661)
 * refusalOfRowsOutside(read, reporter, [{ index: 1, field: 'areaCode', received: '661' }]).issues[0]?.message
 * // => `row 3, column areaCode: must be an area inside this token's area (665), got "661"`
 */
export function refusalOfRowsOutside(
  read: RowsRead<unknown>,
  writer: Principal,
  outside: readonly RowOutside[],
): SpreadsheetRefusal {
  return refusalAtPaths(
    read,
    outside.map(({ index, field, received }) => {
      const path = `rows[${index}].${field}`;
      const expected =
        field === 'teamCode'
          ? `this token's team (${writer.teamCode ?? ''})`
          : `an area inside this token's area (${writer.areaCode ?? ''})`;
      const quoted = JSON.stringify(received);
      return {
        path,
        code: 'forbidden',
        expected,
        received: quoted,
        message: `${path} must be ${expected}, got ${quoted}`,
      };
    }),
  );
}
