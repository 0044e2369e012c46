import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CampaignInput } from '@muster/planning';
import {
  coverShifts,
  generateShifts,
  planCampaign,
  planHourlyStaffing,
  planMobileTeams,
  plannedDailySeries,
  simulateQueue,
} from '@muster/planning';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { data, gql, tokenFor, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

/** Đắk Nông straight from the CSV, independently of the API's loader. */
function dakNongFromCsv(): CampaignInput['areas'] {
  const rows: Record<string, string>[] = parse(
    readFileSync(
      path.join(import.meta.dirname, '../../../data/vietnam/demo_nghean_daknong_2021.csv'),
      'utf8',
    ),
    { columns: true },
  );
  const areas: CampaignInput['areas'] = [{ code: '67', name: 'Tỉnh Đắk Nông', level: 'province' }];
  const districts = new Set<string>();
  for (const row of rows.filter((r) => r.province_code === '67')) {
    const district = row.district_code as string;
    if (!districts.has(district)) {
      districts.add(district);
      areas.push({ code: district, name: row.district_name as string, parentCode: '67', level: 'district' });
    }
    areas.push({
      code: row.commune_code as string,
      name: row.commune_name as string,
      parentCode: district,
      level: 'commune',
      population: Number(row.pop2019_total),
      eligible: Number(row.est_pop_14plus_2019),
      eligibleShare: Number(row.district_est_share_14plus_2019),
    });
  }
  return areas;
}

// The Đắk Nông demo scenario as the seed documents it (05:00–24:00, 3.5 min per dossier, 24 machines).
const dakNongInput: CampaignInput = {
  areas: dakNongFromCsv(),
  calendar: { start: '2021-03-15', deadline: '2021-06-30', timeZone: 'Asia/Ho_Chi_Minh' },
  hours: { open: '05:00', close: '24:00' },
  service: { minutesPerDossier: 3.5 },
  machines: [{ areaCode: '67', machines: 24 }],
};

const PLAN = `query ($scenarioId: ID!, $areaCode: String!) {
  plan(scenarioId: $scenarioId, areaCode: $areaCode) {
    __typename
    ... on CampaignPlan {
      mode feasible completionDate
      capacity { dailyCapacityPerMachine hoursPerDay }
      area { code demand machines dailyTarget completionDate status }
      areas { code demand machines machinesNeeded dailyTarget machineDays daysNeeded completionDate }
      totals { demand areaCount leafCount }
      daily { date planned cumulativePlanned }
    }
    ... on Error { message }
    ... on InputError { field }
    ... on NotFoundError { field }
  }
}`;

type PlanRow = {
  code: string;
  demand: number;
  machines: number | null;
  dailyTarget: number | null;
  completionDate: string | null;
};
type Plan = {
  __typename: string;
  mode: string;
  feasible: boolean;
  completionDate: string | null;
  capacity: { dailyCapacityPerMachine: number; hoursPerDay: number };
  area: PlanRow;
  areas: (PlanRow & {
    machinesNeeded: number | null;
    machineDays: number | null;
    daysNeeded: number | null;
  })[];
  totals: { demand: number; areaCount: number; leafCount: number };
  daily: { date: string; planned: number; cumulativePlanned: number }[];
  field: string;
  message: string;
};

describe('plan', () => {
  it('answers a district planner the totals and completion of its district, not of the province', async () => {
    const token = await tokenFor({ role: 'PLANNER', name: 'totals planner 665', areaCode: '665' });
    const expected = planCampaign(dakNongInput);
    const district = expected.areas.find((row) => row.code === '665');
    // Đắk Song and its communes, counted from the CSV's own tree.
    const communes = dakNongInput.areas.filter((area) => area.parentCode === '665').length;
    const result = await gql<{
      plan: {
        completionDate: string | null;
        totals: { demand: number; machines: number | null; areaCount: number; leafCount: number };
        scenarioTotals: null;
      };
    }>(
      `{ plan(scenarioId: "dak-nong-2021", areaCode: "665") { ... on CampaignPlan {
        completionDate totals { demand machines areaCount leafCount } scenarioTotals { demand } } } }`,
      {},
      { token },
    );
    expect(result.data?.plan.totals).toEqual({
      demand: district?.demand,
      machines: district?.machines,
      areaCount: communes + 1,
      leafCount: communes,
    });
    expect(result.data?.plan.totals.demand).toBeLessThan(expected.totals.demand);
    expect(result.data?.plan.completionDate).toBe(district?.completionDate);
    expect(result.data?.plan.scenarioTotals).toBeNull();
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    const admin = await data<{ plan: { scenarioTotals: { demand: number } } }>(
      `{ plan(scenarioId: "dak-nong-2021", areaCode: "665") { ... on CampaignPlan { scenarioTotals { demand } } } }`,
    );
    expect(admin.plan.scenarioTotals.demand).toBe(expected.totals.demand);
  });

  it('matches the planning library run on the same data for Đắk Nông and a district in it', async () => {
    const expected = planCampaign(dakNongInput);
    const result = (await data<{ plan: Plan }>(PLAN, { scenarioId: 'dak-nong-2021', areaCode: '67' })).plan;
    expect(result.__typename).toBe('CampaignPlan');
    expect(result.completionDate).toBe(expected.completionDate);
    expect(result.totals).toEqual({
      demand: expected.totals.demand,
      areaCount: expected.totals.areaCount,
      leafCount: expected.totals.leafCount,
    });
    const pick = (row: (typeof expected.areas)[number]) => ({
      code: row.code,
      demand: row.demand,
      machines: row.machines,
      machinesNeeded: row.machinesNeeded,
      dailyTarget: row.dailyTarget,
      machineDays: row.machineDays,
      daysNeeded: row.daysNeeded,
      completionDate: row.completionDate,
    });
    expect(result.areas).toEqual(expected.areas.map(pick));
    expect(result.daily).toEqual(plannedDailySeries(dakNongInput, '67'));

    const district = (await data<{ plan: Plan }>(PLAN, { scenarioId: 'dak-nong-2021', areaCode: '665' }))
      .plan;
    expect(district.area).toMatchObject({
      code: '665',
      demand: expected.areas.find((a) => a.code === '665')?.demand,
    });
    expect(district.areas.every((row) => row.code === '665' || row.code.length === 5)).toBe(true);
    expect(district.daily).toEqual(plannedDailySeries(dakNongInput, '665'));
  });

  it('gives Nghệ An 278 dossiers per machine-day, 48,928 a day on its 176 machines', async () => {
    const result = (await data<{ plan: Plan }>(PLAN, { scenarioId: 'nghe-an-2021', areaCode: '40' })).plan;
    // Field report: 176 computers, 278 dossiers per machine per day, round the clock.
    expect(result.capacity.hoursPerDay).toBe(24);
    expect(result.capacity.dailyCapacityPerMachine).toBeCloseTo(278, 6);
    expect(result.area.machines).toBe(176);
    expect(result.mode).toBe('COMPLETION');
    expect(result.daily.reduce((sum, day) => sum + day.planned, 0)).toBe(result.area.demand);
    // While every commune still has people to serve the whole pool works: 176 × 278 a day.
    const steadyDays = result.daily.slice(1, 30);
    for (const day of steadyDays) expect(Math.abs(day.planned - 48_928) / 48_928).toBeLessThan(0.001);
  });

  it('answers an unknown scenario or an area outside it with a typed error naming the argument', async () => {
    const unknown = (await data<{ plan: Plan }>(PLAN, { scenarioId: 'nope', areaCode: '67' })).plan;
    expect(unknown).toMatchObject({ __typename: 'NotFoundError', field: 'scenarioId' });
    const outside = (await data<{ plan: Plan }>(PLAN, { scenarioId: 'dak-nong-2021', areaCode: '40' })).plan;
    expect(outside).toMatchObject({ __typename: 'InputError', field: 'areaCode' });
    const nowhere = (await data<{ plan: Plan }>(PLAN, { scenarioId: 'dak-nong-2021', areaCode: 'nope' }))
      .plan;
    expect(nowhere).toMatchObject({ __typename: 'NotFoundError', field: 'areaCode' });
  });

  it('refuses in its daily series, staffing and mobile teams an area outside the one asked about, naming areaCode', async () => {
    // Đắk Glong (661) is in the scenario (Đắk Nông) but not under Đắk Song (665), the area asked about.
    const typed = await data<{
      plan: Record<string, unknown>;
    }>(`{ plan(scenarioId: "dak-nong-2021", areaCode: "665") {
      ... on CampaignPlan {
        staffing(areaCode: "661") { __typename ... on InputError { field code } }
        mobileTeams(teams: [{ id: "A", machines: 2 }], areaCode: "661") { __typename ... on InputError { field code } }
      } } }`);
    const refusal = { __typename: 'InputError', field: 'areaCode', code: 'unknown-reference' };
    expect(typed.plan).toEqual({ staffing: refusal, mobileTeams: refusal });
    const daily = await gql(`{ plan(scenarioId: "dak-nong-2021", areaCode: "665") {
      ... on CampaignPlan { daily(areaCode: "661") { date } } } }`);
    expect(daily.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'areaCode' });
  });
});

