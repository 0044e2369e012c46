// Records a spreadsheet's reports: every report checked first, with every refusal collected (so
// the file's bad rows are all named), then the whole file written in one transaction with the
// idempotency of `recordActuals`, a thousand rows a statement.
import type { PlanningInputError } from '@muster/planning';
import type { Principal } from '../auth/tokens.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { checkReports } from './_internal/check-reports.ts';
import { loadReportContext } from './_internal/report-context.ts';
import type { IndexedFinding } from './_internal/review-reports.ts';
import { withTransactionRetry } from './_internal/transaction-retry.ts';
import { type BulkOutcome, upsertReportsInBulk } from './_internal/upsert-reports.ts';
import { type ActualReportInput, asSentBy } from './record-actuals.ts';

export type ImportActualsResult =
  | ({ ok: true; warnings: IndexedFinding[] } & BulkOutcome)
  /**
   * Nothing stored: every report refused, by its index in the list (`reports[41].areaCode`); none
   * when the file was refused already.
   */
  | { ok: false; refusals: PlanningInputError[] };

export type ImportActualsOptions = {
  /** The file's row limit (a batch of `recordActuals` takes 5,000). */
  maxReports: number;
  /**
   * The file is refused already (a bad cell, a row its writer may not send): its reports are
   * checked so that the refusal names their problems too, and nothing is stored. Default false.
   */
  refused?: boolean;
};

/**
 * Checks `sent` whole (a day of team reports judged with those already stored for it) and stores it
 * only if every report passes and the file is not refused.
 */
export async function importActuals(
  prisma: PrismaClient,
  sent: readonly ActualReportInput[],
  writer: Principal,
  options: ImportActualsOptions,
): Promise<ImportActualsResult> {
  const reports = asSentBy(writer, sent);
  const refusals: PlanningInputError[] = [];
  const context = await loadReportContext(prisma, reports, { sender: writer });
  const warnings = checkReports(reports, context, writer, { maxReports: options.maxReports, refusals });
  if (refusals.length > 0 || options.refused === true) return { ok: false, refusals };
  const written = await withTransactionRetry(() => upsertReportsInBulk(prisma, reports, writer.name));
  return { ok: true, warnings, ...written };
}
