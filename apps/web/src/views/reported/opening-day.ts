// The day "who reported" opens on when the address names none: the day a planner most likely
// wants, not a calendar day outside every campaign where all areas read "not reported".

/** A campaign of the area followed: a scenario's first and last day of service (ISO dates). */
export type CampaignDays = { start: string; deadline: string };

/**
 * Today while a campaign of the area runs; else the last day with a report (up to today); else
 * the last day of the latest campaign already over (nothing reported: all its areas are missing);
 * else (no campaign yet) today. All days ISO dates in the campaign's zone.
 *
 * @example openingDay('2026-12-01', '2021-03-20', [{ start: '2021-03-15', deadline: '2021-06-30' }])
 * // => '2021-03-20'
 */
export function openingDay(
  today: string,
  lastReported: string | null,
  campaigns: readonly CampaignDays[],
): string {
  if (campaigns.some((campaign) => campaign.start <= today && today <= campaign.deadline)) return today;
  if (lastReported !== null && lastReported <= today) return lastReported;
  // ISO dates sort as the days do.
  const over = campaigns.map((campaign) => campaign.deadline).filter((deadline) => deadline < today);
  return over.sort().at(-1) ?? today;
}
