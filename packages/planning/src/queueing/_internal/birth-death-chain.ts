import { poissonWindow } from './poisson.ts';

/**
 * The state of the time-varying queue, M(t)/M/c(t) with the queue counted in units of `unit`
 * dossiers: state n < c is n dossiers in service and nobody waiting; state n ≥ c is every machine
 * busy and n − c units waiting. With exponential service the unit is 1 and this is the exact
 * birth–death chain. Its distribution over a window of states is advanced by uniformisation
 * (Jensen 1953; Grassmann 1977): e^{Qt} = Σₖ Poisson(Λt; k)·Pᵏ with P = I + Q/Λ.
 *
 * Truncation: states are dropped from either end of the window when their probability falls below
 * {@link STATE_FLOOR}, and Poisson terms whose total is below {@link POISSON_TAIL} are not summed.
 * Both only remove probability, so the mass missing from the distribution (`1 − mass()`) bounds
 * the total error of every probability computed from it.
 */
export const STATE_FLOOR = 1e-12;
export const POISSON_TAIL = 1e-10;
/**
 * Window width from which the steps before the Poisson window are taken four at a time: below it
 * the small window stepped state by state around full costs about what the pass saves.
 */
const FOUR_STEPS_FROM_WIDTH = 128;
/** Buffer slots before state 0, so the two-step stencil never reads out of bounds. */
const OFFSET = 4;

/**
 * Flows of one step out of state n at index n + 1 (index 0, state −1, holds nothing): `up` to
 * n + 1, `stay`, `down` to n − 1.
 */
type Flows = { up: Float64Array; stay: Float64Array; down: Float64Array };

function newFlows(length: number): Flows {
  return {
    up: new Float64Array(length),
    stay: new Float64Array(length),
    down: new Float64Array(length),
  };
}

/** State n of P·cur, cur held on states lo … hi (n at most three above full). */
function middleAt(cur: Float64Array, lo: number, hi: number, n: number, flows: Flows): number {
  if (n < 0) return 0;
  const i = n + OFFSET;
  const below = n - 1 >= lo && n - 1 <= hi ? (cur[i - 1] as number) : 0;
  const here = n >= lo && n <= hi ? (cur[i] as number) : 0;
  const above = n + 1 >= lo && n + 1 <= hi ? (cur[i + 1] as number) : 0;
  return (
    (flows.up[n] as number) * below +
    (flows.stay[n + 1] as number) * here +
    (flows.down[n + 2] as number) * above
  );
}

function birthRate(n: number, c: number, lambda: number, k: number): number {
  return n < c ? lambda : lambda / k;
}

function deathRate(n: number, c: number, mu: number, k: number): number {
  return n <= c ? n * mu : (c * mu) / k;
}

/**
 * Expected births of a stretch with no machine up to which its time average is summed as a series
 * ({@link pureBirthAverage}); above it the two ends' difference keeps its digits.
 */
const PURE_BIRTH_SERIES_UP_TO = 1;

/**
 * The time average over a stretch of births only (no machine), `births` expected in it, starting
 * from `start`, over the states from `lo` on, written into `into`. From state j the chain is at
 * j + m at time t with the Poisson(β·t) probability of m; averaged over the stretch that is
 *   Q(m) = P(Poisson(a) > m) / a = Σ_{i>m} e^(−a)·a^(i−1)/i!,  a = β·L,
 * a sum of positive terms (read from the two ends instead, p̄ is a difference of two numbers near 1
 * divided by a: no digit is left when a is tiny). Used while a ≤ 1, where the terms fall at once.
 */
function pureBirthAverage(start: Snapshot, births: number, lo: number, into: Float64Array): void {
  const hi = lo + into.length - 1;
  const most = hi - start.lo;
  // term[i - 1] = e^(−a)·a^(i−1)/i!, for i = 1 … most + 1 and on until the terms vanish.
  const terms: number[] = [];
  let term = Math.exp(-births);
  for (let i = 1; i <= most + 1 || (term > 0 && term > 1e-18 * (terms[0] as number)); i++) {
    terms.push(term);
    term = (term * births) / (i + 1);
  }
  // tails[m] = Q(m) = Σ_{i>m} term[i − 1], summed from the smallest.
  const tails = new Float64Array(terms.length + 1);
  for (let m = terms.length - 1; m >= 0; m--) tails[m] = (tails[m + 1] as number) + (terms[m] as number);
  into.fill(0);
  for (let n = Math.max(lo, start.lo); n <= hi; n++) {
    let sum = 0;
    for (let j = start.lo; j <= n && j - start.lo < start.probabilities.length; j++) {
      sum += (start.probabilities[j - start.lo] as number) * (tails[n - j] as number);
    }
    into[n - lo] = sum;
  }
}

