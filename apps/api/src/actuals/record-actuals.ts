// Records a batch of field reports, all or nothing: the same report twice counts once, a changed
// report is a correction whose earlier value goes to the history. Who may send which reports is
// decided by the `recordsReports` scope before this runs.
import type { Principal } from '../auth/tokens.ts';
import type { Memo } from '../compute/memo.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { type CheckedReport, checkReports } from './_internal/check-reports.ts';
import { loadReportContext } from './_internal/report-context.ts';
import type { IndexedFinding } from './_internal/review-reports.ts';
import { withTransactionRetry } from './_internal/transaction-retry.ts';
import { type UpsertedReport, upsertReports } from './_internal/upsert-reports.ts';

export type { RecordOutcome } from './_internal/upsert-reports.ts';

export type ActualReportInput = CheckedReport;

export type RecordActualsResult = {
  created: number;
  corrected: number;
  unchanged: number;
  /** One entry per input report, in input order, with the warnings about its figures. */
  results: (UpsertedReport & { warnings: IndexedFinding[] })[];
};

/** A reporter's report without a team is its own team's. */
export function asSentBy(writer: Principal, reports: readonly ActualReportInput[]): ActualReportInput[] {
  if (writer.role !== 'REPORTER') return [...reports];
  return reports.map((report) => ({ ...report, teamCode: report.teamCode ?? writer.teamCode }));
}

/**
 * Checks a batch (refusing it whole, naming every problem; a day of team reports judged with those
 * already stored for it), then writes it in one transaction, retried on a conflict. `memo`: the
 * request's, where its areas' paths were read for its scope.
 */
export async function recordActuals(
  prisma: PrismaClient,
  sent: readonly ActualReportInput[],
  writer: Principal,
  memo?: Memo,
): Promise<RecordActualsResult> {
  const reports = asSentBy(writer, sent);
  // The stored reports a day is judged with are read before the write: two batches of one day sent
  // at the same moment may each miss the other's. Only a warning is lost; plan vs actual adds every
  // stored report up and warns the day then.
  const context = await loadReportContext(prisma, reports, { memo, sender: writer });
  const warnings = checkReports(reports, context, writer);
  const written = await withTransactionRetry(() => upsertReports(prisma, reports, writer.name));
  const results = written.map((result, index) => ({
    ...result,
    warnings: warnings.filter((warning) => warning.index === index),
  }));
  const count = (outcome: UpsertedReport['outcome']) => results.filter((r) => r.outcome === outcome).length;
  return { created: count('CREATED'), corrected: count('CORRECTED'), unchanged: count('UNCHANGED'), results };
}
