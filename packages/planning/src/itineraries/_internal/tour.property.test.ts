import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANDIDATES, nearestOf } from './tour.ts';
import { type TravelTable, travelHours } from './travel.ts';

// Tables up to three times a candidate list, so that most stops have more others than are kept.
const MAX_STOPS = 3 * CANDIDATES + 2;
/** Few distinct hours, so ties (zeros and unreachable stops among them) are the rule, not the exception. */
const TIED_HOURS = [0, 0, 0.5, 1, 1, 2, Number.POSITIVE_INFINITY];

const hoursOf = (nan: boolean): fc.Arbitrary<number> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...TIED_HOURS), weight: 3 },
    { arbitrary: fc.double({ min: 0, max: 12, noNaN: true }), weight: 1 },
    ...(nan ? [{ arbitrary: fc.constant(Number.NaN), weight: 1 }] : []),
  );

/** A travel table, the stops of a path through it in path order, and one of those stops. */
const pathIn = (nan: boolean) =>
  fc.integer({ min: 1, max: MAX_STOPS }).chain((size) =>
    fc
      .record({
        hours: fc.array(hoursOf(nan), { minLength: size * size, maxLength: size * size }),
        nodes: fc.shuffledSubarray(
          Array.from({ length: size }, (_, i) => i),
          { minLength: 1 },
        ),
        at: fc.nat(),
      })
      .map(({ hours, nodes, at }) => ({
        table: { size, hours: Float64Array.from(hours), symmetric: false } satisfies TravelTable,
        nodes,
        a: nodes[at % nodes.length] as number,
      })),
  );

/** The reference: every other stop sorted by hours from `a`, then by index, the first CANDIDATES kept. */
function nearestBySorting(table: TravelTable, nodes: readonly number[], a: number): number[] {
  const hours = (b: number): number => travelHours(table, a, b);
  return nodes
    .filter((b) => b !== a)
    .sort((x, y) => (hours(x) < hours(y) ? -1 : hours(x) > hours(y) ? 1 : x - y))
    .slice(0, CANDIDATES);
}

/** The lists as they were made before nearestOf (a996df1), kept where a NaN hour makes the order partial. */
function nearestAsBefore(table: TravelTable, nodes: readonly number[], a: number): number[] {
  const others = nodes.filter((b) => b !== a);
  others.sort((x, y) => travelHours(table, a, x) - travelHours(table, a, y) || x - y);
  return others.slice(0, CANDIDATES);
}

describe('a stop’s nearest stops on a path', () => {
  it(`are the first ${CANDIDATES} of the others sorted by hours, then index, ties, zeros and unreachable stops included`, () => {
    fc.assert(
      fc.property(pathIn(false), ({ table, nodes, a }) => {
        expect(nearestOf(nodes, a, (b) => travelHours(table, a, b))).toEqual(
          nearestBySorting(table, nodes, a),
        );
      }),
    );
  });

  it('are the ones the sort of every stop made when an hour is NaN', () => {
    fc.assert(
      fc.property(pathIn(true), ({ table, nodes, a }) => {
        expect(nearestOf(nodes, a, (b) => travelHours(table, a, b))).toEqual(
          nearestAsBefore(table, nodes, a),
        );
      }),
    );
  });
});