/** A distribution copied out of the chain: `probabilities[i]` is that of state `lo + i`. */
export type Snapshot = { servers: number; lo: number; probabilities: readonly number[] };

/** Expected figures of one stretch at constant rates. */
export type Stretch = {
  /** ∫ E[dossiers waiting] dt over the stretch, in dossier-minutes. */
  waitingIntegral: number;
  /** The distribution averaged over the stretch (what an arrival at a random moment of it finds), when asked for. */
  average: Snapshot | null;
  /**
   * The stretch was given up once ∫ E[waiting] passed `giveUpAbove`: its integral is then only
   * known to exceed that, and the chain holds no distribution until one is restored.
   */
  gaveUp: boolean;
};

/**
 * Buffers are zero outside the states written since they were last cleared; every read is within
 * the window or eight slots beyond it, which each step clears.
 */
export class BirthDeathChain {
  /** Probabilities, state n at index n + OFFSET; zero outside [lo, hi] and eight slots beyond. */
  private cur: Float64Array;
  private next: Float64Array;
  private sum: Float64Array;
  /** Room for the average's recursions. */
  private scratch = new Float64Array(192);
  /** Each state's flows in the current stretch, up to eight above full. */
  private flows: Flows = newFlows(64);
  /** Four steps around full: two rows of the local window, and the states around full after each. */
  private local = new Float64Array(128);
  private readonly around = new Float64Array(9);
  lo = 0;
  hi = 0;
  /** Machines of the current state space. */
  servers: number;

  constructor(
    readonly serviceRatePerMinute: number,
    readonly unit: number,
    servers: number,
  ) {
    this.cur = new Float64Array(64);
    this.next = new Float64Array(64);
    this.sum = new Float64Array(64);
    this.cur[OFFSET] = 1;
    this.servers = servers;
  }

  mass(): number {
    let total = 0;
    for (let n = this.lo; n <= this.hi; n++) total += this.cur[n + OFFSET] as number;
    return total;
  }

  /** Dossiers waiting in state n. */
  waitingIn(n: number): number {
    return n > this.servers ? this.unit * (n - this.servers) : 0;
  }

  /** Dossiers at the site (in service or waiting) in state n. */
  presentIn(n: number): number {
    return n > this.servers ? this.servers + this.unit * (n - this.servers) : n;
  }

  expectedWaiting(): number {
    const c = this.servers;
    let total = 0;
    for (let n = Math.max(this.lo, c + 1); n <= this.hi; n++)
      total += (this.cur[n + OFFSET] as number) * (n - c);
    return this.unit * total;
  }

  expectedPresent(): number {
    let total = 0;
    for (let n = this.lo; n <= this.hi; n++) total += (this.cur[n + OFFSET] as number) * this.presentIn(n);
    return total;
  }

  /** Σ over states above full of P(n)·j(j + 1), j = n − c the units waiting. */
  sumQueuedPairs(): number {
    const c = this.servers;
    let total = 0;
    for (let n = Math.max(this.lo, c + 1); n <= this.hi; n++) {
      const j = n - c;
      total += (this.cur[n + OFFSET] as number) * j * (j + 1);
    }
    return total;
  }

  snapshot(): Snapshot {
    // A plain array: small ones allocate far faster than typed arrays, and a day keeps dozens.
    const width = this.hi - this.lo + 1;
    const probabilities = new Array<number>(width);
    for (let i = 0; i < width; i++) probabilities[i] = this.cur[this.lo + OFFSET + i] as number;
    return { servers: this.servers, lo: this.lo, probabilities };
  }

  restore(snapshot: Snapshot): void {
    const { lo, probabilities } = snapshot;
    const hi = lo + probabilities.length - 1;
    this.ensure(hi + 4);
    // At rest the distribution is zero outside its window: only that is cleared.
    const cur = this.cur;
    cur.fill(0, Math.max(0, this.lo + OFFSET - 4), this.hi + OFFSET + 5);
    for (let i = 0; i < probabilities.length; i++) cur[lo + OFFSET + i] = probabilities[i] as number;
    this.lo = lo;
    this.hi = hi;
    this.servers = snapshot.servers;
  }

