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
 * The open days after each last reported date, as long as the longest walk asked so far: the areas
 * of one comparison mostly share their last report, and a walk reads the zone's offset each day.
 */
export type OpenDaysWalked = Map<string, OpenDay[]>;

/** The open day the rest is done at the mean, best and worst of the observed daily rates. */
export function forecastFrom(
  input: CampaignInput,
  prep: PreparedCampaign,
  remaining: number,
  rates: readonly number[],
  lastReported: string,
  walked: OpenDaysWalked = new Map(),
): CompletionForecast {
  const mean = rates.reduce((sum, rate) => sum + rate, 0) / rates.length;
  const min = Math.min(...rates);
  const max = Math.max(...rates);
  const nextDay = isoOf(requireIsoDate(lastReported, 'reports', 'UTC').plus({ days: 1 }));
  const openDaysNeeded = (rate: number) => Math.ceil(remaining / rate);
  // One walk of the open days after the last report serves all three rates: the slowest
  // rate within reach needs the most.
  const longest = Math.max(
    0,
    ...[min, mean, max].map(openDaysNeeded).filter((n) => n <= DEFAULT_HORIZON_DAYS),
  );
  let openDaysAfter = walked.get(nextDay) ?? [];
  // A walk lists every open day in order, so a longer one's first days are a shorter one's.
  if (remaining > 0 && openDaysAfter.length < longest) {
    openDaysAfter = listOpenDays(
      resolveCalendar({ ...input.calendar, start: nextDay, deadline: nextDay }),
      prep.window,
      { atLeast: longest },
    );
    walked.set(nextDay, openDaysAfter);
  }
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
