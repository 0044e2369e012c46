// What a kind of spreadsheet holds (areas, machines, reports): its columns, their headers in
// Vietnamese and English with the other headers accepted, and how a row becomes a typed value.
import type { CellRule } from './cell-rules.ts';

export type SheetLanguage = 'vi' | 'en';

/** A phrase in each language the spreadsheets speak. */
export type Words = Readonly<Record<SheetLanguage, string>>;

export type ColumnSpec = {
  /** The field it fills, as the API's input names it (`areaCode`, `dossiers`). */
  key: string;
  /** The header the templates write. */
  header: Words;
  /**
   * Other headers read as this column. Headers are compared without diacritics, case, spaces,
   * punctuation or units in brackets, so `Số hồ sơ`, `SO HO SO` and `so_ho_so` are one header.
   */
  aliases: readonly string[];
  required: boolean;
  /** The same value may not be given on two rows (an area's code in an area list). */
  unique?: boolean;
  rule: CellRule<unknown>;
  /** What the column holds, for the templates' notes. */
  note: Words;
  /** The value of the templates' example row. */
  example: string | number;
  /** Excel number format of the templates' column (`@` keeps codes as text). */
  numFmt?: string;
};

/** Reports a problem that needs two cells of a row (latitude without longitude). */
export type RowProblem = (column: string, expected: string, received: string) => void;

export type SheetKind<T> = {
  name: 'areas' | 'machines' | 'reports';
  /** The sheet's name in templates. */
  title: Words;
  columns: readonly ColumnSpec[];
  /** Builds the typed row from the cells read (null for empty ones), keyed by column key. */
  toRow(cells: Readonly<Record<string, unknown>>, problem: RowProblem): T;
};
