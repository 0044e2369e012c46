import { createRandom, exponential, type Random } from './prng.ts';
import { type ServiceDistribution, serviceSampler } from './service-time.ts';

/** A validated simulation: periods as cumulative ends, rates per minute. */
export type SimulationSetup = {
  seed: number;
  replications: number;
  /** End of each period, in minutes after the start of the day (increasing). */
  ends: Float64Array;
  /** Poisson arrival rate in each period, per minute. */
  ratesPerMinute: Float64Array;
  /** Machines open in each period. */
  machines: Int32Array;
  serviceMinutes: number;
  serviceCv: number;
  distribution: ServiceDistribution;
  availability: number;
  meanRepairMinutes: number;
  /** Send those still waiting at closing home instead of serving them with the last period's machines. */
  leaveAtClosing: boolean;
  warmupMinutes: number;
  withinMinutes: number;
};

/** Sums over days of one per-day figure, for its mean and the standard error of that mean. */
export class MeanTally {
  private sum = 0;
  private sumOfSquares = 0;
  private days = 0;

  add(value: number): void {
    this.sum += value;
    this.sumOfSquares += value * value;
    this.days++;
  }

  mean(): number {
    return this.days === 0 ? 0 : this.sum / this.days;
  }

  standardError(): number {
    const n = this.days;
    if (n < 2) return 0;
    const variance = Math.max(0, (this.sumOfSquares - (this.sum * this.sum) / n) / (n - 1));
    return Math.sqrt(variance / n);
  }
}

/**
 * A ratio of sums over days (total wait ÷ people served), the per-person mean the model states;
 * its standard error by the delta method over independent days.
 */
export class RatioTally {
  private top = 0;
  private bottom = 0;
  private topSquares = 0;
  private bottomSquares = 0;
  private cross = 0;
  private days = 0;

  add(top: number, bottom: number): void {
    this.top += top;
    this.bottom += bottom;
    this.topSquares += top * top;
    this.bottomSquares += bottom * bottom;
    this.cross += top * bottom;
    this.days++;
  }

  ratio(): number {
    return this.bottom === 0 ? 0 : this.top / this.bottom;
  }

  standardError(): number {
    const n = this.days;
    if (n < 2 || this.bottom === 0) return 0;
    const r = this.top / this.bottom;
    const spread = this.topSquares - 2 * r * this.cross + r * r * this.bottomSquares;
    const meanBottom = this.bottom / n;
    return Math.sqrt(Math.max(0, spread) / (n * (n - 1))) / meanBottom;
  }
}

/** Waits pooled over every day for percentiles: bins of 1/100 minute up to {@link FINE_MINUTES}, then of a minute. */
const BINS_PER_MINUTE = 100;
const FINE_MINUTES = 1_000;
const FINE_BINS = FINE_MINUTES * BINS_PER_MINUTE;

function binOf(wait: number): number {
  return wait < FINE_MINUTES
    ? Math.floor(wait * BINS_PER_MINUTE)
    : FINE_BINS + Math.floor(wait - FINE_MINUTES);
}

/** The middle of a bin, in minutes. */
function middleOf(bin: number): number {
  return bin < FINE_BINS ? (bin + 0.5) / BINS_PER_MINUTE : FINE_MINUTES + (bin - FINE_BINS) + 0.5;
}

export type SimulationTotals = {
  days: number;
  customers: number;
  periods: {
    arrived: MeanTally;
    wait: RatioTally;
    longer: RatioTally;
    queueAtEnd: MeanTally;
  }[];
  arrived: MeanTally;
  served: MeanTally;
  unserved: MeanTally;
  leftAtClosing: MeanTally;
  wait: RatioTally;
  longer: RatioTally;
  lastDeparture: MeanTally;
  maxWaitMinutes: number;
  maxQueue: number;
  /** Waits of exactly zero, then a histogram of positive waits. */
  zeroWaits: number;
  histogram: Uint32Array;
};

/**
 * Runs `replications` independent days of a FIFO queue from one random stream, without an event
 * list: customers are taken in arrival order and each starts on the machine that frees first
 * (Kiefer–Wolfowitz), so a day costs one pass over its customers and a scan of the open machines.
 *
 * Machines follow the count of each period. When it rises, new machines open at the boundary and
 * take the head of the queue. When it drops, idle machines close first; if more must close, busy
 * ones close — those that started their dossier last — each finishing its dossier, while the
 * others keep serving the queue. After the last period nobody arrives and its machines serve
 * whoever still waits (unless `leaveAtClosing`).
 */