  /**
   * Changes the number of machines to `servers` at a boundary. A rise lets the new machines take
   * the head of the queue; a drop closes idle machines first, then busy ones, each finishing its
   * dossier apart from the rest (it leaves the state: nobody waits behind it), while the queue
   * stays as it was. A queue of units that does not divide evenly is split between the two nearest
   * states, keeping its mean.
   */
  setServers(servers: number): void {
    const old = this.servers;
    if (servers === old) return;
    const k = this.unit;
    const top = Math.max(this.hi, servers + Math.ceil(Math.max(0, this.hi - old))) + 2;
    this.ensure(top + 4);
    const next = this.next;
    next.fill(0, 0, top + OFFSET + 5);
    let lo = Number.POSITIVE_INFINITY;
    let hi = 0;
    for (let n = this.lo; n <= this.hi; n++) {
      const p = this.cur[n + OFFSET] as number;
      if (p === 0) continue;
      // Where the state goes: one state, or (a queue of units that does not divide evenly) two.
      let state: number;
      let share = 0;
      if (n <= old) state = Math.min(n, servers);
      else if (servers < old) state = servers + n - old;
      else {
        // Present after the new machines took their share of the queue, on the scale of states.
        const present = old + k * (n - old);
        const position = present <= servers ? present : servers + (present - servers) / k;
        state = Math.floor(position);
        share = position - state;
      }
      next[state + OFFSET] = (next[state + OFFSET] as number) + p * (1 - share);
      if (share > 0) next[state + 1 + OFFSET] = (next[state + 1 + OFFSET] as number) + p * share;
      if (state < lo) lo = state;
      if (state + (share > 0 ? 1 : 0) > hi) hi = state + (share > 0 ? 1 : 0);
    }
    const oldLo = this.lo;
    const oldHi = this.hi;
    this.swap();
    // The old distribution is now the spare buffer, which every step assumes clean beyond what it writes.
    this.next.fill(0, Math.max(0, oldLo + OFFSET - 2), oldHi + OFFSET + 3);
    this.lo = lo === Number.POSITIVE_INFINITY ? 0 : lo;
    this.hi = lo === Number.POSITIVE_INFINITY ? 0 : hi;
    this.servers = servers;
  }

