// The API processes the bench drives (bench/server.ts): started with the environment given,
// ready once they print their port and tokens, stopped with SIGTERM (SIGKILL after 10 s).
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { BenchLoopDelay, BenchMemory, BenchServerReady } from './server.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export type Server = { child: ChildProcess; ready: BenchServerReady };

export async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  // --expose-gc: memory is read after a full collection, so before and after compare like with like.
  // BENCH_NODE_FLAGS adds flags (`--cpu-prof --cpu-prof-dir=/tmp/prof` profiles the server).
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
      '--expose-gc',
      '--import',
      'tsx',
      path.join(here, 'server.ts'),
    ],
    {
      env,
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const ready = await new Promise<BenchServerReady>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the API did not start within 120 s'));
    }, 120_000);
    child.once('exit', (code) => reject(new Error(`the API exited early (${code})`)));
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      clearTimeout(timer);
      resolve(JSON.parse(line) as BenchServerReady);
    });
  });
  return { child, ready };
}

export function memoryOf(child: ChildProcess): Promise<BenchMemory> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(message as BenchMemory));
    child.send('memory');
  });
}

/** The server's event-loop delay since the last call (the first call only starts the count). */
export function loopDelayOf(child: ChildProcess): Promise<BenchLoopDelay> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(message as BenchLoopDelay));
    child.send('loop');
  });
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