export function simulateDays(setup: SimulationSetup): SimulationTotals {
  const periods = setup.ends.length;
  const random = createRandom(setup.seed);
  const sample = serviceSampler(random, setup.serviceMinutes, setup.serviceCv, setup.distribution);
  const day = new DayBuffers(setup);
  const pool = new MachinePool(setup, random);
  const totals = emptyTotals(periods);
  for (let r = 0; r < setup.replications; r++) {
    runDay(setup, pool, random, sample, day, totals);
  }
  return totals;
}

function emptyTotals(periods: number): SimulationTotals {
  return {
    days: 0,
    customers: 0,
    periods: Array.from({ length: periods }, () => ({
      arrived: new MeanTally(),
      wait: new RatioTally(),
      longer: new RatioTally(),
      queueAtEnd: new MeanTally(),
    })),
    arrived: new MeanTally(),
    served: new MeanTally(),
    unserved: new MeanTally(),
    leftAtClosing: new MeanTally(),
    wait: new RatioTally(),
    longer: new RatioTally(),
    lastDeparture: new MeanTally(),
    maxWaitMinutes: 0,
    maxQueue: 0,
    zeroWaits: 0,
    histogram: new Uint32Array(64 * BINS_PER_MINUTE),
  };
}

/** Arrays reused from day to day. */
class DayBuffers {
  readonly arrivals: Float64Array;
  readonly waitSums: Float64Array;
  readonly waitCounts: Float64Array;
  readonly longer: Float64Array;
  readonly startsIn: Float64Array;
  starts: Float64Array = new Float64Array(1024);

  constructor(setup: SimulationSetup) {
    const periods = setup.ends.length;
    this.arrivals = new Float64Array(periods);
    this.waitSums = new Float64Array(periods);
    this.waitCounts = new Float64Array(periods);
    this.longer = new Float64Array(periods);
    this.startsIn = new Float64Array(periods);
  }

  clear(): void {
    this.arrivals.fill(0);
    this.waitSums.fill(0);
    this.waitCounts.fill(0);
    this.longer.fill(0);
    this.startsIn.fill(0);
  }
}

/**
 * The machines open at a moment: when each frees, when it began its dossier, and (with
 * breakdowns) its current or next up interval. Slots `0 … open − 1` are the open machines.
 */
class MachinePool {
  readonly freeAt: Float64Array;
  readonly startedAt: Float64Array;
  private readonly upStart: Float64Array;
  private readonly upEnd: Float64Array;
  readonly breakdowns: boolean;
  private readonly availability: number;
  private readonly meanRepair: number;
  private readonly meanUp: number;
  open = 0;

  constructor(
    setup: SimulationSetup,
    private readonly random: Random,
  ) {
    let size = 0;
    for (const m of setup.machines) size = Math.max(size, m);
    this.freeAt = new Float64Array(size);
    this.startedAt = new Float64Array(size);
    this.upStart = new Float64Array(size);
    this.upEnd = new Float64Array(size);
    this.breakdowns = setup.availability < 1;
    this.availability = setup.availability;
    this.meanRepair = setup.meanRepairMinutes;
    this.meanUp = this.breakdowns ? (this.meanRepair * this.availability) / (1 - this.availability) : 0;
  }

  reset(open: number): void {
    this.open = 0;
    this.resize(open, 0);
  }

  /**
   * Opens or closes machines at `at` so that `count` stay open. Idle machines close first; then
   * busy ones, those that began their dossier last, each finishing it. Returns the latest moment
   * a closed machine finishes (0 if none was busy).
   */
  resize(count: number, at: number): number {
    const { freeAt, startedAt } = this;
    let finishing = 0;
    if (count > this.open) {
      for (let m = this.open; m < count; m++) this.openMachine(m, at);
    } else {
      for (let m = this.open - 1; m >= 0 && this.open > count; m--) {
        if ((freeAt[m] as number) <= at) this.moveSlot(--this.open, m);
      }
      while (this.open > count) {
        let latest = 0;
        for (let m = 1; m < this.open; m++) {
          if ((startedAt[m] as number) > (startedAt[latest] as number)) latest = m;
        }
        finishing = Math.max(finishing, freeAt[latest] as number);
        this.moveSlot(--this.open, latest);
      }
    }
    this.open = count;
    return finishing;
  }