const WHAT_IF = `query ($input: CampaignInput!) {
  whatIf(input: $input) {
    __typename
    ... on CampaignPlan { mode area { code machinesNeeded dailyTarget } daily { planned } }
    ... on InputError { field code expected received message }
  }
}`;

describe('whatIf', () => {
  it('plans the Hưng Nguyên site from inline input and stores nothing', async () => {
    // Hưng Nguyên town: 2 scanners, 07:30–22:00, ≈ 3.5 min per dossier; 9,660 people, 14+ share assumed 0.75.
    const input = {
      areas: [{ code: 'hn', name: 'Thị trấn Hưng Nguyên', population: 9660, eligibleShare: 0.75 }],
      calendar: { start: '2021-03-19', deadline: '2021-03-31' },
      hours: { open: '07:30', close: '22:00' },
      service: { minutesPerDossier: 3.5 },
    };
    const result = await data<{
      whatIf: { mode: string; area: { machinesNeeded: number }; daily: { planned: number }[] };
    }>(WHAT_IF, { input });
    const library = planCampaign(input);
    expect(result.whatIf.mode).toBe('SIZING');
    expect(result.whatIf.area.machinesNeeded).toBe(library.areas[0]?.machinesNeeded);
    expect(result.whatIf.daily.reduce((sum, day) => sum + day.planned, 0)).toBe(library.areas[0]?.demand);
  });

  it('names the bad field of the input instead of failing', async () => {
    const result = await data<{ whatIf: Record<string, string> }>(WHAT_IF, {
      input: {
        areas: [{ code: 'a', name: 'A', population: -5 }],
        calendar: { start: '2021-03-19', deadline: '2021-03-31' },
        hours: { open: '07:30', close: '22:00' },
        service: { minutesPerDossier: 3.5 },
      },
    });
    expect(result.whatIf.__typename).toBe('InputError');
    expect(result.whatIf.field).toBe('input.areas[0].population');
    expect(result.whatIf.message).toMatch(/^input\.areas\[0\]\.population must be .*, got -5$/);
  });

  it('refuses an area given machines twice rather than keeping one of the figures', async () => {
    const result = await data<{ whatIf: Record<string, string> }>(WHAT_IF, {
      input: {
        areas: [{ code: 'a', name: 'A', population: 500 }],
        calendar: { start: '2021-03-19', deadline: '2021-03-31' },
        hours: { open: '07:30', close: '22:00' },
        service: { minutesPerDossier: 3.5 },
        machines: [
          { areaCode: 'a', machines: 1 },
          { areaCode: 'a', machines: 2 },
        ],
      },
    });
    expect(result.whatIf).toMatchObject({
      __typename: 'InputError',
      field: 'input.machines[1].areaCode',
      code: 'duplicate',
    });
  });

  it('names a negative count in the second machines entry at its place in the list', async () => {
    const result = await data<{ whatIf: Record<string, string> }>(WHAT_IF, {
      input: {
        areas: [
          { code: '4', name: 'Province' },
          { code: '40', name: 'District', parentCode: '4', population: 500 },
        ],
        calendar: { start: '2021-03-19', deadline: '2021-03-31' },
        hours: { open: '07:30', close: '22:00' },
        service: { minutesPerDossier: 3.5 },
        machines: [
          { areaCode: '4', machines: 1 },
          { areaCode: '40', machines: -2 },
        ],
      },
    });
    expect(result.whatIf).toMatchObject({
      __typename: 'InputError',
      field: 'input.machines[1].machines',
      code: 'range',
    });
  });

  it('names every figure beyond what the service plans at once', async () => {
    // A week is 10,080 minutes a dossier; an area may be given 100,000 machines.
    const result = await data<{ whatIf: { problems: { field: string; code: string }[] } }>(
      `query ($input: CampaignInput!) { whatIf(input: $input) { ... on InputError { problems { field code } } } }`,
      {
        input: {
          areas: [{ code: 'a', name: 'A', population: 500 }],
          calendar: { start: '2021-03-19', deadline: '2021-03-31' },
          hours: { open: '07:30', close: '22:00' },
          service: { minutesPerDossier: 20_000 },
          machines: [{ areaCode: 'a', machines: 100_001 }],
        },
      },
    );
    expect(result.whatIf.problems).toEqual([
      { field: 'input.service.minutesPerDossier', code: 'range' },
      { field: 'input.machines[0].machines', code: 'range' },
    ]);
  });

  const WHAT_IF_PROBLEMS = `query ($input: CampaignInput!) {
    whatIf(input: $input) { ... on InputError { field message problems { field code received } } }
  }`;
  type WhatIfProblems = {
    whatIf: { field: string; message: string; problems: { field: string; code: string; received: string }[] };
  };

  it('names every figure the planning library refuses at once, not only the first', async () => {
    // Two figures the library refuses, each in a part of its own: an opening time without its
    // colon, and the second machines entry's negative count.
    const result = await data<WhatIfProblems>(WHAT_IF_PROBLEMS, {
      input: {
        areas: [
          { code: '4', name: 'Province' },
          { code: '40', name: 'District', parentCode: '4', population: 500 },
        ],
        calendar: { start: '2021-03-19', deadline: '2021-03-31' },
        hours: { open: '7h30', close: '22:00' },
        service: { minutesPerDossier: 3.5 },
        machines: [
          { areaCode: '4', machines: 1 },
          { areaCode: '40', machines: -2 },
        ],
      },
    });
    expect(result.whatIf.field).toBe('input.hours.open');
    expect(result.whatIf.problems).toEqual([
      { field: 'input.hours.open', code: 'format', received: '7h30' },
      { field: 'input.machines[1].machines', code: 'range', received: '-2' },
    ]);
    expect(result.whatIf.message).toMatch(
      /^2 problems: input\.hours\.open must be .*; input\.machines\[1\]\.machines must be /,
    );
  });

  it('names the figures beyond what the service plans with those the library refuses, in the order of the input', async () => {
    // The input's order: hours, then service, then machines. The opening time and the machines'
    // area are the library's refusals; 20,000 minutes a dossier is beyond the week the service plans.
    const result = await data<WhatIfProblems>(WHAT_IF_PROBLEMS, {
      input: {
        areas: [{ code: 'a', name: 'A', population: 500 }],
        calendar: { start: '2021-03-19', deadline: '2021-03-31' },
        hours: { open: '7h30', close: '22:00' },
        service: { minutesPerDossier: 20_000 },
        machines: [{ areaCode: 'nowhere', machines: 3 }],
      },
    });
    expect(result.whatIf.problems).toEqual([
      { field: 'input.hours.open', code: 'format', received: '7h30' },
      { field: 'input.service.minutesPerDossier', code: 'range', received: '20000' },
      { field: 'input.machines[0].areaCode', code: 'unknown-reference', received: 'nowhere' },
    ]);
  });

  it('names an area’s refused figures in the order AreaInput declares them beside a bound refused', async () => {
    // AreaInput lists population before alreadyServed; the schema hands its fields over sorted by
    // name (alreadyServed first), which must not decide the order.
    const result = await data<WhatIfProblems>(WHAT_IF_PROBLEMS, {
      input: {
        areas: [{ code: 'a', name: 'A', population: -1, alreadyServed: -1 }],
        calendar: { start: '2021-03-19', deadline: '2021-03-31' },
        hours: { open: '07:30', close: '22:00' },
        service: { minutesPerDossier: 20_000 },
      },
    });
    expect(result.whatIf.problems.map((problem) => problem.field)).toEqual([
      'input.areas[0].population',
      'input.areas[0].alreadyServed',
      'input.service.minutesPerDossier',
    ]);
  });

  it('lists the first 100 of 300 refused figures and counts every one', async () => {
    // 150 communes, each with a negative population and a negative number already served: 300
    // refusals, within the bounds, so the library names them all from the worker pool.
    const areas = [
      { code: 'p', name: 'P' },
      ...Array.from({ length: 150 }, (_, i) => ({
        code: `c${i}`,
        name: `C${i}`,
        parentCode: 'p',
        population: -1,
        alreadyServed: -1,
      })),
    ];
    const result = await data<{
      whatIf: { message: string; problemCount: number; problems: { field: string }[] };
    }>(
      `query ($input: CampaignInput!) {
        whatIf(input: $input) { ... on InputError { message problemCount problems { field } } }
      }`,
      {
        input: {
          areas,
          calendar: { start: '2021-03-19', deadline: '2021-03-31' },
          hours: { open: '07:30', close: '22:00' },
          service: { minutesPerDossier: 3.5 },
        },
      },
    );
    expect(result.whatIf.problemCount).toBe(300);
    expect(result.whatIf.problems).toHaveLength(100);
    expect(result.whatIf.problems.at(-1)?.field).toBe('input.areas[50].alreadyServed');
    expect(result.whatIf.message).toMatch(/^300 problems: .*; and 297 more$/);
  });
});

