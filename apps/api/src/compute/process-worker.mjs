// The heavy lane's process (_internal/process-lane.ts), plain JavaScript so that Node can start it
// as it is: it registers tsx, loads the task table, and answers each task its parent sends, one at
// a time, the outcome as its v8 serialization: the parent reads it when its ordinary requests let
// it (compute/pool.ts), where a message is read in one piece as soon as it arrives. It ends with
// its parent (the IPC channel closes when the parent is gone).
import { serialize } from 'node:v8';
import { register } from 'tsx/esm/api';

register();
const { runTask } = await import('./tasks.ts');

process.on('message', async ({ id, task }) => {
  try {
    process.send({ id, outcome: serialize(await runTask(task)) });
  } catch (error) {
    process.send({ id, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
process.on('disconnect', () => process.exit(0));
