// Committed writes of actual reports, as they happen on any instance: the database notifies the
// reports each statement wrote, at commit, on the schema's `actuals` channel (triggers of
// migration 20261129195000_actuals_notify_per_statement: PostgreSQL LISTEN/NOTIFY, or PGlite's
// own in-process), as "<transaction id> <report id> …". This
// process listens once for all its subscribers, groups the notifications of one transaction into
// one batch, reads the batch's reports once, and hands each subscriber those in its area.
// A subscription lasts only as long as the token it was opened with: a change of a token's grant
// is notified on the schema's `tokens` channel (migration 20261129210000_tokens_notify, from any
// instance or the token command), and every batch is checked against the tokens before it goes
// out, so a revoked token's subscription ends at once, or at the latest before its next event.
// A token's expiry needs no notification: each subscriber holds a timer at its token's expiry, which
// checks the token again then and ends the subscription, with no traffic at all.
import { isInSubtree, withinScope } from '../auth/access.ts';
import { unrevokedGrants } from '../auth/tokens.ts';
import type { Database } from '../db.ts';
import type { ActualReport } from '../generated/prisma/client.ts';

/** A report written by a batch, with its area's path (for the subscribers' scopes). */
export type RecordedReport = ActualReport & { area: { path: string } };

/** The reports of one committed transaction (a batch recorded, a report voided or re-dated). */
export type RecordedBatch = {
  kind: 'batch';
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

/**
 * Why a subscription ended before its subscriber left: its token was revoked (or deleted), expired,
 * or the token's area no longer holds the area subscribed to.
 */
export type SubscriptionEnd = { kind: 'ended'; reason: 'token-revoked' | 'token-expired' | 'out-of-scope' };

/** What a subscriber reads: batches, and last, when its token stops allowing it, why it ended. */
export type FeedEvent = RecordedBatch | SubscriptionEnd;

/** One subscriber: the token it subscribed with and the area it follows. */
type Subscriber = {
  tokenId: string;
  areaPath: string;
  deliver(batch: RecordedBatch): void;
  end(reason: SubscriptionEnd['reason']): void;
  /** Calls `due` once at `expiresAt` (this instance's clock), in place of an earlier call set. */
  atExpiry(expiresAt: Date, due: () => void): void;
};

/** The longest delay a Node.js timer takes (about 24.8 days); a later expiry is re-armed then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A subscriber's events, and whether its token has already ended it (its end is then queued). */
export type FeedSubscription = AsyncIterableIterator<FeedEvent> & { hasEnded(): boolean };

type Feed = {
  /**
   * Batches with reports in or below `areaPath`, from now on, until the iterator is returned or the
   * token `tokenId` no longer lets its holder see `areaPath`.
   */
  subscribe(areaPath: string, tokenId: string): Promise<FeedSubscription>;
  /** Stops listening. */
  close(): Promise<void>;
};

/** Listens on each topic; when one fails, stops those already listening and throws. */
async function listenAll(
  database: Database,
  handlers: Record<string, (payload: string) => void>,
): Promise<(() => Promise<void>)[]> {
  const started = await Promise.allSettled(
    Object.entries(handlers).map(([topic, onPayload]) => database.listen(topic, onPayload)),
  );
  const stops = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all(stops.map((stop) => stop().catch(() => undefined)));
    throw failed.reason;
  }
  return stops;
}

