import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BirthDeathChain, type Snapshot, STATE_FLOOR } from './birth-death-chain.ts';

/**
 * States of the oracle's chain: the arbitraries below bring at most about 60 dossiers (a start
 * of up to 20 and Poisson(≤ 30) arrivals), so the mass that could reach the top is below 1e-15.
 */
const STATES = 100;
/** Rounding of the oracle (a dense matrix exponential, about 1e-13) and of the chain's sums. */
const ROUNDING = 1e-11;

/**
 * Oracle: e^{Mt} for M = [[Q, p0], [0, 0]] by scaling and squaring a Taylor series, a different
 * method from the chain's uniformisation. Its top-left block applied to p0 is the distribution at
 * t, and its last column ∫₀ᵗ e^{Qs}·p0 ds (Van Loan 1978), from which the time average and
 * ∫ E[waiting] follow.
 */
function oracle(
  generator: Float64Array[],
  start: number,
  minutes: number,
): { end: Float64Array; integral: Float64Array } {
  const n = STATES + 1;
  let m: Float64Array[] = Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(n);
    if (i < STATES) for (let j = 0; j < STATES; j++) row[j] = (generator[i] as Float64Array)[j] as number;
    return row;
  });
  (m[start] as Float64Array)[STATES] = 1;
  let norm = 0;
  for (let j = 0; j < n; j++) {
    let column = 0;
    for (let i = 0; i < n; i++) column += Math.abs((m[i] as Float64Array)[j] as number);
    norm = Math.max(norm, column * minutes);
  }
  const squarings = Math.max(0, Math.ceil(Math.log2(norm / 0.25)));
  const scale = minutes / 2 ** squarings;
  m = m.map((row) => row.map((x) => x * scale));
  // Taylor series of e^m to degree 24 (the scaled norm is at most 1/4).
  let term = identity(n);
  let sum = identity(n);
  for (let degree = 1; degree <= 24; degree++) {
    term = multiply(term, m).map((row) => row.map((x) => x / degree));
    sum = sum.map((row, i) => row.map((x, j) => x + ((term[i] as Float64Array)[j] as number)));
  }
  for (let s = 0; s < squarings; s++) sum = multiply(sum, sum);
  const end = new Float64Array(STATES);
  const integral = new Float64Array(STATES);
  for (let i = 0; i < STATES; i++) {
    end[i] = (sum[i] as Float64Array)[start] as number;
    integral[i] = (sum[i] as Float64Array)[STATES] as number;
  }
  return { end, integral };
}

function identity(n: number): Float64Array[] {
  return Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(n);
    row[i] = 1;
    return row;
  });
}

function multiply(a: Float64Array[], b: Float64Array[]): Float64Array[] {
  const n = a.length;
  return a.map((row) => {
    const out = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const x = row[k] as number;
      if (x === 0) continue;
      const other = b[k] as Float64Array;
      for (let j = 0; j < n; j++) out[j] = (out[j] as number) + x * (other[j] as number);
    }
    return out;
  });
}

/** The forward generator of the chain as its documentation states it (column n: out of state n). */
function generatorOf(servers: number, unit: number, arrivalsPerMinute: number, serviceRatePerMinute: number) {
  const q = Array.from({ length: STATES }, () => new Float64Array(STATES));
  for (let n = 0; n < STATES; n++) {
    const birth = n + 1 < STATES ? (n < servers ? arrivalsPerMinute : arrivalsPerMinute / unit) : 0;
    const death = n <= servers ? n * serviceRatePerMinute : (servers * serviceRatePerMinute) / unit;
    if (birth > 0) (q[n + 1] as Float64Array)[n] = birth;
    if (n > 0 && death > 0) (q[n - 1] as Float64Array)[n] = death;
    (q[n] as Float64Array)[n] = -(birth + (n > 0 ? death : 0));
  }
  return q;
}

/** A state's probability in a snapshot (0 outside its window). */
function probabilityAt(snapshot: Snapshot, n: number): number {
  return snapshot.probabilities[n - snapshot.lo] ?? 0;
}

