import type { Snapshot } from './birth-death-chain.ts';
import { POISSON_TAIL } from './birth-death-chain.ts';
import { poissonWindow } from './poisson.ts';

/** The periods of a day as the model reads them. */
export type DaySchedule = {
  minutes: Float64Array;
  arrivalsPerMinute: Float64Array;
  servers: Int32Array;
  serviceRatePerMinute: number;
  /** Dossiers per unit of queue (1 for exponential service). */
  unit: number;
};

/** Zeros before the head of `ahead` (position 0), as far as four sums side by side read. */
const PAD = 3;

/**
 * For each period boundary p (and the close, index P), the expected total wait still ahead, from
 * that moment on, of everyone waiting then: H[p] = E[Σ over the queue of each one's remaining wait].
 * `starts[p]` is the distribution just after the machines of period p took over (null: nobody
 * waits); `closing` the distribution at the end of the last period.
 *
 * The remaining wait of the unit at position i (1 = head) depends only on the machines from then
 * on, not on later arrivals (first come, first served): while it waits every machine is busy, so
 * units leave the head at rate c·μ/unit, and a rise of Δ machines takes Δ/unit units at once.
 * Per period of length L, with ν = c·μ/unit and D ~ Poisson(νL) the units served in it,
 *   g_p(i) = E[min(Erlang(i, ν), L)] + Σ_{d<i} P(D = d)·g_{p+1}(i − d after the next rise),
 *   E[min(Erlang(i, ν), L)] = (1/ν)·Σ_{d<i} P(D > d),
 * and after the close the last machines serve on: g(i) = i·unit/(c·μ). Then
 * H[p] = Σ_n P(n)·unit·Σ_{i ≤ n−c} g_p(i).
 */
export function remainingWaitTotals(
  day: DaySchedule,
  starts: readonly (Snapshot | null)[],
  closing: Snapshot,
): Float64Array {
  const periods = day.minutes.length;
  const k = day.unit;
  const mu = day.serviceRatePerMinute;
  const totals = new Float64Array(periods + 1);
  const lastServers = day.servers[periods - 1] as number;
  totals[periods] = closingTotal(closing, k, lastServers * mu);

  // Positions worth computing at each boundary: those with probability now, and those that can
  // still be reached from an earlier boundary (positions only fall, by at least the Poisson
  // window's left end per period).
  const need = new Int32Array(periods + 1);
  const windows = new Array<ReturnType<typeof poissonWindow> | null>(periods).fill(null);
  let carried = 0;
  for (let p = 0; p < periods; p++) {
    const start = starts[p];
    const here = start ? queuedUnits(start) : 0;
    const servers = day.servers[p] as number;
    need[p] = Math.max(here, carried);
    if (need[p] === 0) {
      carried = 0;
      continue;
    }
    const rate = (servers * mu) / k;
    const window = rate > 0 ? poissonWindow(rate * (day.minutes[p] as number), POISSON_TAIL) : null;
    windows[p] = window;
    const rise = p + 1 < periods ? Math.max(0, (day.servers[p + 1] as number) - servers) / k : 0;
    carried = Math.max(0, (need[p] as number) - (window?.left ?? 0) - Math.floor(rise));
  }

  let after: Float64Array | null = null;
  for (let p = periods - 1; p >= 1; p--) {
    const count = need[p] as number;
    const start = starts[p];
    if (count === 0) {
      after = null;
      continue;
    }
    const servers = day.servers[p] as number;
    const last = p === periods - 1;
    const rise = last ? 0 : Math.max(0, (day.servers[p + 1] as number) - servers) / k;
    // What each position at the end of this period still has to wait, after the next rise, from
    // index PAD on: zeros below it and past the last, which the four sums side by side read.
    const ahead = new Float64Array(count + 4 + PAD);
    for (let j = 1; j <= count; j++) {
      ahead[PAD + j] = last ? (j * k) / (lastServers * mu) : interpolated(after, j - rise);
    }
    const g = new Float64Array(count + 1);
    const length = day.minutes[p] as number;
    const window = windows[p];
    if (window === null || window === undefined) {
      for (let i = 1; i <= count; i++) g[i] = length + (ahead[PAD + i] as number);
    } else {
      const rate = (servers * mu) / k;
      const { left, right, weights } = window;
      let served = 0;
      let cumulative = 0;
      for (let i = 1; i <= count; i++) {
        // served = Σ_{d<i} P(D > d).
        const d = i - 1;
        if (d >= left && d <= right) cumulative += weights[d - left] as number;
        served += d < left ? 1 : d <= right ? 1 - cumulative : 0;
        g[i] = served / rate;
      }
      // later(i) = Σ_{d<i} P(D = d)·ahead(i − d), four positions at a time sharing each weight;
      // a term with d ≥ i reads a zero below the head and adds nothing, so each sum is the one
      // taken position by position.
      for (let i = 1; i <= count; i += 4) {
        const top = Math.min(right, i + 2);
        let l0 = 0;
        let l1 = 0;
        let l2 = 0;
        let l3 = 0;
        for (let dd = left; dd <= top; dd++) {
          const w = weights[dd - left] as number;
          const at = PAD + i - dd;
          l0 += w * (ahead[at] as number);
          l1 += w * (ahead[at + 1] as number);
          l2 += w * (ahead[at + 2] as number);
          l3 += w * (ahead[at + 3] as number);
        }
        g[i] = (g[i] as number) + l0;
        if (i + 1 <= count) g[i + 1] = (g[i + 1] as number) + l1;
        if (i + 2 <= count) g[i + 2] = (g[i + 2] as number) + l2;
        if (i + 3 <= count) g[i + 3] = (g[i + 3] as number) + l3;
      }
    }
    after = g;
    if (start) totals[p] = startTotal(start, k, g);
  }
  return totals;
}

function queuedUnits(snapshot: Snapshot): number {
  return Math.max(0, snapshot.lo + snapshot.probabilities.length - 1 - snapshot.servers);
}

/** g at a real position: 0 at or before the head, linear between whole positions, extended past the end. */
function interpolated(g: Float64Array | null, position: number): number {
  if (position <= 0 || g === null) return 0;
  const last = g.length - 1;
  if (position >= last) {
    const slope = last >= 2 ? (g[last] as number) - (g[last - 1] as number) : (g[last] as number);
    return (g[last] as number) + slope * (position - last);
  }
  const below = Math.floor(position);
  const share = position - below;
  return (g[below] as number) * (1 - share) + (g[below + 1] as number) * share;
}

function startTotal(start: Snapshot, k: number, g: Float64Array): number {
  let total = 0;
  let cumulative = 0;
  const first = start.servers + 1;
  for (let n = first; n < start.lo + start.probabilities.length; n++) {
    cumulative += interpolated(g, n - start.servers);
    if (n >= start.lo) total += (start.probabilities[n - start.lo] as number) * cumulative;
  }
  return k * total;
}

/** After the close the last machines serve on: the unit at position i waits i·unit/(c·μ). */
function closingTotal(closing: Snapshot, k: number, serviceRate: number): number {
  let total = 0;
  for (let i = 0; i < closing.probabilities.length; i++) {
    const units = closing.lo + i - closing.servers;
    if (units > 0) total += (closing.probabilities[i] as number) * units * (units + 1);
  }
  return total === 0 ? 0 : (k * k * total) / (2 * serviceRate);
}