/** The feed of `database`'s committed reports; it starts listening on its first subscriber. */
export function createActualsFeed(database: Database): Feed {
  const subscribers = new Set<Subscriber>();
  let listening: Promise<(() => Promise<void>)[]> | null = null;
  let pending: { transaction: string; ids: Set<string>; receivedAt: Date } | null = null;
  let quiet: NodeJS.Timeout | null = null;
  // Batches are read and published one after the other, so subscribers get them in commit order.
  let publishing: Promise<void> = Promise.resolve();

  // Ends the subscriptions whose token is no longer live, or no longer sees the area followed; the
  // others are checked again at their token's expiry.
  // Checks run concurrently (a batch, a token's change, a subscription opening, an expiry due),
  // each on its own connection: a read begun before a change may finish after the read begun
  // after it. Each subscriber keeps the newest read applied to it, and an older one is dropped, so
  // a stale expiry never replaces a newer timer.
  let reads = 0;
  const newestRead = new WeakMap<Subscriber, number>();
  const checkTokens = async (checked: readonly Subscriber[]): Promise<void> => {
    if (checked.length === 0) return;
    reads += 1;
    const read = reads;
    const grants = await unrevokedGrants(database.prisma, [...new Set(checked.map((s) => s.tokenId))]);
    const now = Date.now();
    for (const subscriber of checked) {
      if ((newestRead.get(subscriber) ?? 0) > read) continue;
      newestRead.set(subscriber, read);
      const grant = grants.get(subscriber.tokenId);
      if (!grant) subscriber.end('token-revoked');
      else if (grant.expiresAt.getTime() <= now) subscriber.end('token-expired');
      else if (!withinScope(grant, subscriber.areaPath)) subscriber.end('out-of-scope');
      else subscriber.atExpiry(grant.expiresAt, () => onExpiryDue(subscriber, grant.expiresAt));
    }
  };

  // Read again rather than ended outright: an expiry moved later (a change notified meanwhile
  // re-arms the timer, but one missed while listening was down does not).
  const onExpiryDue = (subscriber: Subscriber, expiresAt: Date): void => {
    checkTokens([subscriber]).catch((error: unknown) => {
      console.error('actuals feed: an expiring token could not be checked', error);
      // Past the last expiry read: it ends, whether or not the token was renewed since.
      if (Date.now() >= expiresAt.getTime()) subscriber.end('token-expired');
      else subscriber.atExpiry(expiresAt, () => onExpiryDue(subscriber, expiresAt));
    });
  };

  const onTokenChanged = (tokenId: string): void => {
    const affected = [...subscribers].filter((subscriber) => subscriber.tokenId === tokenId);
    checkTokens(affected).catch((error: unknown) => {
      console.error('actuals feed: a changed token could not be checked', error);
    });
  };

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
      if (reports.length === 0) return;
      // A token notification missed while the listening connection was down still ends its
      // subscriptions here, before they receive anything more.
      await checkTokens([...subscribers]);
      for (const subscriber of subscribers) subscriber.deliver({ kind: 'batch', reports, receivedAt });
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
    async subscribe(areaPath, tokenId) {
      // A listen that failed (the database unreachable) is forgotten, so the next subscriber tries again.
      listening ??= listenAll(database, { actuals: onPayload, tokens: onTokenChanged });
      const started = listening;
      try {
        await started;
      } catch (error) {
        if (listening === started) listening = null;
        throw error;
      }
      const events = subscription(subscribers, tokenId, areaPath);
      // The token was read when the request began: a revocation committed since, before this
      // subscriber was listed, was heard by nobody for it.
      try {
        await checkTokens([...subscribers].filter((subscriber) => subscriber.tokenId === tokenId));
      } catch (error) {
        // Not left listed (and queueing) when the subscription fails.
        await events.return?.();
        throw error;
      }
      return events;
    },
    async close() {
      if (quiet) clearTimeout(quiet);
      const stop = listening;
      listening = null;
      const stops = stop ? await stop.catch(() => []) : [];
      await Promise.all(stops.map((unlisten) => unlisten()));
    },
  };
}

/** Batches a subscriber has not read yet, beyond which the oldest are dropped (a stalled reader). */
const MAX_QUEUED_BATCHES = 1000;

/**
 * A subscriber's batches, the reports in or below `areaPath` only, from the moment it is made (not
 * from its first read, so nothing committed between subscribing and reading is lost), until
 * returned, or ended by its token (then the end is its last event, and what was queued is dropped).
 */
function subscription(subscribers: Set<Subscriber>, tokenId: string, areaPath: string): FeedSubscription {
  const queued: FeedEvent[] = [];
  // Ended by its token (then its end is queued), as against finished by its reader.
  let ended = false;
  let waiting: ((result: IteratorResult<FeedEvent>) => void) | null = null;
  let finished = false;
  let expiry: NodeJS.Timeout | null = null;
  const stopExpiry = (): void => {
    if (expiry) clearTimeout(expiry);
    expiry = null;
  };
  const push = (event: FeedEvent): void => {
    if (waiting) {
      const wake = waiting;
      waiting = null;
      wake({ value: event, done: false });
      return;
    }
    queued.push(event);
    if (queued.length > MAX_QUEUED_BATCHES) queued.shift();
  };
  const subscriber: Subscriber = {
    tokenId,
    areaPath,
    deliver(batch) {
      const reports = batch.reports.filter((report) => isInSubtree(report.area.path, areaPath));
      if (reports.length > 0) push({ ...batch, reports });
    },
    end(reason) {
      if (finished) return;
      stopExpiry();
      ended = true;
      subscribers.delete(subscriber);
      queued.length = 0;
      push({ kind: 'ended', reason });
      finished = true;
    },
    atExpiry(expiresAt, due) {
      stopExpiry();
      if (finished) return;
      const delayMs = Math.max(0, expiresAt.getTime() - Date.now());
      // A later expiry than a timer takes: checked again at the longest delay, which re-arms it.
      expiry = setTimeout(due, Math.min(delayMs, MAX_TIMER_MS));
      // An open subscription does not keep a stopping process alive.
      expiry.unref();
    },
  };
  subscribers.add(subscriber);
  const finish = (): IteratorResult<FeedEvent> => {
    finished = true;
    stopExpiry();
    subscribers.delete(subscriber);
    queued.length = 0;
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
    hasEnded: () => ended,
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