/**
 * Every probability of the chain's distribution within the mass it dropped (its stated bound) of
 * the oracle's `end`; returns that mass.
 */
function expectEndWithinDropped(chain: BirthDeathChain, end: Float64Array): number {
  const dropped = Math.max(0, 1 - chain.mass());
  const got = chain.snapshot();
  for (let n = 0; n < STATES; n++) {
    expect(Math.abs(probabilityAt(got, n) - (end[n] as number)), `state ${n}`).toBeLessThanOrEqual(
      dropped + ROUNDING,
    );
  }
  return dropped;
}

const stretch = fc.record({
  servers: fc.integer({ min: 0, max: 6 }),
  // Exponential service (1), and the units of service with cv 0.5 and 1.5.
  unit: fc.constantFrom(1, 0.625, 1.625),
  // Nobody, next to nobody (with no machine the time average is then a series, not the two
  // ends' difference, which had no digit left), or from 0.06 an hour.
  arrivalsPerMinute: fc.oneof(
    fc.constant(0),
    fc.double({ min: 1e-15, max: 1e-3, noNaN: true }),
    fc.double({ min: 1e-3, max: 1.5, noNaN: true }),
  ),
  serviceRatePerMinute: fc.double({ min: 0.1, max: 1, noNaN: true }),
  minutes: fc.double({ min: 0.5, max: 20, noNaN: true }),
  start: fc.integer({ min: 0, max: 20 }),
});

