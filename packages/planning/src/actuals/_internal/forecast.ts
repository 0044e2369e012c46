import type { DateTime } from 'luxon';
import { requireIsoDate } from '../../_internal/validate.ts';
import type { PreparedCampaign } from '../../campaign/_internal/prepare-campaign.ts';
import type { CampaignInput } from '../../campaign/types.ts';
import { DEFAULT_HORIZON_DAYS } from '../../time/_internal/horizon.ts';
import type { OpenDay } from '../../time/open-days.ts';
import { listOpenDays, resolveCalendar } from '../../time/open-days.ts';
import type { CompletionForecast } from '../types.ts';

const isoOf = (day: DateTime): string => day.toISODate() as string;

/**
 * The open days after each last reported date (by that date), as long as the longest walk asked so
 * far: the areas of one comparison mostly share their last report, and a walk reads the zone's
 * offset each day.
 */
export type OpenDaysWalked = Map<string, { nextDay: string; openDays: readonly OpenDay[] }>;

/** The open days of `days` (ascending) from `date` on. */
function openDaysFrom(days: readonly OpenDay[], date: string): readonly OpenDay[] {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((days[middle] as OpenDay).date < date) low = middle + 1;
    else high = middle;
  }
  return days.slice(low);
}

/**
 * The open day the rest is done at the mean, best and worst of the observed daily rates.
 * `campaignDays`: open days of the campaign from its start, as walked for its plan (by default
 * those to its deadline).
 */
export function forecastFrom(
  input: CampaignInput,
  prep: PreparedCampaign,
  remaining: number,
  rates: readonly number[],
  lastReported: string,
  walked: OpenDaysWalked = new Map(),
  campaignDays: readonly OpenDay[] = prep.period,
): CompletionForecast {
  const mean = rates.reduce((sum, rate) => sum + rate, 0) / rates.length;
  const min = Math.min(...rates);
  const max = Math.max(...rates);
  const openDaysNeeded = (rate: number) => Math.ceil(remaining / rate);
  // One walk of the open days after the last report serves all three rates: the slowest
  // rate within reach needs the most.
  const longest = Math.max(
    0,
    ...[min, mean, max].map(openDaysNeeded).filter((n) => n <= DEFAULT_HORIZON_DAYS),
  );
  let walk = walked.get(lastReported);
  if (walk === undefined) {
    const nextDay = isoOf(requireIsoDate(lastReported, 'reports', 'UTC').plus({ days: 1 }));
    // Whether a day is open, and its hours, do not depend on the day a walk starts from: the
    // campaign's own open days after the last report are a walk from the day after it, as far
    // as they reach (a walk reads the zone's offset each day).
    walk = { nextDay, openDays: openDaysFrom(campaignDays, nextDay) };
    walked.set(lastReported, walk);
  }
  const { nextDay } = walk;
  // A walk lists every open day in order, so a longer one's first days are a shorter one's.
  if (remaining > 0 && walk.openDays.length < longest) {
    walk.openDays = listOpenDays(
      resolveCalendar({ ...input.calendar, start: nextDay, deadline: nextDay }),
      prep.window,
      { atLeast: longest },
    );
  }
  const openDaysAfter = walk.openDays;
  const finishAt = (rate: number): string | null => {
    if (remaining === 0) return lastReported;
    const needed = openDaysNeeded(rate);
    if (needed > DEFAULT_HORIZON_DAYS) return null;
    return openDaysAfter[needed - 1]?.date ?? null;
  };
  return {
    remaining,
    expected: finishAt(mean),
    earliest: finishAt(max),
    latest: finishAt(min),
    meanDailyRate: mean,
    minDailyRate: min,
    maxDailyRate: max,
    basedOnDays: rates.length,
  };
}
