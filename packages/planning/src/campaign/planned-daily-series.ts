import { plannedDailySeriesOf } from './_internal/daily-series.ts';
import { prepareCampaign, requireAreaIndex } from './_internal/prepare-campaign.ts';
import type { CampaignInput, PlannedDay } from './types.ts';

/**
 * The plan of one area day by day, in whole dossiers that sum exactly to its demand (and a
 * parent's days are the sums of its leaves'). Without machines the demand is spread evenly over
 * the open days to the deadline; with machines each pool does what its machines can each day
 * (past the deadline when late), shared over its areas in proportion to their demand.
 *
 * @example
 * plannedDailySeries({
 *   areas: [{ code: 'x', name: 'X', eligible: 10 }],
 *   calendar: { start: '2021-03-19', deadline: '2021-03-21' },
 *   hours: { open: '07:30', close: '22:00' },
 *   service: { minutesPerDossier: 3.48 },
 * }, 'x').map((d) => d.planned)
 * // => [3, 3, 4]
 */
export function plannedDailySeries(input: CampaignInput, areaCode: string): PlannedDay[] {
  const prep = prepareCampaign(input);
  return plannedDailySeriesOf(prep, requireAreaIndex(prep, areaCode));
}