describe('BirthDeathChain.advance', () => {
  it('gives the distribution of the forward equations after stretches run one after another (buffers reused)', () => {
    fc.assert(
      fc.property(
        stretch,
        fc.array(fc.double({ min: 0.5, max: 10, noNaN: true }), { minLength: 2, maxLength: 4 }),
        ({ servers, unit, arrivalsPerMinute, serviceRatePerMinute, start }, stretches) => {
          const chain = new BirthDeathChain(serviceRatePerMinute, unit, servers);
          chain.restore({ servers, lo: start, probabilities: [1] });
          for (const minutes of stretches) chain.advance(minutes, arrivalsPerMinute, false);
          const total = stretches.reduce((a, b) => a + b, 0);
          const { end } = oracle(
            generatorOf(servers, unit, arrivalsPerMinute, serviceRatePerMinute),
            start,
            total,
          );
          expectEndWithinDropped(chain, end);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('gives the distribution, its time average and ∫ E[waiting] of the forward equations, within the probability it drops', () => {
    fc.assert(
      fc.property(stretch, ({ servers, unit, arrivalsPerMinute, serviceRatePerMinute, minutes, start }) => {
        const chain = new BirthDeathChain(serviceRatePerMinute, unit, servers);
        chain.restore({ servers, lo: start, probabilities: [1] });
        const result = chain.advance(minutes, arrivalsPerMinute, true);
        const { end, integral } = oracle(
          generatorOf(servers, unit, arrivalsPerMinute, serviceRatePerMinute),
          start,
          minutes,
        );
        const dropped = expectEndWithinDropped(chain, end);
        // ∫ E[waiting]: each state's waiting (at most unit·STATES) off by at most the mass dropped.
        let waitingIntegral = 0;
        for (let n = servers + 1; n < STATES; n++)
          waitingIntegral += unit * (n - servers) * (integral[n] as number);
        expect(Math.abs(result.waitingIntegral - waitingIntegral)).toBeLessThanOrEqual(
          (dropped + ROUNDING) * unit * STATES * minutes,
        );
        // The time average, read from the stretch's two ends: each cut's change of the
        // distribution function (off by the mass dropped) divided by the stretch's length and a
        // death rate, summed over at most every state. A birth rate divides it only with no
        // machine and more than one birth expected (below, it is a series), where λL/k > 1 makes
        // that term less than the 1 the bound has already.
        const average = result.average;
        if (average === null) throw new Error('an average was asked for');
        const rates = [serviceRatePerMinute, (servers * serviceRatePerMinute) / unit];
        const slowest = Math.min(...rates.filter((rate) => rate > 0));
        const averageBound = STATES * (dropped + ROUNDING) * (1 + 1 / (minutes * slowest));
        for (let n = 0; n < STATES; n++) {
          expect(
            Math.abs(probabilityAt(average, n) - (integral[n] as number) / minutes),
            `average, state ${n}`,
          ).toBeLessThanOrEqual(averageBound);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('keeps its digits with no machine and next to nobody coming: the time average and ∫ E[waiting] of a pure birth', () => {
    // From one waiting, births at λ: at t the state is 1 + Poisson(λt); averaged over L, state 1
    // has (1 − e^(−a))/a and state 2 about a/2 (a = λL, the next terms below a²); E[waiting] grows
    // by λ a minute from 1, so its integral is L + λL²/2. These were read from the two ends'
    // difference, which keeps no digit when a is tiny (state 1's average came out 0).
    for (const arrivalsPerMinute of [1e-15, 1e-9, 1e-5]) {
      for (const minutes of [0.5, 60]) {
        const chain = new BirthDeathChain(0.2, 1, 0);
        chain.restore({ servers: 0, lo: 1, probabilities: [1] });
        const result = chain.advance(minutes, arrivalsPerMinute, true);
        const a = arrivalsPerMinute * minutes;
        const average = result.average;
        if (average === null) throw new Error('an average was asked for');
        const at = (n: number) => probabilityAt(average, n);
        const label = `λ ${arrivalsPerMinute} a minute over ${minutes} min`;
        expect(Math.abs(at(1) - -Math.expm1(-a) / a), label).toBeLessThan(1e-14);
        // State 2 is kept once it holds more than the chain's floor (below it a state is dropped
        // and counted in the truncation bound).
        if (a / 2 > STATE_FLOOR) expect(Math.abs(at(2) - a / 2), label).toBeLessThan(a * a);
        else expect(at(2), label).toBeLessThanOrEqual(a / 2);
        const integral = minutes + (arrivalsPerMinute * minutes * minutes) / 2;
        expect(Math.abs(result.waitingIntegral - integral), label).toBeLessThan(1e-12 * minutes);
      }
    }
  });

  it('leaves nothing behind when it gives up a stretch: run again from the same start, it gives what a fresh chain gives', () => {
    // A backlog draining (the window's top falls), given up part way through its ∫ E[waiting], then
    // the same stretch again on the same chain, as the planner tries the next machine count.
    fc.assert(
      fc.property(
        fc.record({
          servers: fc.integer({ min: 1, max: 6 }),
          unit: fc.constantFrom(1, 0.625, 1.625),
          arrivalsPerMinute: fc.double({ min: 0, max: 0.5, noNaN: true }),
          serviceRatePerMinute: fc.double({ min: 0.1, max: 1, noNaN: true }),
          minutes: fc.double({ min: 5, max: 40, noNaN: true }),
          start: fc.integer({ min: 10, max: 40 }),
          share: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        }),
        ({ servers, unit, arrivalsPerMinute, serviceRatePerMinute, minutes, start, share }) => {
          const from = { servers, lo: start, probabilities: [1] };
          const fresh = new BirthDeathChain(serviceRatePerMinute, unit, servers);
          fresh.restore(from);
          const whole = fresh.advance(minutes, arrivalsPerMinute, true);
          const reused = new BirthDeathChain(serviceRatePerMinute, unit, servers);
          reused.restore(from);
          const given = reused.advance(minutes, arrivalsPerMinute, true, share * whole.waitingIntegral);
          expect(given.gaveUp).toBe(true);
          reused.restore(from);
          const again = reused.advance(minutes, arrivalsPerMinute, true);
          expect(again.waitingIntegral).toBe(whole.waitingIntegral);
          const [expected, got] = [fresh.snapshot(), reused.snapshot()];
          expect(got.lo).toBe(expected.lo);
          expect(got.probabilities).toEqual(expected.probabilities);
          expect(again.average).toEqual(whole.average);
        },
      ),
      { numRuns: 60 },
    );
  });
});
