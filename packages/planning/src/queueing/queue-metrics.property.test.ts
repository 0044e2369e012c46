import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangC } from './erlang-c.ts';
import { queueMetrics } from './queue-metrics.ts';

/** Loads and sizes a planner meets, from a quiet commune to a national call-centre-sized pool. */
const MAX_SERVERS_TRIED = 2_000;

describe('queueMetrics laws', () => {
  it('never makes anyone wait longer when a machine is added', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5_000, noNaN: true }),
        fc.double({ min: 0.5, max: 30, noNaN: true }),
        fc.integer({ min: 1, max: MAX_SERVERS_TRIED }),
        fc.constantFrom(0, 0.5, 1, 1.5),
        (arrivalsPerHour, serviceMinutes, servers, serviceCv) => {
          const fewer = queueMetrics({ arrivalsPerHour, serviceMinutes, servers, serviceCv });
          const more = queueMetrics({ arrivalsPerHour, serviceMinutes, servers: servers + 1, serviceCv });
          expect(more.meanWaitMinutes).toBeLessThanOrEqual(fewer.meanWaitMinutes);
          expect(more.probabilityOfWait).toBeLessThanOrEqual(fewer.probabilityOfWait);
          expect(more.serviceLevel(10)).toBeGreaterThanOrEqual(fewer.serviceLevel(10));
          expect(more.waitPercentileMinutes(0.9)).toBeLessThanOrEqual(fewer.waitPercentileMinutes(0.9));
        },
      ),
    );
  });

  it('is a probability and a finite wait whenever the queue is stable', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0, max: 0.9999, noNaN: true }),
        (servers, rho) => {
          const c = erlangC(servers, servers * rho);
          expect(c).toBeGreaterThanOrEqual(0);
          expect(c).toBeLessThanOrEqual(1);
          const m = queueMetrics({ arrivalsPerHour: servers * rho * 12, serviceMinutes: 5, servers });
          expect(Number.isFinite(m.meanWaitMinutes)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});
