import { requireArray } from '../_internal/validate.ts';
import { requireAreaIndex } from '../campaign/_internal/prepare-campaign.ts';
import type { CampaignInput } from '../campaign/types.ts';
import { compareArea, prepareComparison } from './_internal/compare-area.ts';
import type { ActualDayReport, CompareWithActualsOptions, PlanComparison } from './types.ts';

/**
 * {@link compareWithActuals} for several areas of one campaign at once, in the order asked: the
 * campaign is prepared and planned once and the reports read once, however many areas are
 * compared (a province's districts side by side). An unknown area is refused as `areaCodes[i]`.
 *
 * @example
 * const input = {
 *   areas: [
 *     { code: 'p', name: 'P' },
 *     { code: 'a', name: 'A', parentCode: 'p', eligible: 1_000 },
 *     { code: 'b', name: 'B', parentCode: 'p', eligible: 1_000 },
 *   ],
 *   calendar: { start: '2021-03-19', deadline: '2021-03-28' },
 *   hours: { open: '08:00', close: '18:00' },
 *   service: { minutesPerDossier: 6 },
 *   machines: [{ areaCode: 'p', machines: 2 }],
 * };
 * const [p, a, b] = compareAreasWithActuals(input, ['p', 'a', 'b'], [
 *   { date: '2021-03-19', areaCode: 'a', dossiers: 90 },
 * ]);
 * [p?.days[0]?.reporting, a?.days[0]?.variance, b?.days[0]?.actual]
 * // => ['partial', -10, null]
 */
export function compareAreasWithActuals(
  input: CampaignInput,
  areaCodes: readonly string[],
  reports: readonly ActualDayReport[],
  options: CompareWithActualsOptions = {},
): PlanComparison[] {
  let areas: number[] = [];
  const comparison = prepareComparison(
    input,
    (prep) => {
      areas = requireArray(areaCodes, 'areaCodes').map((code, i) =>
        requireAreaIndex(prep, code, `areaCodes[${i}]`),
      );
    },
    reports,
    options,
  );
  return areas.map((area) => compareArea(comparison, area));
}
