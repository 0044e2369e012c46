import type { MomentPlan } from '../../queueing/_internal/arrival-wait.ts';
import type { Snapshot } from '../../queueing/_internal/birth-death-chain.ts';
import { type ResolvedTarget, serversForTargetUnchecked } from '../../queueing/_internal/target.ts';
import { type PeriodRun, type TransientDay, TransientRun } from '../../queueing/_internal/transient-day.ts';
import { meetsTarget } from './describe-day.ts';
import { MAX_MACHINES, type SitePeriods } from './site-day.ts';

export type MachineBounds = { available: number; minimum: number };

export type MachineChoice = { open: number[]; needed: number[]; day: TransientDay };

type Figures = { target: ResolvedTarget; withinMinutes: number; percentile: number };

/** Where the chain is after a trial given up: nowhere (a count is never negative). */
const GAVE_UP = -1;

/** Minutes of slack on a mean-wait target: the model's rounding must not flip an hour that meets it exactly. */
const MEAN_SLACK = 1e-9;

/** Days chosen again at most while repairing, each from the repaired hour on; a plan rarely needs more than a few. */
const MAX_REPAIRS = 48;

/**
 * Machines per hour, hour by hour: the fewest that meet the target for the hour's arrivals with
 * the queue carried in, judged as if they stayed open until those arrivals are served (the next
 * hours are not chosen yet), within `minimum` and `available`. The day is then solved with the
 * machines chosen; where an hour misses the target only because a later hour opens fewer
 * machines, that later hour keeps more — the fewest with which the earlier hour meets it, found
 * by bisection between the count it had and the earlier hour's — and the hours from there are
 * chosen again.
 */
export function chooseMachines(
  periods: SitePeriods,
  service: { serviceMinutes: number; serviceCv: number },
  figures: Figures,
  bounds: MachineBounds,
): MachineChoice {
  const floors = new Array<number>(periods.minutes.length).fill(0);
  const anyArrivals = periods.arrivalsPerHour.some((r) => r > 0);
  const rateOf = 1 / service.serviceMinutes;
  const run = new TransientRun(rateOf, (1 + service.serviceCv * service.serviceCv) / 2, 0, figures);
  const chosen: Chosen = { open: [], needed: [], ends: [run.save()] };
  const context: Context = { run, periods, service, figures, bounds, floors, anyArrivals, chosen };
  // A repair changes one hour's floor: the hours before it are kept as they were chosen, and the
  // day is chosen again from there, each hour's search starting from what it needed before.
  let repairs = 0;
  let day = chooseDayFrom(context, 0, []);
  for (;;) {
    const { open, needed } = chosen;
    const fault = repairs < MAX_REPAIRS ? findFault(day, open, needed, figures, bounds) : null;
    if (fault === null) return { open: [...open], needed: [...needed], day };
    const { hour, drop } = fault;
    // The drop keeps at most the earlier hour's count (beyond it, it is no longer a drop), and
    // the fewest that let that hour meet its target, if any does: more machines never wait
    // longer, so the hour meets from some count on.
    let failing = open[drop] as number;
    let passing = Math.min(open[hour] as number, bounds.available);
    const meetsWith = (floor: number): boolean => {
      floors[drop] = floor;
      repairs++;
      day = chooseDayFrom(context, drop, [...needed]);
      const period = day.periods[hour];
      return period === undefined || meetsTarget(figures.target, period);
    };
    if (!meetsWith(passing)) continue;
    let atPassing = true;
    while (passing - failing > 1 && repairs < MAX_REPAIRS) {
      const middle = Math.floor((failing + passing) / 2);
      atPassing = meetsWith(middle);
      if (atPassing) passing = middle;
      else failing = middle;
    }
    if (!atPassing) meetsWith(passing);
  }
}

type Context = {
  run: TransientRun;
  periods: SitePeriods;
  service: { serviceMinutes: number; serviceCv: number };
  figures: Figures;
  bounds: MachineBounds;
  floors: number[];
  anyArrivals: boolean;
  chosen: Chosen;
};

/** Chooses the hours from `from` on and solves the day; `hints[p]` is where hour p's search starts. */
function chooseDayFrom(context: Context, from: number, hints: readonly number[]): TransientDay {
  chooseFrom(context, from, hints);
  return context.run.finish();
}

/**
 * The first hour that got what it needs and still misses the target because a later hour opens
 * fewer machines (the first such later hour is the drop), if the drop can open more.
 */
function findFault(
  day: TransientDay,
  open: readonly number[],
  needed: readonly number[],
  figures: Figures,
  bounds: MachineBounds,
): { hour: number; drop: number } | null {
  for (let p = 0; p + 1 < open.length; p++) {
    const period = day.periods[p];
    if (period === undefined || period.arrivals === 0 || meetsTarget(figures.target, period)) continue;
    if ((open[p] as number) < (needed[p] as number)) continue;
    const drop = open.findIndex((machines, q) => q > p && machines < (open[p] as number));
    if (drop >= 0 && (open[drop] as number) < bounds.available) return { hour: p, drop };
    // No later hour can mend this one's misses: it is left as it is.
  }
  return null;
}

