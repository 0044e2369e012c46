import type { MobileProblem } from './read-input.ts';
import { travelHours } from './travel.ts';

/**
 * How remote each commune is, by commune index: the drive from the nearest fixed site (its
 * residents' way to the service), or from home when there is no site. A ward beside a site is
 * not remote however far it lies from the teams' base.
 */
export function remotenessHours(problem: MobileProblem): Float64Array {
  const { table } = problem.travel;
  const indexOf = new Map(problem.communes.map((c) => [c.id, c.index]));
  const sitePoints = problem.fixedSites.map((s) => (indexOf.get(s.communeId) ?? 0) + 1);
  const out = new Float64Array(problem.communes.length);
  for (const c of problem.communes) {
    let best = sitePoints.length === 0 ? travelHours(table, 0, c.index + 1) : Number.POSITIVE_INFINITY;
    for (const p of sitePoints) best = Math.min(best, travelHours(table, p, c.index + 1));
    out[c.index] = best;
  }
  return out;
}
