// The worker threads' entry, plain JavaScript so that Node can load it as it is: it registers tsx
// (the service runs its TypeScript as source, under `pnpm start` and under vitest alike), then
// loads the task table. Piscina calls the default export with each task.
import { spawnSync } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// A heavy lane's thread puts itself at Linux's idle scheduling policy (pool.ts says why), before
// it starts anything (threads it starts, such as tsx's, inherit it); where `chrt` is missing it
// stays at nice 19 alone.
if (workerData?.idlePolicy === true && process.platform === 'linux') {
  const thread = readlinkSync('/proc/thread-self').split('/').pop();
  spawnSync('chrt', ['--idle', '-p', '0', String(thread)], { stdio: 'ignore' });
}

register();
const { runTask } = await import('./tasks.ts');

export default runTask;
