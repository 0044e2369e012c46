// Where the report at `reports[i]` came from in the file, in words, for refusals that are not a
// cell's (a row another team's, outside the caller's area).
import type { SheetRead } from './read-upload.ts';

/** `row 14, column teamCode` (with the sheet in front when several were read), or null. */
export function rowPlace(read: SheetRead<unknown>, path: string): string | null {
  const match = /^[A-Za-z]+\[(\d+)\](?:\.([A-Za-z]+))?/.exec(path);
  const source = match ? read.rows[Number(match[1])] : undefined;
  if (!match || !source) return null;
  const sheet =
    read.sheets.length > 1 && source.sheet !== null ? `sheet ${JSON.stringify(source.sheet)}, ` : '';
  return `${sheet}row ${source.row}${match[2] ? `, column ${match[2]}` : ''}`;
}
