import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateStaffing } from './evaluate-staffing.ts';

/** Rounding of the solution (probabilities to about 1e-12) allowed when two waits are compared. */
const ROUNDING = 1e-7;

/** A small site-day: 3 to 8 hours, up to 60 arrivals an hour, 0 to 4 machines (at least 1 in the last). */
const day = fc.integer({ min: 3, max: 8 }).chain((hours) =>
  fc.record({
    arrivalsPerHour: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: hours, maxLength: hours }),
    machinesOpen: fc
      .array(fc.integer({ min: 0, max: 4 }), { minLength: hours, maxLength: hours })
      .map((m) => [...m.slice(0, -1), Math.max(1, m.at(-1) ?? 1)]),
    serviceMinutes: fc.double({ min: 2, max: 8, noNaN: true }),
    serviceCv: fc.constantFrom(0.5, 1, 1.5),
    extra: fc.nat(),
  }),
);

describe('evaluateStaffing laws', () => {
  it('never makes anyone wait longer when a machine is added in any hour', () => {
    fc.assert(
      fc.property(day, ({ extra, ...site }) => {
        const hour = extra % site.machinesOpen.length;
        const more = site.machinesOpen.map((m, h) => (h === hour ? m + 1 : m));
        const before = evaluateStaffing(site);
        const after = evaluateStaffing({ ...site, machinesOpen: more });
        after.hours.forEach((h, i) => {
          const was = before.hours[i]?.meanWaitMinutes ?? 0;
          expect(h.meanWaitMinutes).toBeLessThanOrEqual(was * (1 + ROUNDING) + ROUNDING);
          expect(h.queueAtEnd).toBeLessThanOrEqual(
            (before.hours[i]?.queueAtEnd ?? 0) * (1 + ROUNDING) + ROUNDING,
          );
        });
        expect(after.waitingAtClose).toBeLessThanOrEqual(before.waitingAtClose * (1 + ROUNDING) + ROUNDING);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the probability it drops below its stated bound, and gives nobody a wait when nobody comes', () => {
    fc.assert(
      fc.property(day, ({ extra: _extra, ...site }) => {
        const evaluation = evaluateStaffing(site);
        expect(evaluation.truncationError).toBeLessThan(1e-7);
        // Everyone arriving is counted: the hours add up to the day.
        const arrivals = site.arrivalsPerHour.reduce((a, b) => a + b, 0);
        expect(evaluation.arrivals).toBeCloseTo(arrivals, 9);
        const quiet = evaluateStaffing({ ...site, arrivalsPerHour: site.arrivalsPerHour.map(() => 0) });
        for (const h of quiet.hours)
          expect([h.meanWaitMinutes, h.queueAtEnd, h.shareWaitingLonger]).toEqual([0, 0, 0]);
      }),
      { numRuns: 60 },
    );
  });
});
