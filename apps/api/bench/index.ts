// `pnpm bench` for the API: requests per second and p50/p99 latency of `plan` on a province and
// `planVsActual` over 100 days, under concurrent load on loopback, against the embedded PGlite
// and a PostgreSQL server (BENCH_DATABASE_URL or TEST_DATABASE_URL, else the local test server;
// skipped, and said so, when none answers). Each measurement is time-boxed.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const CONCURRENCY = 8;
const SECONDS_PER_CASE = 5;
const WARMUP_REQUESTS = 8;
const here = path.dirname(fileURLToPath(import.meta.url));

const cases = [
  {
    name: 'plan, Nghệ An (460 communes, 176 machines)',
    query: `{ plan(scenarioId: "nghe-an-2021", areaCode: "40") { __typename ... on CampaignPlan {
      completionDate totals { demand } areas { code demand machines dailyTarget completionDate } daily { date planned } } } }`,
  },
  {
    name: 'planVsActual, Đắk Nông over 100 days',
    query: `{ planVsActual(scenarioId: "dak-nong-2021", areaCode: "67", from: "2021-03-21", to: "2021-06-28") {
      __typename ... on PlanVsActual { totalActual days { date planned actual cumulativeActual variance } forecast { expected earliest latest } } } }`,
  },
];

type Result = { requests: number; perSecond: number; p50Ms: number; p99Ms: number; errors: number };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function post(url: string, query: string): Promise<boolean> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: unknown };
  return response.ok && body.errors === undefined;
}

async function load(url: string, query: string): Promise<Result> {
  for (let i = 0; i < WARMUP_REQUESTS; i += 1) await post(url, query);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const until = started + SECONDS_PER_CASE * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const sent = performance.now();
        if (!(await post(url, query))) errors += 1;
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    perSecond: latencies.length / elapsed,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    errors,
  };
}

async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'server.ts')], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the API did not start within 120 s')), 120_000);
    child.once('exit', (code) => reject(new Error(`the API exited early (${code})`)));
    lines.on('line', (line) => {
      const match = /^listening (\d+)$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return { child, url: `http://127.0.0.1:${port}/graphql` };
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function serverAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

function print(backend: string, name: string, result: Result): void {
  console.log(
    `${backend.padEnd(10)} ${name.padEnd(44)} ${result.perSecond.toFixed(1).padStart(8)} req/s  p50 ${result.p50Ms
      .toFixed(1)
      .padStart(
        7,
      )} ms  p99 ${result.p99Ms.toFixed(1).padStart(7)} ms  (${result.requests} requests, ${result.errors} errors, ${CONCURRENCY} concurrent)`,
  );
}

async function run(backend: string, env: NodeJS.ProcessEnv): Promise<void> {
  const { child, url } = await startServer(env);
  try {
    for (const benchCase of cases) print(backend, benchCase.name, await load(url, benchCase.query));
  } finally {
    await stopServer(child);
  }
}

console.log(`API under load on loopback, ${SECONDS_PER_CASE} s per case:`);
const { DATABASE_URL: _ignored, ...base } = process.env;
await run('PGlite', { ...base, PGLITE_DATA_DIR: 'memory://' });

const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
if (await serverAnswers(serverUrl)) {
  const schema = `muster_bench_${randomBytes(6).toString('hex')}`;
  try {
    await run('PostgreSQL', { ...base, DATABASE_URL: serverUrl, DATABASE_SCHEMA: schema });
  } finally {
    await dropSchema(serverUrl, schema);
  }
} else {
  console.log('PostgreSQL SKIPPED: no server answers; set BENCH_DATABASE_URL=postgres://… to measure it.');
}
