import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BirthDeathChain } from './birth-death-chain.ts';

/**
 * States of the oracle's chain: starts reach state 560 at most (a centre up to 320 and 16
 * standard deviations of up to 15 either side), and 60 minutes at up to 1.8 times 20 machines of
 * rate 0.5 bring fewer than 1,300 more (beyond, a mass far below 1e-15).
 */
const STATES = 2_000;
/** Rounding of the oracle's and the chain's sums over about 2,000 steps. */
const ROUNDING = 1e-11;
/** Standard deviations of the Poisson count past its mean where the oracle stops (beyond, below 1e-30). */
const ORACLE_DEVIATIONS = 12;

/**
 * Oracle: the forward equations by plain uniformisation, one step at a time on every state from
 * 0 to STATES − 1, with nothing dropped, at a rate Λ 5 % above the largest total rate (so its
 * steps are not the chain's): the distribution at t is Σₖ Poisson(Λt; k)·Pᵏ·p₀, and ∫₀ᵗ of it
 * (1/Λ)·Σₖ P(Poisson(Λt) > k)·Pᵏ·p₀.
 */
function oracle(
  servers: number,
  unit: number,
  arrivalsPerMinute: number,
  serviceRatePerMinute: number,
  start: Float64Array,
  minutes: number,
): { end: Float64Array; integral: Float64Array } {
  const births = new Float64Array(STATES);
  const deaths = new Float64Array(STATES);
  let fastest = 0;
  for (let n = 0; n < STATES; n++) {
    births[n] = n + 1 >= STATES ? 0 : n < servers ? arrivalsPerMinute : arrivalsPerMinute / unit;
    deaths[n] =
      n === 0 ? 0 : n <= servers ? n * serviceRatePerMinute : (servers * serviceRatePerMinute) / unit;
    fastest = Math.max(fastest, (births[n] as number) + (deaths[n] as number));
  }
  const uniform = 1.05 * fastest;
  const mean = uniform * minutes;
  const up = births.map((rate) => rate / uniform);
  const down = deaths.map((rate) => rate / uniform);
  let cur = Float64Array.from(start);
  let next = new Float64Array(STATES);
  const end = new Float64Array(STATES);
  const integral = new Float64Array(STATES);
  let logFactorial = 0;
  let cumulative = 0;
  for (let k = 0; ; k++) {
    if (k > 0) logFactorial += Math.log(k);
    const weight = Math.exp(-mean + k * Math.log(mean) - logFactorial);
    cumulative += weight;
    for (let n = 0; n < STATES; n++) {
      end[n] = (end[n] as number) + weight * (cur[n] as number);
      integral[n] = (integral[n] as number) + ((1 - cumulative) / uniform) * (cur[n] as number);
    }
    if (k > mean + ORACLE_DEVIATIONS * Math.sqrt(mean) + 20) break;
    for (let n = 0; n < STATES; n++) {
      const fromBelow = n > 0 ? (up[n - 1] as number) * (cur[n - 1] as number) : 0;
      const fromAbove = n + 1 < STATES ? (down[n + 1] as number) * (cur[n + 1] as number) : 0;
      next[n] = fromBelow + (1 - (up[n] as number) - (down[n] as number)) * (cur[n] as number) + fromAbove;
    }
    [cur, next] = [next, cur];
  }
  return { end, integral };
}

/** A bell of states around `centre`, kept where it is above 1e-12 of its peak, as an array and as a window. */
function bell(centre: number, spread: number): { start: Float64Array; lo: number; probabilities: number[] } {
  const start = new Float64Array(STATES);
  let total = 0;
  for (let n = 0; n < STATES; n++) {
    const z = (n - centre) / spread;
    const p = z * z < 2 * 27.6 ? Math.exp((-z * z) / 2) : 0;
    start[n] = p;
    total += p;
  }
  let lo = 0;
  while (start[lo] === 0) lo++;
  let hi = STATES - 1;
  while (start[hi] === 0) hi--;
  const probabilities: number[] = [];
  for (let n = lo; n <= hi; n++) {
    start[n] = (start[n] as number) / total;
    probabilities.push(start[n] as number);
  }
  return { start, lo, probabilities };
}

