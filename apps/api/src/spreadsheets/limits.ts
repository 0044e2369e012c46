// What a spreadsheet upload may hold. Each bound is named with its reason; a file over one is
// refused whole with a `SpreadsheetRefusal` naming the bound, before anything is read from it.

/** The bounds `readSpreadsheet` checks; every reader takes a partial override for tests. */
export type SpreadsheetLimits = {
  /** Bytes of the file as uploaded (XLSX or CSV). */
  maxFileBytes: number;
  /**
   * Bytes of an XLSX once unzipped (all the parts read). Zips compress XML about 10:1; a file far
   * past that ratio is a zip bomb, refused before it reaches the spreadsheet parser.
   */
  maxUnzippedBytes: number;
  /** Parts (files) in an XLSX zip; a real workbook has a few dozen. */
  maxZipEntries: number;
  /** Data rows, all sheets together (rows with nothing in the columns read are not counted). */
  maxRows: number;
  /** Characters in one cell. */
  maxCellCharacters: number;
  /** Rows searched from the top of each sheet for the header row (title rows may sit above it). */
  maxHeaderRow: number;
  /** Problems listed in a refusal; the refusal also says how many there were in all. */
  maxListedIssues: number;
};

/**
 * The defaults. 100,000 rows hold a week of daily reports for every commune of Vietnam (10,603 ×
 * 7 = 74,221) with room to spare, and the issue's target is 100,000 reports imported in under
 * 10 s. A 100,000-row report sheet is about 4 MiB as XLSX and 40 MiB unzipped, 6 MiB as CSV.
 */
export const SPREADSHEET_LIMITS: Readonly<SpreadsheetLimits> = Object.freeze({
  maxFileBytes: 20 * 2 ** 20,
  maxUnzippedBytes: 200 * 2 ** 20,
  maxZipEntries: 1000,
  maxRows: 100_000,
  maxCellCharacters: 4000,
  maxHeaderRow: 20,
  maxListedIssues: 100,
});

/** The defaults with `overrides` laid over them. */
export function spreadsheetLimits(overrides: Partial<SpreadsheetLimits> = {}): SpreadsheetLimits {
  return { ...SPREADSHEET_LIMITS, ...overrides };
}
