// What the service left aside from a stored file (`fileNotes` of an import: columns or sheets not
// read, codes typed as numbers), in the reader's language. The API gives each note by its parts
// (`FileNote`) beside its English sentence (`message`); the app words each kind it knows from the
// parts, the columns by the headers the templates write in each language, and gives a note of a kind
// it does not know yet as the service wrote it, said to be the service's English in Vietnamese.

import type { FileNoteKind } from '../gql/graphql.ts';
import type { Locale } from '../i18n/format.ts';
import { translate } from '../i18n/i18n.tsx';

/** A column of a kind of spreadsheet, by its field and the header the templates write (`SheetColumn`). */
export type SheetColumn = { key: string; headerVi: string; headerEn: string };

/** One note of a stored file as the API lists it (`FileNote`); the parts of other kinds are null. */
export type FileNote = {
  kind: FileNoteKind;
  /** The sheet of a workbook the note is of; null in a CSV file and for codes typed as numbers. */
  sheet: string | null;
  /** COLUMNS_NOT_READ: each column not read, its header as written and its letter (`I`). */
  columnsNotRead: { header: string; letter: string }[] | null;
  /** SHEET_NOT_READ: the columns a header row must name. */
  requiredColumns: SheetColumn[] | null;
  /** SHEET_NOT_READ: how many rows at the top of the sheet were searched for a header row. */
  rowsSearched: number | null;
  /** CODES_AS_NUMBERS: the code column. */
  column: SheetColumn | null;
  /** CODES_AS_NUMBERS: how many of its cells hold a number. */
  cellCount: number | null;
  /** The note in the service's English. */
  message: string;
};

function header(column: SheetColumn, locale: Locale): string {
  return locale === 'en' ? column.headerEn : column.headerVi;
}

/** A note in the reader's language, with the sheet it is of. */
function inSheet(locale: Locale, sheet: string | null, words: string): string {
  return sheet === null ? words : translate(locale, 'import.inSheet', { sheet, words });
}

/**
 * One note of a stored file in the reader's language.
 *
 * @example
 * fileNoteWords({ kind: 'COLUMNS_NOT_READ', sheet: null, columnsNotRead: [{ header: 'Ghi chú', letter: 'I' }],
 *   requiredColumns: null, rowsSearched: null, column: null, cellCount: null,
 *   message: 'the file: columns not read: "Ghi chú" (I)' }, 'vi')
 * // => 'Các cột không được đọc: "Ghi chú" (I).'
 */
export function fileNoteWords(note: FileNote, locale: Locale): string {
  const { sheet, columnsNotRead, requiredColumns, rowsSearched, column, cellCount } = note;
  switch (note.kind) {
    case 'COLUMNS_NOT_READ':
      if (columnsNotRead === null) break;
      return inSheet(
        locale,
        sheet,
        translate(locale, 'import.note.columnsNotRead', {
          columns: columnsNotRead.map((read) => `"${read.header}" (${read.letter})`).join(', '),
        }),
      );
    case 'SHEET_NOT_READ':
      // A CSV file without a header row is refused whole: a sheet not read is one of a workbook.
      if (sheet === null || requiredColumns === null || rowsSearched === null) break;
      return translate(locale, 'import.note.sheetNotRead', {
        sheet,
        columns: requiredColumns.map((required) => header(required, locale)).join(', '),
        rows: rowsSearched,
      });
    case 'CODES_AS_NUMBERS':
      if (column === null || cellCount === null) break;
      return inSheet(
        locale,
        sheet,
        translate(locale, 'import.note.codesAsNumbers', { column: header(column, locale), count: cellCount }),
      );
  }
  return translate(locale, 'import.note.other', { note: note.message });
}