const wideStretch = fc.record({
  servers: fc.integer({ min: 1, max: 20 }),
  // Exponential service (1), and the unit of service with cv 0.5.
  unit: fc.constantFrom(1, 0.625),
  serviceRatePerMinute: fc.double({ min: 0.1, max: 0.5, noNaN: true }),
  // Arrivals from half to 1.8 times what the machines serve: queues that drain and that grow.
  load: fc.double({ min: 0.5, max: 1.8, noNaN: true }),
  minutes: fc.double({ min: 5, max: 60, noNaN: true }),
  // A start spread over 150 to 500 states (16 standard deviations at the chain's floor).
  centre: fc.integer({ min: 0, max: 320 }),
  spread: fc.double({ min: 10, max: 15, noNaN: true }),
});

describe('BirthDeathChain.advance over a wide window', () => {
  it('gives the distribution, its time average and ∫ E[waiting] of the forward equations when the window spans hundreds of states, within the probability it drops', () => {
    fc.assert(
      fc.property(wideStretch, ({ servers, unit, serviceRatePerMinute, load, minutes, centre, spread }) => {
        const arrivalsPerMinute = load * servers * serviceRatePerMinute;
        const { start, lo, probabilities } = bell(centre, spread);
        const chain = new BirthDeathChain(serviceRatePerMinute, unit, servers);
        chain.restore({ servers, lo, probabilities });
        const result = chain.advance(minutes, arrivalsPerMinute, true);
        const { end, integral } = oracle(
          servers,
          unit,
          arrivalsPerMinute,
          serviceRatePerMinute,
          start,
          minutes,
        );

        const dropped = Math.max(0, 1 - chain.mass());
        const got = chain.snapshot();
        for (let n = 0; n < STATES; n++) {
          const p = got.probabilities[n - got.lo] ?? 0;
          expect(Math.abs(p - (end[n] as number)), `state ${n}`).toBeLessThanOrEqual(dropped + ROUNDING);
        }
        // ∫ E[waiting]: each state's waiting (at most unit·STATES) off by at most the mass dropped.
        let waitingIntegral = 0;
        for (let n = servers + 1; n < STATES; n++)
          waitingIntegral += unit * (n - servers) * (integral[n] as number);
        expect(Math.abs(result.waitingIntegral - waitingIntegral)).toBeLessThanOrEqual(
          (dropped + ROUNDING) * unit * STATES * minutes,
        );
        // The time average, read from the two ends: each cut's error (the mass dropped) divided
        // by the stretch's length and the slowest death rate, summed over every state.
        const average = result.average;
        if (average === null) throw new Error('an average was asked for');
        const slowest = Math.min(serviceRatePerMinute, (servers * serviceRatePerMinute) / unit);
        const averageBound = STATES * (dropped + ROUNDING) * (1 + 1 / (minutes * slowest));
        for (let n = 0; n < STATES; n++) {
          const p = average.probabilities[n - average.lo] ?? 0;
          expect(Math.abs(p - (integral[n] as number) / minutes), `average, state ${n}`).toBeLessThanOrEqual(
            averageBound,
          );
        }
      }),
      { numRuns: 25 },
    );
  });

  it('leaves nothing behind when it gives up a stretch within its four-step passes: run again from the same start, it gives what a fresh chain gives', () => {
    fc.assert(
      fc.property(
        wideStretch,
        fc.double({ min: 1e-4, max: 0.3, noNaN: true }),
        ({ servers, unit, serviceRatePerMinute, load, minutes, centre, spread }, share) => {
          const arrivalsPerMinute = load * servers * serviceRatePerMinute;
          const { lo, probabilities } = bell(centre, spread);
          const from = { servers, lo, probabilities };
          const fresh = new BirthDeathChain(serviceRatePerMinute, unit, servers);
          fresh.restore(from);
          const whole = fresh.advance(minutes, arrivalsPerMinute, true);
          const reused = new BirthDeathChain(serviceRatePerMinute, unit, servers);
          reused.restore(from);
          // Given up early: most of ∫ E[waiting] comes before the Poisson window.
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
      { numRuns: 25 },
    );
  });
});
