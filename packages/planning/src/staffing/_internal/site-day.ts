import {
  isRecord,
  type NumberRule,
  optionalNumber,
  requireArray,
  requireNumber,
} from '../../_internal/validate.ts';
import { machineCapacity } from '../../capacity/machine-capacity.ts';
import { PlanningInputError } from '../../errors/planning-input-error.ts';
import { MAX_SERVICE_CV } from '../../queueing/_internal/queue-input.ts';
import { type ResolvedTarget, readTarget } from '../../queueing/_internal/target.ts';
import { MINUTES_PER_DAY } from '../../time/_internal/minutes-per-day.ts';
import { resolveOpeningWindow } from '../../time/opening-window.ts';
import { arrivalProfile } from '../arrival-profiles.ts';

/** The periods of a site's day: clock hours, the first and last possibly partial. */
export type SitePeriods = {
  /** Start of the first period, in minutes after the opening day's midnight. */
  startMinute: number;
  minutes: number[];
  arrivalsPerHour: number[];
};

/** Machines at one site; also bounds the exact model's state space. */
export const MAX_MACHINES = 10_000;
/** A week of hours: more than any opening window, enough for a run of days given hour by hour. */
const MAX_HOURS = 168;
/**
 * Steps × states of the exact model a day may need (about a second's work): a day beyond it is
 * refused rather than left to run for minutes. The field's busiest site-day is far below.
 */
const MAX_MODEL_WORK = 5e8;

const VISITORS: NumberRule = Object.freeze({ min: 0, max: 10_000_000 });
const RATE: NumberRule = Object.freeze({ min: 0, max: 1_000_000 });
const SERVICE_MINUTES: NumberRule = Object.freeze({ min: 0, minExclusive: true, max: MINUTES_PER_DAY });
const SERVICE_CV: NumberRule = Object.freeze({ min: 0, max: MAX_SERVICE_CV });
const WITHIN: NumberRule = Object.freeze({ min: 0, max: MINUTES_PER_DAY });
const PERCENTILE: NumberRule = Object.freeze({ min: 0, max: 1, minExclusive: true, maxExclusive: true });
const MACHINES: NumberRule = Object.freeze({ min: 0, max: MAX_MACHINES, integer: true });

const given = (value: unknown) => value !== undefined && value !== null;

/** Share of the daily profile falling in [from, to) minutes (may pass midnight). */
export function shareBetween(shares: readonly number[], from: number, to: number): number {
  let total = 0;
  let t = from;
  while (t < to) {
    const end = Math.min((Math.floor(t / 60) + 1) * 60, to);
    total += ((shares[Math.floor(t / 60) % 24] as number) * (end - t)) / 60;
    t = end;
  }
  return total;
}

/** Lengths of the clock hours a window touches: 07:30–22:00 is 30, 60 × 14. */
function windowMinutes(openMinute: number, closeMinute: number): number[] {
  const minutes: number[] = [];
  for (let start = openMinute; start < closeMinute; ) {
    const end = Math.min((Math.floor(start / 60) + 1) * 60, closeMinute);
    minutes.push(end - start);
    start = end;
  }
  return minutes;
}

/** `visitors` spread over a window by the profile's shares, those of closed hours moved pro rata to open ones. */
export function windowPeriods(
  visitors: number,
  shares: readonly number[],
  openMinute: number,
  closeMinute: number,
): SitePeriods {
  const minutes = windowMinutes(openMinute, closeMinute);
  const openShare = shareBetween(shares, openMinute, closeMinute);
  const arrivalsPerHour: number[] = [];
  let start = openMinute;
  for (const length of minutes) {
    const arrivals = openShare > 0 ? (visitors * shareBetween(shares, start, start + length)) / openShare : 0;
    arrivalsPerHour.push((arrivals * 60) / length);
    start += length;
  }
  return { startMinute: openMinute, minutes, arrivalsPerHour };
}

