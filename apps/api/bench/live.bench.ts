// `pnpm bench live`: what a dashboard asks of the API (issue 15), against real API processes on
// loopback. Nghệ An's plan with its daily series at 20 requests a second from 4 clients; the same
// plan asked again and again, answered from the plans kept across requests (beside the first,
// computed answer: the baseline), and revalidated by its ETag; and the time from a batch of
// reports sent through one instance to its `actualsRecorded` event on another (PostgreSQL, two
// instances sharing one schema). PostgreSQL when DATABASE_URL or BENCH_DATABASE_URL names a
// server, else the embedded PGlite (one instance: the subscription row is not measured).
import { randomBytes } from 'node:crypto';
import { sseResults } from '../test/_sse.ts';
import { dropSchema } from '../test/_support.ts';
import { percentile, type Server, startServer, stopServer } from './_servers.ts';

const PLAN_QUERY = `query { plan(scenarioId: "nghe-an-2021", areaCode: "40") { __typename ... on CampaignPlan {
  completionDate totals { demand } areas { code demand machines dailyTarget completionDate } daily { date planned } } } }`;

/** The dashboard's load: 4 clients, each sending 5 plans a second on its own schedule. */
const CLIENTS = 4;
const PER_CLIENT_PER_SECOND = 5;
const LOAD_SECONDS = 8;
const LOAD_P99_TARGET_MS = 50;
/** One client asking the same plan again as soon as the answer comes. */
const REPEATS = 200;
const CACHED_P50_TARGET_MS = 5;
/** Batches sent through the second instance, one every BATCH_EVERY_MS, heard on the first. */
const BATCHES = 60;
const BATCH_EVERY_MS = 100;
const EVENT_P99_TARGET_MS = 500;

export type LiveBenchRow = { name: string; measured: string; target: string; meets: boolean | null };

type Answer = { ms: number; status: number; etag: string | null; error: string | null };

async function ask(
  url: string,
  token: string,
  init: { get?: boolean; ifNoneMatch?: string } = {},
): Promise<Answer> {
  const started = performance.now();
  try {
    const response = init.get
      ? await fetch(`${url}?query=${encodeURIComponent(PLAN_QUERY)}`, {
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            ...(init.ifNoneMatch ? { 'if-none-match': init.ifNoneMatch } : {}),
          },
        })
      : await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: PLAN_QUERY }),
        });
    const text = await response.text();
    const ms = performance.now() - started;
    const etag = response.headers.get('etag');
    if (response.status === 304) return { ms, status: 304, etag, error: null };
    const ok =
      response.status === 200 && text.includes('"__typename":"CampaignPlan"') && !text.includes('"errors"');
    return {
      ms,
      status: response.status,
      etag,
      error: ok ? null : `HTTP ${response.status}: ${text.slice(0, 160)}`,
    };
  } catch (error) {
    return { ms: performance.now() - started, status: 0, etag: null, error: (error as Error).message };
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** 4 clients × 5 plans a second, each request on schedule (latency from its scheduled time). */
async function dashboardLoad(url: string, token: string): Promise<LiveBenchRow> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const start = performance.now() + 100;
  const clients = Array.from({ length: CLIENTS }, async (_, client) => {
    const sent: Promise<void>[] = [];
    const count = LOAD_SECONDS * PER_CLIENT_PER_SECOND;
    for (let i = 0; i < count; i += 1) {
      // The clients' schedules interleave: together, one request every 50 ms.
      const at = start + ((i * CLIENTS + client) * 1000) / (CLIENTS * PER_CLIENT_PER_SECOND);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));
      sent.push(
        ask(url, token).then((answer) => {
          latencies.push(performance.now() - at);
          if (answer.error) {
            errors += 1;
            firstError ??= answer.error;
          }
        }),
      );
    }
    await Promise.all(sent);
  });
  await Promise.all(clients);
  const sorted = latencies.sort((a, b) => a - b);
  const p99 = percentile(sorted, 99);
  return {
    name: `plan Nghệ An + daily, ${CLIENTS} clients × ${PER_CLIENT_PER_SECOND} req/s, ${LOAD_SECONDS} s`,
    measured: `p50 ${ms(percentile(sorted, 50))}, p99 ${ms(p99)}, ${latencies.length} requests, errors ${errors}${firstError ? ` (first: ${firstError})` : ''}`,
    target: `p99 < ${LOAD_P99_TARGET_MS} ms, 0 errors`,
    meets: p99 < LOAD_P99_TARGET_MS && errors === 0,
  };
}

/** The same plan asked again and again by one client: from the cache, then revalidated by ETag. */
async function repeatedPlan(url: string, token: string, coldMs: number): Promise<LiveBenchRow[]> {
  const repeat = async (init: { get?: boolean; ifNoneMatch?: string }, status: number) => {
    const times: number[] = [];
    let wrong = 0;
    for (let i = 0; i < REPEATS; i += 1) {
      const answer = await ask(url, token, init);
      times.push(answer.ms);
      if (answer.status !== status) wrong += 1;
    }
    return {
      p50: percentile(
        times.sort((a, b) => a - b),
        50,
      ),
      wrong,
    };
  };
  const cached = await repeat({}, 200);
  const first = await ask(url, token, { get: true });
  const revalidated = await repeat({ get: true, ifNoneMatch: first.etag ?? '' }, 304);
  return [
    {
      name: `repeated identical plan (Nghệ An, 482 rows + daily) from the cache, ${REPEATS} in a row`,
      measured: `p50 ${ms(cached.p50)} (first, computed: ${ms(coldMs)}, ×${(cached.p50 / coldMs).toFixed(3)}), errors ${cached.wrong}`,
      target: `p50 < ${CACHED_P50_TARGET_MS} ms`,
      meets: cached.p50 < CACHED_P50_TARGET_MS && cached.wrong === 0,
    },
    {
      name: `the same plan revalidated by GET with If-None-Match, ${REPEATS} in a row`,
      measured: `p50 ${ms(revalidated.p50)} (×${(revalidated.p50 / cached.p50).toFixed(2)} of the cached answer), not 304: ${revalidated.wrong}`,
      target: `304 every time, p50 < ${CACHED_P50_TARGET_MS} ms`,
      meets: revalidated.p50 < CACHED_P50_TARGET_MS && revalidated.wrong === 0,
    },
  ];
}

