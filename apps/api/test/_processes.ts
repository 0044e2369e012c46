// Real API processes for the multi-process tests: `node --import tsx src/main.ts` on a loopback
// port of its own, with two guards so that none outlives the test run: it exits when its stdin
// closes (the test process died), and it kills itself after a fixed lifetime whatever happens.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphQLResponse } from './graphql.ts';

const apiDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Longest any spawned API process lives; the tests that use them take well under a minute. */
export const PROCESS_LIFETIME_MS = 180_000;
const START_TIMEOUT_MS = 60_000;

// Loaded before main.ts in the child: stdin ends when the parent goes away, for any reason. Worker
// threads inherit the flag; only the main thread watches.
const watchdog = `data:text/javascript,${encodeURIComponent(
  `import { isMainThread } from 'node:worker_threads';
if (isMainThread) {
  process.stdin.on('end', () => process.kill(process.pid, 'SIGKILL'));
  process.stdin.resume();
  setTimeout(() => process.kill(process.pid, 'SIGKILL'), ${PROCESS_LIFETIME_MS}).unref();
}`,
)}`;

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export type ApiProcess = {
  /** `http://127.0.0.1:<port>/graphql`. */
  readonly url: string;
  readonly pid: number;
  /** Everything it printed so far, for failure messages. */
  output(): string;
  /** SIGKILL, then waits for the exit. */
  kill(): Promise<void>;
  /** SIGTERM (SIGKILL after 10 s), then waits for the exit; resolves to the exit code (null when killed). */
  stop(): Promise<number | null>;
};

/**
 * This process's environment with `env` on top, less the snapshot this test file's own in-memory
 * database started from (test/setup.ts): a child opens its database from scratch.
 */
export function childEnv(env: Record<string, string>, without: readonly string[] = []): NodeJS.ProcessEnv {
  const { PGLITE_SNAPSHOT: _snapshot, ...inherited } = process.env;
  const merged: NodeJS.ProcessEnv = { ...inherited, ...env };
  for (const name of without) delete merged[name];
  return merged;
}

/**
 * Starts `src/main.ts` with no demo data on 127.0.0.1 and a free port, with `env` on top of this
 * process's environment less the variables named in `without`, and resolves once it prints its URL.
 */
export async function startApi(
  env: Record<string, string>,
  { without = [] }: { without?: readonly string[] } = {},
): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', `--import=${watchdog}`, 'src/main.ts'], {
    cwd: apiDir,
    env: childEnv({ HOST: '127.0.0.1', PORT: '0', MUSTER_DEMO: '0', ...env }, without),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the API did not start within ${START_TIMEOUT_MS} ms:\n${printed}`));
    }, START_TIMEOUT_MS);
    const watch = (): void => {
      const match = /on (http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(printed);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', watch);
    void exited.then(() => {
      clearTimeout(timer);
      reject(
        new Error(`the API exited before listening (${child.exitCode ?? child.signalCode}):\n${printed}`),
      );
    });
  });
  const pid = child.pid as number;
  return {
    url,
    pid,
    output: () => printed,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
      return child.exitCode;
    },
  };
}

export type HttpGraphQLResult<T> = { status: number; body: GraphQLResponse<T> };

/** One GraphQL operation over HTTP with a bearer token. */
export async function post<T>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<HttpGraphQLResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as HttpGraphQLResult<T>['body'] };
}
