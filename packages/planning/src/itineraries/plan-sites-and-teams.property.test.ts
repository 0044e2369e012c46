/**
 * Laws of the combined plan on small seeded instances: every commune is served once (at one
 * site, or by the teams who plan all its dossiers), and a commune a site within reach could
 * serve never waits for a team that finishes it later than the site would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSitesAndTeams } from './plan-sites-and-teams.ts';
import type { PlanSitesAndTeamsInput } from './types.ts';

const DOSSIERS_PER_MACHINE_HOUR = 17;
const SITE_HOURS_PER_DAY = 14.5;
/** Small instances, few runs: each plan routes the teams a few times. */
const RUNS = 40;

const instance = fc
  .record({
    points: fc.array(fc.tuple(fc.integer({ min: -60, max: 60 }), fc.integer({ min: -60, max: 60 })), {
      minLength: 2,
      maxLength: 12,
    }),
    demands: fc.array(fc.integer({ min: 0, max: 4000 }), { minLength: 12, maxLength: 12 }),
    sites: fc.integer({ min: 1, max: 3 }),
    teams: fc.integer({ min: 0, max: 3 }),
    reachHours: fc.constantFrom(0.5, 1, 2),
    closedSundays: fc.boolean(),
  })
  .map(({ points, demands, sites, teams, reachHours, closedSundays }): PlanSitesAndTeamsInput => {
    const all = [[0, 0] as const, ...points];
    const hoursMatrix = all.map(([x1, y1]) => all.map(([x2, y2]) => Math.hypot(x1 - x2, y1 - y2) / 30));
    return {
      calendar: {
        start: '2021-03-01',
        deadline: '2021-03-31',
        timeZone: 'Asia/Ho_Chi_Minh',
        ...(closedSundays ? { closedWeekdays: [7] } : {}),
      },
      service: { minutesPerDossier: 60 / DOSSIERS_PER_MACHINE_HOUR },
      siteHours: { open: '07:30', close: '22:00' },
      sites: Array.from({ length: Math.min(sites, points.length) }, (_, s) => ({
        id: `S${s}`,
        communeId: `c${s}`,
        machines: 1 + s,
      })),
      teams: Array.from({ length: teams }, (_, t) => ({ id: `T${t}`, machines: 1 + (t % 2) })),
      travel: { hoursMatrix },
      reach: { maxTravelHours: reachHours },
      communes: points.map((_, i) => ({ id: `c${i}`, demand: demands[i] ?? 0 })),
    };
  });

describe('planSitesAndTeams laws', () => {
  it('serves every commune once: at one site, or by the teams with all its dossiers', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const plan = planSitesAndTeams(input);
        if (plan.status !== 'planned') throw new Error(plan.status);
        const atSites = plan.sites.flatMap((s) => s.communeIds);
        expect(new Set(atSites).size).toBe(atSites.length);
        for (const c of input.communes) {
          const split = plan.communes.find((x) => x.communeId === c.id);
          const sites = plan.sites.filter((s) => s.communeIds.includes(c.id)).length;
          if (c.demand === 0) {
            expect(split?.servedBy).toBe('nothing-to-do');
            continue;
          }
          if (split?.servedBy === 'fixed-site') {
            expect(sites).toBe(1);
            continue;
          }
          expect(split?.servedBy).toBe('mobile-team');
          expect(sites).toBe(0);
          const visits = (plan.mobile?.teams ?? []).flatMap((t) => t.visits);
          const planned = visits.filter((v) => v.communeId === c.id).reduce((sum, v) => sum + v.dossiers, 0);
          expect(planned).toBe(c.demand);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never leaves a commune a site can serve waiting for a team that finishes it later', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const plan = planSitesAndTeams(input);
        if (plan.status !== 'planned') throw new Error(plan.status);
        const matrix = (input.travel as { hoursMatrix: number[][] }).hoursMatrix;
        const reach = input.reach?.maxTravelHours ?? 1;
        // The open days of March, Sundays closed or not, and on into April for late sites.
        const openDates: string[] = [];
        for (let d = 0; openDates.length < 400; d++) {
          const date = new Date(Date.UTC(2021, 2, 1 + d));
          if (input.calendar.closedWeekdays?.includes(7) && date.getUTCDay() === 0) continue;
          openDates.push(date.toISOString().slice(0, 10));
        }
        for (const split of plan.communes) {
          if (split.servedBy !== 'mobile-team') continue;
          const c = Number(split.communeId.slice(1));
          for (const site of plan.sites) {
            const p = Number(site.communeId.slice(1));
            const drive = matrix[p + 1]?.[c + 1] ?? 0;
            if (drive > reach) continue;
            // The site with this commune too: its dossiers after the 1.5 h half-life of turnout.
            const perDay = site.machines * DOSSIERS_PER_MACHINE_HOUR * SITE_HOURS_PER_DAY;
            const days = site.openDays + (split.demand * 0.5 ** (drive / 1.5)) / perDay;
            const siteDate = openDates[Math.ceil(days - 1e-9) - 1] ?? '9999';
            expect(siteDate >= (split.completionDate ?? '')).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
