/**
 * The split against exhaustive search: on small instances (up to 8 communes, 2 sites, 2 teams)
 * every split is tried — each commune at a site within reach or with the teams — and judged as
 * the plan is documented: a site finishes after its communes' dossiers (demand × 0.5^(drive ÷
 * 1.5 h)) at machines × 17 an hour × 12 h a day, the teams when `planMobileTeams` routes their
 * communes, the plan with the later. The planner's split must finish within a stated margin of
 * the best of them, and, for a deadline, spend within a margin of the fewest machine-days.
 * (On 150 seeded instances the planner's split finished exactly with the best; the margins are
 * what the tests promise.) The bound is checked against both: below every split, and at the
 * split's linear relaxation as HiGHS solves it.
 */
import fc from 'fast-check';
import highsModule, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { planMobileTeams } from './plan-mobile-teams.ts';
import { planSitesAndTeams } from './plan-sites-and-teams.ts';
import type { PlanSitesAndTeamsInput } from './types.ts';

const DOSSIERS_PER_MACHINE_HOUR = 17;
const SITE_HOURS_PER_DAY = 12;
const REACH_HOURS = 1;
const HALF_LIFE_HOURS = 1.5;
/** Seeded instances: each costs up to 3^8 routed splits, so a few dozen keep the file near a second or two. */
const RUNS = 24;
/**
 * The planner judges teams by a bound on their route while splitting, then once by their routed
 * pace; the exhaustive search routes every split, so it may find a split whose route happens to
 * fit better. Machine-days are judged by the same bound and are further off: a team that drives
 * an hour to a small commune costs its machines the day.
 */
const EARLIEST_MARGIN = { days: 0, share: 0.05 };
const MACHINE_DAYS_MARGIN = 0.15;
/** The bound's ascent stops within 0.1 % of the relaxation's optimum (`split-lower-bound.ts`). */
const BOUND_BELOW_RELAXATION_SHARE = 1e-3;
/** Team set-up per commune visited: planMobileTeams' documented default. */
const SETUP_HOURS = 1;
/** Hours a team works on an open day: its 07:00–19:00 day, the default two crews taking turns so none stands down. */
const TEAM_HOURS_PER_DAY = 12;

// The second oracle: HiGHS, a general LP solver, on the split's relaxation as documented.
// highs ships CommonJS typings for an ES module build: the loader is the default export at run time.
type Loader = typeof highsModule.default;
const loadHighs = (typeof highsModule === 'function' ? highsModule : highsModule.default) as Loader;
let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const instance = fc
  .record({
    points: fc.array(fc.tuple(fc.integer({ min: -40, max: 40 }), fc.integer({ min: -40, max: 40 })), {
      minLength: 3,
      maxLength: 8,
    }),
    demands: fc.array(fc.integer({ min: 100, max: 3000 }), { minLength: 8, maxLength: 8 }),
    siteMachines: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    teamMachines: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
  })
  .map(({ points, demands, siteMachines, teamMachines }): PlanSitesAndTeamsInput => {
    // Drives at 30 km/h on the straight line between points on a km grid; home at (0, 0).
    const all = [[0, 0] as const, ...points];
    const hoursMatrix = all.map(([x1, y1]) => all.map(([x2, y2]) => Math.hypot(x1 - x2, y1 - y2) / 30));
    return {
      calendar: { start: '2021-03-01', deadline: '2021-04-29', timeZone: 'Asia/Ho_Chi_Minh' },
      service: { minutesPerDossier: 60 / DOSSIERS_PER_MACHINE_HOUR },
      siteHours: { open: '07:00', close: '19:00' },
      sites: [
        { id: 'S0', communeId: 'c0', machines: siteMachines[0] },
        { id: 'S1', communeId: 'c1', machines: siteMachines[1] },
      ],
      teams: [
        { id: 'T0', machines: teamMachines[0] },
        { id: 'T1', machines: teamMachines[1] },
      ],
      travel: { hoursMatrix },
      reach: { maxTravelHours: REACH_HOURS, turnoutHalfLifeHours: HALF_LIFE_HOURS },
      communes: points.map((_, i) => ({ id: `c${i}`, demand: demands[i] ?? 100 })),
    };
  });