describe('planVsActual', () => {
  const PVA = `query ($areaCode: String!, $from: Date, $to: Date) {
    planVsActual(scenarioId: "dak-nong-2021", areaCode: $areaCode, from: $from, to: $to) {
      __typename
      ... on PlanVsActual {
        demand totalActual totalPlanned observedDossiersPerMachineDay observedMachineDays
        days { date planned cumulativePlanned actual cumulativeActual variance cumulativeVariance machinesWorking }
        forecast { remaining expected earliest latest basedOnDays }
      }
      ... on InputError { field }
    }
  }`;
  type Pva = {
    __typename: string;
    demand: number;
    totalActual: number;
    totalPlanned: number;
    observedDossiersPerMachineDay: number | null;
    days: {
      date: string;
      planned: number;
      cumulativePlanned: number;
      actual: number | null;
      cumulativeActual: number;
      variance: number | null;
    }[];
    forecast: {
      remaining: number;
      expected: string;
      earliest: string;
      latest: string;
      basedOnDays: number;
    } | null;
    field: string;
  };

  it('adds up to the 15,574 dossiers Đắk Nông reported for 19–20 March', async () => {
    const result = (
      await data<{ planVsActual: Pva }>(PVA, { areaCode: '67', from: '2021-03-19', to: '2021-03-20' })
    ).planVsActual;
    expect(result.days.map((day) => day.date)).toEqual(['2021-03-19', '2021-03-20']);
    expect(result.totalActual).toBe(15_574);
    expect(result.days.at(-1)?.cumulativeActual).toBe(15_574);
    const series = plannedDailySeries(dakNongInput, '67');
    const planned = series.filter((day) => day.date >= '2021-03-19' && day.date <= '2021-03-20');
    expect(result.days.map((day) => day.planned)).toEqual(planned.map((day) => day.planned));
    // The report gives no split by day: the seed records half of 15,574 on each, 7,787.
    expect(result.days.map((day) => day.variance)).toEqual(planned.map((day) => 7787 - day.planned));
  });

  it('shows Đắk Song’s 1,085 dossiers of 20 March and forecasts its completion with a range', async () => {
    const result = (
      await data<{ planVsActual: Pva }>(PVA, { areaCode: '665', from: '2021-03-18', to: '2021-03-21' })
    ).planVsActual;
    expect(result.days.map((day) => day.actual)).toEqual([null, null, 1085, null]);
    expect(result.forecast?.remaining).toBe(result.demand - 1085);
    // One reported day: the range closes on the expected date; 1,085 a day for the rest.
    expect(result.forecast?.basedOnDays).toBe(1);
    expect(result.forecast?.earliest).toBe(result.forecast?.expected);
    expect(result.forecast?.latest).toBe(result.forecast?.expected);
  });

  it('measures throughput per machine-day from reports that say how many machines worked', async () => {
    await data(
      `mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) { __typename } }`,
      {
        reports: [
          { date: '2021-03-22', areaCode: '663', dossiers: 600, machinesWorking: 2 },
          { date: '2021-03-23', areaCode: '663', dossiers: 1000, machinesWorking: 3 },
        ],
      },
    );
    const result = (
      await data<{ planVsActual: Pva }>(PVA, { areaCode: '663', from: '2021-03-22', to: '2021-03-23' })
    ).planVsActual;
    // (600 + 1000) dossiers over (2 + 3) machine-days.
    expect(result.observedDossiersPerMachineDay).toBe(320);
    expect(
      result.forecast?.earliest &&
        result.forecast.latest &&
        result.forecast.earliest <= result.forecast.latest,
    ).toBe(true);
    expect(result.forecast?.expected && result.forecast.earliest <= result.forecast.expected).toBe(true);
  });

  it('refuses a period that ends before it starts', async () => {
    const result = await gql<{ planVsActual: Pva }>(PVA, {
      areaCode: '67',
      from: '2021-03-20',
      to: '2021-03-19',
    });
    expect(result.data?.planVsActual).toMatchObject({ __typename: 'InputError', field: 'to' });
  });
});

