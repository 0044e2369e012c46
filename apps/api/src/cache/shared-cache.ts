// Results kept across requests in this process: computed plans, daily series and comparisons,
// under keys that name everything they were computed from (the stored data's versions, or the
// hash of an inline input), so an entry is never stale, only unused. Least recently used entries
// go first once the estimated bytes pass the bound. Nothing here is needed by another instance:
// each fills its own from the database.
import { type Memo, memoize } from '../compute/memo.ts';

/** Bound on the estimated bytes kept, unless PLAN_CACHE_MIB says otherwise (a national plan is ~15 MiB). */
export const DEFAULT_CACHE_MIB = 128;

type Entry = { promise: Promise<unknown>; bytes: number; settled?: { value: unknown } };

function boundBytes(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.PLAN_CACHE_MIB);
  return (Number.isFinite(configured) && configured >= 0 ? configured : DEFAULT_CACHE_MIB) * 2 ** 20;
}

/** A map in least-recently-used order (a Map iterates in insertion order: a hit is moved to the end). */
const entries = new Map<string, Entry>();
let totalBytes = 0;
const counts = { hits: 0, misses: 0 };

function remove(key: string, entry: Entry): void {
  if (entries.get(key) !== entry) return;
  entries.delete(key);
  totalBytes -= entry.bytes;
}

function evictOver(bound: number): void {
  for (const [key, entry] of entries) {
    if (totalBytes <= bound) return;
    remove(key, entry);
  }
}

function keep<T>(key: string, make: () => Promise<T>, bytesOf: (value: T) => number): Promise<T> {
  const promise = make();
  const entry: Entry = { promise, bytes: 0 };
  entries.set(key, entry);
  promise.then(
    (value) => {
      if (entries.get(key) !== entry) return;
      entry.settled = { value };
      // An estimate that is not a number would hide every other entry's bytes.
      entry.bytes = Math.max(0, bytesOf(value) || 0);
      totalBytes += entry.bytes;
      evictOver(boundBytes());
    },
    () => remove(key, entry),
  );
  return promise;
}

/**
 * The value kept under `key`, else made by `make` and kept (a failure is not kept). Concurrent
 * requests for a key being made share the one computation; one that fails (for instance because
 * the request that started it ran out of its own time) is made again for the next.
 */
async function shared<T>(key: string, make: () => Promise<T>, bytesOf: (value: T) => number): Promise<T> {
  const kept = entries.get(key);
  if (kept) {
    entries.delete(key);
    entries.set(key, kept);
    counts.hits += 1;
    try {
      return (await kept.promise) as T;
    } catch {
      // Made again below, within this request's own limits.
    }
  } else {
    counts.misses += 1;
  }
  return keep(key, make, bytesOf);
}

/**
 * Once per request (the request's memo), and across requests (this process's cache), the value
 * of `key`: the key must name everything the value depends on.
 */
export function cached<T>(
  memo: Memo,
  key: string,
  make: () => Promise<T>,
  bytesOf: (value: T) => number,
): Promise<T> {
  return memoize(memo, key, () => shared(key, make, bytesOf));
}

/** The value kept under `key` if it is made already (no waiting), as a hit; undefined otherwise. */
export function keptValue<T>(key: string): T | undefined {
  const kept = entries.get(key);
  if (!kept?.settled) return undefined;
  entries.delete(key);
  entries.set(key, kept);
  counts.hits += 1;
  return kept.settled.value as T;
}

/** Keeps `value` under `key`, made already, weighing `bytes`. */
export function keepValue(key: string, value: unknown, bytes: number): void {
  void keep(
    key,
    () => Promise.resolve(value),
    () => bytes,
  );
}

/** What the cache holds now, and its hits and misses so far in this process. */
export function sharedCacheStats(): { entries: number; bytes: number; hits: number; misses: number } {
  return { entries: entries.size, bytes: totalBytes, ...counts };
}

/** Forgets everything (tests that measure a cold start). */
export function clearSharedCache(): void {
  entries.clear();
  totalBytes = 0;
}