  /** Earliest moment from `t` on at which machine `m` works; moves its up interval forward. */
  nextUp(m: number, t: number): number {
    const { upStart, upEnd } = this;
    while ((upEnd[m] as number) <= t) {
      upStart[m] = (upEnd[m] as number) + exponential(this.random, this.meanRepair);
      upEnd[m] = (upStart[m] as number) + exponential(this.random, this.meanUp);
    }
    return Math.max(t, upStart[m] as number);
  }

  /** When a dossier of `work` minutes begun at `start` on machine `m` ends, repairs included. */
  finish(m: number, start: number, work: number): number {
    let now = start;
    let left = work;
    while (now + left > (this.upEnd[m] as number)) {
      left -= (this.upEnd[m] as number) - now;
      now = this.nextUp(m, this.upEnd[m] as number);
    }
    return now + left;
  }

  private openMachine(m: number, at: number): void {
    this.freeAt[m] = at;
    this.startedAt[m] = Number.NEGATIVE_INFINITY;
    if (!this.breakdowns) return;
    // Each machine starts in its long-run state, so the first hour is not unusually reliable.
    if (this.random.next() < this.availability) {
      this.upStart[m] = at;
      this.upEnd[m] = at + exponential(this.random, this.meanUp);
    } else {
      this.upStart[m] = at + exponential(this.random, this.meanRepair);
      this.upEnd[m] = (this.upStart[m] as number) + exponential(this.random, this.meanUp);
    }
  }

  private moveSlot(from: number, to: number): void {
    this.freeAt[to] = this.freeAt[from] as number;
    this.startedAt[to] = this.startedAt[from] as number;
    this.upStart[to] = this.upStart[from] as number;
    this.upEnd[to] = this.upEnd[from] as number;
  }
}

