// Where the row at `read.rows[i]` came from in the file, for what names a row without refusing it
// (a warning of a report accepted, a leaf stored without a centroid): by its index among the rows
// read, as the checks give it, never read back out of a path.
import type { RowsRead } from '../../spreadsheets/index.ts';
import { describeCellPlace } from '../../spreadsheets/refusal.ts';

/** A row of the file, and the cell of one of its columns when one is named. */
export type RowPlace = {
  /** The sheet's name; null in a CSV file. */
  sheet: string | null;
  /** The row as the spreadsheet numbers it (1 is the first line). */
  row: number;
  /** The column's field (`dossiers`), as asked; null for the row as a whole. */
  column: string | null;
  /** The column's header as written in the file; null for the row, or a column the sheet has not. */
  header: string | null;
  /** The cell's address (`D14`); null for the row, or a column the sheet has not. */
  cell: string | null;
  /** The place in English: `row 14, column dossiers`, the sheet in front when several were read. */
  words: string;
};

/**
 * Where the row at `index` of the rows read came from, with the cell of `column` in it; null when
 * no row was read at `index`.
 *
 * @example
 * rowPlace(read, 0, 'dossiers')?.words // => 'row 4, column dossiers'
 */
export function rowPlace(
  read: RowsRead<unknown>,
  index: number,
  column: string | null = null,
): RowPlace | null {
  const source = read.rows[index];
  if (!source) return null;
  const place =
    column === null
      ? undefined
      : read.sheets.find((sheet) => sheet.name === source.sheet)?.columns.find((c) => c.key === column);
  return {
    sheet: source.sheet,
    row: source.row,
    column,
    header: place?.header ?? null,
    cell: place ? `${place.letter}${source.row}` : null,
    words: describeCellPlace({
      sheet: source.sheet,
      row: source.row,
      column,
      showSheet: read.sheets.length > 1,
    }),
  };
}