describe('hourly staffing and shifts of a plan', () => {
  const STAFFING = `query ($input: CampaignInput!) {
    whatIf(input: $input) {
      __typename
      ... on CampaignPlan {
        area { dailyTarget machines }
        staffing(profile: URBAN_WORKERS, waitTargetMinutes: 20) {
          __typename
          ... on HourlyStaffing {
            dailyVisitors peakMachines meetsTarget worstMeanWaitMinutes
            hours { start machinesOpen meanWaitMinutes }
            shifts(lengthsHours: [4, 8]) { requirement coverage staffHours optimal shifts { start lengthHours staff } }
          }
          ... on InputError { field }
        }
      }
    }
  }`;
  // Hưng Nguyên town site: 2 scanners, 07:30–22:00, ≈ 3.48 min per dossier, 9,660 people.
  const input = {
    areas: [{ code: 'hn', name: 'Thị trấn Hưng Nguyên', population: 9660, eligibleShare: 0.75 }],
    calendar: { start: '2021-03-19', deadline: '2021-04-18', timeZone: 'Asia/Ho_Chi_Minh' },
    hours: { open: '07:30', close: '22:00' },
    service: { minutesPerDossier: 3.48 },
    machines: [{ areaCode: 'hn', machines: 2 }],
  };

  it('matches the library’s hourly staffing and shift cover for the daily target', async () => {
    type Result = {
      whatIf: {
        area: { dailyTarget: number; machines: number };
        staffing: {
          dailyVisitors: number;
          peakMachines: number;
          hours: { start: string; machinesOpen: number; meanWaitMinutes: number }[];
          shifts: { requirement: number[]; coverage: number[]; staffHours: number; optimal: boolean };
        };
      };
    };
    const result = (await data<Result>(STAFFING, { input })).whatIf;
    const library = planHourlyStaffing({
      dailyVisitors: result.area.dailyTarget,
      profile: 'urban-workers',
      hours: input.hours,
      service: { minutesPerDossier: 3.48 },
      target: { meanWaitMinutes: 20 },
      machinesAvailable: 2,
    });
    expect(result.staffing.dailyVisitors).toBe(result.area.dailyTarget);
    expect(result.staffing.peakMachines).toBe(library.peakMachines);
    expect(result.staffing.hours.map((h) => [h.start, h.machinesOpen])).toEqual(
      library.hours.map((h) => [h.start, h.machinesOpen]),
    );
    expect(result.staffing.peakMachines).toBeLessThanOrEqual(2);
    const cover = coverShifts({
      requirement: library.hours.map((h) => h.machinesOpen),
      shifts: generateShifts({ periods: library.hours.length, lengths: [4, 8] }),
    });
    expect(result.staffing.shifts.staffHours).toBe(cover.totalPeriods);
    expect(result.staffing.shifts.optimal).toBe(true);
    result.staffing.shifts.coverage.forEach((covered, hour) => {
      expect(covered).toBeGreaterThanOrEqual(result.staffing.shifts.requirement[hour] ?? 0);
    });
  });
});

