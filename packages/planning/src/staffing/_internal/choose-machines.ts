import type { MomentPlan } from '../../queueing/_internal/arrival-wait.ts';
import type { Snapshot } from '../../queueing/_internal/birth-death-chain.ts';
import { type ResolvedTarget, serversForTargetUnchecked } from '../../queueing/_internal/target.ts';
import { type PeriodRun, type TransientDay, TransientRun } from '../../queueing/_internal/transient-day.ts';
import { meetsTarget } from './describe-day.ts';
import { MAX_MACHINES, type SitePeriods } from './site-day.ts';

export type MachineBounds = { available: number; minimum: number };

export type MachineChoice = { open: number[]; needed: number[]; day: TransientDay };

type Figures = { target: ResolvedTarget; withinMinutes: number; percentile: number };

/** Rounds of repair at most, each a whole day run again; a plan rarely needs more than one. */
const MAX_REPAIRS = 48;

/**
 * Machines per hour, hour by hour: the fewest that meet the target for the hour's arrivals with
 * the queue carried in, judged as if they stayed open until those arrivals are served (the next
 * hours are not chosen yet), within `minimum` and `available`. The day is then solved with the
 * machines chosen; where an hour misses the target only because a later hour opens fewer
 * machines, that later hour gets one more and the hours from there are chosen again.
 */
export function chooseMachines(
  periods: SitePeriods,
  service: { serviceMinutes: number; serviceCv: number },
  figures: Figures,
  bounds: MachineBounds,
): MachineChoice {
  const count = periods.minutes.length;
  const floors = new Array<number>(count).fill(0);
  const anyArrivals = periods.arrivalsPerHour.some((r) => r > 0);
  const rateOf = 1 / service.serviceMinutes;
  const run = new TransientRun(rateOf, (1 + service.serviceCv * service.serviceCv) / 2, 0, figures);
  const chosen: Chosen = { open: [], needed: [], ends: [run.save()] };
  // A repair changes one hour's floor: the hours before it are kept as they were chosen, and the
  // day is chosen again from there.
  let from = 0;
  for (let round = 0; ; round++) {
    chooseFrom(run, from, periods, service, figures, bounds, floors, anyArrivals, chosen);
    const { open, needed } = chosen;
    const day = run.finish();
    if (round === MAX_REPAIRS) return { open: [...open], needed: [...needed], day };
    // The first hour that got what it needs and still misses the target: a later drop holds up its
    // arrivals, so the first hour after it with fewer machines keeps one more.
    let repaired = false;
    for (let p = 0; p + 1 < count && !repaired; p++) {
      const period = day.periods[p];
      if (period === undefined || period.arrivals === 0 || meetsTarget(figures.target, period)) continue;
      if ((open[p] as number) < (needed[p] as number)) continue;
      const drop = open.findIndex((machines, q) => q > p && machines < (open[p] as number));
      if (drop >= 0 && (open[drop] as number) < bounds.available) {
        floors[drop] = (open[drop] as number) + 1;
        from = drop;
        repaired = true;
      }
    }
    if (!repaired) return { open: [...open], needed: [...needed], day };
  }
}

/** The hours chosen so far, and the chain's state before each hour (`ends[p]`, before hour p). */
type Chosen = { open: number[]; needed: number[]; ends: Snapshot[] };

/** Chooses hours `from` … end, the hours before kept as chosen, the chain rewound to the start of `from`. */
function chooseFrom(
  run: TransientRun,
  from: number,
  periods: SitePeriods,
  service: { serviceMinutes: number; serviceCv: number },
  figures: Figures,
  bounds: MachineBounds,
  floors: readonly number[],
  anyArrivals: boolean,
  chosen: Chosen,
): void {
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
    // Each count tried, with the chain's state at the end of its hour, so the count chosen is not
    // run again; `last` is the one the chain is at the end of.
    const tried = new Map<number, { period: PeriodRun; end: Snapshot }>();
    let last: number | null = null;
    const runWith = (servers: number): PeriodRun => {
      const known = tried.get(servers);
      if (known !== undefined) {
        if (last !== servers) run.restore(known.end);
        last = servers;
        return known.period;
      }
      if (last !== null) run.restore(before);
      const period = run.runPeriod(servers, minutes, perHour / 60, whole);
      tried.set(servers, { period, end: run.save() });
      last = servers;
      return period;
    };
    const trial = (servers: number) => meetsIfKept(run, runWith(servers), figures);
    let need = 0;
    if (perHour > 0) {
      // One below the steady state's count: an hour that starts with little queue often needs it,
      // so the search usually proves its answer in two trials instead of three.
      const guess = Math.max(
        1,
        Math.min(
          MAX_MACHINES,
          serversForTargetUnchecked(perHour, service.serviceMinutes, service.serviceCv, figures.target) - 1,
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
  if (target.meanWaitMinutes !== undefined && !(period.meanWaitIfKept <= target.meanWaitMinutes + 1e-9))
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
