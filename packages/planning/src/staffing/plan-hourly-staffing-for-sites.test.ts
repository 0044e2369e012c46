import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { planHourlyStaffing } from './plan-hourly-staffing.ts';
import { planHourlyStaffingForSites } from './plan-hourly-staffing-for-sites.ts';

const commune = (dailyVisitors: number) => ({
  dailyVisitors,
  hours: { open: '05:00', close: '24:00' },
  service: { minutesPerDossier: 3.5 },
  machinesAvailable: 6,
  target: { meanWaitMinutes: 15 },
});

describe('planHourlyStaffingForSites', () => {
  it('gives every site the plan planHourlyStaffing gives it alone', () => {
    const sites = [
      commune(120),
      commune(480),
      commune(120),
      { ...commune(120), profile: 'farming' as const },
    ];
    const plans = planHourlyStaffingForSites(sites);
    expect(plans).toHaveLength(4);
    plans.forEach((plan, i) => {
      expect(plan).toEqual(planHourlyStaffing(sites[i] as (typeof sites)[number]));
    });
  });

  it('plans once the sites whose days are the same once read, and apart those that differ', () => {
    // 120 a day spread by the mixed profile, and the same arrivals given hour by hour.
    const byRates = {
      ...commune(0),
      dailyVisitors: null,
      arrivalsPerHour: planHourlyStaffing(commune(120)).hours.map((h) => h.arrivalsPerHour),
    };
    const plans = planHourlyStaffingForSites([commune(120), commune(121), commune(120), byRates]);
    expect(plans[0]).toBe(plans[2]);
    expect(plans[0]).toBe(plans[3]);
    expect(plans[1]).not.toBe(plans[0]);
  });

  it('names the site of a refused field', () => {
    const sites = [commune(120), { ...commune(120), hours: { open: '27:00', close: '24:00' } }];
    expect(() => planHourlyStaffingForSites(sites)).toThrow(PlanningInputError);
    try {
      planHourlyStaffingForSites(sites);
    } catch (error) {
      expect(error).toMatchObject({ path: 'sites[1].hours.open', code: 'format' });
      expect((error as Error).message).toMatch(/^sites\[1\]\.hours\.open must be/);
    }
    expect(() => planHourlyStaffingForSites([null as never])).toThrow(/sites\[0\]/);
  });

  it('reads on its own a site that only looks like an earlier one once written as JSON', () => {
    // JSON writes NaN as null and a Date's time through toJSON; neither is what the reader sees.
    const opening = { toJSON: () => '05:00' };
    const pairs: [unknown, unknown][] = [
      [commune(120), { ...commune(120), hours: { open: opening, close: '24:00' } }],
      [
        { ...commune(120), machinesAvailable: null },
        { ...commune(120), machinesAvailable: Number.NaN },
      ],
    ];
    for (const [earlier, lookalike] of pairs) {
      expect(JSON.stringify(lookalike)).toBe(JSON.stringify(earlier));
      expect(() => planHourlyStaffingForSites([earlier, lookalike] as never)).toThrow(
        /^sites\[1\]\.(hours\.open|machinesAvailable) must be/,
      );
    }
  });

  it('reads a site that JSON cannot write (a cycle) on its own, as planHourlyStaffing would', () => {
    const site: Record<string, unknown> = { ...commune(120) };
    site.self = site;
    const [planned] = planHourlyStaffingForSites([site] as never);
    expect(planned).toEqual(planHourlyStaffing(site as never));
  });
});