describe('hourly staffing on a site’s own figures in a stored scenario', () => {
  it('evaluates Đắk Song’s 1,085 of 20 March on four machines as the seeded simulator does, beside the plan', async () => {
    type Hour = { start: string; arrivals: number; arrivalsPerHour: number; meanWaitMinutes: number };
    type Result = {
      plan: {
        staffing: {
          dailyVisitors: number;
          machinesAvailable: number;
          hours: (Hour & { machinesOpen: number })[];
          evaluation: { meanWaitMinutes: number; stillQueuingAtClose: number; hours: Hour[] };
        };
      };
    };
    const query = `{ plan(scenarioId: "dak-nong-2021", areaCode: "665") { ... on CampaignPlan {
      staffing(dailyVisitors: 1085, hours: { open: "05:00", close: "24:00" }, machinesAvailable: 6) {
        ... on HourlyStaffing { dailyVisitors machinesAvailable hours { start arrivals arrivalsPerHour meanWaitMinutes machinesOpen }
          evaluation(machinesOpen: [4]) { ... on StaffingEvaluation { meanWaitMinutes stillQueuingAtClose
            hours { start arrivals arrivalsPerHour meanWaitMinutes } } } } } } } }`;
    const staffing = (await data<Result>(query)).plan.staffing;
    expect(staffing.dailyVisitors).toBe(1085);
    expect(staffing.machinesAvailable).toBe(6);
    expect(staffing.hours.every((h) => h.machinesOpen <= 6)).toBe(true);
    const hours = staffing.evaluation.hours;
    expect(hours.map((h) => h.start)).toEqual(staffing.hours.map((h) => h.start));
    expect(hours.reduce((sum, h) => sum + h.arrivals, 0)).toBeCloseTo(1085, 6);
    // The scenario's 3.5 minutes a dossier, the same arrivals, four machines: 8,000 seeded days.
    const seed = 20_211_131;
    const simulated = simulateQueue({
      seed,
      replications: 8_000,
      arrivalsPerHour: hours.map((h) => h.arrivalsPerHour),
      machinesOpen: 4,
      serviceMinutes: 3.5,
    });
    console.info(`simulateQueue seed ${seed}, 8000 days`);
    hours.forEach((hour, h) => {
      const period = simulated.periods[h];
      const band = Math.max(4 * (period?.standardErrors?.meanWaitMinutes ?? 0), 0.02);
      expect(Math.abs(hour.meanWaitMinutes - (period?.meanWaitMinutes ?? 0)), hour.start).toBeLessThanOrEqual(
        band,
      );
    });
    expect(
      Math.abs(staffing.evaluation.stillQueuingAtClose - simulated.leftInQueueAtClosing),
    ).toBeLessThanOrEqual(Math.max(4 * (simulated.standardErrors?.queueAtEnd ?? 0), 0.02));
  });
});

