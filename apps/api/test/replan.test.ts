import { beforeAll, describe, expect, it } from 'vitest';
import { completedTasks } from '../src/compute/pool.ts';
import { data, database, gql, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

// One commune, hand-worked: 1,000 eligible, 1 machine open 08:00–18:00 at 6 minutes a dossier
// (100 a machine-day), 1–10 April 2021 (10 open days): the plan finishes on 10 April exactly.
// The field reported 80 dossiers on each of 1–3 April with 1 machine working.
const COMMUNE = 'T9001';
let scenarioId = '';

beforeAll(async () => {
  await database.prisma.area.create({
    data: { code: COMMUNE, name: 'Xã Thử', level: 'commune', path: COMMUNE, depth: 0, eligible: 1000 },
  });
  const created = await data<{ createScenario: { id: string } }>(
    `mutation ($input: ScenarioInput!) { createScenario(input: $input) { ... on Scenario { id: scenarioId } } }`,
    {
      input: {
        name: 'Xã Thử, April 2021',
        areaCode: COMMUNE,
        calendar: { start: '2021-04-01', deadline: '2021-04-10' },
        hours: { open: '08:00', close: '18:00' },
        service: { minutesPerDossier: 6 },
        machines: [{ areaCode: COMMUNE, machines: 1 }],
      },
    },
  );
  scenarioId = created.createScenario.id;
  await data(
    `mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) { __typename } }`,
    {
      reports: ['2021-04-01', '2021-04-02', '2021-04-03'].map((date) => ({
        date,
        areaCode: COMMUNE,
        dossiers: 80,
        machinesWorking: 1,
      })),
    },
  );
});

const REPLAN = `query ($scenarioId: ID!, $areaCode: String!, $asOf: Date!, $pace: ReplanPace) {
  replan(scenarioId: $scenarioId, areaCode: $areaCode, asOf: $asOf, pace: $pace) {
    __typename
    ... on Replan {
      start pace
      plan { completionDate area { demand alreadyServed status } daily { date planned cumulativePlanned } }
      areas { areaCode reportedDossiers servedDossiers remainingDossiers observedDossiersPerMachineDay
        observedMachineDays paceDossiersPerMachineDay
        reporting { openDaysSoFar daysReported completeDays shareOfDaysReported leavesReportedOnLastDay } }
      whatMustChange {
        deadline completionDate sentence
        alternatives {
          __typename
          ... on MachinesAlternative { addedMachines movedMachines changes { areaCode machinesBefore machinesAfter } sentence }
          ... on HoursAlternative { open close addedMinutesPerDay sentence }
          ... on PaceAlternative { dossiersPerMachineDay currentDossiersPerMachineDay aboveDayMaximum sentence }
          ... on DeadlineAlternative { deadline slipCalendarDays slipOpenDays sentence }
          ... on InfeasibleAlternative { alternative reason sentence }
        }
      }
      warnings {
        __typename
        ... on DayAboveMaximumWarning { areaCode date dossiers machines machinesFrom maximumDossiers message }
        ... on PaceDiffersWarning { areaCode observedDossiersPerMachineDay differenceShare }
        ... on PartialDayWarning { areaCode date missingAreaCodes }
      }
    }
    ... on InputError { field code message }
    ... on NotFoundError { field resource }
  }
}`;

type Replan = {
  __typename: string;
  start: string;
  pace: string;
  plan: {
    completionDate: string;
    area: { demand: number; alreadyServed: number; status: string };
    daily: { date: string; planned: number; cumulativePlanned: number }[];
  };
  areas: Record<string, unknown>[];
  whatMustChange: {
    deadline: string;
    completionDate: string;
    sentence: string;
    alternatives: Record<string, unknown>[];
  } | null;
  warnings: Record<string, unknown>[];
  field?: string;
  code?: string;
  resource?: string;
};

const replan = async (variables: Record<string, unknown>) =>
  (await data<{ replan: Replan }>(REPLAN, variables)).replan;

describe('replan', () => {
  it('replans what is left at the observed pace and says what must change, as worked by hand', async () => {
    const answer = await replan({ scenarioId, areaCode: COMMUNE, asOf: '2021-04-03', pace: 'OBSERVED' });
    expect(answer.__typename).toBe('Replan');
    // 3 × 80 = 240 served, 760 left from 4 April, at 80 a machine-day (240 ÷ 3 machine-days).
    expect(answer.start).toBe('2021-04-04');
    expect(answer.areas).toEqual([
      {
        areaCode: COMMUNE,
        reportedDossiers: 240,
        servedDossiers: 240,
        remainingDossiers: 760,
        observedDossiersPerMachineDay: 80,
        observedMachineDays: 3,
        paceDossiersPerMachineDay: 80,
        reporting: {
          openDaysSoFar: 3,
          daysReported: 3,
          completeDays: 3,
          shareOfDaysReported: 1,
          leavesReportedOnLastDay: 1,
        },
      },
    ]);
    // 760 at 80 a day: nine days of 80 (4–12 April) and 40 on 13 April, three days late.
    expect(answer.plan.area).toEqual({ demand: 760, alreadyServed: 240, status: 'LATE' });
    expect(answer.plan.completionDate).toBe('2021-04-13');
    expect(answer.plan.daily).toHaveLength(10);
    expect(answer.plan.daily[0]).toEqual({ date: '2021-04-04', planned: 80, cumulativePlanned: 80 });
    expect(answer.plan.daily.at(-1)).toEqual({ date: '2021-04-13', planned: 40, cumulativePlanned: 760 });
    // To make 10 April (7 open days left): 2 machines do 160 a day (one more machine); 760 ÷ 8 an
    // hour = 95 h over 7 days = 13 h 34.3 min, so 13 h 35 min a day (open to 21:35); 760 ÷ 7 =
    // 108.6, so 109 a machine-day; or finish on 13 April.
    const change = answer.whatMustChange;
    expect(change?.deadline).toBe('2021-04-10');
    expect(change?.completionDate).toBe('2021-04-13');
    expect(change?.alternatives).toEqual([
      {
        __typename: 'MachinesAlternative',
        addedMachines: 1,
        movedMachines: 0,
        changes: [{ areaCode: COMMUNE, machinesBefore: 1, machinesAfter: 2 }],
        sentence: expect.stringContaining('+1 machine in Xã Thử'),
      },
      {
        __typename: 'HoursAlternative',
        open: '08:00',
        close: '21:35',
        addedMinutesPerDay: 215,
        sentence: expect.stringContaining('3 h 35 min longer'),
      },
      {
        __typename: 'PaceAlternative',
        dossiersPerMachineDay: 109,
        currentDossiersPerMachineDay: 80,
        aboveDayMaximum: false,
        sentence: expect.stringContaining('109 dossiers per machine-day'),
      },
      {
        __typename: 'DeadlineAlternative',
        deadline: '2021-04-13',
        slipCalendarDays: 3,
        slipOpenDays: 3,
        sentence: expect.stringContaining('3 days late'),
      },
    ]);
    expect(change?.sentence).toBe(
      'To finish Xã Thử (T9001) by 2021-04-10: +1 machine in Xã Thử, or open 3 h 35 min longer (08:00–21:35), or reach 109 dossiers per machine-day (now 80), or finish 3 days late (2021-04-13).',
    );
    // 80 against 100 planned is 20 % slower: at the margin, not beyond it.
    expect(answer.warnings).toEqual([]);
  });

  it('names the late commune the machine is for, with the dossiers it has left', async () => {
    const answer = await data<{
      replan: { whatMustChange: { alternatives: { __typename: string; lateAreas?: unknown }[] } };
    }>(
      `query ($scenarioId: ID!, $areaCode: String!) {
        replan(scenarioId: $scenarioId, areaCode: $areaCode, asOf: "2021-04-03", pace: OBSERVED) {
          ... on Replan {
            whatMustChange {
              alternatives { __typename ... on MachinesAlternative { lateAreas { areaCode name poolAreaCode remainingDossiers } } }
            }
          }
        }
      }`,
      { scenarioId, areaCode: COMMUNE },
    );
    // Its own machine is the pool; 1,000 less the 3 × 80 reported leaves 760.
    expect(answer.replan.whatMustChange.alternatives[0]).toEqual({
      __typename: 'MachinesAlternative',
      lateAreas: [{ areaCode: COMMUNE, name: 'Xã Thử', poolAreaCode: COMMUNE, remainingDossiers: 760 }],
    });
  });

  it('keeps the plan’s pace when asked to, and then finishes on time', async () => {
    // 760 at 100 a day from 4 April: 7 open days of 100 would be 700, so 8 days: 11 April, a day late.
    const answer = await replan({ scenarioId, areaCode: COMMUNE, asOf: '2021-04-03', pace: 'PLANNED' });
    expect(answer.plan.completionDate).toBe('2021-04-11');
    expect(answer.whatMustChange?.alternatives.at(-1)).toMatchObject({
      __typename: 'DeadlineAlternative',
      deadline: '2021-04-11',
    });
  });

  it('blends the paces by default: 3 days reported weigh 3 ÷ (3 + 7) = 0.3', async () => {
    // 0.3 × 80 + 0.7 × 100 = 94 a machine-day; 760 ÷ 94 = 8.1, so 9 days: 12 April.
    const answer = await replan({ scenarioId, areaCode: COMMUNE, asOf: '2021-04-03' });
    expect(answer.pace).toBe('BLENDED');
    expect(answer.areas[0]?.paceDossiersPerMachineDay).toBeCloseTo(94, 9);
    expect(answer.plan.completionDate).toBe('2021-04-12');
  });

  it('flags Đắk Glong’s 1,123 of 20 March, more than its 2 planned machines do in 24 hours', async () => {
    // 2 machines × 1,440 min ÷ 3.5 min = 822.9 dossiers at most; the field reported 1,123.
    const answer = await replan({ scenarioId: 'dak-nong-2021', areaCode: '661', asOf: '2021-03-20' });
    expect(answer.warnings).toContainEqual({
      __typename: 'DayAboveMaximumWarning',
      areaCode: '661',
      date: '2021-03-20',
      dossiers: 1123,
      machines: 2,
      machinesFrom: 'PLANNED',
      maximumDossiers: 822,
      message: expect.stringContaining('1123 dossiers on 2021-03-20'),
    });
    // 24 machines finish the province by 30 June: nothing must change.
    expect(answer.whatMustChange).toBeNull();
  });

  it('computes one replan for several aliases of the same question', async () => {
    const before = completedTasks();
    const twice = await data<{ a: { __typename: string }; b: { __typename: string } }>(
      `query ($id: ID!) {
        a: replan(scenarioId: $id, areaCode: "${COMMUNE}", asOf: "2021-04-03") { __typename }
        b: replan(scenarioId: $id, areaCode: "${COMMUNE}", asOf: "2021-04-03") { __typename ... on Replan { areas { areaCode } } }
      }`,
      { id: scenarioId },
    );
    expect([twice.a.__typename, twice.b.__typename]).toEqual(['Replan', 'Replan']);
    expect(completedTasks() - before).toBe(1);
  });

  it('names the argument it refuses', async () => {
    const outside = await replan({ scenarioId, areaCode: '661', asOf: '2021-04-03' });
    expect(outside).toMatchObject({ __typename: 'InputError', field: 'areaCode' });
    const missing = await replan({ scenarioId: 'no-such-scenario', areaCode: COMMUNE, asOf: '2021-04-03' });
    expect(missing).toMatchObject({ __typename: 'NotFoundError', field: 'scenarioId', resource: 'scenario' });
    const badDate = await gql(REPLAN, { scenarioId, areaCode: COMMUNE, asOf: '2021-02-30' });
    expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('plan vs actual for the children of an area', () => {
  const CHILDREN = `query {
    province: planVsActual(scenarioId: "dak-nong-2021", areaCode: "67", to: "2021-03-20") {
      ... on PlanVsActual {
        totalActual
        reporting { daysReported completeDays partialDays }
        children {
          areaCode totalActual variance
          reporting { daysReported completeDays lastReportedDate leavesReportedOnLastDate shareOfLeavesReportedOnLastDate }
          days { date actual reporting }
          forecast { expected }
        }
      }
    }
    song: planVsActual(scenarioId: "dak-nong-2021", areaCode: "665", to: "2021-03-20") {
      ... on PlanVsActual { totalActual }
    }
    glong: planVsActual(scenarioId: "dak-nong-2021", areaCode: "661", to: "2021-03-20") {
      ... on PlanVsActual { totalActual children { areaCode } }
    }
  }`;

  type Child = {
    areaCode: string;
    totalActual: number;
    variance: number;
    reporting: Record<string, unknown>;
    days: { date: string; actual: number | null; reporting: string }[];
    forecast: { expected: string } | null;
  };

  it('answers each district in one request with one comparison, missing reports never read as zero', async () => {
    const before = completedTasks();
    const answer = await data<{
      province: { totalActual: number; reporting: Record<string, number>; children: Child[] };
      song: { totalActual: number };
      glong: { totalActual: number; children: { areaCode: string }[] };
    }>(CHILDREN);
    // One comparison for the province, its 8 districts and both aliases (the stored plan's
    // scenario is read once), and the scenario's plan once: the seed's reports give no machines
    // working, and are judged against those it plans in their areas, as recording judged them.
    expect(completedTasks() - before).toBe(2);
    // The province reported 7,787 on each of 19 and 20 March (15,574 for the two days).
    expect(answer.province.totalActual).toBe(15_574);
    expect(answer.province.reporting).toEqual({ daysReported: 2, completeDays: 2, partialDays: 0 });
    expect(answer.province.children).toHaveLength(8);
    const song = answer.province.children.find((child) => child.areaCode === '665');
    const glong = answer.province.children.find((child) => child.areaCode === '661');
    // 20 March: Đắk Song 1,085 and Đắk Glong 1,123 (the field's figures); on 19 March only the
    // province reported, so the districts have no figure that day, not a zero.
    expect(song?.totalActual).toBe(1085);
    expect(song?.days.slice(-2)).toEqual([
      { date: '2021-03-19', actual: null, reporting: 'NONE' },
      { date: '2021-03-20', actual: 1085, reporting: 'COMPLETE' },
    ]);
    expect(glong?.reporting).toMatchObject({
      daysReported: 1,
      completeDays: 1,
      lastReportedDate: '2021-03-20',
    });
    expect(glong?.reporting.shareOfLeavesReportedOnLastDate).toBe(1);
    const silent = answer.province.children.filter((child) => child.totalActual === 0);
    expect(silent).toHaveLength(6);
    for (const child of silent) {
      expect(child.variance).toBe(0);
      expect(child.forecast).toBeNull();
      expect(child.reporting).toMatchObject({ daysReported: 0, lastReportedDate: null });
    }
    expect(answer.song.totalActual).toBe(1085);
    expect(answer.glong.totalActual).toBe(1123);
    // Đắk Glong's communes, from the same computation's plan.
    expect(answer.glong.children.length).toBeGreaterThan(0);
  });
});

describe('a replan saved as a scenario', () => {
  const SAVE = `mutation ($from: ScenarioFromReplanInput, $input: ScenarioInput) {
    createScenario(fromReplan: $from, input: $input) {
      __typename
      ... on Scenario {
        scenarioId name derivedAsOf derivedPace derivedFrom { scenarioId }
        calendar { start deadline }
        alreadyServed { areaCode alreadyServed }
        serviceOverrides { areaCode minutesPerDossier }
      }
      ... on InputError { field code }
    }
  }`;
  type Saved = {
    __typename: string;
    scenarioId: string;
    derivedAsOf: string;
    derivedPace: string;
    derivedFrom: { scenarioId: string } | null;
    calendar: { start: string; deadline: string };
    alreadyServed: { areaCode: string; alreadyServed: number }[];
    serviceOverrides: { areaCode: string; minutesPerDossier: number }[];
    field?: string;
  };

  it('stores the remaining campaign with what was served and the observed pace, and plans as the replan did', async () => {
    const saved = (
      await data<{ createScenario: Saved }>(SAVE, {
        from: { scenarioId, asOf: '2021-04-03', pace: 'OBSERVED', name: 'Xã Thử from 4 April' },
      })
    ).createScenario;
    // 240 served by 3 April; 80 a machine-day over 10 hours is 8 an hour, 7.5 minutes a dossier.
    expect(saved).toMatchObject({
      __typename: 'Scenario',
      derivedAsOf: '2021-04-03',
      derivedPace: 'OBSERVED',
      derivedFrom: { scenarioId },
      calendar: { start: '2021-04-04', deadline: '2021-04-10' },
      alreadyServed: [{ areaCode: COMMUNE, alreadyServed: 240 }],
    });
    expect(saved.serviceOverrides).toHaveLength(1);
    expect(saved.serviceOverrides[0]?.minutesPerDossier).toBeCloseTo(7.5, 9);
    const plan = (
      await data<{ plan: { completionDate: string; area: { demand: number; alreadyServed: number } } }>(
        `query ($id: ID!) { plan(scenarioId: $id, areaCode: "${COMMUNE}") { ... on CampaignPlan { completionDate area { demand alreadyServed } } } }`,
        { id: saved.scenarioId },
      )
    ).plan;
    // As the replan: 760 left at 80 a day from 4 April, done on 13 April.
    expect(plan).toEqual({ completionDate: '2021-04-13', area: { demand: 760, alreadyServed: 240 } });
  });

  it('saves a replan as of the deadline, a campaign late past it, starting the day after', async () => {
    // Refused for a while as a deadline before its start, a field the caller never sent.
    const saved = (
      await data<{ createScenario: Saved }>(SAVE, {
        from: { scenarioId, asOf: '2021-04-10', pace: 'PLANNED', name: 'Xã Thử after its deadline' },
      })
    ).createScenario;
    expect(saved).toMatchObject({
      __typename: 'Scenario',
      derivedAsOf: '2021-04-10',
      calendar: { start: '2021-04-11', deadline: '2021-04-10' },
    });
  });

  it('asks for exactly one of input and fromReplan', async () => {
    const neither = (await data<{ createScenario: Saved }>(SAVE, {})).createScenario;
    expect(neither).toMatchObject({ __typename: 'InputError', field: 'input' });
  });
});

describe('a replan after a new report', () => {
  it('plans the remaining days anew, not from the answer kept before the report', async () => {
    const ask = { scenarioId, areaCode: COMMUNE, asOf: '2021-04-03', pace: 'OBSERVED' };
    const before = await replan(ask);
    expect(before.plan.daily.at(-1)?.cumulativePlanned).toBe(760);
    // 3 April corrected from 80 to 140: 300 served, 700 left, at 100 a machine-day.
    await data(
      `mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) { __typename } }`,
      {
        reports: [{ date: '2021-04-03', areaCode: COMMUNE, dossiers: 140, machinesWorking: 1 }],
      },
    );
    const after = await replan(ask);
    expect(after.plan.area).toMatchObject({ demand: 700, alreadyServed: 300 });
    expect(after.plan.daily.at(-1)?.cumulativePlanned).toBe(700);
  });
});
