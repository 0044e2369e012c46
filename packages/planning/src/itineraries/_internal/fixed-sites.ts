import type { MobileProblem } from './read-input.ts';
import { travelHours } from './travel.ts';

/**
 * The communes fixed sites serve, by commune index: each site's own commune, the communes it
 * names, and those within its catchment drive. The first site listed keeps a commune two claim.
 */
export function assignFixedSites(problem: MobileProblem): Map<number, string> {
  const served = new Map<number, string>();
  const indexOf = new Map(problem.communes.map((c) => [c.id, c.index]));
  for (const site of problem.fixedSites) {
    const at = indexOf.get(site.communeId) as number;
    if (!served.has(at)) served.set(at, site.id);
    for (const id of site.servesCommuneIds ?? []) {
      const i = indexOf.get(id) as number;
      if (!served.has(i)) served.set(i, site.id);
    }
    const catchment = site.catchmentTravelHours ?? 0;
    if (catchment > 0) {
      for (const c of problem.communes) {
        if (!served.has(c.index) && travelHours(problem.travel.table, c.index + 1, at + 1) <= catchment)
          served.set(c.index, site.id);
      }
    }
  }
  return served;
}
