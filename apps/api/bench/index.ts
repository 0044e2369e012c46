// `pnpm bench` for the API: an open-loop load run on loopback against a real API process. Two
// operations at once, each at a fixed target rate whatever the answers do (requests leave on
// schedule, not after the previous answer): `plan` for a demo scenario and area, and
// `recordActuals` in small batches from the demo teams' reporter tokens. Per operation it prints
// the target and achieved rate, p50/p99 latency (from the scheduled send time, so a server that
// falls behind shows it), errors (non-200, any GraphQL error, any typed error), and the server
// process's RSS and heap before and after, over ROUNDS rounds, each the load alone and then the
// load with the heavy requests, pooled per side (with each round's figure, for the spread).
// Embedded PGlite always; PostgreSQL too when
// DATABASE_URL (or BENCH_DATABASE_URL) names a server, in a schema of its own, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { dropSchema, seededRandom } from '../test/_support.ts';
import { loopDelayOf, memoryOf, percentile, type Server, startServer, stopServer } from './_servers.ts';
import {
  P99_RATIO_TARGET,
  type SenderData,
  SLOW_EVERY_MS,
  SLOW_REQUESTS,
  SLOW_TARGET_MS,
  type SlowTally,
} from './_slow-requests.ts';
import { run as runLive } from './live.bench.ts';
import type { BenchLoopDelay, BenchMemory, BenchServerReady } from './server.ts';
import { run as runSpreadsheets } from './spreadsheets.bench.ts';

/** Measured seconds of each side of a round (see ROUNDS); with start-up a backend takes about 3 min. */
const RUN_SECONDS = 8;
const WARMUP_SECONDS = 1;
/** Answers still missing this long after the run are counted as errors. */
const DRAIN_TIMEOUT_MS = 10_000;
const SEED = 20_260_511;

/**
 * Target rates (requests a second), chosen on the 2-core development machine with other work on
 * it: with both operations at once, 10 plans + 50 batches a second saturate it (PGlite falls
 * behind at ~6 + ~32, p50 1.7 s; PostgreSQL just holds, p50 ~600 ms), 6 + 30 hold on both with
 * p50 under 200 ms, and 4 + 25 leave room for the rest of the machine. BENCH_PLAN_RATE and
 * BENCH_RECORD_RATE override them.
 */
const TARGETS = {
  plan: Number(process.env.BENCH_PLAN_RATE ?? 4),
  recordActuals: Number(process.env.BENCH_RECORD_RATE ?? 25),
};
/** Share of the target below which a run is reported as falling behind. */
const HELD_SHARE = 0.95;
/** "Flat memory": the server's heap after the run and a forced GC, against before it. */
const FLAT_HEAP_RATIO = 1.25;
const REPORTS_PER_BATCH = { min: 1, max: 5 };

const PLAN_QUERY = `query { plan(scenarioId: "nghe-an-2021", areaCode: "40") { __typename ... on CampaignPlan {
  completionDate totals { demand } areas { code demand machines dailyTarget completionDate } daily { date planned } } } }`;
const RECORD_MUTATION = `mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) {
  __typename ... on RecordActualsPayload { created corrected unchanged reports { outcome report { id version } } } } }`;

type Request = { token: string; query: string; variables?: Record<string, unknown>; expect: string };
type Tally = { latenciesMs: number[]; errors: number; firstError: string | null; pending: number };

