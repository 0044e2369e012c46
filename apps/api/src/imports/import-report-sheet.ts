// `importReports(file)`: a day's or a week's reports from a spreadsheet, checked whole and stored in
// one transaction with the idempotency of `recordActuals`, or not at all. A file refused names every
// problem at once, in row order: its bad cells, the rows its writer may not send, and every report
// of the other rows the service refuses.

import { type ImportActualsResult, importActuals } from '../actuals/import-actuals.ts';
import { reportsOutside } from '../auth/access.ts';
import type { Principal } from '../auth/tokens.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { type FileNote, type RowsRead, SPREADSHEET_LIMITS } from '../spreadsheets/index.ts';
import { SpreadsheetRefusedError } from '../spreadsheets/refusal.ts';
import { mergeRefusals } from './_internal/merge-refusals.ts';
import { readUpload } from './_internal/read-upload.ts';
import { refusalOfInputErrors } from './_internal/refusal-of-input-errors.ts';
import { type RowOutside, refusalOfRowsOutside } from './_internal/refusal-of-rows-outside.ts';
import { type RowPlace, rowPlace } from './_internal/row-place.ts';

/** A warning of a report accepted, by its index among the reports checked (`reports[i]`). */
type ReportWarning = Extract<ImportActualsResult, { ok: true }>['warnings'][number];

/**
 * A report of the file accepted whose figures or date are unlikely, by the row it came from: the
 * warning `recordActuals` gives the same report (its code, severity and `reports[i].field` path,
 * `i` the row's place among the rows read, from 0) and the cell of the figure.
 */
export type SheetReportWarning = Omit<RowPlace, 'words'> &
  Pick<ReportWarning, 'path' | 'severity' | 'code'> & {
    /** `row 14, column dossiers: <the reason, in English>`, as `warnings` lists it. */
    message: string;
  };

export type ImportReportsResult = {
  created: number;
  corrected: number;
  unchanged: number;
  /** Rows read (one report each). */
  rows: number;
  /** Reports accepted whose figures are unlikely, named by row (`row 14, column dossiers: …`; the first 100). */
  warnings: string[];
  /** The same warnings by their parts, in the same order (the first 100). */
  rowWarnings: SheetReportWarning[];
  /** How many warnings there were in all (a report may have several). */
  warningCount: number;
  /** What the reader left aside, in English: columns and sheets not read, codes typed as numbers. */
  notes: string[];
  /** The same notes, by their parts. */
  fileNotes: FileNote[];
};

type SentRow = { areaCode: string; teamCode?: string | null };

/** The rows of `read` its writer may not send (another area; for a reporter, another team's). */
async function rowsOutside(
  prisma: PrismaClient,
  writer: Principal,
  read: RowsRead<SentRow>,
): Promise<RowOutside[]> {
  if (writer.role === 'ADMIN') return [];
  const reports = read.rows.map((row) => row.value);
  const codes = [...new Set(reports.map((report) => report.areaCode))];
  const areas = await prisma.area.findMany({
    where: { code: { in: codes } },
    select: { code: true, path: true },
  });
  const paths = new Map(areas.map((area) => [area.code, area.path]));
  return reportsOutside(writer, reports, paths).map(({ index, field }) => ({
    index,
    field,
    received: reports[index]?.[field] ?? '',
  }));
}

/** `warning` by the row and cell it came from (`read.rows[warning.index]`, the figure's column). */
function sheetReportWarning(read: RowsRead<unknown>, warning: ReportWarning): SheetReportWarning {
  const { path, severity, code } = warning;
  const place = rowPlace(read, warning.index, warning.field);
  // The checks were given the rows read, one report each: every warning names one of them.
  if (!place) {
    throw new Error(`a warning of reports[${warning.index}], past the ${read.rows.length} rows read`);
  }
  const { words, ...at } = place;
  return { ...at, path, severity, code, message: `${words}: ${warning.reason}` };
}

/** Reads `file` as reports and stores them all, or throws the refusal naming every problem. */
export async function importReportSheet(
  prisma: PrismaClient,
  file: File,
  writer: Principal,
): Promise<ImportReportsResult> {
  const { read, badCells } = await readUpload(file, 'reports');
  const outside = await rowsOutside(prisma, writer, read);
  // The service checks only the rows the writer may send: the others go whatever else is wrong
  // with them, and its words on them could tell of an area the writer may not see.
  const refused = new Set(outside.map((row) => row.index));
  const sendable = { ...read, rows: read.rows.filter((_, index) => !refused.has(index)) };
  const reports = sendable.rows.map((row) => row.value);
  const outcome = await importActuals(prisma, reports, writer, {
    maxReports: SPREADSHEET_LIMITS.maxRows,
    refused: badCells !== null || outside.length > 0,
  });
  if (!outcome.ok) {
    throw new SpreadsheetRefusedError(
      mergeRefusals(read, [
        badCells,
        refusalOfRowsOutside(read, writer, outside),
        refusalOfInputErrors(sendable, outcome.refusals),
      ]),
    );
  }
  // In row order: the checks give a report's warnings by its index among the rows sent.
  const rowWarnings = outcome.warnings
    .slice(0, SPREADSHEET_LIMITS.maxListedIssues)
    .map((warning) => sheetReportWarning(sendable, warning));
  return {
    created: outcome.created,
    corrected: outcome.corrected,
    unchanged: outcome.unchanged,
    rows: reports.length,
    warningCount: outcome.warnings.length,
    warnings: rowWarnings.map((warning) => warning.message),
    rowWarnings,
    notes: read.notes.map((note) => note.message),
    fileNotes: read.notes,
  };
}
