// The heavy lane is a child process at Linux's idle scheduling policy (SCHED_IDLE), every thread of
// it, its garbage collector's and compiler's included: any ordinary thread that wakes (the event
// loop, the light lane, the database, the client) takes the core from it at once. Read from /proc:
// the policy of each thread of each child of this process, and of this one.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compute, computePool, destroyComputePool } from '../src/compute/pool.ts';
import { createRequestWork, withRequestWork } from '../src/limits/request-work.ts';
import { communesUnderRoot } from './_support.ts';

const SCHED_IDLE = 5;
const SCHED_OTHER = 0;

/** Scheduling policy of each thread of process `pid`. */
function policies(pid: number | 'self'): number[] {
  return readdirSync(`/proc/${pid}/task`).flatMap((tid) => {
    try {
      const sched = readFileSync(`/proc/${pid}/task/${tid}/sched`, 'utf8');
      return [Number(/^policy\s*:\s*(\d+)/m.exec(sched)?.[1])];
    } catch {
      return []; // a thread that ended meanwhile
    }
  });
}

/** The processes started by this one that are running Node now (the heavy lane's, once `chrt` has made way for it). */
function nodeChildren(): number[] {
  return readdirSync('/proc/self/task').flatMap((tid) =>
    readFileSync(`/proc/self/task/${tid}/children`, 'utf8')
      .split(' ')
      .filter((pid) => pid !== '')
      .map(Number)
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'node';
        } catch {
          return false;
        }
      }),
  );
}

describe('the heavy lane', () => {
  it('runs in a process whose every thread is at the idle scheduling policy; this process stays at the normal one', async () => {
    computePool({ warm: true });
    let children: number[] = [];
    for (let tries = 0; tries < 200 && children.length === 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      children = nodeChildren();
    }
    expect(children).toHaveLength(1);
    // A computation of a request priced as heavy runs there, and answers.
    const { heavy, light } = computePool();
    const [heavyBefore, lightBefore] = [heavy.completed, light.completed];
    const input = communesUnderRoot(20);
    const heavyRequest = { ...createRequestWork(), estimated: 3_000 };
    const plan = await withRequestWork(heavyRequest, () => compute('planCampaign', input, 'input'));
    expect(plan.areas).toHaveLength(input.areas.length);
    expect([heavy.completed - heavyBefore, light.completed - lightBefore]).toEqual([1, 0]);
    const threads = policies(children[0] as number);
    // Node's own threads: the main one, the platform's workers, libuv's, the inspector's.
    expect(threads.length).toBeGreaterThanOrEqual(4);
    expect(new Set(threads)).toEqual(new Set([SCHED_IDLE]));
    expect(new Set(policies('self'))).toEqual(new Set([SCHED_OTHER]));
  });

  it('stops its process when a computation runs out of time, answers the next from a new one, and leaves none behind when destroyed', async () => {
    const heavyRequest = (budgetMs: number) => ({
      ...createRequestWork({ COMPUTE_BUDGET_MS: String(budgetMs) }),
      estimated: 3_000,
    });
    computePool({ warm: true });
    await withRequestWork(heavyRequest(60_000), () =>
      compute('planCampaign', communesUnderRoot(20), 'input'),
    );
    const [first] = nodeChildren();
    expect(first).toBeDefined();
    // A site of 8,000 visitors a day takes most of a second to staff, or more (priced about 17,800
    // points): 150 ms is not enough. Its input is made before the request's time starts.
    const site = {
      dailyVisitors: 8_000,
      hours: { open: '07:30', close: '22:00' },
      service: { minutesPerDossier: 3.48 },
      target: { meanWaitMinutes: 15 },
    };
    const short = heavyRequest(150);
    await expect(withRequestWork(short, () => compute('planHourlyStaffing', site))).rejects.toMatchObject({
      name: 'LimitExceededError',
      limit: 'time',
      what: 'planHourlyStaffing',
    });
    const plan = await withRequestWork(heavyRequest(60_000), () =>
      compute('planCampaign', communesUnderRoot(20), 'input'),
    );
    expect(plan.areas).toHaveLength(21);
    // Its process was stopped while it computed: another answers.
    const children = nodeChildren();
    expect(children).toHaveLength(1);
    expect(children[0]).not.toBe(first);
    await destroyComputePool();
    expect(nodeChildren()).toEqual([]);
  });
});