/** True when the answer is a 200 with no GraphQL error and the expected (non-error) type. */
async function send(url: string, request: Request): Promise<string | null> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${request.token}` },
      body: JSON.stringify({ query: request.query, variables: request.variables ?? {} }),
    });
    const text = await response.text();
    if (response.status !== 200) return `HTTP ${response.status}: ${text.slice(0, 200)}`;
    const body = JSON.parse(text) as { data?: Record<string, { __typename?: string }>; errors?: unknown };
    if (body.errors !== undefined) return `GraphQL errors: ${JSON.stringify(body.errors).slice(0, 200)}`;
    const typename = Object.values(body.data ?? {})[0]?.__typename;
    return typename === request.expect ? null : `answered ${typename}`;
  } catch (error) {
    return `request failed: ${(error as Error).message}`;
  }
}

/** Sends `next()` at `perSecond` on schedule until `untilMs`, without waiting for answers. */
function openLoop(
  url: string,
  perSecond: number,
  startMs: number,
  untilMs: number,
  next: () => Request,
  tally: Tally,
): Promise<void> {
  const inFlight: Promise<void>[] = [];
  let sent = 0;
  return new Promise((resolve) => {
    const tick = (): void => {
      const now = performance.now();
      for (;;) {
        const scheduledMs = startMs + (sent * 1000) / perSecond;
        if (scheduledMs > now || scheduledMs >= untilMs) break;
        sent += 1;
        tally.pending += 1;
        inFlight.push(
          send(url, next()).then((error) => {
            tally.pending -= 1;
            tally.latenciesMs.push(performance.now() - scheduledMs);
            if (error !== null) {
              tally.errors += 1;
              tally.firstError ??= error;
            }
          }),
        );
      }
      if (now >= untilMs) {
        clearInterval(timer);
        resolve(Promise.all(inFlight).then(() => undefined));
      }
    };
    const timer = setInterval(tick, 2);
  });
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
/** The heavy lane's process's resident memory, or why it is not known. */
const heavyLane = (memory: BenchMemory): string =>
  memory.heavyLaneRssBytes === null ? 'not read (not running, or no /proc)' : mib(memory.heavyLaneRssBytes);

async function run(backend: string, server: Promise<Server>): Promise<number> {
  const { child, ready } = await server;
  try {
    const url = `http://127.0.0.1:${ready.port}/graphql`;
    const random = seededRandom(SEED);
    const dates = Array.from({ length: 60 }, (_, day) =>
      new Date(Date.UTC(2021, 3, 1 + day)).toISOString().slice(0, 10),
    );
    const planRequest = (): Request => ({
      token: ready.readerToken,
      query: PLAN_QUERY,
      expect: 'CampaignPlan',
    });
    const recordRequest = (): Request => {
      const reporter = ready.reporters[
        Math.floor(random() * ready.reporters.length)
      ] as BenchServerReady['reporters'][number];
      const size =
        REPORTS_PER_BATCH.min + Math.floor(random() * (REPORTS_PER_BATCH.max - REPORTS_PER_BATCH.min + 1));
      const keys = new Map<string, Record<string, unknown>>();
      while (keys.size < size) {
        const date = dates[Math.floor(random() * dates.length)] as string;
        const areaCode = reporter.areaCodes[Math.floor(random() * reporter.areaCodes.length)] as string;
        // Few distinct figures: resent reports are often unchanged, otherwise corrections.
        keys.set(`${date}|${areaCode}`, { date, areaCode, dossiers: 400 + Math.floor(random() * 4) * 10 });
      }
      return {
        token: reporter.token,
        query: RECORD_MUTATION,
        variables: { reports: [...keys.values()] },
        expect: 'RecordActualsPayload',
      };
    };

    const warmup = performance.now();
    const ignored = (): Tally => ({ latenciesMs: [], errors: 0, firstError: null, pending: 0 });
    await Promise.all([
      openLoop(url, TARGETS.plan, warmup, warmup + WARMUP_SECONDS * 1000, planRequest, ignored()),
      openLoop(url, TARGETS.recordActuals, warmup, warmup + WARMUP_SECONDS * 1000, recordRequest, ignored()),
    ]);

    const start = await memoryOf(child);
    // Rounds of the load without, then with, the heavy requests: other work on the machine weighs
    // on both sides alike, and the figures pool every round's requests (a p99 of one 8-s run's 32
    // plans is its slowest one).
    // The heavy requests are sent from a thread of their own, their bodies (one per send) written
    // there before any run: the bench's event loop writing, holding and sending them (and its
    // collector) would delay the normal traffic it sends and times, and count against the server.
    const heavy = await startSender({
      url,
      token: ready.readerToken,
      sends: ROUNDS * Math.ceil((RUN_SECONDS * 1000) / SLOW_EVERY_MS),
    });
    const rounds: Round[] = [];
    // Memory is judged from the end of the first round to the end of the last, beside what the
    // kept plans (bounded, PLAN_CACHE_MIB) hold at each: the heavy requests' plans fill them.
    let before = start;
    for (let round = 0; round < ROUNDS; round++) {
      const without = await loadRound(url, child, planRequest, recordRequest, null);
      const withSlow = await loadRound(url, child, planRequest, recordRequest, heavy);
      rounds.push({ without, withSlow });
      // What the heavy requests left running (a worker started again after one ran out of time)
      // must not weigh on the next round's figures without them.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      if (round === 0 && ROUNDS > 1) before = await memoryOf(child);
    }
    const after = await memoryOf(child);
    await heavy.terminate();

    let errors = 0;
    for (const operation of ['plan', 'recordActuals'] as const) {
      const target = TARGETS[operation];
      const side = pooled(rounds.map((round) => round.without.tallies[operation]));
      const answered = side.latenciesMs.length;
      const failed = side.errors;
      errors += failed;
      const sorted = [...side.latenciesMs].sort((a, b) => a - b);
      const elapsedSeconds = rounds.reduce((sum, round) => sum + round.without.elapsedSeconds, 0);
      const achieved = (answered - side.errors) / elapsedSeconds;
      console.log(
        `${backend.padEnd(10)} ${operation.padEnd(13)} target ${String(target).padStart(3)} req/s  achieved ${achieved.toFixed(1).padStart(5)} req/s (${achieved >= HELD_SHARE * target ? 'held' : 'BEHIND'})  p50 ${percentile(sorted, 50).toFixed(0).padStart(5)} ms  p99 ${percentile(sorted, 99).toFixed(0).padStart(5)} ms (${answered} requests; rounds' p99 ${spread(
          rounds.map((round) => p99Of(round.without.tallies[operation])),
          'ms',
        )})  errors ${failed} (target 0)${side.firstError ? ` (first: ${side.firstError})` : ''}`,
      );
    }
    const heapRatio = after.heapUsedBytes / before.heapUsedBytes;
    console.log(
      `${backend.padEnd(10)} server memory (heap ${mib(start.heapUsedBytes)} at the start) from the end of round 1 to the end of round ${ROUNDS}, plans kept ${mib(before.cacheBytes)} → ${mib(after.cacheBytes)}: RSS ${mib(before.rssBytes)} → ${mib(after.rssBytes)} (×${(
        after.rssBytes / before.rssBytes
      ).toFixed(
        2,
      )}), heap ${mib(before.heapUsedBytes)} → ${mib(after.heapUsedBytes)} (×${heapRatio.toFixed(2)}); the heavy lane's process RSS ${heavyLane(before)} → ${heavyLane(after)} (reported: a computation stopped for time starts a new one)  target: flat, heap ≤ ×${FLAT_HEAP_RATIO}  ${heapRatio <= FLAT_HEAP_RATIO ? '✓ meets target' : '✗ misses target'}`,
    );
    return errors + printSlowRounds(backend, rounds);
  } finally {
    await stopServer(child);
  }
}

