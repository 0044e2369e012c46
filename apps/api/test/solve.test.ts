import { describe, expect, it } from 'vitest';
import { data, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

const SOLUTION = `
  __typename
  ... on Solution {
    unknown value step unit deadline hours
    plan { areaCode completionDate area { machines status meetsDeadline } }
  }
  ... on InfeasibleError { reason detail message }
  ... on InputError { field code }`;

const SOLVE_WHAT_IF = `query ($input: CampaignInput!, $unknown: SolveForUnknown!) {
  solveWhatIf(input: $input, unknown: $unknown) { ${SOLUTION} }
}`;

const SOLVE = `query ($scenarioId: ID!, $areaCode: String!, $unknown: SolveForUnknown!) {
  solve(scenarioId: $scenarioId, areaCode: $areaCode, unknown: $unknown) { ${SOLUTION} }
}`;

type Answer = {
  __typename: string;
  unknown?: string;
  value?: number;
  deadline?: string;
  hours?: string;
  plan?: {
    areaCode: string;
    completionDate: string;
    area: { machines: number | null; status: string; meetsDeadline: boolean | null };
  } | null;
  reason?: string;
  detail?: string;
  field?: string;
};

// Nghệ An's month at the field's pace: 48,928 dossiers a day (176 machines × 278) for the 30 days
// of April 2021, round the clock, 1,440 ÷ 278 minutes a dossier (11.583 dossiers a machine-hour).
const ngheAn = (machines?: number) => ({
  areas: [{ code: '40', name: 'Nghệ An', eligible: 48_928 * 30 }],
  calendar: { start: '2021-04-01', deadline: '2021-04-30' },
  hours: { open: '00:00', close: '24:00' },
  service: { minutesPerDossier: 1440 / 278 },
  ...(machines === undefined ? {} : { machines: [{ areaCode: '40', machines }] }),
});

const solveWhatIf = async (input: unknown, unknown: string) =>
  (await data<{ solveWhatIf: Answer }>(SOLVE_WHAT_IF, { input, unknown })).solveWhatIf;

describe('solve a what-if', () => {
  it('finds the field’s 176 machines and plans the month with them', async () => {
    const answer = await solveWhatIf(ngheAn(), 'MACHINES');
    expect(answer).toMatchObject({ __typename: 'Solution', unknown: 'MACHINES', value: 176 });
    expect(answer.plan).toEqual({
      areaCode: '40',
      completionDate: '2021-04-30',
      area: { machines: 176, status: 'ON_TIME', meetsDeadline: true },
    });
  });

  it('with 200 machines: 27 days, 21 h 8 min a day, or 5.88 minutes a dossier', async () => {
    // 200 × 278 = 55,600 a day: 1,467,840 ÷ 55,600 = 26.4, so 27 open days (to 27 April).
    const days = await solveWhatIf(ngheAn(200), 'DAYS');
    expect(days).toMatchObject({ value: 27, deadline: '2021-04-27' });
    expect(days.plan?.completionDate).toBe('2021-04-27');
    // 1,467,840 ÷ (200 × 11.583 × 30) = 21.12 h = 1,267.2 min, so 1,268 min: 00:00–21:08.
    const hours = await solveWhatIf(ngheAn(200), 'HOURS_PER_DAY');
    expect(hours.value).toBeCloseTo(1268 / 60, 9);
    expect(hours.hours).toBe('00:00–21:08');
    expect(hours.plan?.area.status).toBe('ON_TIME');
    // 200 × 720 h × 60 ÷ 1,467,840 = 5.886 min; 5.89 would do 1,466,893 < 1,467,840.
    const minutes = await solveWhatIf(ngheAn(200), 'MINUTES_PER_DOSSIER');
    expect(minutes.value).toBe(5.88);
    expect(minutes.plan?.area.meetsDeadline).toBe(true);
  });

  it('says why there is no answer', async () => {
    const answer = await solveWhatIf(ngheAn(), 'DAYS');
    expect(answer).toMatchObject({ __typename: 'InfeasibleError', reason: 'machines-required' });
    const zero = await solveWhatIf({ ...ngheAn(1), hours: { open: '08:00', close: '08:00' } }, 'DAYS');
    expect(zero).toMatchObject({ __typename: 'InfeasibleError', reason: 'zero-hour-window' });
  });

  it('names the field of the input it refuses', async () => {
    const input = { ...ngheAn(), areas: [{ code: '40', name: 'Nghệ An', eligible: -5 }] };
    const answer = await solveWhatIf(input, 'MACHINES');
    expect(answer).toMatchObject({ __typename: 'InputError', field: 'input.areas[0].eligible' });
  });

  it('names every figure it refuses at once, the service’s bounds and the library’s in the order of the input', async () => {
    // The closing time without its colon (the library's refusal), then a hard case 20,000 minutes
    // longer (beyond the week the service plans), then a negative count (the library's).
    const { solveWhatIf: answer } = await data<{
      solveWhatIf: { problems: { field: string; code: string }[] };
    }>(
      `query ($input: CampaignInput!) {
        solveWhatIf(input: $input, unknown: DAYS) { ... on InputError { problems { field code } } }
      }`,
      {
        input: {
          ...ngheAn(),
          hours: { open: '00:00', close: '24h' },
          service: { minutesPerDossier: 1440 / 278, hardCaseExtraMinutes: 20_000 },
          machines: [{ areaCode: '40', machines: -1 }],
        },
      },
    );
    expect(answer.problems).toEqual([
      { field: 'input.hours.close', code: 'format' },
      { field: 'input.service.hardCaseExtraMinutes', code: 'range' },
      { field: 'input.machines[0].machines', code: 'range' },
    ]);
  });

  it('names both figures the library refuses', async () => {
    const { solveWhatIf: answer } = await data<{
      solveWhatIf: { problems: { field: string; code: string }[] };
    }>(
      `query ($input: CampaignInput!) {
        solveWhatIf(input: $input, unknown: MACHINES) { ... on InputError { problems { field code } } }
      }`,
      {
        input: {
          ...ngheAn(),
          // ISO weekdays run from 1 (Monday) to 7 (Sunday): 8 is none.
          calendar: { start: '2021-04-01', deadline: '2021-04-30', closedWeekdays: [8] },
          hours: { open: '00:00', close: '24h' },
        },
      },
    );
    expect(answer.problems).toEqual([
      { field: 'input.calendar.closedWeekdays[0]', code: 'range' },
      { field: 'input.hours.close', code: 'format' },
    ]);
  });
});

describe('solve a stored scenario', () => {
  it('solves Đắk Glong on the 2 machines the province’s 24 station there', async () => {
    // 19 h × 60 ÷ 3.5 = 325.7 dossiers a machine-day, 651.4 on 2 machines; 44,030 ÷ 651.4 = 67.6,
    // so 68 open days from 15 March, every day open: 21 May.
    const answer = (
      await data<{ solve: Answer }>(SOLVE, { scenarioId: 'dak-nong-2021', areaCode: '661', unknown: 'DAYS' })
    ).solve;
    expect(answer).toMatchObject({ __typename: 'Solution', value: 68, deadline: '2021-05-21' });
    expect(answer.plan).toMatchObject({
      areaCode: '661',
      completionDate: '2021-05-21',
      area: { machines: 2 },
    });
  });

  it('refuses a commune that shares its district’s machines, naming areaCode', async () => {
    const answer = (
      await data<{ solve: Answer }>(SOLVE, {
        scenarioId: 'dak-nong-2021',
        areaCode: '24616',
        unknown: 'DAYS',
      })
    ).solve;
    expect(answer).toMatchObject({ __typename: 'InputError', field: 'areaCode' });
  });
});
