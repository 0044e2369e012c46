// The main thread serves ordinary requests first. A long request body (a what-if's 20,000 areas,
// 1.6 MB) costs the event loop about 200 ms on this machine: its JSON read, its long lists coerced
// and laid out for a worker, in slices (long-variables.ts, compute/_internal/rows-as-columns.ts).
// Between slices it used to take its turn with everyone else, so every request arriving meanwhile
// waited behind a few of its slices. Now a slice starts when no ordinary request is in flight, or
// after ORDINARY_FIRST_MAX_WAIT_MS, so a long request cannot starve under steady traffic. The body
// itself is read in the heavy lane (JSON.parse cannot be sliced: 10–20 ms in one piece), its long
// lists coming back as columns (cache/body-digest.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** A request body this long or longer is a long one: its main-thread work waits for the others. */
export const LONG_BODY_BYTES = 64 * 1024;
/** Longest a slice of long work waits for the ordinary requests in flight to finish. */
export const ORDINARY_FIRST_MAX_WAIT_MS = 15;

let ordinaryInFlight = 0;
/**
 * The request being served: an ordinary one's slices (a long list in a short body) wait for
 * nobody; a long one's waits are summed, and added to its time budget (request-work.ts), which
 * counts the time its computations take, not the time it stood aside.
 */
const turnScope = new AsyncLocalStorage<{ ordinary: boolean; waitedMs: number }>();
const waiting = new Set<() => void>();

/** True while serving a long request (its body LONG_BODY_BYTES or more). */
export function inLongRequest(): boolean {
  return turnScope.getStore()?.ordinary === false;
}

/** Milliseconds the current request has stood aside for ordinary ones so far. */
export function waitedForOrdinaryMs(): number {
  return turnScope.getStore()?.waitedMs ?? 0;
}

/**
 * Runs `serve` for a request: a long one as it is; an ordinary one counted in flight until the
 * returned `done` is called. A subscription (an event stream, open for hours) is ordinary but not
 * counted: long work would otherwise always wait its longest.
 */
export function serveInTurn(
  request: { bodyBytes: number; eventStream: boolean },
  serve: () => void,
): (() => void) | null {
  if (request.bodyBytes >= LONG_BODY_BYTES) {
    turnScope.run({ ordinary: false, waitedMs: 0 }, serve);
    return null;
  }
  turnScope.run({ ordinary: true, waitedMs: 0 }, serve);
  if (request.eventStream) return null;
  ordinaryInFlight += 1;
  let finished = false;
  return () => {
    if (finished) return;
    finished = true;
    ordinaryInFlight -= 1;
    if (ordinaryInFlight === 0) for (const waiter of waiting) waiter();
  };
}

/**
 * Resolves when the next slice of work may run: in an ordinary request after a turn of the event
 * loop; in a long one, once no ordinary request is in flight as well, or ORDINARY_FIRST_MAX_WAIT_MS
 * later.
 */
export async function afterOrdinaryRequests(): Promise<void> {
  await nextTurn();
  const turn = turnScope.getStore();
  if (turn?.ordinary === true || ordinaryInFlight <= 0) return;
  const began = performance.now();
  await new Promise<void>((resolve) => {
    const waiter = (): void => {
      clearTimeout(timer);
      waiting.delete(waiter);
      resolve();
    };
    const timer = setTimeout(waiter, ORDINARY_FIRST_MAX_WAIT_MS);
    waiting.add(waiter);
  });
  if (turn) turn.waitedMs += performance.now() - began;
}
