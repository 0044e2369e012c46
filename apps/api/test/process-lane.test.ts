// The heavy lane's process (compute/_internal/process-lane.ts) with a child of the test's own
// (_lane-child.mjs): answers matched to their tasks, a child that ends mid-task, a task given up.
import { afterEach, describe, expect, it } from 'vitest';
import { ProcessLane } from '../src/compute/_internal/process-lane.ts';

type Task = { kind: 'echo' | 'later' | 'noise' | 'throw' | 'exit'; value?: number };
type Outcome = { echo: number; pid: number };

let lane: ProcessLane<Task, Outcome>;
afterEach(async () => {
  await lane?.destroy();
});
const newLane = () => {
  lane = new ProcessLane<Task, Outcome>(new URL('./_lane-child.mjs', import.meta.url), false);
  return lane;
};

describe('a process lane', () => {
  it('answers tasks in turn, each with its own answer, stray messages ignored', async () => {
    newLane();
    const answers = await Promise.all([
      lane.run({ kind: 'echo', value: 1 }),
      lane.run({ kind: 'noise', value: 2 }),
      lane.run({ kind: 'echo', value: 3 }),
    ]);
    expect(answers.map((answer) => answer.echo)).toEqual([1, 2, 3]);
    expect(new Set(answers.map((answer) => answer.pid)).size).toBe(1);
    expect(lane.completed).toBe(3);
  });

  it('refuses a task its child threw on, and goes on', async () => {
    newLane();
    await expect(lane.run({ kind: 'throw' })).rejects.toThrow('refused here');
    expect((await lane.run({ kind: 'echo', value: 4 })).echo).toBe(4);
  });

  it('refuses the task of a child that ended, and starts another for the next', async () => {
    newLane();
    const { pid } = await lane.run({ kind: 'echo', value: 5 });
    const [ended, next] = await Promise.allSettled([
      lane.run({ kind: 'exit' }),
      lane.run({ kind: 'echo', value: 6 }),
    ]);
    expect(ended).toMatchObject({
      status: 'rejected',
      reason: { message: expect.stringContaining('ended (3)') },
    });
    expect(next).toMatchObject({ status: 'fulfilled', value: { echo: 6 } });
    expect((next as PromiseFulfilledResult<Outcome>).value.pid).not.toBe(pid);
  });

  it('gives up a waiting task when its signal aborts, and refuses everything once destroyed', async () => {
    newLane();
    const controller = new AbortController();
    const first = lane.run({ kind: 'echo', value: 7 });
    const given = lane.run({ kind: 'echo', value: 8 }, { signal: controller.signal });
    controller.abort(new Error('no longer wanted'));
    await expect(given).rejects.toThrow('no longer wanted');
    expect((await first).echo).toBe(7);
    const pending = expect(lane.run({ kind: 'echo', value: 9 })).rejects.toThrow('stopped');
    await lane.destroy();
    await pending;
    await expect(lane.run({ kind: 'echo', value: 10 })).rejects.toThrow('stopped');
  });

  it('lets a task given up only while it waits run to its end once sent, and keeps its child', async () => {
    newLane();
    const controller = new AbortController();
    const running = lane.run({ kind: 'later', value: 11 }, { signal: controller.signal, whileWaiting: true });
    const queued = lane.run({ kind: 'echo', value: 12 }, { signal: controller.signal, whileWaiting: true });
    controller.abort(new Error('waited too long'));
    await expect(queued).rejects.toThrow('waited too long');
    const { pid } = await running;
    expect((await lane.run({ kind: 'echo', value: 13 })).pid).toBe(pid);
  });
});
