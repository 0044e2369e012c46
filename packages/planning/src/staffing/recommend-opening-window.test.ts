import { describe, expect, it } from 'vitest';
import { ARRIVAL_PROFILES } from './arrival-profiles.ts';
import { planHourlyStaffing } from './plan-hourly-staffing.ts';
import { recommendOpeningWindow } from './recommend-opening-window.ts';

const HUNG_NGUYEN = {
  dailyVisitors: 500,
  service: { minutesPerDossier: 3.48 },
  target: { meanWaitMinutes: 15 },
};

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

describe('recommendOpeningWindow', () => {
  it('finds no window for Hưng Nguyên’s 500 a day with 2 scanners, and one with 4 that passes on its own', () => {
    expect(recommendOpeningWindow({ ...HUNG_NGUYEN, machinesAvailable: 2 }).kind).toBe('infeasible');
    const four = recommendOpeningWindow({ ...HUNG_NGUYEN, machinesAvailable: 4 });
    if (four.kind !== 'feasible') throw new Error('expected a window with 4 scanners');
    expect(four.plan.meetsTarget).toBe(true);
    expect(four.plan.peakMachines).toBeLessThanOrEqual(4);
    const again = planHourlyStaffing({
      ...HUNG_NGUYEN,
      machinesAvailable: 4,
      hours: { open: four.open, close: four.close },
    });
    expect(again.meetsTarget).toBe(true);
    expect(again.waitingAtClose).toBeLessThanOrEqual(0.5);
  });

  it('recommends the shortest window: it passes, and every shorter one within 05:00–24:00 covering the profile share fails (tried one by one)', () => {
    // Brute force over the half-hour windows the search walks, each planned on its own; the
    // profile coverage is summed here from the preset shares, half an hour at a time. With 4
    // scanners and a loose coverage floor the staffing, not the coverage, sets the length.
    const shares = ARRIVAL_PROFILES.mixed;
    const coverage = (from: number, to: number) => {
      let share = 0;
      for (let m = from; m < to; m += 30) share += (shares[Math.floor(m / 60)] ?? 0) / 2;
      return share;
    };
    for (const [machinesAvailable, minProfileCoverage] of [
      [4, 0.3],
      [6, 0.8],
    ] as const) {
      const site = { ...HUNG_NGUYEN, machinesAvailable };
      const passes = (open: number, close: number) => {
        const plan = planHourlyStaffing({ ...site, hours: { open: hhmm(open), close: hhmm(close) } });
        return plan.meetsTarget && plan.waitingAtClose <= 0.5;
      };
      const found = recommendOpeningWindow({ ...site, minProfileCoverage });
      if (found.kind !== 'feasible') throw new Error(`expected a window with ${machinesAvailable} scanners`);
      const [open, close] = [minutes(found.open), minutes(found.close)];
      expect(coverage(open, close)).toBeGreaterThanOrEqual(minProfileCoverage - 1e-12);
      expect(passes(open, close)).toBe(true);
      for (let shorter = 30; shorter < close - open; shorter += 30) {
        for (let from = 5 * 60; from + shorter <= 24 * 60; from += 30) {
          if (coverage(from, from + shorter) < minProfileCoverage - 1e-12) continue;
          expect(passes(from, from + shorter), `${hhmm(from)}–${hhmm(from + shorter)}`).toBe(false);
        }
      }
    }
  });

  describe('when the step does not divide the limits (09:00–10:10 by 40 minutes)', () => {
    // One visitor a day at 3 minutes a dossier: even on one machine the arrival rate is at most
    // 6 an hour (all of them in 10 minutes) against 20 served, ρ ≤ 0.3, so from an empty start
    // the mean wait stays under the M/M/1 steady state ρ/(μ − λ) = 0.3/14 h ≈ 1.3 min (target 15)
    // and those waiting at closing under ρ²/(1 − ρ) ≈ 0.13 (tolerance 0.5): the profile
    // coverage alone decides which windows pass.
    const site = {
      dailyVisitors: 1,
      service: { minutesPerDossier: 3 },
      machinesAvailable: 5,
      target: { meanWaitMinutes: 15 },
      limits: { open: '09:00', close: '10:10' },
      stepMinutes: 40,
    };
    const comeIn = (hours: number[]) => Array.from({ length: 24 }, (_, h) => (hours.includes(h) ? 1 : 0));

    it('tries the widest window, 70 minutes long, when no 40-minute one covers enough', () => {
      // People come 09:00–11:00 evenly, half the day each hour. A 40-minute window covers
      // 40/60 × 1/2 = 1/3 < 0.5; 09:00–10:10 covers 1/2 + 10/60 × 1/2 = 7/12 ≥ 0.5.
      const found = recommendOpeningWindow({ ...site, profile: comeIn([9, 10]), minProfileCoverage: 0.5 });
      expect(found).toMatchObject({ kind: 'feasible', open: '09:00', close: '10:10', nominalHours: 70 / 60 });
    });

    it('tries the window closing at the latest time allowed, which the step from 09:00 misses', () => {
      // People come 10:00–11:00 only. 09:00–09:40 covers 0; 09:30–10:10 covers 10/60 = 1/6 ≥ 0.1
      // and is 40 minutes long, shorter than the 70 of 09:00–10:10.
      const found = recommendOpeningWindow({ ...site, profile: comeIn([10]), minProfileCoverage: 0.1 });
      expect(found).toMatchObject({ kind: 'feasible', open: '09:30', close: '10:10', nominalHours: 40 / 60 });
    });
  });

  it('refuses limits shorter than a step and arrivals given per hour, naming the field', () => {
    expect(() =>
      recommendOpeningWindow({ ...HUNG_NGUYEN, limits: { open: '08:00', close: '08:20' } }),
    ).toThrow(/^limits/);
    expect(() => recommendOpeningWindow({ ...HUNG_NGUYEN, arrivalsPerHour: [10, 20] } as never)).toThrow(
      /^arrivalsPerHour/,
    );
  });
});