function runDay(
  setup: SimulationSetup,
  pool: MachinePool,
  random: Random,
  sample: () => number,
  day: DayBuffers,
  totals: SimulationTotals,
): void {
  const { ends, ratesPerMinute: rates, machines, withinMinutes, warmupMinutes } = setup;
  const periods = ends.length;
  const closing = ends[periods - 1] as number;
  const breakdowns = pool.breakdowns;
  const { freeAt } = pool;
  day.clear();
  pool.reset(machines[0] as number);
  let open = pool.open;
  let lastDeparture = 0;

  const leave = setup.leaveAtClosing;
  const { arrivals, waitSums, waitCounts, longer, startsIn } = day;
  let starts: Float64Array = day.starts;
  let histogram: Uint32Array = totals.histogram;
  let zeroWaits = 0;
  let maxWait = 0;
  let customers = 0;
  let counted = 0;
  let waitTotal = 0;
  let longerTotal = 0;
  let served = 0;
  let unserved = 0;
  let maxQueue = 0;
  let startedSoFar = 0;
  let startPeriod = 0;
  let boundary = 0;
  let period = 0;
  let t = 0;
  for (;;) {
    // Next arrival: exponential gaps at the period's rate; at a period's end the clock restarts
    // with the next rate, which memorylessness makes exact.
    while (period < periods) {
      const rate = rates[period] as number;
      if (rate > 0) {
        const candidate = t - Math.log(random.next()) / rate;
        if (candidate < (ends[period] as number)) {
          t = candidate;
          break;
        }
      }
      t = ends[period] as number;
      period++;
    }
    if (period === periods) break;
    arrivals[period] = (arrivals[period] as number) + 1;

    let machine = -1;
    let start = Number.POSITIVE_INFINITY;
    for (;;) {
      while (boundary < periods - 1 && (ends[boundary] as number) <= t) {
        lastDeparture = Math.max(lastDeparture, pool.resize(machines[++boundary] as number, t));
        open = pool.open;
      }
      machine = -1;
      start = Number.POSITIVE_INFINITY;
      for (let m = 0; m < open; m++) {
        const free = freeAt[m] as number;
        const candidate = breakdowns ? pool.nextUp(m, Math.max(free, t)) : Math.max(free, t);
        if (candidate < start) {
          start = candidate;
          machine = m;
        }
      }
      if (boundary < periods - 1 && start >= (ends[boundary] as number)) {
        const at = ends[boundary] as number;
        lastDeparture = Math.max(lastDeparture, pool.resize(machines[++boundary] as number, at));
        open = pool.open;
        continue;
      }
      break;
    }
    if (machine >= 0 && leave && start >= closing) machine = -1;
    if (machine < 0) {
      start = Number.POSITIVE_INFINITY;
      unserved++;
    } else {
      const work = sample();
      const done = breakdowns ? pool.finish(machine, start, work) : start + work;
      freeAt[machine] = done;
      pool.startedAt[machine] = start;
      if (done > lastDeparture) lastDeparture = done;
      served++;
      while (startPeriod < periods && start >= (ends[startPeriod] as number)) startPeriod++;
      if (startPeriod < periods) startsIn[startPeriod] = (startsIn[startPeriod] as number) + 1;
      if (t >= warmupMinutes) {
        const wait = start - t;
        waitSums[period] = (waitSums[period] as number) + wait;
        waitCounts[period] = (waitCounts[period] as number) + 1;
        counted++;
        waitTotal += wait;
        if (wait > withinMinutes) {
          longer[period] = (longer[period] as number) + 1;
          longerTotal++;
        }
        if (wait > maxWait) maxWait = wait;
        if (wait === 0) zeroWaits++;
        else {
          const bin = binOf(wait);
          if (bin >= histogram.length) histogram = grownCounts(histogram, bin);
          histogram[bin] = (histogram[bin] as number) + 1;
        }
      }
    }
    if (customers === starts.length) starts = grownTimes(starts);
    starts[customers] = start;
    customers++;
    // People waiting just after this arrival: those before it (and it) not yet started.
    while (startedSoFar < customers && (starts[startedSoFar] as number) <= t) startedSoFar++;
    if (customers - startedSoFar > maxQueue) maxQueue = customers - startedSoFar;
  }

  for (let m = 0; m < open; m++) lastDeparture = Math.max(lastDeparture, freeAt[m] as number);
  day.starts = starts;
  totals.histogram = histogram;
  totals.zeroWaits += zeroWaits;
  if (maxWait > totals.maxWaitMinutes) totals.maxWaitMinutes = maxWait;
  let waiting = 0;
  for (let p = 0; p < periods; p++) {
    waiting += (arrivals[p] as number) - (startsIn[p] as number);
    const tally = totals.periods[p];
    if (tally === undefined) continue;
    tally.arrived.add(arrivals[p] as number);
    tally.wait.add(waitSums[p] as number, waitCounts[p] as number);
    tally.longer.add(longer[p] as number, waitCounts[p] as number);
    tally.queueAtEnd.add(waiting);
  }
  totals.days++;
  totals.customers += customers;
  totals.arrived.add(customers);
  totals.served.add(served);
  totals.unserved.add(unserved);
  totals.leftAtClosing.add(waiting);
  totals.wait.add(waitTotal, counted);
  totals.longer.add(longerTotal, counted);
  totals.lastDeparture.add(lastDeparture);
  if (maxQueue > totals.maxQueue) totals.maxQueue = maxQueue;
}

function grownCounts(counts: Uint32Array, index: number): Uint32Array {
  const grown = new Uint32Array(Math.max(index + 1, counts.length * 2));
  grown.set(counts);
  return grown;
}

function grownTimes(times: Float64Array): Float64Array {
  const grown = new Float64Array(times.length * 2);
  grown.set(times);
  return grown;
}

/** Nearest-rank percentile of the pooled waits, to 1/100 minute below 1,000 minutes and to a minute above. */
export function pooledPercentile(totals: SimulationTotals, p: number): number {
  let count = totals.zeroWaits;
  for (const n of totals.histogram) count += n;
  if (count === 0) return 0;
  const rank = Math.ceil(p * count);
  let seen = totals.zeroWaits;
  if (seen >= rank) return 0;
  for (let bin = 0; bin < totals.histogram.length; bin++) {
    seen += totals.histogram[bin] as number;
    if (seen >= rank) return middleOf(bin);
  }
  return totals.maxWaitMinutes;
}