/** Rounds of the load run, each side RUN_SECONDS; BENCH_ROUNDS overrides. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
/** Quiet time after each round's heavy requests have answered, before the next round. */
const SETTLE_MS = 2000;

type LoadRound = {
  tallies: { plan: Tally; recordActuals: Tally };
  /** Heavy requests by name; empty for a round without them. */
  slow: Map<string, SlowTally>;
  elapsedSeconds: number;
  /** The server's event-loop delay over the round, and this process's (the load's client). */
  loop: BenchLoopDelay;
  clientLoop: BenchLoopDelay;
};
type Round = { without: LoadRound; withSlow: LoadRound };

/** One side's tallies of every round as one. */
function pooled(tallies: readonly Tally[]): Tally {
  return {
    latenciesMs: tallies.flatMap((tally) => tally.latenciesMs),
    errors: tallies.reduce((sum, tally) => sum + tally.errors, 0),
    firstError: tallies.find((tally) => tally.firstError !== null)?.firstError ?? null,
    pending: tallies.reduce((sum, tally) => sum + tally.pending, 0),
  };
}

const p99Of = (tally: Tally): number =>
  percentile(
    [...tally.latenciesMs].sort((a, b) => a - b),
    99,
  );

/** The smallest and largest of some figures, as "a–b unit". */
function spread(values: readonly number[], unit: 'ms' | '×'): string {
  const [low, high] = [Math.min(...values), Math.max(...values)];
  return unit === 'ms' ? `${low.toFixed(0)}–${high.toFixed(0)} ms` : `×${low.toFixed(2)}–${high.toFixed(2)}`;
}

/**
 * The load for RUN_SECONDS; with `heavy` (the sender thread), the heaviest accepted request of each
 * computed field too, one every SLOW_EVERY_MS / 4, each kind in turn. Answers missing
 * DRAIN_TIMEOUT_MS after the run are counted as errors.
 */
