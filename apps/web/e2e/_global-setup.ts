// Before the stories: the app built from the current sources, and one API process on loopback with
// the demo data in an in-memory PGlite (its sign-in links read from what it prints). It stops when
// the run ends, when this process dies (its stdin closes), or after PROCESS_LIFETIME_MS anyway.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const web = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const api = path.join(web, '..', 'api');

/** Longest the API lives; the stories take about a minute. */
const PROCESS_LIFETIME_MS = 15 * 60_000;
const START_TIMEOUT_MS = 120_000;

const watchdog = `data:text/javascript,${encodeURIComponent(
  `process.stdin.on('end', () => process.kill(process.pid, 'SIGKILL'));
process.stdin.resume();
setTimeout(() => process.kill(process.pid, 'SIGKILL'), ${PROCESS_LIFETIME_MS}).unref();`,
)}`;

export type E2eServer = { origin: string; tokens: { admin: string; planner: string; reporter: string } };

declare module 'vitest' {
  export interface ProvidedContext {
    server: E2eServer;
  }
}

let child: ChildProcess | null = null;

export async function setup(project: TestProject): Promise<void> {
  const built = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: web, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the web app did not build');
  child = spawn(process.execPath, ['--import', 'tsx', `--import=${watchdog}`, 'src/main.ts'], {
    cwd: api,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      PGLITE_DATA_DIR: 'memory://',
      DATABASE_URL: '',
      MUSTER_DEMO: '1',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let printed = '';
  const running = child;
  running.stderr?.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  const server = await new Promise<E2eServer>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API did not start:\n${printed}`)), START_TIMEOUT_MS);
    running.once('exit', (code) => reject(new Error(`the API exited (${code}):\n${printed}`)));
    running.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const origin = /Muster web app on (http:\/\/127\.0\.0\.1:\d+)\//.exec(printed)?.[1];
      if (!origin) return;
      const token = (role: string) => new RegExp(`as ${role}: \\S+#token=(\\S+)`).exec(printed)?.[1] ?? '';
      clearTimeout(timer);
      resolve({
        origin,
        tokens: { admin: token('admin'), planner: token('planner'), reporter: token('reporter') },
      });
    });
  });
  project.provide('server', server);
}

export async function teardown(): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child?.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child?.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
