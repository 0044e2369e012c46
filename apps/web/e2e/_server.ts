// One API process on loopback with the demo data in an in-memory PGlite, serving the built app;
// its sign-in links read from what it prints. It stops when asked, when this process dies (its
// stdin closes), or after `lifetimeMs` whatever happens. Used by the stories and the bench.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const api = path.join(web, '..', 'api');
const START_TIMEOUT_MS = 120_000;

export type DemoServer = {
  origin: string;
  tokens: { admin: string; planner: string; reporter: string };
};

export type RunningServer = DemoServer & { stop(): Promise<void> };

/** Builds the app from the current sources when dist/ is stale (a production build). */
export function buildWebApp(): void {
  const built = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: web, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the web app did not build');
}

export async function startDemoServer(lifetimeMs: number): Promise<RunningServer> {
  const watchdog = `data:text/javascript,${encodeURIComponent(
    // Worker threads (the API's compute pool) inherit the flag; only the main thread watches.
    `import { isMainThread } from 'node:worker_threads';
if (isMainThread) {
  process.stdin.on('end', () => process.kill(process.pid, 'SIGKILL'));
  process.stdin.resume();
  setTimeout(() => process.kill(process.pid, 'SIGKILL'), ${lifetimeMs}).unref();
}`,
  )}`;
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', `--import=${watchdog}`, 'src/main.ts'],
    {
      cwd: api,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: '0',
        PGLITE_DATA_DIR: 'memory://',
        DATABASE_URL: '',
        MUSTER_DEMO: '1',
        // The browser tests check what a planner sees, not how fast this machine plans (see the API's test/setup.ts).
        COMPUTE_BUDGET_MS: process.env.COMPUTE_BUDGET_MS ?? '60000',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let printed = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server = await new Promise<DemoServer>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the API did not start:\n${printed}`));
    }, START_TIMEOUT_MS);
    void exited.then(() => reject(new Error(`the API exited:\n${printed}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const origin = /Muster web app on (http:\/\/127\.0\.0\.1:\d+)\//.exec(printed)?.[1];
      if (!origin) return;
      // The first link of a role: the planner's is Đắk Nông's (the 2025 one comes after it).
      const token = (role: string) =>
        new RegExp(`as ${role} \\([^)]*\\): \\S+#token=(\\S+)`).exec(printed)?.[1] ?? '';
      clearTimeout(timer);
      resolve({
        origin,
        tokens: { admin: token('admin'), planner: token('planner'), reporter: token('reporter') },
      });
    });
  });
  return {
    ...server,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
    },
  };
}