  /**
   * Advances the distribution by `minutes` at `arrivalsPerMinute` with the current machines, and
   * returns ∫ E[waiting] over the stretch and, if `average`, the distribution averaged over it.
   * Gives up as soon as ∫ E[waiting] so far exceeds `giveUpAbove` (every term of it is
   * non-negative, so the whole stretch's exceeds it too).
   */
  advance(
    minutes: number,
    arrivalsPerMinute: number,
    average: boolean,
    giveUpAbove = Number.POSITIVE_INFINITY,
  ): Stretch {
    const c = this.servers;
    const k = this.unit;
    const mu = this.serviceRatePerMinute;
    const lambda = arrivalsPerMinute;
    let waiting = this.expectedWaiting();
    // Nobody present and nobody coming: nothing changes.
    const idle = lambda === 0 && this.hi === 0;
    const uniform = Math.max(lambda + Math.max(0, c - 1) * mu, lambda / k + c * mu, (lambda + c * mu) / k);
    if (idle || uniform === 0 || minutes === 0) {
      return {
        waitingIntegral: waiting * minutes,
        average: average ? this.snapshot() : null,
        gaveUp: false,
      };
    }
    const { left, right, weights } = poissonWindow(uniform * minutes, POISSON_TAIL);

    // Flows per step of the uniformised chain.
    const arrive = lambda / uniform;
    const arriveUnit = lambda / (k * uniform);
    const serve = mu / uniform;
    const serveUnit = (c * mu) / (k * uniform);
    // With exponential service and Λ = λ + cμ a queued state always moves: no self-loop.
    const stayQueued = k === 1 && uniform === lambda + c * mu ? 0 : 1 - arriveUnit - serveUnit;
    const stayFull = 1 - arriveUnit - c * serve;
    const arriveBelow = c >= 1 ? arrive : 0;
    const leaveFull = c * serve;

    let lo = this.lo;
    let hi = this.hi;
    const start = average ? this.snapshot() : null;
    this.ensure(hi + right + 8);
    let cur = this.cur;
    let next = this.next;
    const sum = this.sum;
    let atLeastFull = 0;
    let aboveFull = 0;
    for (let n = lo; n <= hi; n++) {
      const p = cur[n + OFFSET] as number;
      if (n >= c) atLeastFull += p;
      if (n > c) aboveFull += p;
    }
    const full = c + OFFSET;
    // Each state's flows, for the states up to three above full (beyond, the queued state's).
    const flows = this.coefficients(c, arrive, arriveUnit, serve, serveUnit, stayFull, stayQueued);
    const { up, stay, down } = flows;
    let sumLo = lo;
    let sumHi = hi;
    let integral = 0;
    let cumulative = 0;
    // With no machine everyone waits and E[waiting] grows by λ a minute: its integral is exact
    // (from the Poisson sum it is a tail 1 − e^(−Λt) divided by Λ, no digit left when Λt is tiny).
    const noMachine = c === 0 ? waiting * minutes + (lambda * minutes * minutes) / 2 : null;
    const giveUpAt = noMachine === null ? giveUpAbove * uniform : Number.POSITIVE_INFINITY;
    for (let step = 0; ; step++) {
      const w = step >= left ? (weights[step - left] as number) : 0;
      cumulative += w;
      // ∫₀ᵗ E[waiting] ds = (1/Λ) Σₖ P(Poisson(Λt) > k)·E_k[waiting]: one term a step.
      integral += (cumulative < 1 ? 1 - cumulative : 0) * waiting;
      if (lo < sumLo) sumLo = lo;
      if (hi > sumHi) sumHi = hi;
      if (integral > giveUpAt) return this.giveUp(cur, next, sumHi + 2, integral / uniform);
      if (step === right) {
        for (let i = lo + OFFSET; i <= hi + OFFSET; i++) sum[i] = (sum[i] as number) + w * (cur[i] as number);
        break;
      }
      const pBelow = c >= 1 && c - 1 >= lo && c - 1 <= hi ? (cur[full - 1] as number) : 0;
      const pFull = c >= lo && c <= hi ? (cur[full] as number) : 0;
      const pAbove = c + 1 >= lo && c + 1 <= hi ? (cur[full + 1] as number) : 0;
      const from = lo > 0 ? lo - 1 : 0;
      if (
        stayQueued === 0 &&
        step + 3 < left &&
        (right - step) % 2 === 0 &&
        hi - lo >= FOUR_STEPS_FROM_WIDTH
      ) {
        // Four steps in one pass before the Poisson window (nothing is summed there), for
        // exponential service. From four states above full on, every path of four steps runs
        // through queued states, which move up with a and down with b: P⁴ is the binomial
        // stencil a⁴, 4a³b, 6a²b², 4ab³, b⁴ on the states 4, 2, 0, −2, −4 below. Below that the
        // steps are taken state by state in a small window, which also gives the states around
        // full after each step for the running figures. (In the window, the four steps' terms
        // of the Poisson sum as one seven-state stencil were slower than two two-step passes.)
        const a = arriveUnit;
        const b = serveUnit;
        const interior = Math.max(c + 4, lo - 4);
        const start4 = lo > 4 ? lo - 4 : 0;
        const to = hi + 4;
        const around = this.stepAround(cur, lo, hi, start4, interior, next, c);
        const a4 = a * a * a * a;
        const a3b = 4 * a * a * a * b;
        const a2b2 = 6 * a * a * b * b;
        const ab3 = 4 * a * b * b * b;
        const b4 = b * b * b * b;
        // Each parity on its own: the stencil reads only states of the same parity.
        for (let first = interior; first <= interior + 1 && first <= to; first++) {
          let i = first + OFFSET;
          let c0 = cur[i - 4] as number;
          let c1 = cur[i - 2] as number;
          let c2 = cur[i] as number;
          let c3 = cur[i + 2] as number;
          for (; i <= to + OFFSET; i += 2) {
            const c4 = cur[i + 4] as number;
            next[i] = a4 * c0 + a3b * c1 + a2b2 * c2 + ab3 * c3 + b4 * c4;
            c0 = c1;
            c1 = c2;
            c2 = c3;
            c3 = c4;
          }
        }
        // The running figures over the four steps, as in the two-step pass: this step's change,
        // then for each of the next three its term of the integral and its change.
        waiting += arrive * atLeastFull - leaveFull * aboveFull;
        atLeastFull += arriveBelow * pBelow - leaveFull * pFull;
        aboveFull += arriveUnit * pFull - serveUnit * pAbove;
        for (let j = 0; j < 3; j++) {
          step++;
          integral += (cumulative < 1 ? 1 - cumulative : 0) * waiting;
          const reachLo = Math.max(lo - j - 1, 0);
          if (reachLo < sumLo) sumLo = reachLo;
          if (hi + j + 1 > sumHi) sumHi = hi + j + 1;
          if (integral > giveUpAt) return this.giveUp(cur, next, Math.max(sumHi, to) + 2, integral / uniform);
          const below = around[3 * j] as number;
          const atFull = around[3 * j + 1] as number;
          const above = around[3 * j + 2] as number;
          waiting += arrive * atLeastFull - leaveFull * aboveFull;
          atLeastFull += arriveBelow * below - leaveFull * atFull;
          aboveFull += arriveUnit * atFull - serveUnit * above;
        }
        lo = start4;
        hi = to;
      } else if ((right - step) % 2 === 1) {
        // One step (the odd one of the stretch), next[n] = up(n−1)·cur[n−1] + stay(n)·cur[n] +
        // down(n+1)·cur[n+1], with this step's term of the Poisson sum added on the way (cur is
        // zero just outside the window, so the stencil's extra cells add nothing).
        const last = hi + 1 + OFFSET;
        let i = from + OFFSET;
        let below = cur[i - 1] as number;
        let here = cur[i] as number;
        const belowFull = Math.min(full - 1, last);
        for (; i <= belowFull; i++) {
          const n = i - OFFSET;
          const above = cur[i + 1] as number;
          next[i] = arrive * below + (1 - arrive - n * serve) * here + (n + 1) * serve * above;
          sum[i] = (sum[i] as number) + w * here;
          below = here;
          here = above;
        }
        if (i === full && i <= last) {
          const above = cur[i + 1] as number;
          next[i] = arriveBelow * below + stayFull * here + serveUnit * above;
          sum[i] = (sum[i] as number) + w * here;
          below = here;
          here = above;
          i++;
        }
        for (; i <= last; i++) {
          const above = cur[i + 1] as number;
          next[i] = arriveUnit * below + stayQueued * here + serveUnit * above;
          sum[i] = (sum[i] as number) + w * here;
          below = here;
          here = above;
        }
        // Expected waiting, and the mass in and above the full state, change only by flows across
        // the edges of the full state (exact for the uniformised step).
        waiting += arrive * atLeastFull - leaveFull * aboveFull;
        atLeastFull += arriveBelow * pBelow - leaveFull * pFull;
        aboveFull += arriveUnit * pFull - serveUnit * pAbove;
        lo = from;
        hi = last - OFFSET;
      } else {
        // Two steps in one pass, this one and the next: the middle distribution m = P·cur is
        // carried in registers, so each state is read and written once for both (the work is
        // in memory traffic, not arithmetic). Up to two states above full each state has its
        // own flows; above them, the queued state's.
        const wNext = step + 1 >= left ? (weights[step + 1 - left] as number) : 0;
        const to = hi + 2;
        const interior = Math.max(c + 2, lo > 1 ? lo - 2 : 0);
        const start2 = lo > 1 ? lo - 2 : 0;
        if (start2 < interior) {
          // Up to the interior each state with its own flows, m(n + 1) computed a state ahead:
          // m(n) = up(n−1)·cur(n−1) + stay(n)·cur(n) + down(n+1)·cur(n+1), zero below state 0.
          const end = Math.min(interior - 1, to);
          let i = start2 + OFFSET;
          let c0 = cur[i] as number;
          let c1 = cur[i + 1] as number;
          let mBelow =
            start2 === 0
              ? 0
              : (up[start2 - 1] as number) * (cur[i - 2] as number) +
                (stay[start2] as number) * (cur[i - 1] as number) +
                (down[start2 + 1] as number) * c0;
          let mHere =
            (up[start2] as number) * (cur[i - 1] as number) +
            (stay[start2 + 1] as number) * c0 +
            (down[start2 + 2] as number) * c1;
          for (let n = start2; n <= end; n++, i++) {
            const c2 = cur[i + 2] as number;
            const upHere = up[n + 1] as number;
            const stayAbove = stay[n + 2] as number;
            const mAbove = upHere * c0 + stayAbove * c1 + (down[n + 3] as number) * c2;
            next[i] =
              (up[n] as number) * mBelow + (stay[n + 1] as number) * mHere + (down[n + 2] as number) * mAbove;
            sum[i] = (sum[i] as number) + w * c0 + wNext * mHere;
            mBelow = mHere;
            mHere = mAbove;
            c0 = c1;
            c1 = c2;
          }
        }
        if (interior <= to) {
          const a = arriveUnit;
          const b = serveUnit;
          const s = stayQueued;
          let i = interior + OFFSET;
          let c0 = cur[i] as number;
          let c1 = cur[i + 1] as number;
          let mBelow = a * (cur[i - 2] as number) + s * (cur[i - 1] as number) + b * c0;
          let mHere = a * (cur[i - 1] as number) + s * c0 + b * c1;
          const last = to + OFFSET;
          if (w === 0 && wNext === 0 && s === 0) {
            // Before the Poisson window, exponential service: P² has three terms a state.
            const aa = a * a;
            const ab2 = 2 * a * b;
            const bb = b * b;
            let c2 = cur[i - 2] as number;
            let c3 = cur[i - 1] as number;
            for (; i <= last; i++) {
              const c4 = cur[i + 2] as number;
              next[i] = aa * c2 + ab2 * c0 + bb * c4;
              c2 = c3;
              c3 = c0;
              c0 = c1;
              c1 = c4;
            }
          } else if (s === 0) {
            // In the Poisson window, exponential service: a queued state always moves.
            for (; i <= last; i++) {
              const c2 = cur[i + 2] as number;
              const mAbove = a * c0 + b * c2;
              next[i] = a * mBelow + b * mAbove;
              sum[i] = (sum[i] as number) + w * c0 + wNext * mHere;
              mBelow = mHere;
              mHere = mAbove;
              c0 = c1;
              c1 = c2;
            }
          } else {
            for (; i <= last; i++) {
              const c2 = cur[i + 2] as number;
              const mAbove = a * c0 + s * c1 + b * c2;
              next[i] = a * mBelow + s * mHere + b * mAbove;
              sum[i] = (sum[i] as number) + w * c0 + wNext * mHere;
              mBelow = mHere;
              mHere = mAbove;
              c0 = c1;
              c1 = c2;
            }
          }
        }
        // The flows across the edges of the full state, for this step and then the next.
        const mBelowFull = c >= 1 ? middleAt(cur, lo, hi, c - 1, flows) : 0;
        const mFull = middleAt(cur, lo, hi, c, flows);
        const mAboveFull = middleAt(cur, lo, hi, c + 1, flows);
        waiting += arrive * atLeastFull - leaveFull * aboveFull;
        atLeastFull += arriveBelow * pBelow - leaveFull * pFull;
        aboveFull += arriveUnit * pFull - serveUnit * pAbove;
        // The next step's term of the integral, as at the top of the loop.
        step++;
        cumulative += wNext;
        integral += (cumulative < 1 ? 1 - cumulative : 0) * waiting;
        if (from < sumLo) sumLo = from;
        if (hi + 1 > sumHi) sumHi = hi + 1;
        if (integral > giveUpAt) return this.giveUp(cur, next, Math.max(sumHi, to) + 2, integral / uniform);
        waiting += arrive * atLeastFull - leaveFull * aboveFull;
        atLeastFull += arriveBelow * mBelowFull - leaveFull * mFull;
        aboveFull += arriveUnit * mFull - serveUnit * mAboveFull;
        lo = start2;
        hi = to;
      }
      const old = cur;
      cur = next;
      next = old;
      // Drop negligible states at the ends of the window.
      while (hi > lo && (cur[hi + OFFSET] as number) < STATE_FLOOR) {
        const p = cur[hi + OFFSET] as number;
        if (hi >= c) atLeastFull -= p;
        if (hi > c) {
          aboveFull -= p;
          waiting -= p * k * (hi - c);
        }
        cur[hi + OFFSET] = 0;
        hi--;
      }
      while (lo < hi && (cur[lo + OFFSET] as number) < STATE_FLOOR) {
        const p = cur[lo + OFFSET] as number;
        if (lo >= c) atLeastFull -= p;
        if (lo > c) {
          aboveFull -= p;
          waiting -= p * k * (lo - c);
        }
        cur[lo + OFFSET] = 0;
        lo++;
      }
      // Every read is within eight states of the window (four below state 0): those are zero.
      const bottom = lo + OFFSET;
      const top = hi + OFFSET;
      cur[top + 1] = 0;
      cur[top + 2] = 0;
      cur[top + 3] = 0;
      cur[top + 4] = 0;
      cur[top + 5] = 0;
      cur[top + 6] = 0;
      cur[top + 7] = 0;
      cur[top + 8] = 0;
      cur[bottom - 1] = 0;
      cur[bottom - 2] = 0;
      cur[bottom - 3] = 0;
      cur[bottom - 4] = 0;
      if (bottom >= 8) {
        cur[bottom - 5] = 0;
        cur[bottom - 6] = 0;
        cur[bottom - 7] = 0;
        cur[bottom - 8] = 0;
      }
    }
    // The stretch's end distribution is the Poisson-weighted sum; the other buffers start clean.
    cur.fill(0, 0, sumHi + OFFSET + 5);
    next.fill(0, 0, sumHi + OFFSET + 5);
    this.cur = sum;
    this.sum = cur;
    this.next = next;
    this.lo = sumLo;
    this.hi = sumHi;
    while (this.hi > this.lo && (sum[this.hi + OFFSET] as number) === 0) this.hi--;
    while (this.lo < this.hi && (sum[this.lo + OFFSET] as number) === 0) this.lo++;
    const averaged =
      start === null ? null : this.averageOver(start, minutes, lambda, sumLo, Math.max(sumHi, this.hi));
    return { waitingIntegral: noMachine ?? integral / uniform, average: averaged, gaveUp: false };
  }

