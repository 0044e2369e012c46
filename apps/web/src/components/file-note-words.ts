// What the service left aside from a stored file (`notes` of an import: columns or sheets not read,
// codes typed as numbers), in the reader's language. The API writes each note as an English
// sentence only; the app words the ones it knows from their parts, and gives any other as the
// service wrote it, said to be the service's English in Vietnamese.

import type { Locale } from '../i18n/format.ts';
import { translate } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/vi.ts';

/** The header of each column whose codes the reader notes when typed as numbers, by its field. */
const CODE_COLUMNS: Record<string, MessageKey> = {
  code: 'import.column.code',
  parentCode: 'import.column.parentCode',
  areaCode: 'import.column.areaCode',
  teamCode: 'import.column.teamCode',
};

/** `sheet "Hướng dẫn"` or `the file` (a CSV file), as the notes begin. */
const PLACE = '(?:sheet "(.*)"|the file)';
const COLUMNS_NOT_READ = new RegExp(`^${PLACE}: columns not read: (.+)$`, 'su');
const SHEET_NOT_READ = new RegExp(
  `^${PLACE} has no header row naming (.+) in its first (\\d+) rows; not read$`,
  'su',
);
const CODES_AS_NUMBERS = /^column (\w+): (\d+) cells? holds? (?:a )?numbers?, read as/su;

/**
 * The columns a header must name, as the note lists them, in the reader's language: the API gives
 * each as `English (Vietnamese)`; a list not so written is kept as it is.
 */
function requiredColumns(list: string, locale: Locale): string {
  const columns = list.split(', ').map((item) => /^(.+) \(([^()]+)\)$/su.exec(item));
  if (columns.some((column) => column === null)) return list;
  return columns.map((column) => (locale === 'en' ? column?.[1] : column?.[2])).join(', ');
}

/** A note in the reader's language, with the sheet it is of. */
function inSheet(locale: Locale, sheet: string | undefined, words: string): string {
  return sheet === undefined ? words : translate(locale, 'import.inSheet', { sheet, words });
}

/**
 * One note of a stored file in the reader's language.
 *
 * @example
 * fileNoteWords('the file: columns not read: "Ghi chú" (I)', 'vi')
 * // => 'Các cột không được đọc: "Ghi chú" (I).'
 */
export function fileNoteWords(note: string, locale: Locale): string {
  const notRead = COLUMNS_NOT_READ.exec(note);
  if (notRead) {
    const [, sheet, columns = ''] = notRead;
    return inSheet(locale, sheet, translate(locale, 'import.note.columnsNotRead', { columns }));
  }
  const skipped = SHEET_NOT_READ.exec(note);
  if (skipped?.[1] !== undefined) {
    const [, sheet, columns = '', rows = ''] = skipped;
    return translate(locale, 'import.note.sheetNotRead', {
      sheet,
      columns: requiredColumns(columns, locale),
      rows,
    });
  }
  const numbers = CODES_AS_NUMBERS.exec(note);
  if (numbers) {
    const [, field = '', count = ''] = numbers;
    const header = CODE_COLUMNS[field];
    return translate(locale, 'import.note.codesAsNumbers', {
      column: header ? translate(locale, header) : field,
      count: Number(count),
    });
  }
  return translate(locale, 'import.note.other', { note });
}
