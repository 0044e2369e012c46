import {
  type ArrivalMoment,
  type MomentPlan,
  planMoments,
  shareWaitingLonger,
  WaitScratch,
  waitPercentile,
} from './arrival-wait.ts';
import { BirthDeathChain, type Snapshot } from './birth-death-chain.ts';
import { type DaySchedule, remainingWaitTotals } from './remaining-wait.ts';

export type { DaySchedule } from './remaining-wait.ts';

/** What the model says about the people arriving in one period. */
export type TransientPeriod = {
  arrivals: number;
  meanWaitMinutes: number;
  shareWaitingLonger: number;
  waitPercentileMinutes: number;
  /** Expected dossiers waiting (not in service) just after the period's machines took over, and at its end. */
  queueAtStart: number;
  queueAtEnd: number;
  /** Expected busy share of the period's machine-minutes. */
  utilization: number;
};

export type TransientDay = {
  periods: TransientPeriod[];
  arrivals: number;
  meanWaitMinutes: number;
  shareWaitingLonger: number;
  waitingAtClose: number;
  /** Expected minutes after closing until the last of those waiting then starts. */
  minutesToClear: number;
  /** Probability mass dropped by truncation: a bound on the error of every probability. */
  truncationError: number;
};

export type WaitFigures = { withinMinutes: number; percentile: number };

/** One period as run: enough to give its arrivals' figures once the whole day is known. */
export type PeriodRun = {
  servers: number;
  minutes: number;
  arrivalsPerMinute: number;
  /** Distribution just after the period's machines took over. */
  start: Snapshot;
  queueAtStart: number;
  waitingIntegral: number;
  queueAtEnd: number;
  /** Expected dossier-minutes of service in the period. */
  busyMinutes: number;
  plan: MomentPlan;
  moments: ArrivalMoment[];
  /**
   * Mean wait of the period's arrivals if its machines stayed open unchanged from then on (what
   * the planner can know before choosing the next hours).
   */
  meanWaitIfKept: number;
  /**
   * The run was given up once that mean was sure to exceed what it was tried against
   * (`meanWaitIfKept` is then infinite and nothing else is known): run it again to keep it.
   */
  gaveUp: boolean;
};

/**
 * The transient queue of a day, run period by period (M(t)/M/c(t) with piecewise-constant rates;
 * for other service, the unit approximation of {@link BirthDeathChain}). `runPeriod` may be tried
 * several times from the same state (`save`/`restore`), which is how the planner searches each
 * hour's machines; `finish` then gives each period's arrivals
 *
 * - their mean wait by Little's law over time: the wait of those arriving in [T_p, T_{p+1}) is
 *   ∫ E[waiting] dt over the period, plus what those waiting at T_{p+1} still have to wait, less
 *   what those waiting at T_p still had (`remainingWaitTotals`);
 * - the share waiting longer than x and a percentile from the law of the wait of an arrival at
 *   the moments of `planMoments`, each exact for the state found then.
 */
export class TransientRun {
  private readonly chain: BirthDeathChain;
  private readonly runs: PeriodRun[] = [];
  private readonly scratch = new WaitScratch();

  constructor(
    private readonly serviceRatePerMinute: number,
    private readonly unit: number,
    firstServers: number,
    private readonly figures: WaitFigures,
  ) {
    this.chain = new BirthDeathChain(serviceRatePerMinute, unit, firstServers);
  }

  save(): Snapshot {
    return this.chain.snapshot();
  }

  restore(state: Snapshot): void {
    this.chain.restore(state);
  }

  get periodsRun(): number {
    return this.runs.length;
  }

