// Committed writes of actual reports, as they happen on any instance: the database notifies each
// report written, at commit, on the schema's `actuals` channel (a trigger of migration
// 20261129180000_data_versions: PostgreSQL LISTEN/NOTIFY, or PGlite's own in-process). This
// process listens once for all its subscribers, groups the notifications of one transaction into
// one batch, reads the batch's reports once, and hands each subscriber those in its area.
import { createPubSub, filter, map, pipe } from 'graphql-yoga';
import { isInSubtree } from '../auth/access.ts';
import type { Database } from '../db.ts';
import type { ActualReport } from '../generated/prisma/client.ts';

/** A report written by a batch, with its area's path (for the subscribers' scopes). */
export type RecordedReport = ActualReport & { area: { path: string } };

/** The reports of one committed transaction (a batch recorded, a report voided or re-dated). */
export type RecordedBatch = {
  reports: RecordedReport[];
  /** When this instance heard of the commit. */
  receivedAt: Date;
};

/**
 * Quiet time after which a transaction's notifications are taken as complete. A transaction's
 * notifications arrive together at its commit, before any later one's; a pause this long only
 * happens between transactions.
 */
const BATCH_QUIET_MS = 20;

type Feed = {
  /** Batches with reports in or below `areaPath`, from now on, until the iterator is returned. */
  subscribe(areaPath: string): Promise<AsyncIterable<RecordedBatch>>;
  /** Stops listening. */
  close(): Promise<void>;
};

/** The feed of `database`'s committed reports; it starts listening on its first subscriber. */
export function createActualsFeed(database: Database): Feed {
  const pubSub = createPubSub<{ batch: [RecordedBatch] }>();
  let listening: Promise<() => Promise<void>> | null = null;
  let pending: { transaction: string; ids: Set<string>; receivedAt: Date } | null = null;
  let quiet: NodeJS.Timeout | null = null;
  // Batches are read and published one after the other, so subscribers get them in commit order.
  let publishing: Promise<void> = Promise.resolve();

  const publish = (ids: string[], receivedAt: Date): void => {
    publishing = publishing.then(async () => {
      const reports = await database.prisma.actualReport.findMany({
        where: { id: { in: ids } },
        include: { area: { select: { path: true } } },
        orderBy: [{ date: 'asc' }, { areaCode: 'asc' }, { teamKey: 'asc' }],
      });
      if (reports.length > 0) pubSub.publish('batch', { reports, receivedAt });
    });
    publishing = publishing.catch((error: unknown) => {
      console.error('actuals feed: a batch could not be read', error);
    });
  };

  const flush = (): void => {
    if (quiet) clearTimeout(quiet);
    quiet = null;
    if (pending === null) return;
    const { ids, receivedAt } = pending;
    pending = null;
    publish([...ids], receivedAt);
  };

  const onPayload = (payload: string): void => {
    const [transaction, id] = payload.split(' ');
    if (!transaction || !id) return;
    if (pending !== null && pending.transaction !== transaction) flush();
    pending ??= { transaction, ids: new Set(), receivedAt: new Date() };
    pending.ids.add(id);
    if (quiet) clearTimeout(quiet);
    quiet = setTimeout(flush, BATCH_QUIET_MS);
  };

  return {
    async subscribe(areaPath) {
      listening ??= database.listen('actuals', onPayload);
      await listening;
      const inArea = (report: RecordedReport) => isInSubtree(report.area.path, areaPath);
      return pipe(
        pubSub.subscribe('batch'),
        map((batch: RecordedBatch) => ({ ...batch, reports: batch.reports.filter(inArea) })),
        filter((batch: RecordedBatch) => batch.reports.length > 0),
      );
    },
    async close() {
      if (quiet) clearTimeout(quiet);
      const stop = listening;
      listening = null;
      if (stop) await (await stop)();
    },
  };
}
