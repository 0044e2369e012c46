import { erlangCUnchecked } from '../../queueing/_internal/erlang.ts';
import { type ResolvedTarget, serversForTargetUnchecked } from '../../queueing/_internal/target.ts';
import { allenCunneenFactor, meanWait, type WaitLaw, waitPercentile } from '../../queueing/_internal/wait.ts';
import type { StaffingHour } from '../plan-hourly-staffing.ts';
import { clock } from './clock.ts';

/**
 * Stationary-backlog-carryover cap (after Stolletz 2008): the random part of the wait is taken at
 * no more than this utilisation; anything beyond the machines' capacity is carried as backlog
 * instead, so a slot just under saturation does not get an infinite steady-state wait it would
 * never reach within one hour.
 */
export const RHO_CAP = 0.95;
/** Points over a slot at which the fluid backlog is sampled for percentiles and service levels. */
const SUB_STEPS = 12;

/** A site's day without its opening window. */
export type SiteDemand = Omit<SiteDay, 'openMinute' | 'closeMinute'>;

export type SiteDay = {
  visitors: number;
  shares: readonly number[];
  openMinute: number;
  closeMinute: number;
  serviceMinutes: number;
  serviceCv: number;
  availability: number;
  target: ResolvedTarget;
  maxMachines: number;
  minMachines: number;
};

export type ModelDay = {
  /** The clock hours as `planHourlyStaffing` reports them. */
  hours: StaffingHour[];
  /** Start of each hour, in minutes after the opening day's midnight. */
  startMinutes: number[];
  /** Length of each hour in minutes (the first and last may be partial). */
  slotMinutes: number[];
  /** Expected people waiting at closing: the carried backlog plus the random queue of the last slot. */
  queueAtClosing: number;
  backlogAtClosing: number;
  capacityAtClosingPerHour: number;
  machineHours: number;
  allMeetTarget: boolean;
};

/** Share of the daily profile falling in [from, to) minutes (may pass midnight). */
export function shareBetween(shares: readonly number[], from: number, to: number): number {
  let total = 0;
  let t = from;
  while (t < to) {
    const hourEnd = (Math.floor(t / 60) + 1) * 60;
    const end = Math.min(hourEnd, to);
    total += ((shares[Math.floor(t / 60) % 24] as number) * (end - t)) / 60;
    t = end;
  }
  return total;
}

/**
 * The hour-by-hour model: a fluid queue (arrivals minus capacity, never negative) carries any
 * excess from one clock hour to the next, first come first served, so an arrival at t waits
 * Q(t) ÷ capacity for the backlog; on top of that, the random wait of a stationary M/G/c queue at
 * the hour's own load (Erlang C with Allen–Cunneen), capped at {@link RHO_CAP}.
 */
