import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { formatTimeOfDay, parseTimeOfDay } from '../time/parse-time-of-day.ts';
import { allFinite, campaignArb } from './_internal/arbitraries.ts';
import { planCampaign } from './plan-campaign.ts';
import type { AreaPlan, CampaignInput } from './types.ts';

const ADDITIVE = [
  'population',
  'eligible',
  'alreadyServed',
  'demand',
  'dailyTarget',
  'machinesNeededAtSites',
  'machineDays',
] as const;

describe('planCampaign laws', () => {
  it('makes every parent equal the sum of its children, exactly', () => {
    fc.assert(
      fc.property(campaignArb, (input) => {
        const plan = planCampaign(input);
        const byParent = new Map<string, AreaPlan[]>();
        for (const area of plan.areas) {
          if (area.parentCode !== null)
            byParent.set(area.parentCode, [...(byParent.get(area.parentCode) ?? []), area]);
        }
        for (const parent of plan.areas) {
          const children = byParent.get(parent.code);
          if (!children) continue;
          for (const key of ADDITIVE) {
            const values = children.map((c) => c[key]);
            const sum = values.includes(null) ? null : values.reduce<number>((s, v) => s + (v as number), 0);
            expect(parent[key], `${parent.code}.${key}`).toBe(sum);
          }
        }
      }),
    );
  });

  it('never finishes later with more machines', () => {
    fc.assert(
      fc.property(
        campaignArb,
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 50 }),
        (input, machines, more) => {
          const days = (m: number) =>
            planCampaign({ ...input, machines: [{ areaCode: 'a0', machines: m }] }).totals.daysNeeded ??
            Number.POSITIVE_INFINITY;
          expect(days(machines + more)).toBeLessThanOrEqual(days(machines));
        },
      ),
    );
  });

  it('never needs more machines with a longer day', () => {
    fc.assert(
      fc.property(campaignArb, fc.integer({ min: 1, max: 120 }), (input, extraMinutes) => {
        const minutesFor = (length: number) => formatTimeOfDay(parseTimeOfDay(input.hours.open) + length);
        const short = 60;
        const long = Math.min(short + extraMinutes, 23 * 60);
        const needed = (length: number) =>
          planCampaign({ ...input, hours: { open: input.hours.open, close: minutesFor(length) } }).totals
            .machinesNeeded ?? Number.POSITIVE_INFINITY;
        expect(needed(long)).toBeLessThanOrEqual(needed(short));
      }),
    );
  });

  it('gives the same output for the same input, byte for byte', () => {
    fc.assert(
      fc.property(campaignArb, fc.integer({ min: 0, max: 100 }), (input, machines) => {
        const withMachines: CampaignInput = { ...input, machines: [{ areaCode: 'a0', machines }] };
        expect(JSON.stringify(planCampaign(withMachines))).toBe(
          JSON.stringify(planCampaign(structuredClone(withMachines))),
        );
      }),
    );
  });

  it('never yields NaN or Infinity for valid input, with or without machines', () => {
    fc.assert(
      fc.property(
        campaignArb,
        fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
        (input, machines) => {
          const plan = planCampaign(
            machines === undefined ? input : { ...input, machines: [{ areaCode: 'a0', machines }] },
          );
          expect(allFinite(plan)).toBe(true);
        },
      ),
    );
  });
});

const OPTIONAL = new Set(['areas[0].population', 'areas[0].turnout', 'service.availability']);
const BAD_VALUES = [-1, -0.5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '12', null, true, [], {}, ''];

/** Each mutation breaks exactly one field of a valid input. */
const mutations: { path: string; apply: (input: CampaignInput, bad: unknown) => unknown }[] = [
  {
    path: 'areas[0].population',
    apply: (i, bad) => ({ ...i, areas: [{ ...i.areas[0], population: bad }, ...i.areas.slice(1)] }),
  },
  {
    path: 'areas[0].turnout',
    apply: (i, bad) => ({ ...i, areas: [{ ...i.areas[0], turnout: bad }, ...i.areas.slice(1)] }),
  },
  {
    path: 'areas[0].code',
    apply: (i, bad) => ({ ...i, areas: [{ ...i.areas[0], code: bad }, ...i.areas.slice(1)] }),
  },
  { path: 'calendar.start', apply: (i, bad) => ({ ...i, calendar: { ...i.calendar, start: bad } }) },
  { path: 'hours.close', apply: (i, bad) => ({ ...i, hours: { ...i.hours, close: bad } }) },
  {
    path: 'service.minutesPerDossier',
    apply: (i, bad) => ({ ...i, service: { ...i.service, minutesPerDossier: bad } }),
  },
  {
    path: 'service.availability',
    apply: (i, bad) => ({ ...i, service: { ...i.service, availability: bad } }),
  },
  {
    path: 'machines[0].machines',
    apply: (i, bad) => ({ ...i, machines: [{ areaCode: 'a0', machines: bad }] }),
  },
];

describe('planCampaign on invalid input', () => {
  it('always throws a PlanningInputError that names the broken field', () => {
    fc.assert(
      fc.property(
        campaignArb,
        fc.constantFrom(...mutations),
        fc.constantFrom(...BAD_VALUES),
        (input, mutation, bad) => {
          // An optional field set to null reads as absent, which is valid.
          fc.pre(!(bad === null && OPTIONAL.has(mutation.path)));
          let thrown: unknown;
          try {
            planCampaign(mutation.apply(input, bad) as CampaignInput);
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(PlanningInputError);
          expect((thrown as PlanningInputError).path).toBe(mutation.path);
        },
      ),
    );
  });

  it.each([null, undefined, 42, 'plan', []])('refuses %j as a whole input', (input) => {
    expect(() => planCampaign(input as unknown as CampaignInput)).toThrow(PlanningInputError);
  });
});