describe('roster of a plan', () => {
  it('finds Nghệ An’s three teams round the clock break the 48-hour week and four are needed', async () => {
    type Result = {
      plan: {
        roster: {
          teamCount: number;
          minimumTeams: number;
          feasible: boolean;
          shifts: { start: string; end: string }[];
          teams: { maxHoursInAnyWeek: number }[];
          violations: { rule: string; severity: string }[];
        };
      };
    };
    const query = `query ($teams: Int) { plan(scenarioId: "nghe-an-2021", areaCode: "40") { ... on CampaignPlan {
      roster(teams: $teams, days: 28) { __typename ... on Roster {
        teamCount minimumTeams feasible shifts { start end } teams { maxHoursInAnyWeek } violations { rule severity } } } } } }`;
    const three = (await data<Result>(query)).plan.roster;
    // The field report (docs/architecture.md §6): three 8-hour teams round the clock work 56 h a week; four work 42 h.
    expect(three.teamCount).toBe(3);
    expect(three.shifts).toEqual([
      { start: '00:00', end: '08:00' },
      { start: '08:00', end: '16:00' },
      { start: '16:00', end: '24:00' },
    ]);
    expect(three.feasible).toBe(false);
    expect(Math.max(...three.teams.map((team) => team.maxHoursInAnyWeek))).toBe(56);
    expect(three.violations.some((v) => v.severity === 'hard')).toBe(true);
    expect(three.minimumTeams).toBe(4);
    const four = (await data<Result>(query, { teams: 4 })).plan.roster;
    expect(four.feasible).toBe(true);
    expect(Math.max(...four.teams.map((team) => team.maxHoursInAnyWeek))).toBeLessThanOrEqual(48);
  });
});

