// Committed writes of actual reports, as they happen on any instance: the database notifies the
// reports each statement wrote, at commit, on the schema's `actuals` channel (triggers of
// migration 20261129195000_actuals_notify_per_statement: PostgreSQL LISTEN/NOTIFY, or PGlite's
// own in-process), as "<transaction id> <report id> …". This
// process listens once for all its subscribers, groups the notifications of one transaction into
// one batch, reads the batch's reports once, and hands each subscriber those in its area.
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

/** Reports read per statement (PostgreSQL takes at most 65,535 parameters). */
const READ_SLICE = 10_000;

function byDateAreaTeam(a: RecordedReport, b: RecordedReport): number {
  for (const key of ['date', 'areaCode', 'teamKey'] as const) {
    if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1;
  }
  return 0;
}

type Feed = {
  /** Batches with reports in or below `areaPath`, from now on, until the iterator is returned. */
  subscribe(areaPath: string): Promise<AsyncIterable<RecordedBatch>>;
  /** Stops listening. */
  close(): Promise<void>;
};

/** The feed of `database`'s committed reports; it starts listening on its first subscriber. */
export function createActualsFeed(database: Database): Feed {
  const subscribers = new Set<(batch: RecordedBatch) => void>();
  let listening: Promise<() => Promise<void>> | null = null;
  let pending: { transaction: string; ids: Set<string>; receivedAt: Date } | null = null;
  let quiet: NodeJS.Timeout | null = null;
  // Batches are read and published one after the other, so subscribers get them in commit order.
  let publishing: Promise<void> = Promise.resolve();

  const publish = (ids: string[], receivedAt: Date): void => {
    publishing = publishing.then(async () => {
      const reports: RecordedReport[] = [];
      // An import's batch may name 100,000 reports: read in slices a statement's parameters hold.
      for (let start = 0; start < ids.length; start += READ_SLICE) {
        reports.push(
          ...(await database.prisma.actualReport.findMany({
            where: { id: { in: ids.slice(start, start + READ_SLICE) } },
            include: { area: { select: { path: true } } },
          })),
        );
      }
      reports.sort(byDateAreaTeam);
      if (reports.length > 0) for (const deliver of subscribers) deliver({ reports, receivedAt });
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
    const [transaction, ...ids] = payload.split(' ');
    if (!transaction || ids.length === 0) return;
    if (pending !== null && pending.transaction !== transaction) flush();
    pending ??= { transaction, ids: new Set(), receivedAt: new Date() };
    for (const id of ids) pending.ids.add(id);
    if (quiet) clearTimeout(quiet);
    quiet = setTimeout(flush, BATCH_QUIET_MS);
  };

  return {
    async subscribe(areaPath) {
      // A listen that failed (the database unreachable) is forgotten, so the next subscriber tries again.
      listening ??= database.listen('actuals', onPayload);
      const started = listening;
      try {
        await started;
      } catch (error) {
        if (listening === started) listening = null;
        throw error;
      }
      return subscription(subscribers, (report) => isInSubtree(report.area.path, areaPath));
    },
    async close() {
      if (quiet) clearTimeout(quiet);
      const stop = listening;
      listening = null;
      if (stop) await (await stop.catch(() => async () => undefined))();
    },
  };
}

/** Batches a subscriber has not read yet, beyond which the oldest are dropped (a stalled reader). */
const MAX_QUEUED_BATCHES = 1000;

/**
 * A subscriber's batches, the reports `inArea` only, from the moment it is made (not from its
 * first read, so nothing committed between subscribing and reading is lost), until returned.
 */
function subscription(
  subscribers: Set<(batch: RecordedBatch) => void>,
  inArea: (report: RecordedReport) => boolean,
): AsyncIterableIterator<RecordedBatch> {
  const queued: RecordedBatch[] = [];
  let waiting: ((result: IteratorResult<RecordedBatch>) => void) | null = null;
  let finished = false;
  const deliver = (batch: RecordedBatch): void => {
    const reports = batch.reports.filter(inArea);
    if (reports.length === 0) return;
    const mine = { ...batch, reports };
    if (waiting) {
      const wake = waiting;
      waiting = null;
      wake({ value: mine, done: false });
      return;
    }
    queued.push(mine);
    if (queued.length > MAX_QUEUED_BATCHES) queued.shift();
  };
  subscribers.add(deliver);
  const finish = (): IteratorResult<RecordedBatch> => {
    finished = true;
    subscribers.delete(deliver);
    waiting?.({ value: undefined, done: true });
    waiting = null;
    return { value: undefined, done: true };
  };
  return {
    next() {
      const next = queued.shift();
      if (next) return Promise.resolve({ value: next, done: false });
      if (finished) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    return: () => Promise.resolve(finish()),
    throw: (error: unknown) => {
      finish();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