/** Batches of the Hưng Nguyên team sent through `writer`, heard through `listener`'s subscription to Nghệ An. */
async function eventLatency(listener: Server, writer: Server): Promise<LiveBenchRow> {
  const reporter = writer.ready.reporters.find((r) => r.teamCode === 'NA-HUNG-NGUYEN');
  if (!reporter) throw new Error('the bench server has no Hưng Nguyên reporter');
  const controller = new AbortController();
  const response = await fetch(`http://127.0.0.1:${listener.ready.port}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: `Bearer ${listener.ready.readerToken}`,
    },
    body: JSON.stringify({ query: 'subscription { actualsRecorded(areaCode: "40") { reports { id } } }' }),
    signal: controller.signal,
  });
  // When each report was sent, and when its event came (the commit lies between the two).
  const sentAt = new Map<string, number>();
  const heardAt = new Map<string, number>();
  let errors = 0;
  const heard = (async () => {
    for await (const result of sseResults<{ actualsRecorded: { reports: { id: string }[] } }>(response)) {
      const now = performance.now();
      for (const report of result.data?.actualsRecorded.reports ?? []) heardAt.set(report.id, now);
      if (heardAt.size >= BATCHES) return;
    }
  })().catch(() => undefined);
  const writerUrl = `http://127.0.0.1:${writer.ready.port}/graphql`;
  for (let i = 0; i < BATCHES; i += 1) {
    const started = performance.now();
    const date = new Date(Date.UTC(2021, 3, 1 + (i % 60))).toISOString().slice(0, 10);
    const written = await fetch(writerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${reporter.token}` },
      body: JSON.stringify({
        query:
          'mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) { ... on RecordActualsPayload { reports { report { id } } } } }',
        variables: { reports: [{ date, areaCode: reporter.areaCodes[0], dossiers: 500 + i }] },
      }),
    });
    const body = (await written.json()) as {
      data?: { recordActuals?: { reports?: { report: { id: string } }[] } };
    };
    const id = body.data?.recordActuals?.reports?.[0]?.report.id;
    if (id === undefined) errors += 1;
    else sentAt.set(id, started);
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, started + BATCH_EVERY_MS - performance.now())),
    );
  }
  await Promise.race([heard, new Promise((resolve) => setTimeout(resolve, 2000))]);
  controller.abort();
  const delays: number[] = [];
  for (const [id, at] of sentAt) {
    const when = heardAt.get(id);
    if (when !== undefined) delays.push(when - at);
  }
  const missed = sentAt.size - delays.length;
  const sorted = delays.sort((a, b) => a - b);
  const p99 = percentile(sorted, 99);
  return {
    name: `actualsRecorded event on one instance for a batch sent through another (PostgreSQL), ${BATCHES} batches`,
    measured: `from send to event: p50 ${ms(percentile(sorted, 50))}, p99 ${ms(p99)}, missed ${missed}, write errors ${errors}`,
    target: `p99 < ${EVENT_P99_TARGET_MS} ms of the commit, none missed`,
    meets: p99 < EVENT_P99_TARGET_MS && missed === 0 && errors === 0,
  };
}

export async function run(): Promise<LiveBenchRow[]> {
  const { DATABASE_URL: serverUrl, BENCH_DATABASE_URL: benchUrl, ...base } = process.env;
  const postgresUrl = benchUrl ?? serverUrl;
  const onPostgres = postgresUrl !== undefined && /^postgres(ql)?:\/\//.test(postgresUrl);
  const schema = `muster_bench_${randomBytes(6).toString('hex')}`;
  const env = onPostgres
    ? { ...base, DATABASE_URL: postgresUrl, DATABASE_SCHEMA: schema }
    : { ...base, PGLITE_DATA_DIR: 'memory://' };
  const servers: Server[] = [];
  try {
    const first = await startServer(env);
    servers.push(first);
    const url = `http://127.0.0.1:${first.ready.port}/graphql`;
    const token = first.ready.readerToken;
    const cold = await ask(url, token);
    const rows = [await dashboardLoad(url, token), ...(await repeatedPlan(url, token, cold.ms))];
    if (onPostgres) {
      // The second instance migrates (nothing left to do) and seeds (nothing new) the same schema.
      const second = await startServer(env);
      servers.push(second);
      rows.push(await eventLatency(first, second));
    } else {
      rows.push({
        name: 'actualsRecorded across two instances',
        measured: 'not measured (PGlite is one process); set DATABASE_URL=postgres://… to measure it',
        target: `p99 < ${EVENT_P99_TARGET_MS} ms`,
        meets: null,
      });
    }
    return rows;
  } finally {
    await Promise.all(servers.map((server) => stopServer(server.child)));
    if (onPostgres) await dropSchema(postgresUrl as string, schema);
  }
}