  /**
   * Runs the next period from the chain's state (the previous period's end) without keeping it.
   * With `giveUpAboveMeanWait`, a period whose arrivals' `meanWaitIfKept` is sure to exceed it is
   * given up part way (a machine count that fails a target by a wide margin costs a fraction).
   */
  runPeriod(
    servers: number,
    minutes: number,
    arrivalsPerMinute: number,
    plan: MomentPlan,
    giveUpAboveMeanWait = Number.POSITIVE_INFINITY,
  ): PeriodRun {
    const chain = this.chain;
    chain.setServers(servers);
    const start = chain.snapshot();
    const queueAtStart = chain.expectedWaiting();
    const presentAtStart = chain.expectedPresent();
    const period = this.runs.length;
    const arrivals = arrivalsPerMinute * minutes;
    // With the same machines from then on, the unit at position i waits i·unit/(c·μ): those
    // waiting at a moment still have unit²·Σ j(j + 1)/(2cμ) to wait, j the units queued.
    const still = (this.unit * this.unit) / (2 * servers * this.serviceRatePerMinute);
    // The mean is at least (∫ E[waiting] − what those waiting at the start still had) / arrivals.
    const stillAtStart = servers > 0 && arrivals > 0 ? still * sumUnits(start) : 0;
    const giveUpAbove =
      servers > 0 && arrivals > 0 && giveUpAboveMeanWait < Number.POSITIVE_INFINITY
        ? giveUpAboveMeanWait * arrivals + stillAtStart
        : Number.POSITIVE_INFINITY;
    const { integral, moments, gaveUp } = this.advanceWithMoments(period, minutes, arrivalsPerMinute, plan, {
      giveUpAbove,
    });
    // Filled in below unless the run was given up, when nothing else is known.
    const run: PeriodRun = {
      servers,
      minutes,
      arrivalsPerMinute,
      start,
      queueAtStart,
      waitingIntegral: integral,
      queueAtEnd: Number.NaN,
      busyMinutes: Number.NaN,
      plan,
      moments,
      meanWaitIfKept: Number.POSITIVE_INFINITY,
      gaveUp,
    };
    if (gaveUp) return run;
    run.queueAtEnd = chain.expectedWaiting();
    run.busyMinutes = (presentAtStart + arrivals - chain.expectedPresent()) / this.serviceRatePerMinute;
    if (arrivals === 0) run.meanWaitIfKept = 0;
    else if (servers > 0) {
      run.meanWaitIfKept = Math.max(0, (integral + still * chain.sumQueuedPairs() - stillAtStart) / arrivals);
    }
    return run;
  }

  /** Forgets the periods from `periods` on, the chain set back to `state` (its state when they began). */
  rewind(periods: number, state: Snapshot): void {
    this.runs.length = periods;
    this.chain.restore(state);
  }

  /** Keeps a period run (the chain must be at its end). */
  keep(run: PeriodRun): void {
    this.runs.push(run);
  }

  /** The share of a kept or tried period's arrivals waiting longer than x, with its machines kept from then on. */
  shareIfKept(run: PeriodRun, x: number): number {
    if (run.moments.length === 0) return 0;
    const day = this.scheduleWith(run);
    return shareWaitingLonger(day, run.moments, x, this.scratch);
  }

  /** The figures of the day, once every period is kept. */
  finish(): TransientDay {
    const runs = this.runs;
    const periods = runs.length;
    const day: DaySchedule = {
      minutes: Float64Array.from(runs, (r) => r.minutes),
      arrivalsPerMinute: Float64Array.from(runs, (r) => r.arrivalsPerMinute),
      servers: Int32Array.from(runs, (r) => r.servers),
      serviceRatePerMinute: this.serviceRatePerMinute,
      unit: this.unit,
    };
    const closing = this.chain.snapshot();
    const waitingAtClose = this.chain.expectedWaiting();
    const truncationError = Math.max(0, 1 - this.chain.mass());
    // Periods whose moments were planned without the machines that came after are read again.
    for (let p = 0; p < periods; p++) {
      const run = runs[p] as PeriodRun;
      if (run.arrivalsPerMinute === 0) continue;
      const plan = planMoments(day, p, this.figures.withinMinutes);
      if (samePlan(plan, run.plan)) continue;
      this.chain.restore(run.start);
      // Only the moments are read again: the period's end and integral are known.
      run.moments = this.advanceWithMoments(p, run.minutes, run.arrivalsPerMinute, plan, {
        toEnd: false,
      }).moments;
      run.plan = plan;
    }
    this.chain.restore(closing);

    const starts = runs.map((r) => (r.queueAtStart > 0 ? r.start : null));
    const remaining = remainingWaitTotals(day, starts, closing);
    const out: TransientPeriod[] = [];
    let arrivals = 0;
    let waits = 0;
    let longer = 0;
    for (let p = 0; p < periods; p++) {
      const run = runs[p] as PeriodRun;
      const periodArrivals = run.arrivalsPerMinute * run.minutes;
      const total = run.waitingIntegral + (remaining[p + 1] as number) - (remaining[p] as number);
      const meanWaitMinutes = periodArrivals === 0 ? 0 : Math.max(0, total / periodArrivals);
      const share =
        run.moments.length === 0
          ? 0
          : shareWaitingLonger(day, run.moments, this.figures.withinMinutes, this.scratch);
      out.push({
        arrivals: periodArrivals,
        meanWaitMinutes,
        shareWaitingLonger: share,
        waitPercentileMinutes:
          run.moments.length === 0
            ? 0
            : waitPercentile(day, run.moments, this.figures.percentile, this.scratch, 2.5 * meanWaitMinutes),
        queueAtStart: run.queueAtStart,
        queueAtEnd: run.queueAtEnd,
        utilization:
          run.servers === 0 ? 0 : Math.min(1, Math.max(0, run.busyMinutes / (run.servers * run.minutes))),
      });
      arrivals += periodArrivals;
      waits += Math.max(0, total);
      longer += periodArrivals * share;
    }
    const lastServers = day.servers[periods - 1] as number;
    return {
      periods: out,
      arrivals,
      meanWaitMinutes: arrivals === 0 ? 0 : waits / arrivals,
      shareWaitingLonger: arrivals === 0 ? 0 : longer / arrivals,
      waitingAtClose,
      minutesToClear: waitingAtClose === 0 ? 0 : waitingAtClose / (lastServers * this.serviceRatePerMinute),
      truncationError,
    };
  }