/** Reads `dailyVisitors`/`profile`/`hours` or `arrivalsPerHour`/`hours` into periods. */
export function readSiteArrivals(record: Record<string, unknown>): SitePeriods {
  const byVisitors = given(record.dailyVisitors);
  const byRates = given(record.arrivalsPerHour);
  if (byVisitors === byRates) {
    throw new PlanningInputError({
      path: byVisitors ? 'arrivalsPerHour' : 'dailyVisitors',
      code: byVisitors ? 'conflict' : 'required',
      expected: 'given alone: either dailyVisitors (with hours and a profile) or arrivalsPerHour',
      received: byVisitors ? record.arrivalsPerHour : record.dailyVisitors,
    });
  }
  const window = given(record.hours) ? resolveOpeningWindow(record.hours, 'hours') : null;
  if (window !== null && window.closeMinute === window.openMinute) {
    throw new PlanningInputError({
      path: 'hours',
      code: 'range',
      expected: 'a window at least one minute long',
      received: record.hours,
    });
  }
  if (byVisitors) {
    const visitors = requireNumber(record.dailyVisitors, 'dailyVisitors', VISITORS);
    if (window === null) {
      throw new PlanningInputError({
        path: 'hours',
        code: 'required',
        expected: 'the opening window over which dailyVisitors come',
        received: record.hours,
      });
    }
    const shares = arrivalProfile(record.profile ?? 'mixed', 'profile');
    if (visitors > 0 && shareBetween(shares, window.openMinute, window.closeMinute) === 0) {
      throw new PlanningInputError({
        path: 'profile',
        code: 'range',
        expected: 'weights that are not all zero within the opening hours',
        received: record.profile ?? 'mixed',
      });
    }
    return windowPeriods(visitors, shares, window.openMinute, window.closeMinute);
  }
  if (given(record.profile)) {
    throw new PlanningInputError({
      path: 'profile',
      code: 'conflict',
      expected: 'absent with arrivalsPerHour (a profile spreads dailyVisitors)',
      received: record.profile,
    });
  }
  const rates = requireArray(record.arrivalsPerHour, 'arrivalsPerHour');
  const minutes =
    window === null ? rates.map(() => 60) : windowMinutes(window.openMinute, window.closeMinute);
  if (rates.length === 0 || rates.length > MAX_HOURS || rates.length !== minutes.length) {
    throw new PlanningInputError({
      path: 'arrivalsPerHour',
      code: rates.length === 0 || rates.length > MAX_HOURS ? 'range' : 'conflict',
      expected:
        window === null
          ? `1 to ${MAX_HOURS} hourly rates`
          : `one rate per clock hour of the opening hours (${minutes.length})`,
      received: rates,
    });
  }
  return {
    startMinute: window?.openMinute ?? 0,
    minutes,
    arrivalsPerHour: rates.map((r, i) => requireNumber(r, `arrivalsPerHour[${i}]`, RATE)),
  };
}

/** The queue's service: `service` read by `machineCapacity` (one service time for the queue, breakdowns and hard cases included), or `serviceMinutes`/`serviceCv`. */
export function readQueueService(record: Record<string, unknown>): {
  serviceMinutes: number;
  serviceCv: number;
} {
  if (given(record.service)) {
    for (const field of ['serviceMinutes', 'serviceCv'] as const) {
      if (given(record[field])) {
        throw new PlanningInputError({
          path: field,
          code: 'conflict',
          expected: 'absent when service is given (its minutesPerDossier and serviceCv say it)',
          received: record[field],
        });
      }
    }
    const capacity = machineCapacity(record.service, 'service');
    if (capacity.effectiveServiceCv > MAX_SERVICE_CV) {
      throw new PlanningInputError({
        path: 'service.serviceCv',
        code: 'range',
        expected: `a service whose time varies with a cv of at most ${MAX_SERVICE_CV}`,
        received: isRecord(record.service) ? record.service.serviceCv : record.service,
      });
    }
    // Breakdowns stretch each dossier's time on average by 1 / availability.
    return { serviceMinutes: 60 / capacity.dossiersPerMachineHour, serviceCv: capacity.effectiveServiceCv };
  }
  if (!given(record.serviceMinutes)) {
    throw new PlanningInputError({
      path: 'serviceMinutes',
      code: 'required',
      expected: 'the mean minutes per dossier (or a service)',
      received: record.serviceMinutes,
    });
  }
  return {
    serviceMinutes: requireNumber(record.serviceMinutes, 'serviceMinutes', SERVICE_MINUTES),
    serviceCv: optionalNumber(record.serviceCv, 'serviceCv', SERVICE_CV) ?? 1,
  };
}

