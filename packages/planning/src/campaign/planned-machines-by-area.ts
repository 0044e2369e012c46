import { requireArray, requireOneOf, requireRecord } from '../_internal/validate.ts';
import { plannedMachinesOfRow } from './_internal/planned-machines.ts';
import type { AreaPlan, CampaignPlan } from './types.ts';

/**
 * The machines a plan puts in each area, by area code: those stationed there (given, or its share
 * of a pool above), else those of the pool above that serves it; in a plan without machines given,
 * those the area needs. Null where no machine serves the area. What a day's figure is checked
 * against when its report gives no machines working (`reviewActualReports`' `plannedMachines`).
 *
 * @example
 * plannedMachinesByArea(planCampaign({
 *   areas: [
 *     { code: 'p', name: 'P' },
 *     { code: 'a', name: 'A', parentCode: 'p', eligible: 3_000 },
 *     { code: 'b', name: 'B', parentCode: 'p', eligible: 1_000 },
 *   ],
 *   calendar: { start: '2021-03-19', deadline: '2021-03-28' },
 *   hours: { open: '08:00', close: '18:00' },
 *   service: { minutesPerDossier: 6 },
 *   machines: [{ areaCode: 'p', machines: 4 }],
 * }))
 * // => { p: 4, a: 3, b: 1 }
 */
export function plannedMachinesByArea(plan: CampaignPlan): Record<string, number | null> {
  const given = requireOneOf(requireRecord(plan, 'plan').mode, 'plan.mode', ['sizing', 'completion']);
  const machines: Record<string, number | null> = {};
  // Parents come before their children in a plan's rows.
  for (const row of requireArray(plan.areas, 'plan.areas') as AreaPlan[]) {
    const above = row.parentCode === null ? null : (machines[row.parentCode] ?? null);
    machines[row.code] = plannedMachinesOfRow(row, given === 'completion', above);
  }
  return machines;
}