  private advanceWithMoments(
    period: number,
    minutes: number,
    arrivalsPerMinute: number,
    plan: MomentPlan,
    { giveUpAbove = Number.POSITIVE_INFINITY, toEnd = true }: { giveUpAbove?: number; toEnd?: boolean } = {},
  ): { integral: number; moments: ArrivalMoment[]; gaveUp: boolean } {
    const chain = this.chain;
    const moments: ArrivalMoment[] = [];
    if (arrivalsPerMinute === 0) {
      return { integral: chain.advance(minutes, 0, false).waitingIntegral, moments, gaveUp: false };
    }
    const whole = plan.moments.length === 0 && plan.averagedUntil === minutes;
    const first = chain.advance(plan.averagedUntil, arrivalsPerMinute, true, whole ? giveUpAbove : undefined);
    if (first.gaveUp) return { integral: first.waitingIntegral, moments, gaveUp: true };
    let integral = first.waitingIntegral;
    if (first.average !== null && plan.averagedUntil > 0) {
      moments.push({
        period,
        offset: plan.averagedUntil / 2,
        weight: plan.averagedUntil / minutes,
        state: first.average,
      });
    }
    let at = plan.averagedUntil;
    for (const { offset, weight } of plan.moments) {
      integral += chain.advance(offset - at, arrivalsPerMinute, false).waitingIntegral;
      at = offset;
      moments.push({ period, offset, weight, state: chain.snapshot() });
    }
    if (toEnd) integral += chain.advance(minutes - at, arrivalsPerMinute, false).waitingIntegral;
    return { integral, moments, gaveUp: false };
  }

  /** The day so far with `run`'s machines kept from its period on (for its wait law before the next hours are chosen). */
  private scheduleWith(run: PeriodRun): DaySchedule {
    const runs = this.runs;
    const periods = runs.length + 1;
    const minutes = new Float64Array(periods);
    const rates = new Float64Array(periods);
    const servers = new Int32Array(periods);
    runs.forEach((r, p) => {
      minutes[p] = r.minutes;
      rates[p] = r.arrivalsPerMinute;
      servers[p] = r.servers;
    });
    minutes[periods - 1] = run.minutes;
    rates[periods - 1] = run.arrivalsPerMinute;
    servers[periods - 1] = run.servers;
    return {
      minutes,
      arrivalsPerMinute: rates,
      servers,
      serviceRatePerMinute: this.serviceRatePerMinute,
      unit: this.unit,
    };
  }
}

/** Σ over queued states of P(n)·j(j + 1), j the units waiting. */
function sumUnits(state: Snapshot): number {
  let total = 0;
  for (let i = 0; i < state.probabilities.length; i++) {
    const j = state.lo + i - state.servers;
    if (j > 0) total += (state.probabilities[i] as number) * j * (j + 1);
  }
  return total;
}

function samePlan(a: MomentPlan, b: MomentPlan): boolean {
  if (a.averagedUntil !== b.averagedUntil || a.moments.length !== b.moments.length) return false;
  return a.moments.every((m, i) => m.offset === b.moments[i]?.offset);
}

/** A whole day with known machines: every period run with the moments its future calls for. */
export function solveTransientDay(day: DaySchedule, figures: WaitFigures): TransientDay {
  const run = new TransientRun(day.serviceRatePerMinute, day.unit, day.servers[0] as number, figures);
  for (let p = 0; p < day.minutes.length; p++) {
    const plan = planMoments(day, p, figures.withinMinutes);
    run.keep(
      run.runPeriod(
        day.servers[p] as number,
        day.minutes[p] as number,
        day.arrivalsPerMinute[p] as number,
        plan,
      ),
    );
  }
  return run.finish();
}
