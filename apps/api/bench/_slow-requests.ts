// The heavy requests of `pnpm bench load` (bench/index.ts), and the thread that sends them
// (_heavy-sender.mjs): a thread of its own holds their bodies (a 20,000-area what-if is 1.6 MB, a
// body kept for each send) and reads their answers, so the collector and the work they cause run
// in its heap and its event loop, not in those of the thread that sends and times the normal traffic.
import { parentPort, workerData } from 'node:worker_threads';

/**
 * The heaviest request each computed field accepts (just under the cost limit), sent every
 * SLOW_EVERY_MS during the second half of each round of the load: normal traffic must keep 0
 * errors and a p99 (over every round) within ×2 of the halves without them, and each of these must
 * answer (accepted) within 2 s. Each send (`send`, from 0) asks for work no earlier one did, so
 * none is answered from a kept plan or answer: a what-if's first area changes its population, a
 * staffing its day, a mobile-team plan its first team's id; a roster is kept by no cache.
 */
export const SLOW_EVERY_MS = 3000;
export const SLOW_TARGET_MS = 2000;
export const P99_RATIO_TARGET = 2;
const ON_NGHE_AN = (field: string) =>
  `query { plan(scenarioId: "nghe-an-2021", areaCode: "40") { __typename ... on CampaignPlan { ${field} } } }`;
const ALL_SLOW_REQUESTS: {
  name: string;
  query: string | ((send: number) => string);
  variables?: (send: number) => Record<string, unknown>;
  expect: RegExp;
}[] = [
  // 175 days of 4-hour shifts, priced for the dearest window (6 shifts, 9 rosters built): 18,900
  // points, about 19,500 with the plan's fields; Nghệ An's 19-hour window (5 shifts) runs fewer.
  {
    name: 'roster',
    query: ON_NGHE_AN('roster(days: 175, shiftHours: 4) { __typename }'),
    expect: /"roster":\{"__typename":"Roster"/,
  },
  // 260 teams of 2 machines: 260 × 600 nominal communes × 120 days ÷ 1,000 = 18,721 points.
  {
    name: 'mobileTeams',
    query: ON_NGHE_AN('mobileTeams(teams: $teams) { __typename }').replace(
      'query {',
      'query ($teams: [MobileTeamInput!]!) {',
    ),
    // The first team's id names the send, so no send is answered from an earlier one's kept answer.
    variables: (send) => ({
      teams: Array.from({ length: 260 }, (_, i) => ({
        id: i === 0 ? `T1-${send}` : `T${i + 1}`,
        machines: 2,
      })),
    }),
    expect: /"mobileTeams":\{"__typename":"MobileTeamsPlan"/,
  },
  // Every shift length from 1 to 24 hours over a dated day's staffing at a district's site (Hưng Nguyên).
  {
    name: 'staffing+shifts',
    query: (send) =>
      ON_NGHE_AN(
        `staffing(areaCode: "18001", date: "${new Date(Date.UTC(2021, 3, 1 + (send % 60))).toISOString().slice(0, 10)}") { __typename ... on HourlyStaffing { shifts(lengthsHours: [${Array.from({ length: 24 }, (_, i) => i + 1).join(',')}]) { staffHours } } }`,
      ),
    expect: /"staffHours":\d+/,
  },
  // A what-if of 20,000 areas (the most one takes), asked for its completion.
  {
    name: 'whatIf',
    query:
      'query ($input: CampaignInput!) { whatIf(input: $input) { __typename ... on CampaignPlan { completionDate } } }',
    variables: (send) => ({
      input: {
        areas: [
          { code: 'root', name: 'Root' },
          ...Array.from({ length: 19_999 }, (_, i) => ({
            code: `a${i}`,
            name: `Area ${i}`,
            parentCode: 'root',
            population: 4000 + (i % 500) + (i === 0 ? send : 0),
          })),
        ],
        calendar: { start: '2021-03-22', deadline: '2021-06-30' },
        hours: { open: '00:00', close: '24:00' },
        service: { minutesPerDossier: 5.18 },
        machines: [{ areaCode: 'root', machines: 4000 }],
      },
    }),
    expect: /"__typename":"CampaignPlan"/,
  },
];

/** The heavy requests sent; BENCH_SLOW (names, comma-separated) picks some, to see which weighs. */
export const SLOW_REQUESTS = ALL_SLOW_REQUESTS.filter(
  (request) =>
    process.env.BENCH_SLOW === undefined || process.env.BENCH_SLOW.split(',').includes(request.name),
);
const unknownSlow = (process.env.BENCH_SLOW?.split(',') ?? []).filter(
  (name) => !ALL_SLOW_REQUESTS.some((request) => request.name === name),
);
if (unknownSlow.length > 0) {
  throw new Error(
    `BENCH_SLOW names no heavy request ${unknownSlow.join(', ')}; the names are ${ALL_SLOW_REQUESTS.map((request) => request.name).join(', ')}`,
  );
}

export type SlowTally = { latenciesMs: number[]; failures: string[] };

/** What the sender is started with: where, as whom, and how many sends of each kind to write bodies for. */
export type SenderData = { url: string; token: string; sends: number };

/**
 * In the sender thread: writes every body first, says so, then for each round it is asked for
 * sends the heavy requests one every SLOW_EVERY_MS / kinds, each kind in turn, until `runMs` less
 * a quarter of SLOW_EVERY_MS, and answers each kind's latencies and failures once all have answered.
 */
function serve(port: NonNullable<typeof parentPort>, { url, token, sends }: SenderData): void {
  const bodies = new Map(
    SLOW_REQUESTS.map((request) => [
      request.name,
      Array.from({ length: sends }, (_, send) =>
        JSON.stringify({
          query: typeof request.query === 'string' ? request.query : request.query(send),
          variables: request.variables?.(send) ?? {},
        }),
      ),
    ]),
  );
  const sent = new Map<string, number>();
  port.on('message', async ({ runMs }: { runMs: number }) => {
    const slow = new Map<string, SlowTally>(
      SLOW_REQUESTS.map((r) => [r.name, { latenciesMs: [], failures: [] }]),
    );
    const until = performance.now() + runMs;
    const answers: Promise<void>[] = [];
    let turn = 0;
    const timer = setInterval(() => {
      if (performance.now() >= until - SLOW_EVERY_MS / 4) return;
      const request = SLOW_REQUESTS[turn++ % SLOW_REQUESTS.length] as (typeof SLOW_REQUESTS)[number];
      const tally = slow.get(request.name) as SlowTally;
      const send = sent.get(request.name) ?? 0;
      sent.set(request.name, send + 1);
      const of = bodies.get(request.name) as string[];
      const at = performance.now();
      answers.push(
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: of[send % of.length],
        })
          .then(async (response) => {
            const text = await response.text();
            tally.latenciesMs.push(performance.now() - at);
            if (response.status !== 200 || !request.expect.test(text)) {
              tally.failures.push(`HTTP ${response.status}: ${text.slice(0, 160)}`);
            }
          })
          .catch((error: Error) => void tally.failures.push(error.message)),
      );
    }, SLOW_EVERY_MS / SLOW_REQUESTS.length);
    await new Promise((resolve) => setTimeout(resolve, runMs));
    clearInterval(timer);
    await Promise.all(answers);
    port.postMessage([...slow]);
  });
  port.postMessage('ready');
}

if (parentPort && workerData) serve(parentPort, workerData as SenderData);
