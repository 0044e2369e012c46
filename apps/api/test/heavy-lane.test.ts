// The heavy lane's thread runs at Linux's idle scheduling policy (SCHED_IDLE): any ordinary thread
// that wakes (the event loop, the light lane, the database, the client) takes the core from it at
// once, where at nice 19 it waited for the scheduler's wake-up granularity, hop after hop of every
// ordinary request. Read from /proc: the policy of each thread of this process.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computePool } from '../src/compute/pool.ts';

const SCHED_IDLE = 5;

/** Scheduling policy of each thread of this process. */
function policies(): number[] {
  return readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      const sched = readFileSync(`/proc/self/task/${tid}/sched`, 'utf8');
      return [Number(/^policy\s*:\s*(\d+)/m.exec(sched)?.[1])];
    } catch {
      return []; // a thread that ended meanwhile
    }
  });
}

describe('the heavy lane', () => {
  it('runs at the idle scheduling policy; this thread (the event loop) stays at the normal one', async () => {
    const idleNow = () => policies().filter((policy) => policy === SCHED_IDLE).length;
    const before = idleNow();
    computePool({ warm: true });
    let idle = 0;
    for (let tries = 0; tries < 200 && idle === 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      idle = idleNow() - before;
    }
    expect(idle).toBeGreaterThanOrEqual(1);
    const own = readFileSync('/proc/thread-self/sched', 'utf8');
    expect(Number(/^policy\s*:\s*(\d+)/m.exec(own)?.[1])).toBe(0);
  });
});
