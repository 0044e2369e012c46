import type { Snapshot } from './birth-death-chain.ts';
import { poissonCdf } from './poisson.ts';
import type { DaySchedule } from './remaining-wait.ts';

/**
 * What arrivals find in one part of a period: the state distribution (at one moment, or averaged
 * over a stretch), the moment whose future machines their wait law uses, and the part's weight
 * in the period's average.
 */
export type ArrivalMoment = { period: number; offset: number; weight: number; state: Snapshot };

/** How a period is read for the wait law: averaged up to `averagedUntil`, then at single moments. */
export type MomentPlan = { averagedUntil: number; moments: { offset: number; weight: number }[] };

/** Gauss–Legendre points and weights on [−1, 1], 2 points (exact for cubics). */
const NODES = [-1 / Math.sqrt(3), 1 / Math.sqrt(3)];

/**
 * Where to read period `p` so that its share waiting longer than x (= `withinMinutes`) is right:
 * arrivals at t wait behind the machines open in [t, t + x]; as long as that stretch holds no
 * change in the machine count, their wait law does not depend on t, and the distribution averaged
 * over those t (exact by uniformisation) gives the share exactly. Past the first t at which
 * t + x reaches a change, the law moves with t: two Gauss–Legendre moments on each piece between
 * such t.
 */
export function planMoments(day: DaySchedule, p: number, withinMinutes: number): MomentPlan {
  const length = day.minutes[p] as number;
  const cuts: number[] = [];
  let boundary = length;
  for (let q = p + 1; q < day.minutes.length; q++) {
    const cut = boundary - withinMinutes;
    if (cut >= length) break;
    if (day.servers[q] !== day.servers[q - 1]) cuts.push(Math.max(0, cut));
    boundary += day.minutes[q] as number;
  }
  if (cuts.length === 0) return { averagedUntil: length, moments: [] };
  cuts.push(length);
  const moments: { offset: number; weight: number }[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i] as number;
    const b = cuts[i + 1] as number;
    if (b - a < 1e-9) continue;
    for (const node of NODES)
      moments.push({ offset: a + ((b - a) * (node + 1)) / 2, weight: (b - a) / (2 * length) });
  }
  return { averagedUntil: cuts[0] as number, moments };
}

/** Service ahead of an arrival at (p, offset) within `x` minutes: Poisson mean in units, units taken by rises, and the rate at the end. */
function serviceWithin(
  day: DaySchedule,
  p: number,
  offset: number,
  x: number,
): { mean: number; taken: number; rateAtEnd: number } {
  const periods = day.minutes.length;
  let served = 0;
  let taken = 0;
  let left = x;
  let q = p;
  let at = offset;
  for (;;) {
    const servers = day.servers[q] as number;
    const span = q === periods - 1 ? left : Math.min(left, (day.minutes[q] as number) - at);
    served += servers * day.serviceRatePerMinute * span;
    left -= span;
    if (left <= 0) break;
    const nextServers = day.servers[q + 1] as number;
    if (nextServers > servers) taken += nextServers - servers;
    q++;
    at = 0;
  }
  const k = day.unit;
  return {
    mean: served / k,
    taken: taken / k,
    rateAtEnd: ((day.servers[q] as number) * day.serviceRatePerMinute) / k,
  };
}

/** Scratch space for Poisson distribution functions. */
export class WaitScratch {
  pmf = new Float64Array(64);
  cdf = new Float64Array(64);

  ensure(size: number): void {
    if (this.cdf.length >= size) return;
    const length = Math.max(size, this.cdf.length * 2);
    this.pmf = new Float64Array(length);
    this.cdf = new Float64Array(length);
  }
}

/**
 * P(wait > x) for an arrival finding `moment.state`, and its derivative in x. It waits behind the
 * units ahead of it, which leave the head as the machines of each later moment serve them (a
 * Poisson number of units, since every machine is busy while it waits) or as new machines open.
 */