/**
 * The split's linear relaxation solved by HiGHS: each commune shared in fractions among its
 * options, a site's days its dossiers over machines × 17 × 12 a day, the teams' its hours of the
 * slowest team (work, a set-up, the cheapest drive in from home or any commune) over the teams'
 * paces × 12 h a day; minimise the busiest option.
 */
function relaxation(input: PlanSitesAndTeamsInput): { optimum: number; longest: number } {
  const matrix = (input.travel as { hoursMatrix: number[][] }).hoursMatrix;
  const drive = (a: number, b: number) => matrix[a + 1]?.[b + 1] ?? 0;
  const siteAt = input.sites.map((s) => Number(s.communeId.slice(1)));
  const slowest = Math.min(...input.teams.map((t) => t.machines));
  const paces = input.teams.reduce((sum, t) => sum + t.machines / slowest, 0);
  const rows: string[] = [];
  const load: string[][] = [...input.sites.map(() => []), []];
  let longest = 0;
  input.communes.forEach((commune, c) => {
    const terms: string[] = [];
    let quickest = Number.POSITIVE_INFINITY;
    const add = (option: number, days: number) => {
      const x = `x${c}_${option}`;
      terms.push(x);
      load[option]?.push(`${days} ${x}`);
      quickest = Math.min(quickest, days);
    };
    const own = siteAt.indexOf(c);
    siteAt.forEach((p, s) => {
      if (own >= 0 ? own !== s : drive(p, c) > REACH_HOURS) return;
      const dossiers = commune.demand * 0.5 ** (drive(p, c) / HALF_LIFE_HOURS);
      add(s, dossiers / ((input.sites[s]?.machines ?? 1) * DOSSIERS_PER_MACHINE_HOUR * SITE_HOURS_PER_DAY));
    });
    if (own < 0) {
      let entry = drive(-1, c);
      input.communes.forEach((_, j) => {
        if (j !== c) entry = Math.min(entry, drive(j, c));
      });
      const hours = commune.demand / (DOSSIERS_PER_MACHINE_HOUR * slowest) + SETUP_HOURS + entry;
      add(input.sites.length, hours / (paces * TEAM_HOURS_PER_DAY));
    }
    rows.push(` a${c}: ${terms.join(' + ')} = 1`);
    longest = Math.max(longest, quickest);
  });
  load.forEach((terms, o) => {
    if (terms.length > 0) rows.push(` l${o}: ${terms.join(' + ')} - T <= 0`);
  });
  const solved = highs.solve(`Minimize\n obj: T\nSubject To\n${rows.join('\n')}\nEnd`, {
    output_flag: false,
  });
  if (solved.Status !== 'Optimal') throw new Error(`HiGHS: ${solved.Status}`);
  return { optimum: solved.ObjectiveValue, longest };
}

type Judged = { completion: number; machineDays: number };

/** Open days from 1 March through `date` (no day is closed): its day of the year less 59. */
function openDaysThrough(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse('2021-03-01T00:00:00Z')) / 86_400_000) + 1;
}

/** Every split, each judged as documented. */
function everySplit(input: PlanSitesAndTeamsInput): Judged[] {
  const matrix = (input.travel as { hoursMatrix: number[][] }).hoursMatrix;
  const drive = (a: number, b: number) => matrix[a + 1]?.[b + 1] ?? 0;
  const siteAt = input.sites.map((s) => Number(s.communeId.slice(1)));
  const choices = input.communes.map((_, c) => {
    const own = siteAt.indexOf(c);
    if (own >= 0) return [own];
    const near = siteAt.flatMap((p, s) => (drive(p, c) <= REACH_HOURS ? [s] : []));
    return [...near, -1];
  });
  const out: Judged[] = [];
  const pick = new Array<number>(choices.length).fill(0);
  const visit = (c: number): void => {
    if (c === choices.length) {
      out.push(judge(input, pick, drive, siteAt));
      return;
    }
    for (const option of choices[c] ?? []) {
      pick[c] = option;
      visit(c + 1);
    }
  };
  visit(0);
  return out;
}

