// How many planning computations a request causes: one per (scenario, data) and per distinct
// question, whatever the aliases. The counts expected are read off the documents by hand (which
// distinct plans, series and comparisons they name), not from the code under test.
import { planCampaign } from '@muster/planning';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearSharedCache, sharedCacheStats } from '../src/cache/shared-cache.ts';
import { MIN_ROWS, tablesLeftAsColumns } from '../src/compute/_internal/rows-as-columns.ts';
import { computationsStarted } from '../src/compute/pool.ts';
import type { TaskName } from '../src/compute/tasks.ts';
import { LONG_LIST_ITEMS } from '../src/limits/long-variables.ts';
import { data, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

// Counts, not time: test/setup.ts lifts the time budget, so a loaded machine stops no computation.
afterEach(() => {
  vi.unstubAllEnvs();
});

/** Computations started while `run` runs, by task (tasks not started are left out). */
async function counted(run: () => Promise<unknown>): Promise<Partial<Record<TaskName, number>>> {
  const before = new Map(computationsStarted());
  await run();
  const started: Partial<Record<TaskName, number>> = {};
  for (const [name, count] of computationsStarted()) {
    const delta = count - (before.get(name) ?? 0);
    if (delta > 0) started[name] = delta;
  }
  return started;
}

const WHAT_IF_INPUT = {
  areas: [
    { code: 'p', name: 'Province' },
    { code: 'c1', name: 'Commune 1', parentCode: 'p', population: 12_000 },
  ],
  calendar: { start: '2021-03-22', deadline: '2021-04-30' },
  hours: { open: '07:00', close: '17:00' },
  service: { minutesPerDossier: 5 },
  machines: [{ areaCode: 'p', machines: 2 }],
};

// Đắk Nông (67) and its district Đắk Song (665), in the demo scenario: one stored plan, two daily
// series (67 and 665), one comparison (67, no dates), one staffing (67 on its daily target), and
// one what-if plan (the same input twice).
const MANY_ALIASES = `query ($input: CampaignInput!) {
  province: plan(scenarioId: "dak-nong-2021", areaCode: "67") {
    ... on CampaignPlan {
      daily { date planned }
      again: daily { planned }
      district: daily(areaCode: "665") { planned }
      s1: staffing { ... on HourlyStaffing { peakMachines } }
      s2: staffing { ... on HourlyStaffing { machineHours } }
    }
  }
  district: plan(scenarioId: "dak-nong-2021", areaCode: "665") {
    ... on CampaignPlan { completionDate daily { planned } }
  }
  p1: planVsActual(scenarioId: "dak-nong-2021", areaCode: "67") { ... on PlanVsActual { totalActual } }
  p2: planVsActual(scenarioId: "dak-nong-2021", areaCode: "67") { ... on PlanVsActual { totalPlanned } }
  w1: whatIf(input: $input) { ... on CampaignPlan { completionDate } }
  w2: whatIf(input: $input) { ... on CampaignPlan { daily { planned } } }
}`;

describe('one computation per (scenario, data) in a request', () => {
  it('computes each plan, daily series, comparison and staffing once whatever the aliases', async () => {
    // From nothing kept: recording the demo's reports on the server suite's seed plans the scenario
    // (its reports give no machines: they are judged by the plan's), which would leave it cached.
    clearSharedCache();
    const started = await counted(() => data(MANY_ALIASES, { input: WHAT_IF_INPUT }));
    expect(started).toEqual({
      planCampaign: 2,
      plannedDailySeries: 3,
      compareAreasWithActuals: 1,
      planHourlyStaffing: 1,
    });
  });
});

/** A what-if of `communes` communes of `population` people each, under one province. */
const whatIfOf = (communes: number, population: number) => ({
  ...WHAT_IF_INPUT,
  areas: [
    { code: 'p', name: 'Province' },
    ...Array.from({ length: communes }, (_, i) => ({
      code: `c${i}`,
      name: `Commune ${i}`,
      parentCode: 'p',
      population,
    })),
  ],
  machines: [{ areaCode: 'p', machines: 50 }],
});

// Two aliases of one long variable and one of another: two plans, each answered under its own
// alias (a long variable's plan is keyed on its request body and its name, not on its value).
const LONG_WHAT_IFS = `query ($a: CampaignInput!, $b: CampaignInput!) {
  x: whatIf(input: $a) { ... on CampaignPlan { totals { population } } }
  y: whatIf(input: $a) { ... on CampaignPlan { completionDate } }
  z: whatIf(input: $b) { ... on CampaignPlan { totals { population } } }
}`;
type LongWhatIfs = { x: { totals: { population: number } }; z: { totals: { population: number } } };

describe('what-ifs with a long list of areas', () => {
  it('computes once per variable, nothing for the same body again, again for another body, and answers each variable with its own plan', async () => {
    // 1,000 communes (a long list: coerced in slices) of 1,000 people, and of 3,000.
    const [small, large] = [whatIfOf(LONG_LIST_ITEMS, 1000), whatIfOf(LONG_LIST_ITEMS, 3000)];
    // Each body's answer (x, z) and the plans it caused.
    const ask = async (variables: Record<string, unknown>) => {
      let answer: LongWhatIfs | null = null;
      const started = await counted(async () => {
        answer = await data<LongWhatIfs>(LONG_WHAT_IFS, variables);
      });
      const { x, z } = answer as unknown as LongWhatIfs;
      return { x: x.totals.population, z: z.totals.population, started };
    };
    expect(await ask({ a: small, b: large })).toEqual({
      x: 1_000_000,
      z: 3_000_000,
      started: { planCampaign: 2 },
    });
    expect(await ask({ a: small, b: large })).toEqual({ x: 1_000_000, z: 3_000_000, started: {} });
    // The same values under the other names: another body, so planned again (a long variable's
    // plan is named by its body, not written out and hashed), and each alias its own variable's plan.
    expect(await ask({ a: large, b: small })).toEqual({
      x: 3_000_000,
      z: 1_000_000,
      started: { planCampaign: 2 },
    });
  });
});

type AskedRow = { code: string; completionDate: string | null };
const ASKED = `query ($input: CampaignInput!, $areaCode: String) {
  whatIf(input: $input, areaCode: $areaCode) { ... on CampaignPlan { completionDate area { code completionDate } } }
}`;

describe('a long what-if’s rows, built when a field reads them', () => {
  it('answers its completion date and its area’s row without building its rows, and builds them once for `areas`', async () => {
    // More communes than MIN_ROWS: the plan's rows come back from the heavy lane as columns, its
    // only table that long (its warnings, infeasibilities and assumptions are a few rows).
    const input = whatIfOf(MIN_ROWS + 200, 2000);
    const library = planCampaign(input);
    const rowOf = (code: string) => library.areas.find((row) => row.code === code);
    const tables = () => tablesLeftAsColumns();
    for (const areaCode of [null, 'c17']) {
      const before = tables();
      const answer = await data<{ whatIf: { completionDate: string | null; area: AskedRow } }>(ASKED, {
        input,
        areaCode,
      });
      const row = rowOf(areaCode ?? 'p');
      expect(answer.whatIf).toEqual({
        completionDate: row?.completionDate,
        area: { code: row?.code, completionDate: row?.completionDate },
      });
      // One plan left as columns (each body is planned on its own), none of its rows built.
      expect(tables()).toEqual({ left: before.left + 1, built: before.built });
    }
    // An area the input does not hold, looked for in the columns: not found, nothing built.
    const unknown = tables();
    const missing = await data<{ whatIf: { __typename: string } }>(
      'query ($input: CampaignInput!) { whatIf(input: $input, areaCode: "nowhere") { __typename } }',
      { input },
    );
    expect(missing.whatIf.__typename).toBe('NotFoundError');
    expect(tables()).toEqual({ left: unknown.left + 1, built: unknown.built });
    const before = tables();
    const all = await data<{ whatIf: { areas: AskedRow[] } }>(
      'query ($input: CampaignInput!) { whatIf(input: $input) { ... on CampaignPlan { areas { code completionDate } } } }',
      { input },
    );
    expect(all.whatIf.areas).toEqual(
      library.areas.map(({ code, completionDate }) => ({ code, completionDate })),
    );
    expect(tables()).toEqual({ left: before.left + 1, built: before.built + 1 });
  });
});

const DAK_NONG = `{
  plan(scenarioId: "dak-nong-2021", areaCode: "67") {
    ... on CampaignPlan { completionDate area { machines } daily { planned } }
  }
  planVsActual(scenarioId: "dak-nong-2021", areaCode: "67") { ... on PlanVsActual { totalActual } }
}`;
type DakNong = {
  plan: { completionDate: string; area: { machines: number } };
  planVsActual: { totalActual: number };
};

const RECORD = `mutation ($reports: [ActualReportInput!]!) {
  recordActuals(reports: $reports) { __typename ... on RecordActualsPayload { created } }
}`;

describe('plans kept across requests, keyed on the stored data’s versions', () => {
  it('answers the same documents again without computing anything', async () => {
    await data(DAK_NONG);
    expect(await counted(() => data(MANY_ALIASES, { input: WHAT_IF_INPUT }))).toEqual({});
    expect(await counted(() => data(DAK_NONG))).toEqual({});
  });

  it('compares again after a report is written, with the report counted, and keeps the plan', async () => {
    const before = await data<DakNong>(DAK_NONG);
    // Đắk Song (665) on a day of the campaign nobody reported: the province's total grows by 123.
    await data(RECORD, { reports: [{ date: '2021-06-21', areaCode: '665', dossiers: 123 }] });
    let after: DakNong | undefined;
    expect(
      await counted(async () => {
        after = await data<DakNong>(DAK_NONG);
      }),
    ).toEqual({ compareAreasWithActuals: 1 });
    expect(after?.planVsActual.totalActual).toBe(before.planVsActual.totalActual + 123);
    expect(after?.plan).toEqual(before.plan);
  });

  it('plans again after the scenario’s machines change, and answers with the new machines', async () => {
    await data(DAK_NONG);
    const edited = await data<{ updateScenario: { __typename: string } }>(
      `mutation { updateScenario(id: "dak-nong-2021", input: { machines: [{ areaCode: "67", machines: 48 }] }) { __typename } }`,
    );
    expect(edited.updateScenario.__typename).toBe('Scenario');
    let after: DakNong | undefined;
    const started = await counted(async () => {
      after = await data<DakNong>(DAK_NONG);
    });
    // The scenario's data changed: the scenario is loaded, planned, its series and comparison made again.
    expect(started).toEqual({ planCampaign: 1, plannedDailySeries: 1, compareAreasWithActuals: 1 });
    expect(after?.plan.area.machines).toBe(48);
  });

  it('keeps no more than its bound, least recently used first out', async () => {
    // A bound below one daily series: nothing stays, so the same document is computed again.
    vi.stubEnv('PLAN_CACHE_MIB', String(1 / 1024));
    // Something new to keep: the bound is enforced whenever an entry is added.
    await data('query ($input: CampaignInput!) { whatIf(input: $input) { __typename } }', {
      input: { ...WHAT_IF_INPUT, machines: [{ areaCode: 'p', machines: 3 }] },
    });
    expect(sharedCacheStats().bytes).toBeLessThanOrEqual(1024);
    expect(await counted(() => data(DAK_NONG))).toEqual({
      planCampaign: 1,
      plannedDailySeries: 1,
      compareAreasWithActuals: 1,
    });
  });
});