describe('mobile teams of a plan', () => {
  it('names a refused team, window or stay by the argument’s own path', async () => {
    type Result = { plan: { mobileTeams: { __typename: string; field: string; code: string } } };
    const ask = async (args: string) =>
      (
        await data<Result>(`{ plan(scenarioId: "dak-nong-2021", areaCode: "665") { ... on CampaignPlan {
          mobileTeams(${args}) { __typename ... on InputError { field code } } } } }`)
      ).plan.mobileTeams;
    expect(await ask('teams: [{ id: "A", machines: 2 }, { id: "B", machines: 0 }]')).toEqual({
      __typename: 'InputError',
      field: 'teams[1].machines',
      code: 'range',
    });
    expect(await ask('teams: [{ id: "A", machines: 2 }, { id: "A", machines: 1 }]')).toMatchObject({
      field: 'teams[1].id',
      code: 'duplicate',
    });
    expect(
      await ask('teams: [{ id: "A", machines: 2 }], hours: { open: "07:00", close: "31:00" }'),
    ).toMatchObject({
      field: 'hours.close',
    });
    expect(await ask('teams: [{ id: "A", machines: 2 }], maxDaysPerVisit: -1')).toMatchObject({
      field: 'maxDaysPerVisit',
    });
  });

  it('plans Đắk Song’s communes for two mobile teams from Đức An as the library does from the centroid and census files', async () => {
    type Result = {
      plan: {
        areas: { code: string; name: string; demand: number }[];
        mobileTeams: {
          __typename: string;
          completionDate: string;
          gapToLowerBound: number;
          teams: { visits: { communeCode: string; dossiers: number }[] }[];
          communes: { communeCode: string; plannedDossiers: number }[];
        };
      };
    };
    const result = (
      await data<Result>(`{ plan(scenarioId: "dak-nong-2021", areaCode: "665") { ... on CampaignPlan {
        areas { code name demand }
        mobileTeams(teams: [{ id: "A", machines: 2 }, { id: "B", machines: 2 }], homeAreaCode: "24717") { __typename ... on MobileTeamsPlan {
          completionDate gapToLowerBound teams { visits { communeCode dossiers } } communes { communeCode plannedDossiers } } } } } }`)
    ).plan;
    expect(result.mobileTeams.__typename).toBe('MobileTeamsPlan');
    const centroids: Record<string, string>[] = parse(
      readFileSync(
        path.join(import.meta.dirname, '../../../data/vietnam/commune_centroids_2021.csv'),
        'utf8',
      ),
      { columns: true },
    );
    const point = (code: string) => {
      const row = centroids.find((r) => r.commune_code === code);
      return { latitude: Number(row?.lat), longitude: Number(row?.lon) };
    };
    // The census figures the terrain class is read from: population, land, urban share and type.
    const census: Record<string, string>[] = parse(
      readFileSync(
        path.join(import.meta.dirname, '../../../data/vietnam/demo_nghean_daknong_2021.csv'),
        'utf8',
      ),
      { columns: true },
    );
    const TYPES: Record<string, 'ward' | 'township' | 'commune'> = {
      phường: 'ward',
      'thị trấn': 'township',
      xã: 'commune',
    };
    const facts = (code: string) => {
      const row = census.find((r) => r.commune_code === code);
      const population = Number(row?.pop2019_total);
      return {
        population,
        areaKm2: Number(row?.area_km2_gis_approx),
        urbanShare: Math.round((Number(row?.pop2019_urban) / population) * 1e4) / 1e4,
        communeType: TYPES[row?.commune_type ?? ''] ?? 'commune',
      };
    };
    const communes = result.areas
      .filter((row) => row.code.length === 5)
      .map((row) => ({
        id: row.code,
        name: row.name,
        demand: row.demand,
        coverageShare: 0,
        location: point(row.code),
        ...facts(row.code),
      }));
    const library = planMobileTeams({
      calendar: dakNongInput.calendar,
      communes,
      teams: [
        { id: 'A', machines: 2 },
        { id: 'B', machines: 2 },
      ],
      service: dakNongInput.service,
      home: point('24717'),
    });
    if (library.status !== 'planned') throw new Error('the library found no plan');
    expect(result.mobileTeams.completionDate).toBe(library.completionDate);
    expect(result.mobileTeams.gapToLowerBound).toBeCloseTo(library.gapToLowerBound, 9);
    const visited = result.mobileTeams.teams
      .flatMap((team) => team.visits)
      .reduce((sum, v) => sum + v.dossiers, 0);
    expect(visited).toBe(communes.reduce((sum, c) => sum + c.demand, 0));
  });
});
