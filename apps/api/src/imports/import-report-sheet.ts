// `importReports(file)`: a day's or a week's reports from a spreadsheet, checked whole and stored in
// one transaction with the idempotency of `recordActuals`, or not at all. A file refused names every
// problem at once, in row order: its bad cells, the rows its writer may not send, and every report
// of the other rows the service refuses.

import { importActuals } from '../actuals/import-actuals.ts';
import { reportsOutside } from '../auth/access.ts';
import type { Principal } from '../auth/tokens.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { type FileNote, type RowsRead, SPREADSHEET_LIMITS } from '../spreadsheets/index.ts';
import { SpreadsheetRefusedError } from '../spreadsheets/refusal.ts';
import { mergeRefusals } from './_internal/merge-refusals.ts';
import { readUpload } from './_internal/read-upload.ts';
import { refusalOfInputErrors } from './_internal/refusal-of-input-errors.ts';
import { type RowOutside, refusalOfRowsOutside } from './_internal/refusal-of-rows-outside.ts';
import { rowPlace } from './_internal/row-place.ts';

export type ImportReportsResult = {
  created: number;
  corrected: number;
  unchanged: number;
  /** Rows read (one report each). */
  rows: number;
  /** Reports accepted whose figures are unlikely, named by row (`row 14, column dossiers: …`; the first 100). */
  warnings: string[];
  /** How many such reports there were in all. */
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
  return {
    created: outcome.created,
    corrected: outcome.corrected,
    unchanged: outcome.unchanged,
    rows: reports.length,
    warningCount: outcome.warnings.length,
    warnings: outcome.warnings.slice(0, SPREADSHEET_LIMITS.maxListedIssues).map((warning) => {
      const at = rowPlace(sendable, warning.path);
      return at ? `${at}: ${warning.reason}` : warning.message;
    }),
    notes: read.notes.map((note) => note.message),
    fileNotes: read.notes,
  };
}
