// Hourly staffing on a site's own figures, with a given schedule evaluated beside the recommended
// one (issue 14 item 4), on inline input (`whatIf`); the stored scenario's case is in plan.test.ts.
// Expected values come from Erlang C worked by hand and from the library's seeded simulator.
import { simulateQueue } from '@muster/planning';
import { describe, expect, it } from 'vitest';
import { completedTasks } from '../src/compute/pool.ts';
import { data, gql, useDatabase } from './graphql.ts';

useDatabase();

/** Seeded days per simulated profile: a band of a few tenths of a minute at the evening peak, in about a second. */
const SIMULATED_DAYS = 8_000;
const SIMULATION_SEED = 20_211_130;
/** A correct model lies outside 4 standard errors about once in 15,000 comparisons. */
const STANDARD_ERRORS = 4;
/** Below this the band is set by rounding, not by noise (minutes). */
const WAIT_FLOOR = 0.02;

type Hour = {
  start: string;
  arrivalsPerHour: number;
  machinesOpen: number;
  meanWaitMinutes: number;
  shareWaitingLonger: number;
  p90WaitMinutes: number;
  backlogAtEnd: number;
  meetsTarget: boolean;
};
type Day = {
  meanWaitMinutes: number;
  stillQueuingAtClose: number;
  truncationError: number;
  withinMinutes: number;
  hours: Hour[];
};
type Answer = {
  whatIf: {
    staffing:
      | (Day & {
          __typename: 'HourlyStaffing';
          dailyVisitors: number;
          machinesAvailable: number | null;
          evaluation: (Day & { __typename: 'StaffingEvaluation' }) | { __typename: string; field: string };
        })
      | { __typename: 'InputError'; field: string; code: string };
  };
};

const DAY = `meanWaitMinutes stillQueuingAtClose truncationError withinMinutes
  hours { start arrivalsPerHour machinesOpen meanWaitMinutes shareWaitingLonger p90WaitMinutes backlogAtEnd meetsTarget }`;

const STAFFING = `query ($input: CampaignInput!, $arrivalsPerHour: [Float!], $dailyVisitors: Float, $hours: OpeningHoursInput,
    $profile: ArrivalProfile, $profileWeights: [Float!], $machinesAvailable: Int, $waitTargetMinutes: Float, $machinesOpen: [Int!]!) {
  whatIf(input: $input) {
    ... on CampaignPlan {
      staffing(arrivalsPerHour: $arrivalsPerHour, dailyVisitors: $dailyVisitors, hours: $hours, profile: $profile,
          profileWeights: $profileWeights, machinesAvailable: $machinesAvailable, waitTargetMinutes: $waitTargetMinutes) {
        __typename
        ... on InputError { field code }
        ... on HourlyStaffing {
          dailyVisitors machinesAvailable ${DAY}
          evaluation(machinesOpen: $machinesOpen) {
            __typename
            ... on InputError { field code }
            ... on StaffingEvaluation { ${DAY} }
          }
        }
      }
    }
  }
}`;

/** A one-area campaign open round the clock; the site's own figures replace its planned day. */
function campaign(minutesPerDossier: number) {
  return {
    areas: [{ code: 'site', name: 'Site', population: 20_000, eligibleShare: 0.8 }],
    calendar: { start: '2021-03-19', deadline: '2021-05-30', timeZone: 'Asia/Ho_Chi_Minh' },
    hours: { open: '00:00', close: '24:00' },
    service: { minutesPerDossier },
    machines: [{ areaCode: 'site', machines: 4 }],
  };
}

async function staffing(minutesPerDossier: number, args: Record<string, unknown>) {
  const answer = await data<Answer>(STAFFING, { input: campaign(minutesPerDossier), ...args });
  return answer.whatIf.staffing;
}

function evaluated(result: Answer['whatIf']['staffing']) {
  if (result.__typename !== 'HourlyStaffing') throw new Error(`refused: ${JSON.stringify(result)}`);
  const evaluation = result.evaluation;
  if (evaluation.__typename !== 'StaffingEvaluation')
    throw new Error(`refused: ${JSON.stringify(evaluation)}`);
  return { recommended: result, evaluation: evaluation as Day };
}