/** The hours chosen so far, and the chain's state before each hour (`ends[p]`, before hour p). */
type Chosen = { open: number[]; needed: number[]; ends: Snapshot[] };

/** Chooses hours `from` … end, the hours before kept as chosen, the chain rewound to the start of `from`. */
function chooseFrom(context: Context, from: number, hints: readonly number[]): void {
  const { run, periods, service, figures, bounds, floors, anyArrivals, chosen } = context;
  const count = periods.minutes.length;
  run.rewind(from, chosen.ends[from] as Snapshot);
  const { open, needed, ends } = chosen;
  open.length = from;
  needed.length = from;
  ends.length = from + 1;
  for (let p = from; p < count; p++) {
    const minutes = periods.minutes[p] as number;
    const perHour = periods.arrivalsPerHour[p] as number;
    const whole: MomentPlan = { averagedUntil: minutes, moments: [] };
    const before = run.save();
    // Each count tried, with the chain's state at the end of its hour (none for a trial given up
    // part way), so the count chosen is not run again; `last` is the one the chain is at the end of.
    const tried = new Map<number, { period: PeriodRun; end: Snapshot | null }>();
    let last: number | null = null;
    const runWith = (servers: number, giveUpAbove = Number.POSITIVE_INFINITY): PeriodRun => {
      const known = tried.get(servers);
      // A trial given up answers the same trial again; a count kept is run whole.
      if (known !== undefined && known.end === null && giveUpAbove < Number.POSITIVE_INFINITY)
        return known.period;
      if (known !== undefined && known.end !== null) {
        if (last !== servers) run.restore(known.end);
        last = servers;
        return known.period;
      }
      if (last !== null) run.restore(before);
      const period = run.runPeriod(servers, minutes, perHour / 60, whole, giveUpAbove);
      tried.set(servers, { period, end: period.gaveUp ? null : run.save() });
      // A run given up leaves the chain with no distribution: the next one starts from `before`.
      last = period.gaveUp ? GAVE_UP : servers;
      return period;
    };
    const meanTarget = figures.target.meanWaitMinutes;
    const giveUpAbove = meanTarget === undefined ? Number.POSITIVE_INFINITY : meanTarget + 2 * MEAN_SLACK;
    const trial = (servers: number) => meetsIfKept(run, runWith(servers, giveUpAbove), figures);
    let need = 0;
    if (perHour > 0) {
      // What the hour needed when the day was last chosen, else one below the steady state's
      // count (an hour that starts with little queue often needs it): the search usually proves
      // its answer in two trials.
      const hint = hints[p];
      const guess =
        hint !== undefined && hint >= 1
          ? Math.min(hint, MAX_MACHINES)
          : Math.max(
              1,
              Math.min(
                MAX_MACHINES,
                serversForTargetUnchecked(
                  perHour,
                  service.serviceMinutes,
                  service.serviceCv,
                  figures.target,
                ) - 1,
              ),
            );
      need = fewestMeeting(trial, guess);
    }
    const lower = Math.max(bounds.minimum, floors[p] as number, p === count - 1 && anyArrivals ? 1 : 0);
    const machines = Math.min(bounds.available, Math.max(need, lower));
    run.keep(runWith(machines));
    open.push(machines);
    needed.push(need);
    ends.push(run.save());
  }
}

/** Whether the hour just run meets the target, its machines kept until its arrivals are served. */
function meetsIfKept(run: TransientRun, period: PeriodRun, figures: Figures): boolean {
  const { target } = figures;
  if (target.meanWaitMinutes !== undefined && !(period.meanWaitIfKept <= target.meanWaitMinutes + MEAN_SLACK))
    return false;
  if (target.maxUtilization !== undefined) {
    const utilization = period.servers === 0 ? 1 : period.busyMinutes / (period.servers * period.minutes);
    if (utilization > target.maxUtilization + 1e-9) return false;
  }
  if (target.fraction !== undefined && target.withinMinutes !== undefined) {
    if (period.servers === 0) return false;
    if (1 - run.shareIfKept(period, target.withinMinutes) < target.fraction - 1e-9) return false;
  }
  return true;
}

/**
 * The fewest machines (≥ 1) for which `meets` holds, searching out from `guess`: down one at a
 * time while it holds, or up by doubling steps and then halving. More machines never wait longer,
 * so `meets` only turns from false to true as the count grows.
 */
function fewestMeeting(meets: (servers: number) => boolean, guess: number): number {
  if (meets(guess)) {
    let c = guess;
    while (c > 1 && meets(c - 1)) c--;
    return c;
  }
  let failing = guess;
  let step = 1;
  let passing = Math.min(MAX_MACHINES, guess + step);
  while (passing < MAX_MACHINES && !meets(passing)) {
    failing = passing;
    step *= 2;
    passing = Math.min(MAX_MACHINES, guess + step);
  }
  if (passing === MAX_MACHINES && !meets(passing)) return MAX_MACHINES;
  while (passing - failing > 1) {
    const middle = Math.floor((failing + passing) / 2);
    if (meets(middle)) passing = middle;
    else failing = middle;
  }
  return passing;
}
