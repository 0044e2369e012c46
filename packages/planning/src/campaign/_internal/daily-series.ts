import type { PlannedDay } from '../types.ts';
import { createLeafShares, type LeafShares, plannedLeafDays } from './planned-leaf-days.ts';
import type { PreparedCampaign } from './prepare-campaign.ts';

/**
 * `plannedDailySeries` of the area at node index `area` of an input already prepared; `shares`
 * may be given when several areas of one campaign are asked for.
 */
export function plannedDailySeriesOf(
  prep: PreparedCampaign,
  area: number,
  shares: LeafShares = createLeafShares(prep),
): PlannedDay[] {
  const { days, totalOf } = plannedLeafDays(prep, area, shares);
  const series: PlannedDay[] = [];
  let previous = 0;
  days.forEach((day, k) => {
    const cumulative = totalOf(k);
    series.push({ date: day.date, planned: cumulative - previous, cumulativePlanned: cumulative });
    previous = cumulative;
  });
  return series;
}