async function loadRound(
  url: string,
  child: Server['child'],
  planRequest: () => Request,
  recordRequest: () => Request,
  heavy: Worker | null,
): Promise<LoadRound> {
  const fresh = (): Tally => ({ latenciesMs: [], errors: 0, firstError: null, pending: 0 });
  const tallies = { plan: fresh(), recordActuals: fresh() };
  await loopDelayOf(child);
  const clientLoop = monitorEventLoopDelay({ resolution: 5 });
  clientLoop.enable();
  const start = performance.now();
  const until = start + RUN_SECONDS * 1000;
  const slowRound =
    heavy === null
      ? Promise.resolve(new Map<string, SlowTally>())
      : new Promise<Map<string, SlowTally>>((resolve, reject) => {
          heavy.once('message', (slow: [string, SlowTally][]) => resolve(new Map(slow)));
          heavy.once('error', reject);
          heavy.postMessage({ runMs: RUN_SECONDS * 1000 });
        });
  const runs = Promise.all([
    openLoop(url, TARGETS.plan, start, until, planRequest, tallies.plan),
    openLoop(url, TARGETS.recordActuals, start, until, recordRequest, tallies.recordActuals),
  ]);
  const drained = await Promise.race([
    runs.then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), RUN_SECONDS * 1000 + DRAIN_TIMEOUT_MS)),
  ]);
  const elapsedSeconds = (performance.now() - start) / 1000;
  const slow = await slowRound;
  if (!drained) {
    for (const tally of Object.values(tallies)) {
      tally.errors += tally.pending;
      tally.firstError ??= `${tally.pending} answers missing ${DRAIN_TIMEOUT_MS} ms after the run`;
    }
  }
  clientLoop.disable();
  return {
    tallies,
    slow,
    elapsedSeconds,
    loop: await loopDelayOf(child),
    clientLoop: { p99Ms: clientLoop.percentile(99) / 1e6, maxMs: clientLoop.max / 1e6 },
  };
}

/** The heavy requests' sender thread (_slow-requests.ts), once it has written every body. */
async function startSender(data: SenderData): Promise<Worker> {
  const sender = new Worker(new URL('./_heavy-sender.mjs', import.meta.url), { workerData: data });
  // A bench that fails part way still ends: the thread does not hold the process.
  sender.unref();
  await new Promise<void>((resolve, reject) => {
    sender.once('message', () => resolve());
    sender.once('error', reject);
  });
  return sender;
}

/** Normal traffic's figures with the heavy requests against those without, and each heavy request's. */
function printSlowRounds(backend: string, rounds: readonly Round[]): number {
  let errors = 0;
  for (const operation of ['plan', 'recordActuals'] as const) {
    const without = pooled(rounds.map((round) => round.without.tallies[operation]));
    const withSlow = pooled(rounds.map((round) => round.withSlow.tallies[operation]));
    const [p99, baseline] = [p99Of(withSlow), p99Of(without)];
    const ratio = p99 / baseline;
    const ratios = rounds.map(
      (round) => p99Of(round.withSlow.tallies[operation]) / p99Of(round.without.tallies[operation]),
    );
    errors += withSlow.errors;
    const met = withSlow.errors === 0 && ratio <= P99_RATIO_TARGET;
    console.log(
      `${backend.padEnd(10)} ${operation.padEnd(13)} with slow requests: p99 ${p99.toFixed(0).padStart(5)} ms (×${ratio.toFixed(2)} of the run without, ${baseline.toFixed(0)} ms; ${rounds.length} rounds of ${RUN_SECONDS} s each side, ${withSlow.latenciesMs.length} requests; round by round ${spread(ratios, '×')})  errors ${withSlow.errors}  target: 0 errors, p99 ≤ ×${P99_RATIO_TARGET}  ${met ? '✓ meets target' : '✗ misses target'}${withSlow.firstError ? ` (first: ${withSlow.firstError})` : ''}`,
    );
  }
  const loop = (side: 'without' | 'withSlow', of: 'loop' | 'clientLoop' = 'loop'): string => {
    const delays = rounds.map((round) => round[side][of]);
    return `p99 ${spread(
      delays.map((delay) => delay.p99Ms),
      'ms',
    )}, longest ${Math.max(...delays.map((delay) => delay.maxMs)).toFixed(0)} ms`;
  };
  console.log(
    `${backend.padEnd(10)} event-loop delay by round: without the heavy requests ${loop('without')}; with them ${loop('withSlow')} (the load's client: ${loop('without', 'clientLoop')}; ${loop('withSlow', 'clientLoop')})  target: reported`,
  );
  for (const request of SLOW_REQUESTS) {
    const tallies = rounds.map((round) => round.withSlow.slow.get(request.name) as SlowTally);
    const latencies = tallies.flatMap((tally) => tally.latenciesMs);
    const failures = tallies.flatMap((tally) => tally.failures);
    const worst = Math.max(...latencies);
    errors += failures.length;
    const met = failures.length === 0 && worst <= SLOW_TARGET_MS;
    console.log(
      `${backend.padEnd(10)} slow ${request.name.padEnd(16)} ${latencies.length} sent, worst ${worst.toFixed(0).padStart(5)} ms  failures ${failures.length}  target: accepted, ≤ ${SLOW_TARGET_MS} ms  ${met ? '✓ meets target' : '✗ misses target'}${failures[0] ? ` (first: ${failures[0]})` : ''}`,
    );
  }
  return errors;
}

