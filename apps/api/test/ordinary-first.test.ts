// Long main-thread work (a 20,000-area what-if's slices) runs after the ordinary requests in
// flight, never waiting longer than its limit; ordinary requests and subscriptions wait for nobody.
// Timeouts are faked (the limit passes only when advanced); turns of the event loop are real.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  afterOrdinaryRequests,
  LONG_BODY_BYTES,
  ORDINARY_FIRST_MAX_WAIT_MS,
  serveInTurn,
  waitedForOrdinaryMs,
} from '../src/limits/ordinary-first.ts';
import { createRequestWork, remainingMs } from '../src/limits/request-work.ts';

const turns = async (count: number): Promise<void> => {
  for (let k = 0; k < count; k++) await new Promise((resolve) => setImmediate(resolve));
};

/** A slice of long work asked for now, in a long request, with whether it may run yet. */
function longSlice(): { ran: () => boolean } {
  let ran = false;
  serveInTurn({ bodyBytes: LONG_BODY_BYTES, eventStream: false }, () => {
    void afterOrdinaryRequests().then(() => {
      ran = true;
    });
  });
  return { ran: () => ran };
}

const ordinary = (serve: () => void = () => undefined) =>
  serveInTurn({ bodyBytes: 200, eventStream: false }, serve) as () => void;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('long work after the ordinary requests', () => {
  it('runs after a turn when no ordinary request is in flight', async () => {
    const slice = longSlice();
    await turns(2);
    expect(slice.ran()).toBe(true);
  });

  it('waits while an ordinary request is in flight, and runs once the last one is done', async () => {
    const [first, second] = [ordinary(), ordinary()];
    const slice = longSlice();
    await turns(5);
    expect(slice.ran()).toBe(false);
    first();
    await turns(2);
    expect(slice.ran()).toBe(false);
    second();
    await turns(2);
    expect(slice.ran()).toBe(true);
  });

  it(`waits ${ORDINARY_FIRST_MAX_WAIT_MS} ms at most, so steady traffic cannot starve it`, async () => {
    const done = ordinary();
    const slice = longSlice();
    await turns(2);
    vi.advanceTimersByTime(ORDINARY_FIRST_MAX_WAIT_MS - 1);
    await turns(2);
    expect(slice.ran()).toBe(false);
    vi.advanceTimersByTime(1);
    await turns(2);
    expect(slice.ran()).toBe(true);
    done();
  });

  it('lets an ordinary request’s own slices run after a turn, whoever else is in flight', async () => {
    const other = ordinary();
    let ran = false;
    const own = ordinary(() => {
      void afterOrdinaryRequests().then(() => {
        ran = true;
      });
    });
    await turns(2);
    expect(ran).toBe(true);
    other();
    own();
  });

  it('does not count an open subscription (an event stream) as in flight', async () => {
    expect(serveInTurn({ bodyBytes: 0, eventStream: true }, () => undefined)).toBeNull();
    const slice = longSlice();
    await turns(2);
    expect(slice.ran()).toBe(true);
  });

  it('counts a request done once, however often its response closes', async () => {
    const done = ordinary();
    done();
    done();
    const still = ordinary();
    const slice = longSlice();
    await turns(3);
    expect(slice.ran()).toBe(false);
    still();
    await turns(2);
    expect(slice.ran()).toBe(true);
  });

  it('gives a long request back, in its time budget, the time it stood aside', async () => {
    vi.useRealTimers();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const done = ordinary();
    const seen = { waited: -1, left: -1 };
    serveInTurn({ bodyBytes: LONG_BODY_BYTES, eventStream: false }, () => {
      const work = createRequestWork({ COMPUTE_BUDGET_MS: '100' });
      void afterOrdinaryRequests().then(() => {
        seen.waited = waitedForOrdinaryMs();
        seen.left = remainingMs(work, 'Query.whatIf');
      });
    });
    await turns(2);
    vi.advanceTimersByTime(ORDINARY_FIRST_MAX_WAIT_MS);
    await turns(2);
    expect(seen).toEqual({ waited: ORDINARY_FIRST_MAX_WAIT_MS, left: 100 });
    done();
  });
});
