import { requireArray, requireRecord, requireString } from '../_internal/validate.ts';
import type { AreaPlan, CampaignPlan } from '../campaign/types.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import type { MobileCommune } from './types.ts';

export type MobileCommunesFromPlanOptions = {
  /** The area whose leaf areas are the communes (itself when it is a leaf). Default: every leaf of the plan. */
  areaCode?: string;
};

/**
 * The communes a mobile team may visit, from a campaign plan: the leaf areas under an area,
 * each with the plan's demand (dossiers still to take), its name, its share already served
 * (for `priorityRule: 'low-coverage-first'`), its `location` when its area has one (give
 * areas their centroids for straight-line travel), and its `areaKm2` (with its population, the
 * density), `urbanShare` and `communeType` when given, from which its terrain class is read. The result is the `communes` of
 * {@link planMobileTeams}, so `planCampaign` → `planMobileTeams` takes two calls.
 *
 * @example
 * const plan = planCampaign({
 *   areas: [
 *     { code: 'D', name: 'District' },
 *     { code: 'a', name: 'A', parentCode: 'D', eligible: 1000, alreadyServed: 250 },
 *     { code: 'b', name: 'B', parentCode: 'D', eligible: 400 },
 *   ],
 *   calendar: { start: '2021-03-22', deadline: '2021-03-31' },
 *   hours: { open: '07:00', close: '19:00' },
 *   service: { minutesPerDossier: 3.5 },
 * });
 * mobileCommunesFromPlan(plan, { areaCode: 'D' }).map((c) => [c.id, c.demand, c.coverageShare])
 * // => [['a', 750, 0.25], ['b', 400, 0]]
 */
export function mobileCommunesFromPlan(
  plan: CampaignPlan,
  options: MobileCommunesFromPlanOptions = {},
): MobileCommune[] {
  const rows = requireArray(requireRecord(plan, 'plan').areas, 'plan.areas') as AreaPlan[];
  const opts = requireRecord(options, 'options');
  const areaCode = opts.areaCode === undefined ? undefined : requireString(opts.areaCode, 'areaCode');
  if (areaCode !== undefined && !rows.some((row) => row.code === areaCode)) {
    throw new PlanningInputError({
      path: 'areaCode',
      code: 'unknown-reference',
      expected: 'the code of an area in the plan',
      received: areaCode,
    });
  }

  // Rows list parents before children, so one pass collects the subtree.
  const inside = new Set<string>();
  const communes: MobileCommune[] = [];
  for (const row of rows) {
    const within =
      areaCode === undefined ||
      row.code === areaCode ||
      (row.parentCode !== null && inside.has(row.parentCode));
    if (!within) continue;
    inside.add(row.code);
    if (!row.isLeaf) continue;
    const commune: MobileCommune = {
      id: row.code,
      name: row.name,
      demand: row.demand,
      coverageShare: row.eligible > 0 ? Math.min(1, row.alreadyServed / row.eligible) : 0,
    };
    if (row.location) commune.location = row.location;
    // The figures the terrain class is read from, when the areas carry them.
    if (row.areaKm2 !== null) {
      commune.areaKm2 = row.areaKm2;
      if (row.population > 0) commune.population = row.population;
    }
    if (row.urbanShare !== null) commune.urbanShare = row.urbanShare;
    if (row.communeType !== null) commune.communeType = row.communeType;
    communes.push(commune);
  }
  return communes;
}