  /**
   * Four uniformised steps taken state by state on a small window around full (with the flows
   * of {@link coefficients}): writes P⁴·cur into `into` for the states start … interior − 1, and
   * returns the probabilities of the states c − 1, c and c + 1 after one, two and three steps
   * (zero when the window is above them all). `cur` holds the distribution on lo … hi.
   */
  private stepAround(
    cur: Float64Array,
    lo: number,
    hi: number,
    start: number,
    interior: number,
    into: Float64Array,
    c: number,
  ): Float64Array {
    const around = this.around;
    around.fill(0);
    // Nothing within reach of full or below the binomial stencil.
    if (start >= interior) return around;
    // Step j is right on base + j … top − j (from state 0 on when base is 0), which must hold
    // the states start … interior − 1 after four steps and c − 1 … c + 1 after three.
    const base = Math.max(0, Math.min(start, c - 1) - 4);
    const top = Math.max(interior - 1, c + 1) + 4;
    const { up, stay, down } = this.flows;
    // Two rows of the window, each with a zero slot either side: local[row + 1 + n − base] is state n.
    const row = top - base + 3;
    if (this.local.length < 2 * row) this.local = new Float64Array(4 * row);
    const local = this.local;
    let from = 0;
    let to = row;
    local[0] = 0;
    local[row - 1] = 0;
    local[row] = 0;
    local[2 * row - 1] = 0;
    for (let n = base; n <= top; n++) {
      local[1 + n - base] = n >= lo && n <= hi ? (cur[n + OFFSET] as number) : 0;
    }
    for (let j = 1; j <= 4; j++) {
      const first = base === 0 ? 0 : base + j;
      const last = top - j;
      // next(n) = up(n−1)·cur(n−1) + stay(n)·cur(n) + down(n+1)·cur(n+1), the flows at n + 1.
      for (let n = first; n <= last; n++) {
        const i = 1 + n - base;
        local[to + i] =
          (up[n] as number) * (local[from + i - 1] as number) +
          (stay[n + 1] as number) * (local[from + i] as number) +
          (down[n + 2] as number) * (local[from + i + 1] as number);
      }
      if (j < 4) {
        const i = to + 1 + c - base;
        around[3 * (j - 1)] = c >= 1 ? (local[i - 1] as number) : 0;
        around[3 * (j - 1) + 1] = local[i] as number;
        around[3 * (j - 1) + 2] = local[i + 1] as number;
      }
      const swap = from;
      from = to;
      to = swap;
    }
    for (let n = start; n < interior; n++) into[n + OFFSET] = local[from + 1 + n - base] as number;
    return around;
  }

