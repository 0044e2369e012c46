import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { exactErlangC } from './_internal/exact-erlang-c.oracle.ts';
import { erlangC } from './erlang-c.ts';

/** The bound on relative error against an exact computation. */
const MAX_RELATIVE_ERROR = 1e-9;

describe('erlangC', () => {
  it('equals the closed forms of M/M/1 (C = ρ) and M/M/2 (C = 2ρ²/(1 + ρ)) from Gross & Harris, Fundamentals of Queueing Theory §2.3', () => {
    for (const rho of [0.1, 0.5, 0.75, 0.9, 0.99]) {
      expect(erlangC(1, rho)).toBeCloseTo(rho, 14);
      expect(erlangC(2, 2 * rho)).toBeCloseTo((2 * rho * rho) / (1 + rho), 14);
    }
  });

  it('matches the published worked example of Call Centre Helper, "Erlang C Formula – Made Simple" (10 Erlangs, 11 to 14 agents)', () => {
    // 100 calls in 30 minutes with a 180-second handling time: 10 Erlangs. The article tabulates
    // the probability of waiting as 68.21 %, 44.94 %, 28.53 % and 17.41 % for 11 to 14 agents.
    const published = [
      [11, 0.6821],
      [12, 0.4494],
      [13, 0.2853],
      [14, 0.1741],
    ] as const;
    for (const [agents, probability] of published) expect(erlangC(agents, 10)).toBeCloseTo(probability, 4);
  });

  it('agrees with exact rational summation to 1e-9 from 1 to 10,000 servers and loads up to 9,999 Erlangs', () => {
    // [servers, load numerator, load denominator]: light, heavy and nearly saturated loads, across
    // the sizes where factorials overflow doubles (171 and up).
    const cases: [number, bigint, bigint][] = [
      [1, 1n, 2n],
      [3, 2n, 1n],
      [7, 63n, 10n],
      [50, 45n, 1n],
      [170, 16_150n, 100n],
      [171, 170n, 1n],
      [500, 4_995n, 10n],
      [1_000, 9_700n, 10n],
      [10_000, 9_999n, 1n],
      [10_000, 99_900n, 10n],
    ];
    for (const [servers, p, q] of cases) {
      const exact = exactErlangC(servers, p, q);
      const computed = erlangC(servers, Number(p) / Number(q));
      expect(Math.abs(computed - exact) / exact, `${servers} servers, ${p}/${q} Erlangs`).toBeLessThan(
        MAX_RELATIVE_ERROR,
      );
    }
  });

  it('is 1 at and above saturation and 0 with no load, and never NaN for huge sizes', () => {
    expect(erlangC(5, 5)).toBe(1);
    expect(erlangC(5, 7.5)).toBe(1);
    expect(erlangC(10, 0)).toBe(0);
    const huge = erlangC(1_000_000, 999_000);
    expect(Number.isFinite(huge)).toBe(true);
    expect(huge).toBeGreaterThanOrEqual(0);
    expect(erlangC(10_000, 10)).toBe(0);
  });

  it('refuses a non-integer server count and a negative load, naming the field', () => {
    expect(() => erlangC(2.5, 1)).toThrow(PlanningInputError);
    expect(() => erlangC(0, 1)).toThrow(/servers/);
    expect(() => erlangC(3, -1)).toThrow(/offeredLoadErlangs/);
    expect(() => erlangC(3, Number.NaN)).toThrow(PlanningInputError);
  });
});
