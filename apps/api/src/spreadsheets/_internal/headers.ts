// Header matching: a header is compared in a plain form (no diacritics, lower case, words
// separated by single spaces, camelCase split, units in brackets dropped), so a file may write
// it in Vietnamese or English, with or without accents, in any case.
import type { ColumnSpec, SheetLanguage } from '../sheet-kind.ts';

/**
 * @example
 * plainHeader('Thời gian ngừng máy (phút)') // => 'thoi gian ngung may'
 * plainHeader('areaCode') // => 'area code'
 */
export function plainHeader(header: string): string {
  return header
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Every plain header of a kind's columns, to the column key; built once per kind. */
export function headerIndex(columns: readonly ColumnSpec[]): Map<string, ColumnSpec> {
  const index = new Map<string, ColumnSpec>();
  for (const column of columns) {
    for (const header of [column.key, column.header.vi, column.header.en, ...column.aliases]) {
      const plain = plainHeader(header);
      const taken = index.get(plain);
      if (taken && taken !== column) {
        throw new Error(`header ${JSON.stringify(header)} names both ${taken.key} and ${column.key}`);
      }
      index.set(plain, column);
    }
  }
  return index;
}

/** `dossiers (Số hồ sơ)`: the column as named in refusals, in both languages. */
export function bothHeaders(column: Pick<ColumnSpec, 'header'>, first: SheetLanguage = 'en'): string {
  const other = first === 'en' ? 'vi' : 'en';
  return `${column.header[first]} (${column.header[other]})`;
}