/** Issue 13's target: plan vs actual for Nghệ An's 21 districts in one request, median. */
const CHILDREN_TARGET_MS = 150;
const CHILDREN_RUNS = 15;
const CHILDREN_QUERY = `query { planVsActual(scenarioId: "nghe-an-2021", areaCode: "40") { __typename ... on PlanVsActual {
  totalActual children { areaCode totalPlanned totalActual variance
    reporting { daysReported completeDays partialDays shareOfLeavesReportedOnLastDate }
    forecast { expected earliest latest } } } } }`;
const PLAN_ROWS_QUERY = `query { plan(scenarioId: "nghe-an-2021", areaCode: "40") { __typename ... on CampaignPlan { areas { code isLeaf } } } }`;

/** Median milliseconds of `runs` requests sent one after the other, after two not counted. */
async function medianRequestMs(url: string, request: Request, runs: number): Promise<number> {
  const times: number[] = [];
  for (let k = 0; k < runs + 2; k++) {
    const start = performance.now();
    const error = await send(url, request);
    if (error !== null) throw new Error(`${request.expect}: ${error}`);
    if (k >= 2) times.push(performance.now() - start);
  }
  return percentile(
    times.sort((x, y) => x - y),
    50,
  );
}

/**
 * Plan vs actual for Nghệ An's 21 districts in one request, over 30 days of reports from each of
 * its 460 communes (13,800), with nothing kept across requests (PLAN_CACHE_MIB=0): every request
 * plans the province and compares the 22 areas. Baseline in the same server: the plan's rows alone.
 */
async function runChildren(env: NodeJS.ProcessEnv): Promise<void> {
  const { child, ready } = await startServer({ ...env, PGLITE_DATA_DIR: 'memory://', PLAN_CACHE_MIB: '0' });
  try {
    const url = `http://127.0.0.1:${ready.port}/graphql`;
    const rows = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ready.readerToken}` },
      body: JSON.stringify({ query: PLAN_ROWS_QUERY }),
    }).then(
      (response) =>
        response.json() as Promise<{ data: { plan: { areas: { code: string; isLeaf: boolean }[] } } }>,
    );
    const communes = rows.data.plan.areas.filter((area) => area.isLeaf).map((area) => area.code);
    const reports = Array.from({ length: 30 }, (_, day) =>
      communes.map((areaCode, i) => ({
        date: new Date(Date.UTC(2021, 2, 15 + day)).toISOString().slice(0, 10),
        areaCode,
        dossiers: 80 + ((i * 7 + day * 3) % 60),
        machinesWorking: 1,
      })),
    ).flat();
    for (let k = 0; k < reports.length; k += 5000) {
      const error = await send(url, {
        token: ready.readerToken,
        query: RECORD_MUTATION,
        variables: { reports: reports.slice(k, k + 5000) },
        expect: 'RecordActualsPayload',
      });
      if (error !== null) throw new Error(`recording the bench's reports: ${error}`);
    }
    const children = await medianRequestMs(
      url,
      { token: ready.readerToken, query: CHILDREN_QUERY, expect: 'PlanVsActual' },
      CHILDREN_RUNS,
    );
    const plan = await medianRequestMs(
      url,
      { token: ready.readerToken, query: PLAN_ROWS_QUERY, expect: 'CampaignPlan' },
      CHILDREN_RUNS,
    );
    console.log(
      `planVsActual { children }, Nghệ An's 21 districts, ${reports.length.toLocaleString('en')} reports, nothing cached: p50 ${children.toFixed(0)} ms (×${(children / plan).toFixed(2)} the plan's rows alone, ${plan.toFixed(0)} ms)  target: < ${CHILDREN_TARGET_MS} ms  ${children < CHILDREN_TARGET_MS ? '✓ meets target' : '✗ misses target'}`,
    );
  } finally {
    await stopServer(child);
  }
}