  /** The flows of one uniformised step out of each state up to eight above full (the queued state's beyond). */
  private coefficients(
    c: number,
    arrive: number,
    arriveUnit: number,
    serve: number,
    serveUnit: number,
    stayFull: number,
    stayQueued: number,
  ): Flows {
    if (this.flows.up.length < c + 11) this.flows = newFlows(2 * c + 11);
    const { up, stay, down } = this.flows;
    for (let n = 0; n <= c + 8; n++) {
      up[n + 1] = n < c ? arrive : arriveUnit;
      stay[n + 1] = n < c ? 1 - arrive - n * serve : n === c ? stayFull : stayQueued;
      down[n + 1] = n <= c ? n * serve : serveUnit;
    }
    return this.flows;
  }

  /** A stretch given up: every buffer clean again (up to state `top`), and no distribution. */
  private giveUp(cur: Float64Array, next: Float64Array, top: number, waitingIntegral: number): Stretch {
    const end = top + OFFSET + 5;
    cur.fill(0, 0, end);
    next.fill(0, 0, end);
    this.sum.fill(0, 0, end);
    this.cur = cur;
    this.next = next;
    this.lo = 0;
    this.hi = 0;
    return { waitingIntegral, average: null, gaveUp: true };
  }

  /**
   * The distribution averaged over a stretch of `minutes` that led from `start` to the current
   * one, over states lo … hi. Integrating the forward equation across each cut n | n + 1 gives
   *   L·(d(n+1)·p̄(n+1) − b(n)·p̄(n)) = P_end(N ≤ n) − P_start(N ≤ n),
   * b and d the birth and death rates, so p̄ follows from the two ends in one pass. It is solved
   * outwards from the first state where r(n) = b(n)/d(n+1) falls below 1: upwards multiplying by
   * r < 1, downwards dividing by r ≥ 1, so rounding never grows; the value at that state comes
   * from the total probability.
   */
  private averageOver(start: Snapshot, minutes: number, lambda: number, lo: number, hi: number): Snapshot {
    const c = this.servers;
    const k = this.unit;
    const mu = this.serviceRatePerMinute;
    const width = hi - lo + 1;
    if (this.scratch.length < 3 * width) this.scratch = new Float64Array(6 * width);
    // In the scratch space: the change of the distribution function at each cut (divided by the
    // stretch's length), then p̄ = slope·x + offset along the states.
    const scratch = this.scratch;
    const SLOPE = width;
    const OFF = 2 * width;
    scratch.fill(0, 0, 3 * width);
    let before = 0;
    let after = 0;
    for (let n = lo; n <= hi; n++) {
      const i = n - start.lo;
      before += i >= 0 && i < start.probabilities.length ? (start.probabilities[i] as number) : 0;
      after += n >= this.lo && n <= this.hi ? (this.cur[n + OFFSET] as number) : 0;
      scratch[n - lo] = (after - before) / minutes;
    }
    const mass = (before + after) / 2;
    const births = c === 0 ? birthRate(0, c, lambda, k) * minutes : 0;
    if (c === 0 && births <= PURE_BIRTH_SERIES_UP_TO) {
      pureBirthAverage(start, births, lo, scratch.subarray(OFF, OFF + width));
    } else if (c === 0 || lambda === 0) {
      // Only births (no machine) or only deaths (nobody coming): each cut gives one state directly.
      for (let n = lo; n <= hi; n++) {
        const f = scratch[n - lo] as number;
        if (c === 0) scratch[OFF + n - lo] = -f / birthRate(n, c, lambda, k);
        else if (n + 1 <= hi) scratch[OFF + n + 1 - lo] = f / deathRate(n + 1, c, mu, k);
      }
      if (c !== 0) scratch[SLOPE] = 1;
    } else {
      let pivot = lo;
      while (pivot < hi && birthRate(pivot, c, lambda, k) >= deathRate(pivot + 1, c, mu, k)) pivot++;
      scratch[SLOPE + pivot - lo] = 1;
      for (let n = pivot; n < hi; n++) {
        const death = deathRate(n + 1, c, mu, k);
        const r = birthRate(n, c, lambda, k) / death;
        const i = n - lo;
        scratch[SLOPE + i + 1] = r * (scratch[SLOPE + i] as number);
        scratch[OFF + i + 1] = r * (scratch[OFF + i] as number) + (scratch[i] as number) / death;
      }
      for (let n = pivot - 1; n >= lo; n--) {
        const death = deathRate(n + 1, c, mu, k);
        const r = birthRate(n, c, lambda, k) / death;
        const i = n - lo;
        scratch[SLOPE + i] = (scratch[SLOPE + i + 1] as number) / r;
        scratch[OFF + i] = ((scratch[OFF + i + 1] as number) - (scratch[i] as number) / death) / r;
      }
    }
    let slopes = 0;
    let offsets = 0;
    for (let i = 0; i < width; i++) {
      slopes += scratch[SLOPE + i] as number;
      offsets += scratch[OFF + i] as number;
    }
    const x = slopes === 0 ? 0 : (mass - offsets) / slopes;
    const probabilities = new Array<number>(width);
    for (let i = 0; i < width; i++) {
      probabilities[i] = Math.max(0, (scratch[SLOPE + i] as number) * x + (scratch[OFF + i] as number));
    }
    return { servers: c, lo, probabilities };
  }

  private ensure(size: number): void {
    const needed = size + OFFSET + 4;
    if (needed <= this.cur.length) return;
    let length = this.cur.length;
    while (length < needed) length *= 2;
    const grow = (a: Float64Array) => {
      const b = new Float64Array(length);
      b.set(a);
      return b;
    };
    this.cur = grow(this.cur);
    this.next = grow(this.next);
    this.sum = grow(this.sum);
  }

  private swap(): void {
    const old = this.cur;
    this.cur = this.next;
    this.next = old;
  }
}
