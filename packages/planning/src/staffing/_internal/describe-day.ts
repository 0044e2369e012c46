import { POISSON_TAIL, STATE_FLOOR } from '../../queueing/_internal/birth-death-chain.ts';
import type { ResolvedTarget } from '../../queueing/_internal/target.ts';
import type { TransientDay, TransientPeriod } from '../../queueing/_internal/transient-day.ts';
import type { StaffedHour, StaffingEvaluation } from '../types.ts';
import { clock } from './clock.ts';
import type { SitePeriods } from './site-day.ts';

/** Slack on the target: the model's own rounding must not flip an hour that meets it exactly. */
const TARGET_SLACK = 1e-9;

/** Whether the arrivals of an hour meet every part of the target. */
export function meetsTarget(target: ResolvedTarget, period: TransientPeriod): boolean {
  if (
    target.meanWaitMinutes !== undefined &&
    period.meanWaitMinutes > target.meanWaitMinutes + TARGET_SLACK
  ) {
    return false;
  }
  if (target.fraction !== undefined && 1 - period.shareWaitingLonger < target.fraction - TARGET_SLACK)
    return false;
  if (target.maxUtilization !== undefined && period.utilization > target.maxUtilization + TARGET_SLACK)
    return false;
  return true;
}

/** The model's assumptions as a planner reads them. */
function assumptions(serviceCv: number): string[] {
  const unit = (1 + serviceCv * serviceCv) / 2;
  return [
    'Arrivals are Poisson at a constant rate within each clock hour; with daily visitors and a profile, those whose preferred hour is closed come at an open hour in the same proportions.',
    `The queue is the transient M(t)/M/c(t) queue, first come first served, carried from hour to hour and past closing, solved by uniformisation with probabilities below ${STATE_FLOOR} and Poisson tails below ${POISSON_TAIL} dropped (the dropped mass is reported as truncationError).`,
    serviceCv === 1
      ? 'Service times are exponential (cv 1), for which the model is exact.'
      : `Service times have cv ${serviceCv}: the queue is counted in units of (1 + cv²)/2 = ${unit} dossiers, which keeps its drift and matches its heavy-traffic variance (Allen–Cunneen in steady state); checked against simulation with gamma and lognormal service.`,
    'When the machines open drop, idle ones close first; a busy machine that closes finishes its dossier while the others keep serving the queue. After closing nobody arrives and the last hour’s machines serve whoever still waits; that wait counts.',
    'Breakdowns and hard cases lengthen the mean service time (minutes with hard cases ÷ availability).',
  ];
}

/** The evaluation as reported: clock labels, figures per hour and for the day (and, for a plan, the machines each hour needs). */
export function describeDay(
  periods: SitePeriods,
  machines: readonly number[],
  day: TransientDay,
  figures: { target: ResolvedTarget | null; withinMinutes: number; percentile: number; serviceCv: number },
  needed?: readonly number[],
): StaffingEvaluation {
  const hours: (StaffedHour & { machinesNeeded?: number })[] = [];
  let start = periods.startMinute;
  let worstMean = 0;
  let worstPercentile = 0;
  let machineHours = 0;
  let peak = 0;
  let allMeet: boolean | null = figures.target === null ? null : true;
  day.periods.forEach((period, p) => {
    const length = periods.minutes[p] as number;
    const open = machines[p] as number;
    const meets = figures.target === null ? null : meetsTarget(figures.target, period);
    if (meets === false) allMeet = false;
    const hour: StaffedHour & { machinesNeeded?: number } = {
      start: clock(start, false),
      end: clock(start + length, true),
      arrivals: period.arrivals,
      arrivalsPerHour: periods.arrivalsPerHour[p] as number,
      machinesOpen: open,
      utilization: period.utilization,
      queueAtStart: period.queueAtStart,
      queueAtEnd: period.queueAtEnd,
      meanWaitMinutes: period.meanWaitMinutes,
      shareWaitingLonger: period.shareWaitingLonger,
      waitPercentileMinutes: period.waitPercentileMinutes,
      meetsTarget: meets,
    };
    if (needed !== undefined) hour.machinesNeeded = needed[p] as number;
    hours.push(hour);
    worstMean = Math.max(worstMean, period.meanWaitMinutes);
    worstPercentile = Math.max(worstPercentile, period.waitPercentileMinutes);
    machineHours += (open * length) / 60;
    peak = Math.max(peak, open);
    start += length;
  });
  return {
    open: clock(periods.startMinute, false),
    close: clock(start, true),
    hours,
    arrivals: day.arrivals,
    meanWaitMinutes: day.meanWaitMinutes,
    shareWaitingLonger: day.shareWaitingLonger,
    worstMeanWaitMinutes: worstMean,
    worstWaitPercentileMinutes: worstPercentile,
    waitingAtClose: day.waitingAtClose,
    minutesToClearAfterClose: day.minutesToClear,
    machineHours,
    peakMachines: peak,
    meetsTarget: allMeet,
    withinMinutes: figures.withinMinutes,
    percentile: figures.percentile,
    truncationError: day.truncationError,
    assumptions: assumptions(figures.serviceCv),
  };
}
