// `importReports(file)`: a day's or a week's reports from a spreadsheet, checked whole (every bad
// cell, then every report the service refuses, named by row and column) and stored in one
// transaction with the idempotency of `recordActuals`, or not at all.

import { importActuals } from '../actuals/import-actuals.ts';
import { refuseReportsOutside } from '../auth/access.ts';
import type { Principal } from '../auth/tokens.ts';
import { ForbiddenError } from '../errors.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { SPREADSHEET_LIMITS } from '../spreadsheets/index.ts';
import { SpreadsheetRefusedError } from '../spreadsheets/refusal.ts';
import { readUpload, type SheetRead } from './_internal/read-upload.ts';
import { refusalOfInputErrors } from './_internal/refusal-of-input-errors.ts';
import { rowPlace, sheetPlace } from './_internal/row-place.ts';

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
  /** What the reader left aside: columns and sheets not read, codes typed as numbers. */
  notes: string[];
};

/**
 * Refuses a planner's or reporter's file naming the first row it may not send (another area; for a
 * reporter, another team's), in its message and as its `place`.
 */
async function refuseRowsOutside(
  prisma: PrismaClient,
  writer: Principal,
  read: SheetRead<{ areaCode: string; teamCode?: string | null }>,
): Promise<void> {
  if (writer.role === 'ADMIN') return;
  const reports = read.rows.map((row) => row.value);
  const codes = [...new Set(reports.map((report) => report.areaCode))];
  const areas = await prisma.area.findMany({
    where: { code: { in: codes } },
    select: { code: true, path: true },
  });
  try {
    refuseReportsOutside(writer, reports, new Map(areas.map((area) => [area.code, area.path])));
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
    const at = rowPlace(read, error.field) ?? error.field;
    throw new ForbiddenError(
      `${at}: ${error.message.replace(/^\S+: /, '')}`,
      'Mutation.importReports',
      sheetPlace(read, error.field),
    );
  }
}

/** Reads `file` as reports and stores them all, or throws the refusal naming every bad row. */
export async function importReportSheet(
  prisma: PrismaClient,
  file: File,
  writer: Principal,
): Promise<ImportReportsResult> {
  const read = await readUpload(file, 'reports');
  if (!read.ok) throw new SpreadsheetRefusedError(read.refusal);
  const reports = read.rows.map((row) => row.value);
  const place = (path: string) => rowPlace(read, path);
  await refuseRowsOutside(prisma, writer, read);
  const outcome = await importActuals(prisma, reports, writer, SPREADSHEET_LIMITS.maxRows);
  if (!outcome.ok) throw new SpreadsheetRefusedError(refusalOfInputErrors(read, outcome.refusals));
  return {
    created: outcome.created,
    corrected: outcome.corrected,
    unchanged: outcome.unchanged,
    rows: reports.length,
    warningCount: outcome.warnings.length,
    warnings: outcome.warnings.slice(0, SPREADSHEET_LIMITS.maxListedIssues).map((warning) => {
      const at = place(warning.path);
      return at ? `${at}: ${warning.message.replace(/^\S+: /, '')}` : warning.message;
    }),
    notes: read.notes,
  };
}
