// Where the report at `reports[i]` came from in the file, in words, for what names a row without
// refusing it (a warning of a report accepted).
import type { RowsRead } from '../../spreadsheets/index.ts';
import { describeCellPlace } from '../../spreadsheets/refusal.ts';

/** `row 14, column teamCode` (with the sheet in front when several were read), or null when the path names no row. */
export function rowPlace(read: RowsRead<unknown>, path: string): string | null {
  const match = /^[A-Za-z]+\[(\d+)\](?:\.([A-Za-z]+))?/.exec(path);
  const source = match ? read.rows[Number(match[1])] : undefined;
  if (!match || !source) return null;
  return describeCellPlace({
    sheet: source.sheet,
    row: source.row,
    column: match[2] ?? null,
    showSheet: read.sheets.length > 1,
  });
}
