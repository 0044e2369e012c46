// What the reader left aside from a file, by its parts (columns not read, sheets without a header
// row, codes typed as numbers), each with the English sentence the imports' `notes` give: the
// parts let a client word the note in its reader's language, the sentence is composed here only.
import { bothHeaders } from './_internal/headers.ts';
import type { ColumnSpec } from './sheet-kind.ts';

/** A column of a kind of sheet: the field it fills and the header the templates write in each language. */
export type SheetColumnName = Pick<ColumnSpec, 'key' | 'header'>;

/** A column of a sheet's header row that names none of the kind's columns. */
export type ColumnNotRead = {
  /** Its header as written (a header cell that is not text, described: `the number 2021`). */
  header: string;
  /** Its letter as the spreadsheet shows it (`I`). */
  letter: string;
};

/** A note of what was left aside, by its parts, without its sentence. */
export type FileNoteParts =
  | {
      kind: 'columns-not-read';
      /** The sheet of the header row; null in a CSV file. */
      sheet: string | null;
      columns: ColumnNotRead[];
    }
  | {
      kind: 'sheet-not-read';
      /** The sheet skipped; null in a CSV file. */
      sheet: string | null;
      /** The columns a header row must name, in the kind's order. */
      requiredColumns: SheetColumnName[];
      /** How many rows at the top of the sheet were searched for the header row. */
      rowsSearched: number;
    }
  | {
      kind: 'codes-as-numbers';
      /** Always null: the cells are counted over the whole file, every sheet read. */
      sheet: null;
      column: SheetColumnName;
      /** How many cells of the column hold a number. */
      cellCount: number;
    };

/** A note of what was left aside, by its parts and as the English sentence `notes` list. */
export type FileNote = FileNoteParts & { message: string };

function placeOf(sheet: string | null): string {
  return sheet === null ? 'the file' : `sheet ${JSON.stringify(sheet)}`;
}

function messageOf(note: FileNoteParts): string {
  switch (note.kind) {
    case 'columns-not-read':
      return `${placeOf(note.sheet)}: columns not read: ${note.columns
        .map((column) => `${JSON.stringify(column.header)} (${column.letter})`)
        .join(', ')}`;
    case 'sheet-not-read':
      return `${placeOf(note.sheet)} has no header row naming ${note.requiredColumns
        .map((column) => bothHeaders(column))
        .join(', ')} in its first ${note.rowsSearched} rows; not read`;
    case 'codes-as-numbers': {
      const one = note.cellCount === 1;
      return `column ${note.column.key}: ${note.cellCount} ${one ? 'cell holds a number' : 'cells hold numbers'}, read as ${one ? 'its' : 'their'} digits; a code with leading zeros (01, 001) must be written as text`;
    }
  }
}

/**
 * A note of what was left aside, with its English sentence.
 *
 * @example
 * fileNote({ kind: 'columns-not-read', sheet: null, columns: [{ header: 'Ghi chú', letter: 'I' }] }).message
 * // => 'the file: columns not read: "Ghi chú" (I)'
 */
export function fileNote(parts: FileNoteParts): FileNote {
  return { ...parts, message: messageOf(parts) };
}
