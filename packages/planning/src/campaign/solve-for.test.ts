import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanningInfeasibleError } from '../errors/planning-infeasible-error.ts';
import { formatTimeOfDay, parseTimeOfDay } from '../time/parse-time-of-day.ts';
import { campaignArb } from './_internal/arbitraries.ts';
import { nthOpenDate } from './nth-open-date.ts';
import { planCampaign } from './plan-campaign.ts';
import { solveFor, trySolveFor } from './solve-for.ts';
import type { CampaignInput } from './types.ts';

const meets = (input: CampaignInput) => {
  const totals = planCampaign(input).totals;
  return totals.demand === 0 || totals.meetsDeadline === true;
};

const withClose = (input: CampaignInput, minutes: number): CampaignInput => {
  const close = formatTimeOfDay(parseTimeOfDay(input.hours.open) + minutes, { endOfDay: true });
  return { ...input, hours: { open: input.hours.open, close } };
};

describe('solveFor on the field figures', () => {
  it('finds 3.48 minutes per dossier for Hưng Nguyên: 2 scanners, 07:30–22:00, 500 a day', () => {
    const value = solveFor('minutesPerDossier', {
      areas: [{ code: '18001', name: 'Thị trấn Hưng Nguyên', eligible: 500 }],
      calendar: { start: '2021-03-20', deadline: '2021-03-20', timeZone: 'Asia/Ho_Chi_Minh' },
      hours: { open: '07:30', close: '22:00' },
      service: { minutesPerDossier: 10 },
      machines: [{ areaCode: '18001', machines: 2 }],
    });
    expect(value).toBe(3.48);
  });

  it('finds 176 machines for Nghệ An to do 48,928 a day round the clock at 278 per machine-day', () => {
    const value = solveFor('machines', {
      areas: [{ code: '40', name: 'Nghệ An', eligible: 48_928 * 30 }],
      calendar: { start: '2021-04-01', deadline: '2021-04-30' },
      hours: { open: '00:00', close: '24:00' },
      service: { minutesPerDossier: 1440 / 278 },
    });
    expect(value).toBe(176);
  });

  it('throws PlanningInfeasibleError, with why, when no number of machines meets a passed deadline', () => {
    const input: CampaignInput = {
      areas: [{ code: '40', name: 'Nghệ An', eligible: 1000 }],
      calendar: { start: '2021-04-30', deadline: '2021-04-01' },
      hours: { open: '07:00', close: '17:00' },
      service: { minutesPerDossier: 5 },
    };
    expect(() => solveFor('machines', input)).toThrow(PlanningInfeasibleError);
    expect(trySolveFor('machines', input)).toMatchObject({ feasible: false, reason: 'no-capacity' });
  });

  it('says more than a day is needed when no daily window is long enough', () => {
    const result = trySolveFor('hoursPerDay', {
      areas: [{ code: 'x', name: 'X', eligible: 10_000 }],
      calendar: { start: '2021-04-01', deadline: '2021-04-01' },
      hours: { open: '05:00', close: '24:00' },
      service: { minutesPerDossier: 5 },
      machines: [{ areaCode: 'x', machines: 1 }],
    });
    expect(result).toMatchObject({ feasible: false, reason: 'more-than-a-day' });
  });

  it('finds 942 minutes a day, not one more, when every area with demand has a service of its own', () => {
    // By hand: 6 min a dossier is 10 an hour; 2,198 ÷ 10 = 219.8 machine-hours; 2021-03-09 to
    // 03-22 is 14 open days; 219.8 ÷ 14 = 15.7 h = 942 min a day, so 07:00–22:42 and not 22:41.
    // The open hours sum to 219.79999999999995 in floats: the noise must be forgiven.
    const input: CampaignInput = {
      areas: [{ code: 'A', name: 'A', eligible: 2198 }],
      calendar: { start: '2021-03-09', deadline: '2021-03-22' },
      hours: { open: '07:00', close: '17:30' },
      service: { minutesPerDossier: 5 },
      serviceOverrides: [{ areaCode: 'A', service: { minutesPerDossier: 6 } }],
      machines: [{ areaCode: 'A', machines: 1 }],
    };
    expect(solveFor('hoursPerDay', input) * 60).toBeCloseTo(942, 9);
    expect(meets(withClose(input, 942))).toBe(true);
    expect(meets(withClose(input, 941))).toBe(false);
  });
});

// Each run plans three to four campaigns; fewer runs keep the suite fast on two shared cores.
const ROUND_TRIP_RUNS = { numRuns: 40 };

describe('solveFor round trips', () => {
  const singlePool = campaignArb.chain((input) =>
    fc
      .integer({ min: 20, max: 300 })
      .map((machines): CampaignInput => ({ ...input, machines: [{ areaCode: 'a0', machines }] })),
  );

  it('needs exactly the machines it finds: the answer meets the deadline, one fewer does not', () => {
    fc.assert(
      fc.property(campaignArb, (input) => {
        const result = trySolveFor('machines', input);
        fc.pre(result.feasible && result.value > 0);
        if (!result.feasible) return;
        expect(meets({ ...input, machines: [{ areaCode: 'a0', machines: result.value }] })).toBe(true);
        expect(meets({ ...input, machines: [{ areaCode: 'a0', machines: result.value - 1 }] })).toBe(false);
      }),
      ROUND_TRIP_RUNS,
    );
  });

  it('finishes in exactly the open days it finds', () => {
    fc.assert(
      fc.property(singlePool, (input) => {
        const result = trySolveFor('days', input);
        fc.pre(result.feasible && result.value > 1);
        if (!result.feasible) return;
        const deadline = nthOpenDate(input, result.value);
        const dayBefore = nthOpenDate(input, result.value - 1);
        fc.pre(deadline !== null && dayBefore !== null);
        expect(meets({ ...input, calendar: { ...input.calendar, deadline: deadline as string } })).toBe(true);
        expect(meets({ ...input, calendar: { ...input.calendar, deadline: dayBefore as string } })).toBe(
          false,
        );
      }),
      ROUND_TRIP_RUNS,
    );
  });

  it('needs exactly the hours per day it finds, to the minute', () => {
    fc.assert(
      fc.property(singlePool, (input) => {
        const result = trySolveFor('hoursPerDay', input);
        fc.pre(result.feasible && result.value > 1 / 60 && result.value < 24);
        if (!result.feasible) return;
        const minutes = Math.round(result.value * 60);
        expect(meets(withClose(input, minutes))).toBe(true);
        expect(meets(withClose(input, minutes - 1))).toBe(false);
      }),
      ROUND_TRIP_RUNS,
    );
  });

  it('allows exactly the minutes per dossier it finds, to the hundredth', () => {
    fc.assert(
      fc.property(singlePool, (input) => {
        const result = trySolveFor('minutesPerDossier', input);
        fc.pre(result.feasible && result.value > 0);
        if (!result.feasible) return;
        const at = (minutes: number) => ({
          ...input,
          service: { ...input.service, minutesPerDossier: minutes },
        });
        expect(meets(at(result.value))).toBe(true);
        expect(meets(at(Math.round(result.value * 100 + 1) / 100))).toBe(false);
      }),
      ROUND_TRIP_RUNS,
    );
  });
});
