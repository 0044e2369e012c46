import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { campaignArb } from './_internal/arbitraries.ts';
import { planCampaign } from './plan-campaign.ts';
import { plannedDailySeries } from './planned-daily-series.ts';
import { solveFor, trySolveFor } from './solve-for.ts';
import type { AreaPlan, CampaignInput } from './types.ts';

// Two districts of 1,000 people each under one province, 30 open days in April 2021 of 10 hours
// (08:00–18:00). The campaign's service is 6 minutes a dossier (10 an hour, 100 a machine-day);
// district B is served at 12 minutes (5 an hour, 50 a machine-day). So A takes 100 machine-hours
// and B 200: 300 in all.
const twoDistricts = (deadline: string, machines?: number): CampaignInput => ({
  areas: [
    { code: 'P', name: 'Province' },
    { code: 'A', name: 'District A', parentCode: 'P', eligible: 1_000 },
    { code: 'B', name: 'District B', parentCode: 'P', eligible: 1_000 },
  ],
  calendar: { start: '2021-04-01', deadline },
  hours: { open: '08:00', close: '18:00' },
  service: { minutesPerDossier: 6 },
  serviceOverrides: [{ areaCode: 'B', service: { minutesPerDossier: 12 } }],
  ...(machines === undefined ? {} : { machines: [{ areaCode: 'P', machines }] }),
});

const rowOf = (rows: AreaPlan[], code: string) => rows.find((row) => row.code === code) as AreaPlan;