export function modelDay(day: SiteDemand, openMinute: number, closeMinute: number): ModelDay {
  const openShare = shareBetween(day.shares, openMinute, closeMinute);
  const effectiveService = day.serviceMinutes / day.availability;
  const hoursOut: StaffingHour[] = [];
  const startMinutes: number[] = [];
  const slotMinutes: number[] = [];
  let backlog = 0;
  let machineHours = 0;
  let allMeet = true;
  let lastCapacity = 0;
  let randomQueue = 0;
  for (let start = openMinute; start < closeMinute; ) {
    const end = Math.min((Math.floor(start / 60) + 1) * 60, closeMinute);
    const hours = (end - start) / 60;
    // Visitors keep their preferred hour when open; those whose hour is closed come at another
    // open hour in the same proportions, so the day's total is kept.
    const arrivals = openShare > 0 ? (day.visitors * shareBetween(day.shares, start, end)) / openShare : 0;
    const rate = arrivals / hours;
    const effectiveRate = rate + backlog / hours;
    const needed = serversForTargetUnchecked(effectiveRate, effectiveService, day.serviceCv, day.target);
    const open = Math.min(Math.max(needed, day.minMachines), day.maxMachines);
    const capacity = open === 0 ? 0 : (open * 60) / effectiveService;
    const backlogEnd = Math.max(0, backlog + (rate - capacity) * hours);
    const randomRate = Math.min(rate, RHO_CAP * capacity);
    const fluid = fluidWaits(backlog, rate, capacity, hours);
    const random = transientRandomPart(
      randomQueue,
      randomRate,
      effectiveService,
      open,
      day.serviceCv,
      fluid,
      hours,
    );
    const law = random.law;
    const stuck = open === 0 && arrivals > 0;
    const meanWaitMinutes = stuck ? Number.POSITIVE_INFINITY : fluid.mean + meanWait(law);
    const p90WaitMinutes = stuck ? Number.POSITIVE_INFINITY : mixturePercentile(fluid, law, 0.9);
    const served = arrivals + backlog - backlogEnd;
    const utilization = capacity === 0 ? 0 : Math.min(1, served / (capacity * hours));
    const meets = !stuck && slotMeets(day.target, meanWaitMinutes, fluid, law, utilization);
    startMinutes.push(start);
    slotMinutes.push(end - start);
    hoursOut.push({
      start: clock(start, false),
      end: clock(end, true),
      arrivals,
      arrivalsPerHour: rate,
      machinesNeeded: needed,
      machinesOpen: open,
      utilization,
      backlogAtStart: backlog,
      backlogAtEnd: backlogEnd,
      meanWaitMinutes,
      p90WaitMinutes,
      meetsTarget: meets,
    });
    allMeet &&= meets;
    machineHours += open * hours;
    backlog = backlogEnd;
    lastCapacity = capacity;
    randomQueue = random.queueAtEnd;
    start = end;
  }
  return {
    hours: hoursOut,
    startMinutes,
    slotMinutes,
    queueAtClosing: backlog + randomQueue,
    backlogAtClosing: backlog,
    capacityAtClosingPerHour: lastCapacity,
    machineHours,
    allMeetTarget: allMeet,
  };
}

/**
 * The random (non-backlog) queue does not jump to its stationary level at the start of an hour:
 * it relaxes towards it exponentially with time constant τ = S / (c(1 − ρ)), from the level it had at
 * the end of the previous hour. (Odoni & Roth's asymptotic relaxation time S / (c(1 − √ρ)²) is
 * the slowest mode and left the light hours far below the simulator; this first-order constant
 * tracked it within a few minutes.) While a backlog
 * persists all hour the machines never idle and the backlog is the queue, so the random level
 * relaxes towards zero. The wait law keeps Erlang C's shape, scaled to the transient mean
 * (Little's law: wait = level ÷ arrival rate).
 */
function transientRandomPart(
  startLevel: number,
  randomRate: number,
  serviceMinutes: number,
  servers: number,
  serviceCv: number,
  fluid: Fluid,
  hours: number,
): { law: WaitLaw; queueAtEnd: number } {
  if (servers === 0 || randomRate === 0) return { law: NO_WAIT, queueAtEnd: 0 };
  // The stationary wait law of `waitLawUnchecked(randomRate, serviceMinutes, servers, serviceCv)`
  // and its `meanWait`, without building the law.
  const load = (randomRate * serviceMinutes) / 60;
  const stable = load < servers;
  const stationaryC = erlangCUnchecked(servers, load);
  const stationaryRate = stable ? (servers - load) / (serviceMinutes * allenCunneenFactor(serviceCv)) : 0;
  const stationaryWait = !stable
    ? Number.POSITIVE_INFINITY
    : stationaryC === 0
      ? 0
      : stationaryC / stationaryRate;
  const overloadedAllHour = fluid.emptyAfter === 1;
  const targetLevel = overloadedAllHour ? 0 : (randomRate * stationaryWait) / 60;
  const tau = serviceMinutes / (servers * (1 - load / servers));
  const minutes = hours * 60;
  const decay = Math.exp(-minutes / tau);
  const meanLevel = targetLevel + ((startLevel - targetLevel) * tau * (1 - decay)) / minutes;
  const queueAtEnd = targetLevel + (startLevel - targetLevel) * decay;
  const wait = (meanLevel * 60) / randomRate;
  if (wait <= 0 || stationaryWait <= 0) return { law: NO_WAIT, queueAtEnd };
  const probabilityOfWait = Math.min(1, stationaryC * (wait / stationaryWait));
  return { law: { probabilityOfWait, rate: probabilityOfWait / wait, stable: true }, queueAtEnd };
}

