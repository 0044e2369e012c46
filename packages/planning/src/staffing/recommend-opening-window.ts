import { optionalNumber, requireNumber, requireRecord } from '../_internal/validate.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { type OpeningHours, resolveOpeningWindow } from '../time/opening-window.ts';
import { planSiteDay } from './_internal/plan-site-day.ts';
import { shareBetween, windowPeriods } from './_internal/site-day.ts';
import { arrivalProfile } from './arrival-profiles.ts';
import type { HourlyStaffingOptions, HourlyStaffingPlan } from './types.ts';

export type RecommendOpeningWindowOptions = Omit<HourlyStaffingOptions, 'hours' | 'arrivalsPerHour'> & {
  dailyVisitors: number;
  /** Earliest opening and latest closing allowed. Default `05:00`–`24:00`; `05:00`–`02:00` allows overnight. */
  limits?: OpeningHours;
  /**
   * Granularity of opening times (from the earliest allowed) and of window lengths. Default 30.
   * When it does not divide `limits`, the windows closing at the latest time allowed, and the
   * widest, are tried too.
   */
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

/** Fewer expected people than this still waiting at closing counts as none. */
const WAITING_AT_CLOSE_TOLERANCE = 0.5;

/**
 * `first`, `first + step`, … up to `last`, then `last` itself when the step does not land on it:
 * the widest window, and those closing at the latest time allowed, are tried whatever the step.
 */
function stepsUpTo(first: number, last: number, step: number): number[] {
  const values: number[] = [];
  for (let value = first; value <= last; value += step) values.push(value);
  if (values.at(-1) !== last) values.push(last);
  return values;
}

/**
 * The shortest opening window within `limits` that covers `minProfileCoverage` of the arrival
 * profile and whose hourly staffing (`planHourlyStaffing`, with the machines available) meets the
 * wait target in every hour and leaves nobody waiting at closing; among windows of that length,
 * the one using the fewest machine-hours, then the earliest. Answers "how long must we open, and
 * with how many machines, so that people do not wait long" — the question Đắk Nông answered by
 * opening 05:00–24:00.
 *
 * @example
 * const r = recommendOpeningWindow({ dailyVisitors: 500, service: { minutesPerDossier: 3.48 },
 *   machinesAvailable: 4, target: { meanWaitMinutes: 15 } });
 * r.kind === 'feasible' && [r.open, r.close] // => ['07:30', '23:30'] (Hưng Nguyên's 500 a day with 4 scanners; 2 or 3 cannot)
 */
export function recommendOpeningWindow(options: RecommendOpeningWindowOptions): OpeningWindowRecommendation {
  const record = requireRecord(options, 'options');
  if (record.arrivalsPerHour !== undefined && record.arrivalsPerHour !== null) {
    throw new PlanningInputError({
      path: 'arrivalsPerHour',
      code: 'conflict',
      expected: 'absent: windows are tried by spreading dailyVisitors with the profile',
      received: record.arrivalsPerHour,
    });
  }
  const visitors = requireNumber(record.dailyVisitors, 'dailyVisitors', { min: 0, max: 10_000_000 });
  const shares = arrivalProfile(record.profile ?? 'mixed', 'profile');
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
      received: record.limits,
    });
  }
  const plan = (open: number, close: number) =>
    planSiteDay(record, windowPeriods(visitors, shares, open, close));
  for (const length of stepsUpTo(step, span, step)) {
    let best: { open: number; plan: HourlyStaffingPlan } | undefined;
    for (const open of stepsUpTo(limits.openMinute, limits.closeMinute - length, step)) {
      if (shareBetween(shares, open, open + length) < coverage - 1e-12) continue;
      const candidate = plan(open, open + length);
      if (!candidate.meetsTarget || candidate.waitingAtClose > WAITING_AT_CLOSE_TOLERANCE) continue;
      if (best === undefined || candidate.machineHours < best.plan.machineHours - 1e-9)
        best = { open, plan: candidate };
    }
    if (best !== undefined) {
      return {
        kind: 'feasible',
        open: best.plan.open,
        close: best.plan.close,
        nominalHours: length / 60,
        plan: best.plan,
      };
    }
  }
  const widest = plan(limits.openMinute, limits.closeMinute);
  return {
    kind: 'infeasible',
    reason: 'target-not-met-within-limits',
    detail: `even open ${widest.open}–${widest.close} with the machines available, some hour misses the target, people are still waiting at closing, or the window covers too little of the arrival profile`,
    widest,
  };
}