describe('planCampaign with a service of its own for part of the tree', () => {
  it('sizes each area at its own speed and a parent by its hours of work', () => {
    // 10 open days (1–10 April) give a machine 100 hours: A needs 1, B 2 (200 h), the province
    // 3 (300 h). Per machine-day: A 100, B 50, the province 2,000 dossiers over 30 machine-days.
    const plan = planCampaign(twoDistricts('2021-04-10'));
    const [p, a, b] = ['P', 'A', 'B'].map((code) => rowOf(plan.areas, code));
    expect([p?.machinesNeeded, a?.machinesNeeded, b?.machinesNeeded]).toEqual([3, 1, 2]);
    expect(p?.machinesNeededAtSites).toBe(3);
    expect(a?.dailyCapacityPerMachine).toBeCloseTo(100, 9);
    expect(b?.dailyCapacityPerMachine).toBeCloseTo(50, 9);
    expect(p?.dailyCapacityPerMachine).toBeCloseTo(2_000 / 30, 9);
    expect(
      [a?.machineDays, b?.machineDays, p?.machineDays].map((d) => Math.round((d ?? 0) * 1e6) / 1e6),
    ).toEqual([10, 20, 30]);
    expect(plan.totals.machinesNeeded).toBe(3);
    expect(plan.assumptions.find((a) => a.key === 'serviceOverrides')?.value).toBe(1);
  });

  it('finishes a pool when its hours of work are done, and shares its machines by work', () => {
    // 2 machines do 20 machine-hours a day: 300 hours take 15 open days (15 April); without the
    // slower service 200 hours would take 10. Three machines: each district gets one, the third
    // goes to B, whose 2,000 dossiers' worth of work at the campaign's speed outweighs A's 1,000.
    const plan = planCampaign(twoDistricts('2021-04-30', 2));
    expect(plan.completionDate).toBe('2021-04-15');
    expect(planCampaign({ ...twoDistricts('2021-04-30', 2), serviceOverrides: [] }).completionDate).toBe(
      '2021-04-10',
    );
    const three = planCampaign(twoDistricts('2021-04-30', 3));
    expect(['A', 'B'].map((code) => rowOf(three.areas, code).machines)).toEqual([1, 2]);
  });

  it('plans the days so that both districts finish together', () => {
    // Day 1: 20 of the 300 machine-hours, so 1/15 of the 2,000 dossiers: 133 (66.7 each, the
    // spare one to A, the earlier). Day 15: all 2,000.
    const input = twoDistricts('2021-04-30', 2);
    const province = plannedDailySeries(input, 'P');
    expect(province[0]?.planned).toBe(133);
    expect([plannedDailySeries(input, 'A')[0]?.planned, plannedDailySeries(input, 'B')[0]?.planned]).toEqual([
      67, 66,
    ]);
    expect(province[14]).toMatchObject({ date: '2021-04-15', cumulativePlanned: 2_000 });
    expect(plannedDailySeries(input, 'B')[14]?.cumulativePlanned).toBe(1_000);
  });

  it('lets the nearest override up the tree win', () => {
    // B's own 12 minutes win over the province's 3: A at 3 minutes takes 50 h, B 200 h.
    const input = twoDistricts('2021-04-30', 2);
    input.serviceOverrides = [
      { areaCode: 'P', service: { minutesPerDossier: 3 } },
      { areaCode: 'B', service: { minutesPerDossier: 12 } },
    ];
    // 250 machine-hours on 2 machines: 125 hours, the 13th day.
    expect(planCampaign(input).completionDate).toBe('2021-04-13');
  });

  it('solves for each unknown with the overridden areas kept at their speed', () => {
    // Deadline 10 April: 300 machine-hours in 100 hours a machine need 3 machines; 2 machines
    // need 15 hours a day; they finish in 15 open days.
    expect(solveFor('machines', twoDistricts('2021-04-10'))).toBe(3);
    expect(solveFor('hoursPerDay', twoDistricts('2021-04-10', 2))).toBe(15);
    expect(solveFor('days', twoDistricts('2021-04-10', 2))).toBe(15);
    // Deadline 20 April: 2 machines have 400 hours; B keeps 200, so A's 1,000 dossiers may take
    // 200 hours, 5 an hour: 12 minutes each.
    expect(solveFor('minutesPerDossier', twoDistricts('2021-04-20', 2))).toBe(12);
    // Deadline 10 April: 200 hours, all taken by B.
    expect(trySolveFor('minutesPerDossier', twoDistricts('2021-04-10', 2))).toMatchObject({
      feasible: false,
      reason: 'too-little-time',
    });
  });

  it('plans as if the service were the override when one covers every root', () => {
    // An override on the root at the input's own service, under a different campaign service, is
    // the same plan: the law behind reading a replan's paces back.
    const integers = ['machinesNeeded', 'machinesNeededAtSites', 'machines', 'daysNeeded'] as const;
    fc.assert(
      fc.property(
        campaignArb,
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
        (input, otherMinutes, machines) => {
          const given: CampaignInput =
            machines === undefined ? input : { ...input, machines: [{ areaCode: 'a0', machines }] };
          const overridden: CampaignInput = {
            ...given,
            service: { minutesPerDossier: otherMinutes },
            serviceOverrides: [{ areaCode: 'a0', service: given.service }],
          };
          const expected = planCampaign(given);
          const actual = planCampaign(overridden);
          expect(actual.completionDate).toBe(expected.completionDate);
          actual.areas.forEach((row, i) => {
            const want = expected.areas[i] as AreaPlan;
            expect(row.status, row.code).toBe(want.status);
            expect(row.completionDate, row.code).toBe(want.completionDate);
            for (const key of integers) expect(row[key], `${row.code}.${key}`).toBe(want[key]);
            expect(row.dailyCapacityPerMachine).toBeCloseTo(want.dailyCapacityPerMachine, 6);
          });
        },
      ),
    );
  });

  it('names the refused override', () => {
    const refusal = (overrides: unknown) => {
      try {
        planCampaign({ ...twoDistricts('2021-04-30'), serviceOverrides: overrides as never });
      } catch (error) {
        if (error instanceof PlanningInputError) return [error.path, error.code];
        throw error;
      }
      return null;
    };
    expect(refusal([{ areaCode: 'Z', service: { minutesPerDossier: 3 } }])).toEqual([
      'serviceOverrides[0].areaCode',
      'unknown-reference',
    ]);
    expect(
      refusal([
        { areaCode: 'A', service: { minutesPerDossier: 3 } },
        { areaCode: 'A', service: { minutesPerDossier: 4 } },
      ]),
    ).toEqual(['serviceOverrides[1].areaCode', 'duplicate']);
    expect(refusal([{ areaCode: 'A', service: { minutesPerDossier: 0 } }])).toEqual([
      'serviceOverrides[0].service.minutesPerDossier',
      'range',
    ]);
    expect(refusal({ A: 3 })).toEqual(['serviceOverrides', 'type']);
  });
});
