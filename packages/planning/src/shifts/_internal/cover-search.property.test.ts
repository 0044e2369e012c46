import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CoverProblem, FlowEngine } from './cover-network.ts';
import { searchCover } from './cover-search.ts';

// Tiny enough to try every count: each shift carries at most the largest requirement it
// meets (an optimal cover's people are each the last one on duty somewhere).
const MAX_PERIODS = 7;
const MAX_SHIFTS = 5;
const MAX_NEED = 2;

const covers = (s: { start: number; length: number }, t: number, n: number): boolean =>
  (t - s.start + n) % n < s.length;

const problem = fc.integer({ min: 2, max: MAX_PERIODS }).chain((periods) =>
  fc
    .record({
      cyclic: fc.boolean(),
      shifts: fc.array(
        fc.record({ start: fc.nat(periods - 1), length: fc.integer({ min: 1, max: periods }) }),
        {
          minLength: 1,
          maxLength: MAX_SHIFTS,
        },
      ),
      requirement: fc.array(fc.nat(MAX_NEED), { minLength: periods, maxLength: periods }),
    })
    .map(({ cyclic, shifts, requirement }): CoverProblem => {
      const kept = cyclic ? shifts : shifts.filter((s) => s.start + s.length <= periods);
      const list = kept.length > 0 ? kept : [{ start: 0, length: periods }];
      return {
        periods,
        requirement: requirement.map((r, t) => (list.some((s) => covers(s, t, periods)) ? r : 0)),
        shifts: list.map((s) => ({ ...s, wraps: s.start + s.length > periods })),
      };
    }),
);

/** Fewest paid periods, then fewest people, over every count vector. */
function bruteForce(p: CoverProblem): { periods: number; people: number } {
  const caps = p.shifts.map((s) => {
    let peak = 0;
    for (let t = 0; t < p.periods; t++)
      if (covers(s, t, p.periods)) peak = Math.max(peak, p.requirement[t] ?? 0);
    return peak;
  });
  let best = { periods: Number.POSITIVE_INFINITY, people: Number.POSITIVE_INFINITY };
  const counts = p.shifts.map(() => 0);
  const visit = (k: number): void => {
    if (k === p.shifts.length) {
      for (let t = 0; t < p.periods; t++) {
        let on = 0;
        p.shifts.forEach((s, j) => {
          if (covers(s, t, p.periods)) on += counts[j] ?? 0;
        });
        if (on < (p.requirement[t] ?? 0)) return;
      }
      let periods = 0;
      let people = 0;
      p.shifts.forEach((s, j) => {
        periods += (counts[j] ?? 0) * s.length;
        people += counts[j] ?? 0;
      });
      if (periods < best.periods || (periods === best.periods && people < best.people))
        best = { periods, people };
      return;
    }
    for (let c = 0; c <= (caps[k] ?? 0); c++) {
      counts[k] = c;
      visit(k + 1);
    }
  };
  visit(0);
  return best;
}

function summary(p: CoverProblem, counts: number[]): { periods: number; people: number; covered: boolean } {
  let periods = 0;
  let people = 0;
  p.shifts.forEach((s, k) => {
    periods += (counts[k] ?? 0) * s.length;
    people += counts[k] ?? 0;
  });
  let covered = true;
  for (let t = 0; t < p.periods; t++) {
    let on = 0;
    p.shifts.forEach((s, k) => {
      if (covers(s, t, p.periods)) on += counts[k] ?? 0;
    });
    if (on < (p.requirement[t] ?? 0)) covered = false;
  }
  return { periods, people, covered };
}

const ENGINES: FlowEngine[] = ['primal-dual', 'simplex'];

describe.each(ENGINES)('searchCover on the %s engine against trying every count', (engine) => {
  it('proves the cheapest cover (paid periods, then people) on tiny cyclic and straight days', () => {
    fc.assert(
      fc.property(problem, (p) => {
        const result = searchCover(p, 20_000, engine);
        const ours = summary(p, result.counts ?? []);
        const best = bruteForce(p);
        expect(result.optimal).toBe(true);
        expect(ours).toEqual({ ...best, covered: true });
      }),
    );
  });

  it('returns a real cover, not claimed optimal, when stopped after one subproblem', () => {
    // Three 2-period shifts on a 3-period circle: the LP takes half of each, so one subproblem
    // cannot settle it.
    const p: CoverProblem = {
      periods: 3,
      requirement: [1, 1, 1],
      shifts: [0, 1, 2].map((start) => ({ start, length: 2, wraps: start + 2 > 3 })),
    };
    const stopped = searchCover(p, 1, engine);
    expect(stopped.optimal).toBe(false);
    if (stopped.counts) expect(summary(p, stopped.counts).covered).toBe(true);
    const full = searchCover(p, 20_000, engine);
    expect(full.optimal).toBe(true);
    expect(summary(p, full.counts ?? [])).toEqual({ periods: 4, people: 2, covered: true });
  });
});