// `pnpm bench spreadsheets` (or `load`, `plan-vs-actual`) runs one group; no word runs them all.
const groups = process.argv.slice(2).map((word) => word.toLowerCase());
const wants = (group: string) => groups.length === 0 || groups.some((word) => group.includes(word));

if (wants('spreadsheets')) {
  console.log('\n## Spreadsheets in and out (issue 17)');
  for (const row of await runSpreadsheets()) {
    const verdict = row.meets === null ? '' : row.meets ? '  ✓ meets target' : '  ✗ misses target';
    console.log(`${row.name}  ${row.measured}  target: ${row.target}${verdict}`);
  }
}

if (wants('plan-vs-actual')) {
  console.log('\n## Plan vs actual per district in one request (issue 13)');
  const { DATABASE_URL: _server, BENCH_DATABASE_URL: _bench, ...env } = process.env;
  await runChildren(env);
}

if (wants('live')) {
  console.log('\n## A dashboard on the API: cached plans and live actuals (issue 15)');
  for (const row of await runLive()) {
    const verdict = row.meets === null ? '' : row.meets ? '  ✓ meets target' : '  ✗ misses target';
    console.log(`${row.name}  ${row.measured}  target: ${row.target}${verdict}`);
  }
}

if (wants('load')) {
  console.log(
    `API open-loop load on loopback, ${ROUNDS} rounds of ${RUN_SECONDS} s without and ${RUN_SECONDS} s with the heavy requests per backend, after ${WARMUP_SECONDS} s warm-up: plan (Nghệ An, 460 communes) and recordActuals (${REPORTS_PER_BATCH.min}–${REPORTS_PER_BATCH.max} reports a batch, 3 reporters) at the same time`,
  );
  const { DATABASE_URL: serverUrl, BENCH_DATABASE_URL: benchUrl, ...base } = process.env;
  const postgresUrl = benchUrl ?? serverUrl;
  const measurePostgres = postgresUrl !== undefined && /^postgres(ql)?:\/\//.test(postgresUrl);
  const schema = `muster_bench_${randomBytes(6).toString('hex')}`;
  // Both start (migrate, seed) at once to save time; they are measured one after the other.
  // BENCH_BACKENDS=postgresql (or pglite) measures one of them.
  const backends = (process.env.BENCH_BACKENDS ?? 'pglite,postgresql').toLowerCase().split(',');
  const unknownBackends = backends.filter((name) => name !== 'pglite' && name !== 'postgresql');
  if (unknownBackends.length > 0) {
    throw new Error(
      `BENCH_BACKENDS names ${unknownBackends.join(', ')}: the backends are pglite and postgresql`,
    );
  }
  const pglite = backends.includes('pglite') ? startServer({ ...base, PGLITE_DATA_DIR: 'memory://' }) : null;
  const postgres =
    measurePostgres && backends.includes('postgresql')
      ? startServer({ ...base, DATABASE_URL: postgresUrl, DATABASE_SCHEMA: schema })
      : null;
  let errors = 0;
  try {
    if (pglite) errors += await run('PGlite', pglite);
    if (postgres) errors += await run('PostgreSQL', postgres);
    else console.log('PostgreSQL: not measured; set DATABASE_URL=postgres://… to measure it too.');
  } finally {
    if (postgres) {
      await postgres.then(({ child }) => stopServer(child)).catch(() => undefined);
      await dropSchema(postgresUrl as string, schema);
    }
  }
  if (errors > 0) {
    console.error(`${errors} errors at the target rates: lower TARGETS or find what broke.`);
    process.exitCode = 1;
  }
}