function judge(
  input: PlanSitesAndTeamsInput,
  pick: readonly number[],
  drive: (a: number, b: number) => number,
  siteAt: readonly number[],
): Judged {
  const loads = input.sites.map(() => 0);
  pick.forEach((s, c) => {
    if (s < 0) return;
    const dossiers = (input.communes[c]?.demand ?? 0) * 0.5 ** (drive(siteAt[s] ?? 0, c) / HALF_LIFE_HOURS);
    const perDay = (input.sites[s]?.machines ?? 1) * DOSSIERS_PER_MACHINE_HOUR * SITE_HOURS_PER_DAY;
    loads[s] = (loads[s] ?? 0) + dossiers / perDay;
  });
  let teamDays = 0;
  let teamMachineDays = 0;
  if (pick.some((s) => s < 0)) {
    const plan = planMobileTeams(
      {
        calendar: input.calendar,
        service: input.service,
        teams: input.teams,
        travel: input.travel,
        communes: input.communes,
        fixedSites: input.sites.map((site, s) => ({
          id: site.id,
          communeId: site.communeId,
          servesCommuneIds: input.communes.filter((_, c) => pick[c] === s).map((c) => c.id),
        })),
      },
      { priorityRule: 'remote-low-coverage-first' },
    );
    if (plan.status !== 'planned') throw new Error('the reference could not route the teams');
    teamDays = plan.completionDate === null ? 0 : openDaysThrough(plan.completionDate);
    for (const t of plan.teams)
      teamMachineDays += t.machines * (t.endDate === null ? 0 : openDaysThrough(t.endDate));
  }
  const siteMachineDays = loads.reduce((sum, load, s) => sum + load * (input.sites[s]?.machines ?? 0), 0);
  return { completion: Math.max(teamDays, ...loads), machineDays: siteMachineDays + teamMachineDays };
}

describe('planSitesAndTeams against every split', () => {
  it('finishes within 5 % of the best split', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const plan = planSitesAndTeams(input);
        if (plan.status !== 'planned') throw new Error(plan.status);
        const best = Math.min(...everySplit(input).map((j) => j.completion));
        expect(plan.completionOpenDays).toBeLessThanOrEqual(
          best * (1 + EARLIEST_MARGIN.share) + EARLIEST_MARGIN.days + 1e-9,
        );
        // No split beats the bound.
        expect(plan.lowerBoundOpenDays).toBeLessThanOrEqual(best + 1e-6);
      }),
      { numRuns: RUNS },
    );
  });

  it("bounds every split from below by the split's linear relaxation, as HiGHS solves it", () => {
    fc.assert(
      fc.property(instance, (input) => {
        const plan = planSitesAndTeams(input);
        if (plan.status !== 'planned') throw new Error(plan.status);
        expect(plan.assumptions.teamHoursPerOpenDay).toBe(TEAM_HOURS_PER_DAY);
        const best = Math.min(...everySplit(input).map((j) => j.completion));
        // The relaxation may share a commune among options; the longest one alone also bounds the plan.
        const { optimum, longest } = relaxation(input);
        expect(plan.lowerBoundOpenDays).toBeLessThanOrEqual(best + 1e-6);
        expect(plan.lowerBoundOpenDays).toBeLessThanOrEqual(Math.max(optimum, longest) + 1e-6);
        expect(plan.lowerBoundOpenDays).toBeGreaterThanOrEqual(
          Math.max(optimum * (1 - BOUND_BELOW_RELAXATION_SHARE), longest) - 1e-9,
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('for the deadline, spends within 15 % of the fewest machine-days of the splits that meet it', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const plan = planSitesAndTeams(input, { objective: 'machine-days' });
        if (plan.status !== 'planned') throw new Error(plan.status);
        const meeting = everySplit(input).filter((j) => j.completion <= 60 + 1e-9);
        if (meeting.length === 0) return;
        const fewest = Math.min(...meeting.map((j) => j.machineDays));
        expect(plan.onTime).toBe(true);
        expect(plan.machineDays.total).toBeLessThanOrEqual(fewest * (1 + MACHINE_DAYS_MARGIN) + 1e-9);
      }),
      { numRuns: RUNS },
    );
  });
});
