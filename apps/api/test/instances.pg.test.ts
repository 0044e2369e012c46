// Two instances of the API over one PostgreSQL schema: this test process (yoga in-process) and a
// real API process on loopback. What one keeps across requests follows what the other writes: a
// report recorded through the second is in the first's next answer (issue 15).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { computationsStarted } from '../src/compute/pool.ts';
import { type ApiProcess, post, startApi } from './_processes.ts';
import { data, tokenFor, useDatabase } from './graphql.ts';

if (!process.env.TEST_DATABASE_URL)
  throw new Error('a *.pg.test.ts file needs TEST_DATABASE_URL=postgres://…');

useDatabase({ demo: true });

let second: ApiProcess;
let admin = '';
beforeAll(async () => {
  vi.stubEnv('COMPUTE_BUDGET_MS', '60000');
  admin = await tokenFor({ role: 'ADMIN', name: 'second instance admin' });
  // The same schema as this file's (DATABASE_URL and DATABASE_SCHEMA from test/setup.ts).
  second = await startApi({ COMPUTE_BUDGET_MS: '60000' });
});
afterAll(async () => {
  await second?.stop();
  vi.unstubAllEnvs();
});

const COMPARISON = `{ planVsActual(scenarioId: "dak-nong-2021", areaCode: "67") { ... on PlanVsActual { totalActual } } }`;
type Comparison = { planVsActual: { totalActual: number } };

const comparisonRuns = () => computationsStarted().get('compareAreasWithActuals') ?? 0;

describe('a cache on each instance, keyed on the database’s versions', () => {
  it('answers with a report recorded through the other instance', async () => {
    const before = await data<Comparison>(COMPARISON);
    const runs = comparisonRuns();
    await data<Comparison>(COMPARISON);
    expect(comparisonRuns()).toBe(runs);

    // Đắk Song (665) on a day of the campaign nobody reported: the province's total grows by 77.
    const recorded = await post<{ recordActuals: { created: number } }>(
      second.url,
      admin,
      `mutation { recordActuals(reports: [{ date: "2021-06-22", areaCode: "665", dossiers: 77 }]) { ... on RecordActualsPayload { created } } }`,
      {},
    );
    expect(recorded.body.data?.recordActuals.created).toBe(1);

    const after = await data<Comparison>(COMPARISON);
    expect(after.planVsActual.totalActual).toBe(before.planVsActual.totalActual + 77);
    expect(comparisonRuns()).toBe(runs + 1);
  });
});
