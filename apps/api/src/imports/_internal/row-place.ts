// Where the report at `reports[i]` came from in the file, for refusals that are not a cell's (a
// row another team's, outside the caller's area): as fields, and in words.
import type { SheetPlace } from '../../errors.ts';
import { describeCellPlace } from '../../spreadsheets/refusal.ts';
import type { SheetRead } from './read-upload.ts';

/** The sheet, row and column of `rows[i].column` in the file, or null when the path names no row. */
export function sheetPlace(read: SheetRead<unknown>, path: string): SheetPlace | null {
  const match = /^[A-Za-z]+\[(\d+)\](?:\.([A-Za-z]+))?/.exec(path);
  const source = match ? read.rows[Number(match[1])] : undefined;
  if (!match || !source) return null;
  return { sheet: source.sheet, row: source.row, column: match[2] ?? null };
}

/** `row 14, column teamCode` (with the sheet in front when several were read), or null. */
export function rowPlace(read: SheetRead<unknown>, path: string): string | null {
  const place = sheetPlace(read, path);
  return place && describeCellPlace({ ...place, showSheet: read.sheets.length > 1 });
}
