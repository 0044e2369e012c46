// A view to export: a table with typed columns whose headers speak the chosen language. Rows are
// an iterable of cell arrays so a large view (the daily series of a whole country) is written as
// it is produced, never held whole.
import type { SheetLanguage, Words } from './sheet-kind.ts';

/**
 * How a column is written: `integer` and `decimal` as numbers with digit groups, `share` as a
 * percentage of a 0–1 value, `date` as a date cell (`yyyy-mm-dd`, an ISO string in CSV).
 */
export type ViewColumnType = 'text' | 'integer' | 'decimal' | 'share' | 'date' | 'boolean';

export type ViewColumn = {
  key: string;
  header: Words;
  type: ViewColumnType;
  /** Column width in characters (XLSX). */
  width: number;
};

export type ViewCell = string | number | boolean | null;

/** The views `GET /export/<view>` will serve. */
export type ViewName = 'plan' | 'daily' | 'plan-vs-actual' | 'roster' | 'visits';

export type SheetView = {
  name: ViewName;
  /** The sheet's name in a workbook (at most 31 characters). */
  title: Words;
  columns: readonly ViewColumn[];
  /** One array per row, cells in the order of `columns`. */
  rows: Iterable<readonly ViewCell[]>;
};

/** What the sheet "About" says: what the figures are of, where they come from, who made the file. */
export type ExportAbout = {
  /** The scenario's name and its own key (`scenarioId`, what the API's arguments take). */
  scenario: { scenarioId: string; name: string } | null;
  area: { code: string; name: string } | null;
  /** The campaign's first day and deadline (ISO days). */
  campaign: { start: string; deadline: string } | null;
  /** The campaign's IANA time zone; dates in the views are days there. */
  timeZone: string;
  /** When the file was made (ISO instant), given by the caller so the same figures give the same file. */
  generatedAt: string;
  /** Who asked for it: the name on the caller's token; null when unknown. */
  generatedBy: string | null;
  /** What made it, with its version (`Muster 0.1.0`). */
  software: string;
  /** The inputs the figures were computed from, one line each (`calendar.start` → `2021-03-22`). */
  inputs: readonly { name: string; value: ViewCell }[];
};

/** Headers of a view in a language. */
export function viewHeaders(view: Pick<SheetView, 'columns'>, language: SheetLanguage): string[] {
  return view.columns.map((column) => column.header[language]);
}