/** The fluid part of the wait over a slot: start and end waits in minutes, and where the backlog empties. */
type Fluid = { mean: number; startWait: number; endWait: number; emptyAfter: number };

/** No backlog all slot (shared: never mutated). */
const NO_FLUID: Fluid = Object.freeze({ mean: 0, startWait: 0, endWait: 0, emptyAfter: 0 });
/** Nobody waits (shared: never mutated). */
const NO_WAIT: WaitLaw = Object.freeze({ probabilityOfWait: 0, rate: 1, stable: true });

function fluidWaits(backlog: number, rate: number, capacity: number, hours: number): Fluid {
  if (capacity === 0 || (backlog === 0 && rate <= capacity)) return NO_FLUID;
  const startWait = (backlog / capacity) * 60;
  const drain = capacity - rate;
  const emptyAfter = drain > 0 ? Math.min(1, backlog / drain / hours) : 1;
  const endWait = (Math.max(0, backlog - drain * hours) / capacity) * 60;
  const waitAtEmpty = emptyAfter < 1 ? 0 : endWait;
  return { mean: emptyAfter * ((startWait + waitAtEmpty) / 2), startWait, endWait: waitAtEmpty, emptyAfter };
}

function fluidAt(fluid: Fluid, fractionOfSlot: number): number {
  if (fluid.emptyAfter === 0 || fractionOfSlot >= fluid.emptyAfter) return 0;
  return fluid.startWait + ((fluid.endWait - fluid.startWait) * fractionOfSlot) / fluid.emptyAfter;
}

/** P(wait ≤ x) for an arrival at a uniformly random moment of the slot. */
function mixtureCdf(fluid: Fluid, law: WaitLaw, x: number): number {
  if (fluid.emptyAfter === 0) return 1 - law.probabilityOfWait * Math.exp(-law.rate * x);
  let total = 0;
  for (let i = 0; i < SUB_STEPS; i++) {
    const rest = x - fluidAt(fluid, (i + 0.5) / SUB_STEPS);
    if (rest >= 0) total += 1 - law.probabilityOfWait * Math.exp(-law.rate * rest);
  }
  return total / SUB_STEPS;
}

function mixturePercentile(fluid: Fluid, law: WaitLaw, p: number): number {
  if (fluid.emptyAfter === 0) return waitPercentile(law, p);
  let low = 0;
  let high = Math.max(fluid.startWait, fluid.endWait) + waitPercentile(law, p) + 1e-9;
  for (let i = 0; i < 50 && high - low > 1e-6; i++) {
    const mid = (low + high) / 2;
    if (mixtureCdf(fluid, law, mid) >= p) high = mid;
    else low = mid;
  }
  return high;
}

function slotMeets(
  target: ResolvedTarget,
  meanWaitMinutes: number,
  fluid: Fluid,
  law: WaitLaw,
  utilization: number,
) {
  if (target.meanWaitMinutes !== undefined && meanWaitMinutes > target.meanWaitMinutes) return false;
  if (target.withinMinutes !== undefined && target.fraction !== undefined) {
    if (mixtureCdf(fluid, law, target.withinMinutes) < target.fraction) return false;
  }
  if (target.maxUtilization !== undefined && utilization > target.maxUtilization + 1e-12) return false;
  return true;
}
