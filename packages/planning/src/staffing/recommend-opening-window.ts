import { optionalNumber, requireRecord } from '../_internal/validate.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { type OpeningHours, resolveOpeningWindow } from '../time/opening-window.ts';
import { formatTimeOfDay } from '../time/parse-time-of-day.ts';
import { modelDay, shareBetween } from './_internal/hourly-model.ts';
import { readSiteDay } from './_internal/site-day.ts';
import { describePlan, type HourlyStaffingOptions, type HourlyStaffingPlan } from './plan-hourly-staffing.ts';

export type RecommendOpeningWindowOptions = Omit<HourlyStaffingOptions, 'hours'> & {
  /** Earliest opening and latest closing allowed. Default `05:00`–`24:00`; `05:00`–`02:00` allows overnight. */
  limits?: OpeningHours;
  /** Granularity of opening and closing times. Default 30. */
  stepMinutes?: number;
  /**
   * Share of the arrival profile the window must cover, in (0, 1]. Default 0.8: people whose
   * preferred hour is closed come at another open hour, but a window that misses most of when a
   * population can come (farmers at dawn and dusk) is not an answer, however well it is staffed.
   */
  minProfileCoverage?: number;
};

export type OpeningWindowRecommendation =
  | { kind: 'feasible'; open: string; close: string; nominalHours: number; plan: HourlyStaffingPlan }
  | {
      kind: 'infeasible';
      reason: 'target-not-met-within-limits';
      detail: string;
      widest: HourlyStaffingPlan;
    };

/** A carried backlog below this many expected people at closing counts as none. */
const BACKLOG_TOLERANCE = 0.5;

/**
 * The shortest opening window within `limits` that covers `minProfileCoverage` of the arrival
 * profile and whose hourly staffing (with the machines available)
 * meets the wait target in every hour and leaves no carried backlog at closing; among windows of
 * that length, the one using the fewest machine-hours, then the earliest. Answers "how long must
 * we open, and with how many machines, so that people do not wait long" — the question Đắk Nông
 * answered by opening 05:00–24:00.
 *
 * @example
 * const r = recommendOpeningWindow({ dailyVisitors: 500, serviceMinutes: 3.48, machinesAvailable: 4,
 *   target: { meanWaitMinutes: 15 } });
 * r.kind === 'feasible' && [r.open, r.close] // => ['08:00', '21:00'] (Hưng Nguyên's 500 a day with 4 scanners; 2 or 3 cannot)
 */
export function recommendOpeningWindow(options: RecommendOpeningWindowOptions): OpeningWindowRecommendation {
  const record = requireRecord(options, 'options');
  const site = readSiteDay(record);
  const limits = resolveOpeningWindow(record.limits ?? { open: '05:00', close: '24:00' }, 'limits');
  const step = optionalNumber(record.stepMinutes, 'stepMinutes', { min: 5, max: 240, integer: true }) ?? 30;
  const coverage =
    optionalNumber(record.minProfileCoverage, 'minProfileCoverage', { min: 0, max: 1, minExclusive: true }) ??
    0.8;
  const span = limits.closeMinute - limits.openMinute;
  if (span < step) {
    throw new PlanningInputError({
      path: 'limits',
      code: 'range',
      expected: `a window at least stepMinutes (${step}) long`,
      received: `${formatTimeOfDay(limits.openMinute)}–${formatTimeOfDay(limits.closeMinute)}`,
    });
  }
  for (let length = step; length <= span; length += step) {
    let best: { open: number; day: ReturnType<typeof modelDay> } | undefined;
    for (let open = limits.openMinute; open + length <= limits.closeMinute; open += step) {
      if (shareBetween(site.shares, open, open + length) < coverage - 1e-12) continue;
      const day = modelDay(site, open, open + length);
      if (!day.allMeetTarget || day.backlogAtClosing > BACKLOG_TOLERANCE) continue;
      if (best === undefined || day.machineHours < best.day.machineHours - 1e-9) best = { open, day };
    }
    if (best !== undefined) {
      return {
        kind: 'feasible',
        open: formatTimeOfDay(best.open),
        close: formatTimeOfDay(best.open + length, { endOfDay: true }),
        nominalHours: length / 60,
        plan: describePlan(best.day, best.open, best.open + length),
      };
    }
  }
  const widest = modelDay(site, limits.openMinute, limits.closeMinute);
  return {
    kind: 'infeasible',
    reason: 'target-not-met-within-limits',
    detail: `even open ${formatTimeOfDay(limits.openMinute)}–${formatTimeOfDay(limits.closeMinute, { endOfDay: true })} with ${site.maxMachines} machines, some hour misses the target, a backlog remains at closing, or the window covers too little of the arrival profile`,
    widest: describePlan(widest, limits.openMinute, limits.closeMinute),
  };
}
