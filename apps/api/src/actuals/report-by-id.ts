// The stored reports that a request's fields name by id (plan vs actual's warnings, up to a
// thousand of them), loaded in one query: the fields ask for their reports as they resolve, and the
// query runs once they all have (after the current turn of the event loop), for every id asked with
// the same selection. Only reports the caller sees are loaded; another is answered as none.
import { areaScope } from '../auth/access.ts';
import { signedIn } from '../auth/signed-in.ts';
import type { Principal } from '../auth/tokens.ts';
import type { Memo } from '../compute/memo.ts';
import type { ActualReport, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { turnBatches } from './_internal/turn-batches.ts';

/** What the schema's selection asks of each report (the Prisma plugin's `query`). */
export type ReportQuery = { include?: Prisma.ActualReportInclude; select?: Prisma.ActualReportSelect };

/** The ids asked with one selection in the current turn, and the reports found for them. */
const reportBatches = turnBatches<Set<string>, Map<string, ActualReport>>();

/**
 * The stored report of this id (latest version, voided or not), loaded with every other id the
 * request asks for in the same turn with the same selection; null when there is none the caller sees.
 *
 * @example
 * await Promise.all(warnings.map((w) => reportById(prisma, memo, principal, {}, w.reportId)))
 * // => [{ id: '0b6f…', date: '2019-05-07', areaCode: 'E2E-2019', … }, …], in one query
 */
export function reportById(
  prisma: PrismaClient,
  memo: Memo,
  principal: Principal | null,
  query: ReportQuery,
  id: string,
): Promise<ActualReport | null> {
  // The caller in the key too: the memo is the request's today, but a batch must never serve
  // reports found in one caller's scope to another.
  const key = `${principal?.tokenId ?? ''} ${JSON.stringify(query)}`;
  const batch = reportBatches.open(
    memo,
    key,
    () => new Set<string>(),
    async (ids) => {
      const reports = await prisma.actualReport.findMany({
        ...query,
        // Found reports are told apart by their key, whatever the selection asks.
        ...(query.select ? { select: { ...query.select, id: true } } : {}),
        where: { id: { in: [...ids] }, area: signedIn(principal, areaScope) },
      });
      return new Map(reports.map((report) => [report.id, report]));
    },
  );
  batch.asked.add(id);
  return batch.result.then((reports) => reports.get(id) ?? null);
}
