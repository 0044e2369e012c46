// What a dashboard missed while its connection was down: `actualsRecorded(since)` first answers the
// reports in the area written (recorded, corrected, voided or re-dated) from `since` on (and from
// up to two minutes before it: a write's time is taken before its commit), as stored now, in one
// event, then the live batches. The live feed is listened to before the replay is read,
// so a write committed in between is in one or the other, never lost; a live batch repeating what
// the replay answered (the same report at the same version) is not sent again.

import { REPORT_WRITE_TIMEOUT_MS } from '../actuals/_internal/upsert-reports.ts';
import { subtreeOf } from '../auth/access.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { FeedEvent, RecordedBatch, RecordedReport } from './actuals-feed.ts';

/** The reports written while the subscriber was away, answered first. */
export type ReplayedBatch = RecordedBatch & { replayed: true };

/** Reports one replay may answer; more is refused, naming `since` (read `actualReports` instead). */
export const MAX_REPLAYED_REPORTS = 10_000;

/**
 * The reports in or below `areaPath` whose writes may have committed at or after `since`, by date,
 * area and team; null when there are more than {@link MAX_REPLAYED_REPORTS}. A report's `updatedAt`
 * is its transaction's start, up to {@link REPORT_WRITE_TIMEOUT_MS} before the commit that made it
 * visible, so the replay reaches back that much further: it may repeat reports the subscriber had,
 * never miss one.
 */
export async function reportsWrittenSince(
  prisma: PrismaClient,
  areaPath: string,
  since: Date,
): Promise<RecordedReport[] | null> {
  const reports = await prisma.actualReport.findMany({
    where: {
      updatedAt: { gte: new Date(since.getTime() - REPORT_WRITE_TIMEOUT_MS) },
      area: subtreeOf(areaPath),
    },
    include: { area: { select: { path: true } } },
    orderBy: [{ date: 'asc' }, { areaCode: 'asc' }, { teamKey: 'asc' }],
    take: MAX_REPLAYED_REPORTS + 1,
  });
  return reports.length > MAX_REPLAYED_REPORTS ? null : reports;
}

/**
 * The replayed batch first (when it holds reports), then the live events, less the reports the
 * replay already answered as they are now (the same id and version). Returning it returns the live
 * events at once, even while a read waits for the next one (an async generator would wait).
 */
export function withReplay(
  replayed: readonly RecordedReport[],
  live: AsyncIterableIterator<FeedEvent>,
): AsyncIterableIterator<FeedEvent | ReplayedBatch> {
  const answered = new Set(replayed.map((report) => `${report.id}@${report.version}`));
  let first: ReplayedBatch | null =
    replayed.length > 0
      ? { kind: 'batch', reports: [...replayed], receivedAt: new Date(), replayed: true }
      : null;
  const close = async (): Promise<IteratorReturnResult<undefined>> => {
    await live.return?.();
    return { value: undefined, done: true };
  };
  return {
    async next() {
      if (first !== null) {
        const value = first;
        first = null;
        return { value, done: false };
      }
      for (;;) {
        const result = await live.next();
        if (result.done || result.value.kind !== 'batch' || answered.size === 0) return result;
        const reports = result.value.reports.filter(
          (report) => !answered.has(`${report.id}@${report.version}`),
        );
        if (reports.length > 0) return { value: { ...result.value, reports }, done: false };
      }
    },
    return: close,
    async throw(error: unknown) {
      await close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