/** `target`, and the wait counted in the share and the percentile reported. */
export function readWaitFigures(
  record: Record<string, unknown>,
  targetRequired: boolean,
): { target: ResolvedTarget | null; withinMinutes: number; percentile: number } {
  const target = targetRequired || given(record.target) ? readTarget(record.target, 'target') : null;
  const within = optionalNumber(record.withinMinutes, 'withinMinutes', WITHIN);
  if (target?.withinMinutes !== undefined && within !== undefined && within !== target.withinMinutes) {
    throw new PlanningInputError({
      path: 'withinMinutes',
      code: 'conflict',
      expected: `the target's serviceLevel.withinMinutes (${target.withinMinutes}) or absent`,
      received: within,
    });
  }
  return {
    target,
    withinMinutes: target?.withinMinutes ?? within ?? 30,
    percentile: optionalNumber(record.percentile, 'percentile', PERCENTILE) ?? 0.9,
  };
}

/** `machinesOpen`: one count or one per period; the last hour must have a machine to serve those still waiting. */
export function readMachinesOpen(value: unknown, periods: SitePeriods): number[] {
  const count = periods.minutes.length;
  let machines: number[];
  if (Array.isArray(value)) {
    if (value.length !== count) {
      throw new PlanningInputError({
        path: 'machinesOpen',
        code: 'conflict',
        expected: `one count per clock hour (${count}) or a single count`,
        received: value,
      });
    }
    machines = value.map((m, i) => requireNumber(m, `machinesOpen[${i}]`, MACHINES));
  } else {
    machines = new Array(count).fill(requireNumber(value, 'machinesOpen', MACHINES));
  }
  if ((machines.at(-1) as number) === 0 && periods.arrivalsPerHour.some((r) => r > 0)) {
    throw new PlanningInputError({
      path: Array.isArray(value) ? `machinesOpen[${count - 1}]` : 'machinesOpen',
      code: 'range',
      expected: 'at least 1 machine in the last hour, which serves those still waiting at closing',
      received: 0,
    });
  }
  return machines;
}

/**
 * Refuses a day whose exact solution would take more than {@link MAX_MODEL_WORK}: the steps of
 * the uniformised chain (arrivals plus services) times the states it may spread over (machines,
 * plus the queue a fluid view of the day builds, plus its randomness).
 */
export function checkModelWork(
  periods: SitePeriods,
  machines: readonly number[],
  serviceMinutes: number,
  path: string,
): void {
  let steps = 0;
  let queue = 0;
  let peakQueue = 0;
  let arrivals = 0;
  periods.minutes.forEach((length, p) => {
    const rate = (periods.arrivalsPerHour[p] as number) / 60;
    const capacity = (machines[p] as number) / serviceMinutes;
    steps += (rate + capacity) * length;
    arrivals += rate * length;
    queue = Math.max(0, queue + (rate - capacity) * length);
    peakQueue = Math.max(peakQueue, queue);
  });
  const states = Math.max(...machines) + peakQueue + 20 * Math.sqrt(arrivals) + 50;
  if (steps * states > MAX_MODEL_WORK) {
    throw new PlanningInputError({
      path,
      code: 'range',
      expected: `a day the exact queue model solves within ${MAX_MODEL_WORK.toExponential()} steps (fewer arrivals, or machines enough to keep the queue within thousands)`,
      received: Math.round(arrivals),
    });
  }
}
