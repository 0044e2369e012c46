import type { EnrollmentSite } from '../types.ts';
import type { SplitOption, SplitProblem } from './choose-split.ts';
import type { MobileProblem } from './read-input.ts';
import { turnoutShare } from './read-sites.ts';
import { travelHours } from './travel.ts';

/** What the split is judged with: the sites' and the teams' rates per open day. */
export type SplitRates = {
  /** Dossiers a site takes on an open day, by site. */
  siteDossiersPerDay: number[];
  /** Hours of the slowest team the teams together work on an average open day (0 without teams). */
  teamHoursPerDay: number;
  maxTravelHours: number;
  turnoutHalfLifeHours: number;
  deadlineDays: number;
};

export type SplitCosts = SplitProblem & {
  /** The option index of the teams (`sites.length`). */
  teamOption: number;
  /** Communes with something to do, by commune index: their place in `options`, or -1. */
  slot: Int32Array;
  /** Commune index of each slot. */
  communeOf: number[];
  /** Communes whose own site serves them (a site stands there). */
  siteCommune: boolean[];
};

/**
 * Each commune's options and their costs, in open days of the option that serves it:
 * - at a site within reach: its demand × the turnout share of the drive, over the site's
 *   dossiers per open day;
 * - by the teams: its work in hours of the slowest team, one set-up, and the cheapest drive into
 *   it (from home or any commune), over the teams' hours per open day together.
 * A commune where a site stands has that site only; one with no site within reach and no team
 * has its nearest site. Machine-days are the option's machines × those days.
 */
export function splitCosts(
  problem: MobileProblem,
  sites: readonly EnrollmentSite[],
  rates: SplitRates,
): SplitCosts {
  const { table } = problem.travel;
  const n = problem.communes.length;
  const teamOption = sites.length;
  const hasTeams = problem.teams.length > 0 && rates.teamHoursPerDay > 0;
  const teamMachines = problem.teams.reduce((sum, t) => sum + t.machines, 0);
  const indexOf = new Map(problem.communes.map((c) => [c.id, c.index]));
  const sitePoint = sites.map((s) => (indexOf.get(s.communeId) ?? 0) + 1);
  const siteCommune = new Array<boolean>(n).fill(false);
  for (const p of sitePoint) siteCommune[p - 1] = true;
  const slot = new Int32Array(n).fill(-1);
  const communeOf: number[] = [];
  const options: SplitOption[][] = [];
  for (const c of problem.communes) {
    if (c.demand <= 0) continue;
    const point = c.index + 1;
    const mine: SplitOption[] = [];
    let nearest = -1;
    sites.forEach((site, s) => {
      const hours = travelHours(table, sitePoint[s] ?? 0, point);
      if (nearest < 0 || hours < travelHours(table, sitePoint[nearest] ?? 0, point)) nearest = s;
      const own = sitePoint[s] === point;
      if (siteCommune[c.index] ? !own : hours > rates.maxTravelHours) return;
      const dossiers = c.demand * turnoutShare(hours, rates.turnoutHalfLifeHours);
      const days = dossiers / (rates.siteDossiersPerDay[s] ?? 1);
      mine.push({ option: s, days, machineDays: site.machines * days });
    });
    if (hasTeams && !siteCommune[c.index]) {
      let entry = travelHours(table, 0, point);
      for (let j = 1; j <= n; j++) if (j !== point) entry = Math.min(entry, travelHours(table, j, point));
      const hours = c.demand / problem.slowestTeamDossiersPerHour + problem.setupHours + entry;
      const days = hours / rates.teamHoursPerDay;
      mine.push({ option: teamOption, days, machineDays: teamMachines * days });
    }
    if (mine.length === 0 && nearest >= 0) {
      const site = sites[nearest] as EnrollmentSite;
      const hours = travelHours(table, sitePoint[nearest] ?? 0, point);
      const dossiers = c.demand * turnoutShare(hours, rates.turnoutHalfLifeHours);
      const days = dossiers / (rates.siteDossiersPerDay[nearest] ?? 1);
      mine.push({ option: nearest, days, machineDays: site.machines * days });
    }
    slot[c.index] = options.length;
    communeOf.push(c.index);
    options.push(mine);
  }
  return {
    options,
    optionCount: sites.length + 1,
    deadlineDays: rates.deadlineDays,
    teamOption,
    slot,
    communeOf,
    siteCommune,
  };
}