describe('a site’s own figures with a schedule evaluated beside the recommended one', () => {
  it('equals Erlang C once a constant day has reached steady state', async () => {
    // 40 people an hour, 3 machines, 3 minutes a dossier, all day: a = λ/μ = 2 erlangs, cμ = 1 a
    // minute. Erlang C by hand: a³/3!·c/(c − a) = (8/6)·3 = 4; Σ_{k<3} aᵏ/k! = 1 + 2 + 2 = 5;
    // C = 4/9. Wq = C/(cμ − λ) = (4/9)/(1/3) = 4/3 min; Lq = λ·Wq = (2/3)·(4/3) = 8/9;
    // P(W > 5) = C·e^{−5/3} = 0.08395; P(W > x) = 0.1 at x = 3·ln(40/9) = 4.4750 min.
    // The chain relaxes in about (√(cμ) − √λ)⁻² = 30 min, so by noon it is steady to 1e-6.
    const result = await staffing(3, {
      arrivalsPerHour: new Array(24).fill(40),
      waitTargetMinutes: 5,
      machinesOpen: [3],
    });
    const { recommended, evaluation } = evaluated(result);
    const noon = evaluation.hours[12] as Hour;
    expect(noon.start).toBe('12:00');
    expect(noon.machinesOpen).toBe(3);
    expect(noon.meanWaitMinutes).toBeCloseTo(4 / 3, 4);
    expect(noon.backlogAtEnd).toBeCloseTo(8 / 9, 4);
    expect(noon.shareWaitingLonger).toBeCloseTo(0.08395, 4);
    expect(noon.p90WaitMinutes).toBeCloseTo(4.475, 2);
    expect(evaluation.withinMinutes).toBe(5);
    expect(evaluation.truncationError).toBeLessThan(1e-6);
    // Two machines could never keep up (a = 2 erlangs): the plan opens three at noon, within the four the site has.
    expect(recommended.machinesAvailable).toBe(4);
    expect(recommended.hours[12]?.machinesOpen).toBe(3);
    expect(recommended.dailyVisitors).toBe(960);
  });

  it('agrees hour by hour with the seeded simulator on the field’s evening peak', async () => {
    // The field's evening peak of issue 14 (2 scanners, 3.48 min a dossier), arrivals per hour from 00:00.
    const arrivalsPerHour = [
      0, 0, 0, 0, 2, 14, 24, 24, 14, 7, 5, 5, 7, 5, 5, 7, 12, 30, 40, 38, 26, 10, 3, 0,
    ];
    const result = await staffing(3.48, { arrivalsPerHour, machinesOpen: [2], machinesAvailable: 2 });
    const { evaluation } = evaluated(result);
    const simulated = simulateQueue({
      seed: SIMULATION_SEED,
      replications: SIMULATED_DAYS,
      arrivalsPerHour,
      machinesOpen: 2,
      serviceMinutes: 3.48,
      withinMinutes: 30,
    });
    console.info(`simulateQueue seed ${SIMULATION_SEED}, ${SIMULATED_DAYS} days`);
    evaluation.hours.forEach((hour, h) => {
      const period = simulated.periods[h];
      if (!period?.standardErrors || hour.arrivalsPerHour === 0) return;
      const band = Math.max(STANDARD_ERRORS * period.standardErrors.meanWaitMinutes, WAIT_FLOOR);
      expect(Math.abs(hour.meanWaitMinutes - period.meanWaitMinutes), hour.start).toBeLessThanOrEqual(band);
    });
    // At 19:00 the queue built since 17:00 holds people over 20 minutes (the old model said 13.5).
    expect(evaluation.hours[19]?.meanWaitMinutes).toBeGreaterThan(20);
    const dayErrors = simulated.standardErrors;
    expect(Math.abs(evaluation.meanWaitMinutes - simulated.meanWaitMinutes)).toBeLessThanOrEqual(
      Math.max(STANDARD_ERRORS * (dayErrors?.meanWaitMinutes ?? 0), WAIT_FLOOR),
    );
  });

  it('spreads the site’s own daily visitors by its own weights over its own hours', async () => {
    // Half the day's 300 come 08:00–09:00 and half 17:00–18:00, on a site open 07:00–19:00.
    const profileWeights = new Array(24).fill(0);
    profileWeights[8] = 1;
    profileWeights[17] = 1;
    const result = await staffing(3, {
      dailyVisitors: 300,
      hours: { open: '07:00', close: '19:00' },
      profileWeights,
      machinesOpen: [1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 3, 1],
    });
    const { recommended, evaluation } = evaluated(result);
    expect(recommended.dailyVisitors).toBe(300);
    expect(evaluation.hours.map((h) => h.arrivalsPerHour)).toEqual([0, 150, 0, 0, 0, 0, 0, 0, 0, 0, 150, 0]);
    expect(evaluation.hours.map((h) => h.machinesOpen)).toEqual([1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 3, 1]);
    // 150 in an hour on 2 machines serving 40 an hour: about 110 are still waiting at 09:00.
    expect(evaluation.hours[1]?.backlogAtEnd).toBeGreaterThan(100);
  });

  it('refuses bad figures naming the argument and why', async () => {
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ arrivalsPerHour: [5, 5, 5, -1, ...new Array(20).fill(5)] }, 'arrivalsPerHour[3]', 'range'],
      [{ arrivalsPerHour: [5, 5] }, 'arrivalsPerHour', 'conflict'],
      [{ arrivalsPerHour: new Array(24).fill(5), dailyVisitors: 100 }, 'arrivalsPerHour', 'conflict'],
      [{ dailyVisitors: -3 }, 'dailyVisitors', 'range'],
      [{ profileWeights: [1, 2, 3] }, 'profileWeights', 'range'],
      [{ profileWeights: new Array(24).fill(1), profile: 'FARMING' }, 'profileWeights', 'conflict'],
      [{ hours: { open: '25:00', close: '22:00' } }, 'hours.open', 'format'],
      [{ machinesAvailable: 0 }, 'machinesAvailable', 'range'],
      [{ waitTargetMinutes: 0 }, 'waitTargetMinutes', 'range'],
    ];
    for (const [args, field, code] of refusals) {
      const result = await staffing(3, { ...args, machinesOpen: [2] });
      expect(result, JSON.stringify(args)).toEqual({ __typename: 'InputError', field, code });
    }
    const schedules: [number[], string][] = [
      [[2, 2, 2], 'machinesOpen'],
      [[...new Array(23).fill(2), 0], 'machinesOpen[23]'],
      [[2, -1, ...new Array(22).fill(2)], 'machinesOpen[1]'],
    ];
    for (const [machinesOpen, field] of schedules) {
      const result = await staffing(3, { arrivalsPerHour: new Array(24).fill(20), machinesOpen });
      expect(result.__typename).toBe('HourlyStaffing');
      if (result.__typename === 'HourlyStaffing') {
        expect(result.evaluation, JSON.stringify(machinesOpen)).toMatchObject({
          __typename: 'InputError',
          field,
        });
      }
    }
  });

  it('refuses a 50,000-visitor site’s plan before computing anything, naming CampaignPlan.staffing (the bench: 36 s of planning)', async () => {
    const before = completedTasks();
    const byVisitors = { dailyVisitors: 50_000, hours: { open: '07:30', close: '22:00' } };
    const byRates = { arrivalsPerHour: new Array(24).fill(2_100) };
    for (const site of [byVisitors, byRates]) {
      const result = await gql(STAFFING, { input: campaign(3.48), ...site, machinesOpen: [200] });
      expect(result.data, JSON.stringify(site)).toBeUndefined();
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'LIMIT_EXCEEDED',
        field: 'CampaignPlan.staffing',
      });
    }
    expect(completedTasks()).toBe(before);
  });
});
