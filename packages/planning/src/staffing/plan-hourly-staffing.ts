import { requireRecord } from '../_internal/validate.ts';
import type { QueueTarget } from '../queueing/_internal/target.ts';
import { type OpeningHours, type OpeningWindow, resolveOpeningWindow } from '../time/opening-window.ts';
import { clock } from './_internal/clock.ts';
import { type ModelDay, modelDay, RHO_CAP } from './_internal/hourly-model.ts';
import { readSiteDay } from './_internal/site-day.ts';
import type { ArrivalProfileInput } from './arrival-profiles.ts';

/** A site's day: who comes, how long a dossier takes, and what waiting is acceptable. */
export type HourlyStaffingOptions = {
  /** People expected in the day (from `planCampaign`'s daily target, or given). */
  dailyVisitors: number;
  /** Default `'mixed'`. See {@link ARRIVAL_PROFILES}. */
  profile?: ArrivalProfileInput;
  /** Opening window, `HH:mm`; may pass midnight (`05:00`–`02:00`). */
  hours: OpeningHours;
  serviceMinutes: number;
  /** Default 1. */
  serviceCv?: number;
  /** Share of time a machine works (breakdowns); service capacity is scaled by it. Default 1. */
  availability?: number;
  target: QueueTarget;
  /** Machines the site has; hours that would need more are run with these and build a backlog. Default unlimited. */
  machinesAvailable?: number;
  /** Machines kept open in every open hour, even a quiet one. Default 1. */
  minMachinesOpen?: number;
};

/** One clock hour (the first and last may be partial: 07:30–08:00). */
export type StaffingHour = {
  start: string;
  end: string;
  arrivals: number;
  arrivalsPerHour: number;
  /** Fewest machines meeting the target for this hour's arrivals plus the backlog carried in. */
  machinesNeeded: number;
  /** `machinesNeeded` within `minMachinesOpen` and `machinesAvailable`. */
  machinesOpen: number;
  utilization: number;
  /** Expected people still queuing from earlier hours, at the start and end of the hour. */
  backlogAtStart: number;
  backlogAtEnd: number;
  meanWaitMinutes: number;
  p90WaitMinutes: number;
  meetsTarget: boolean;
};

export type HourlyStaffingPlan = {
  open: string;
  close: string;
  hours: StaffingHour[];
  machineHours: number;
  peakMachines: number;
  meetsTarget: boolean;
  worstMeanWaitMinutes: number;
  worstP90WaitMinutes: number;
  closing: {
    /** Expected people still waiting at closing time. */
    stillQueuing: number;
    /** Those still waiting at closing arrived from this time on (first come, first served); null when nobody waits. */
    arrivedSince: string | null;
    /** Minutes after closing until they are all served with the last hour's machines. */
    minutesToClear: number;
  };
  assumptions: string[];
};

/** Never handed out: each plan gets its own copy (a plain array, which copies faster than a frozen one). */
const ASSUMPTIONS: readonly string[] = [
  'Arrivals are Poisson at a constant rate within each clock hour, shaped by the arrival profile; visitors whose preferred hour is closed come at an open hour in the same proportions.',
  'Waiting in each hour is the stationary M/G/c wait at that hour’s load (Erlang C, Allen–Cunneen for service cv ≠ 1) plus the wait behind any backlog carried from earlier hours (a fluid queue, first come first served).',
  `The random part of the wait is taken at no more than ${RHO_CAP * 100} % utilisation; load beyond the machines’ capacity becomes backlog (stationary backlog carryover).`,
  'Breakdowns lower each machine’s capacity by its availability.',
];

/**
 * Machines per clock hour for a site's day so that waits meet the target, with the mean and 90th
 * percentile wait, utilisation, and the queue that a peak beyond the machines available carries
 * into the next hours and past closing. The time-varying part is a fluid backlog model checked
 * against `simulateQueue`.
 *
 * @example
 * const plan = planHourlyStaffing({ dailyVisitors: 500, hours: { open: '07:30', close: '22:00' },
 *   serviceMinutes: 3.48, machinesAvailable: 2, target: { meanWaitMinutes: 15 } });
 * [plan.meetsTarget, plan.peakMachines] // => [false, 2]  (Hưng Nguyên: 2 scanners cannot keep waits under 15 minutes)
 */
export function planHourlyStaffing(options: HourlyStaffingOptions): HourlyStaffingPlan {
  const record = requireRecord(options, 'options');
  const site = readSiteDay(record);
  const window = readWindow(record.hours);
  const day = modelDay(site, window.openMinute, window.closeMinute);
  return describePlan(day, window.openMinute, window.closeMinute);
}

/** The last window read: a batch over many sites usually gives the same `open` and `close` strings. */
let lastWindow: { open: string; close: string; window: OpeningWindow } | undefined;

/** `resolveOpeningWindow(hours, 'hours')`, remembering the last pair of strings it accepted. */
function readWindow(hours: unknown): OpeningWindow {
  if (typeof hours === 'object' && hours !== null && !Array.isArray(hours) && lastWindow !== undefined) {
    const { open, close } = hours as Record<string, unknown>;
    if (open === lastWindow.open && close === lastWindow.close) return lastWindow.window;
  }
  const window = resolveOpeningWindow(hours, 'hours');
  const { open, close } = hours as { open: string; close: string };
  lastWindow = { open, close, window: Object.freeze({ ...window }) };
  return window;
}

export function describePlan(day: ModelDay, openMinute: number, closeMinute: number): HourlyStaffingPlan {
  let peak = 0;
  let worstMean = 0;
  let worstP90 = 0;
  for (const h of day.hours) {
    peak = Math.max(peak, h.machinesOpen);
    worstMean = Math.max(worstMean, h.meanWaitMinutes);
    worstP90 = Math.max(worstP90, h.p90WaitMinutes);
  }
  return {
    open: clock(openMinute, false),
    close: clock(closeMinute, true),
    hours: day.hours,
    machineHours: day.machineHours,
    peakMachines: peak,
    meetsTarget: day.allMeetTarget,
    worstMeanWaitMinutes: worstMean,
    worstP90WaitMinutes: worstP90,
    closing: closingQueue(day, closeMinute),
    assumptions: ASSUMPTIONS.slice(),
  };
}

function closingQueue(day: ModelDay, closeMinute: number): HourlyStaffingPlan['closing'] {
  const waiting = day.queueAtClosing;
  if (waiting <= 1e-9) return { stillQueuing: 0, arrivedSince: null, minutesToClear: 0 };
  // First come, first served: those waiting at closing are the last `waiting` to arrive.
  let remaining = waiting;
  let since = day.startMinutes[0] ?? closeMinute;
  for (let i = day.hours.length - 1; i >= 0; i--) {
    const slot = day.hours[i];
    if (slot === undefined) break;
    if (slot.arrivals >= remaining) {
      since =
        (day.startMinutes[i] as number) + (day.slotMinutes[i] as number) * (1 - remaining / slot.arrivals);
      break;
    }
    remaining -= slot.arrivals;
  }
  const capacity = day.capacityAtClosingPerHour;
  return {
    stillQueuing: waiting,
    arrivedSince: clock(Math.floor(since), false),
    minutesToClear: capacity > 0 ? (waiting / capacity) * 60 : Number.POSITIVE_INFINITY,
  };
}