function waitLonger(
  day: DaySchedule,
  moment: ArrivalMoment,
  x: number,
  scratch: WaitScratch,
): [number, number] {
  const { state } = moment;
  const c = state.servers;
  const top = state.lo + state.probabilities.length - 1;
  if (top < c) return [0, 0];
  const { mean, taken, rateAtEnd } = serviceWithin(day, moment.period, moment.offset, x);
  const whole = Math.floor(taken);
  const share = taken - whole;
  // At state n ≥ c the arrival is at position j = n − c + 1 and still waits while fewer than
  // j − taken units were served: P(Poisson(mean) ≤ j − taken − 1), split between the two whole shifts.
  const count = top - c + 2;
  scratch.ensure(count);
  const { pmf, cdf } = scratch;
  poissonCdf(mean, count, cdf, pmf);
  let longer = 0;
  let density = 0;
  for (let n = Math.max(c, state.lo); n <= top; n++) {
    const p = state.probabilities[n - state.lo] as number;
    const i = n - c - whole;
    if (i >= 0) {
      longer += p * (1 - share) * (cdf[i] as number);
      density += p * (1 - share) * (pmf[i] as number);
    }
    if (i >= 1) {
      longer += p * share * (cdf[i - 1] as number);
      density += p * share * (pmf[i - 1] as number);
    }
  }
  return [longer, density * rateAtEnd];
}

/** Share of a period's arrivals waiting longer than `x`, and its derivative in x (≤ 0). */
function shareAndSlope(
  day: DaySchedule,
  moments: readonly ArrivalMoment[],
  x: number,
  scratch: WaitScratch,
): [number, number] {
  let share = 0;
  let slope = 0;
  for (const moment of moments) {
    const [longer, density] = waitLonger(day, moment, x, scratch);
    share += moment.weight * longer;
    slope -= moment.weight * density;
  }
  return [Math.min(1, Math.max(0, share)), slope];
}

export function shareWaitingLonger(
  day: DaySchedule,
  moments: readonly ArrivalMoment[],
  x: number,
  scratch: WaitScratch,
): number {
  return shareAndSlope(day, moments, x, scratch)[0];
}

/** Minutes to which the percentile is found. */
const PERCENTILE_TOLERANCE = 1e-3;
/** A bound for the search: a wait of ten years. */
const MAX_WAIT_MINUTES = 5_256_000;

/**
 * The smallest wait that a share `p` of the period's arrivals do not exceed: Newton's method on
 * the share waiting longer, kept inside a bracket and bisecting when a step would leave it (the
 * share jumps where new machines open).
 */
export function waitPercentile(
  day: DaySchedule,
  moments: readonly ArrivalMoment[],
  p: number,
  scratch: WaitScratch,
  guess: number,
): number {
  const tail = 1 - p;
  if (shareAndSlope(day, moments, 0, scratch)[0] <= tail) return 0;
  // Newton from the guess, kept inside the bracket [low, high] of what is known (high unknown
  // until a share at or below the tail is seen: then it doubles).
  let low = 0;
  let high = Number.POSITIVE_INFINITY;
  let x = Math.max(guess, PERCENTILE_TOLERANCE);
  for (let i = 0; i < 200; i++) {
    const [share, slope] = shareAndSlope(day, moments, x, scratch);
    if (share > tail) low = x;
    else high = x;
    if (high - low <= PERCENTILE_TOLERANCE) break;
    if (low >= MAX_WAIT_MINUTES) return MAX_WAIT_MINUTES;
    const newton = slope < 0 ? x - (share - tail) / slope : Number.NaN;
    if (newton > low && newton < high) {
      if (Math.abs(newton - x) < PERCENTILE_TOLERANCE / 2) return newton;
      x = newton;
    } else {
      x = high === Number.POSITIVE_INFINITY ? Math.min(2 * x, MAX_WAIT_MINUTES) : (low + high) / 2;
    }
  }
  return high;
}
