import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queueMetrics } from './queue-metrics.ts';
import { serversForTarget } from './servers-for-target.ts';

const target = fc.record(
  {
    meanWaitMinutes: fc.double({ min: 0.05, max: 120, noNaN: true }),
    serviceLevel: fc.record({
      withinMinutes: fc.double({ min: 0, max: 60, noNaN: true }),
      fraction: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
    }),
    maxUtilization: fc.double({ min: 0.3, max: 1, noNaN: true }),
  },
  { requiredKeys: [] },
);

type Target = {
  meanWaitMinutes?: number;
  serviceLevel?: { withinMinutes: number; fraction: number };
  maxUtilization?: number;
};

function meets(
  q: { arrivalsPerHour: number; serviceMinutes: number; serviceCv: number },
  servers: number,
  t: Target,
) {
  const m = queueMetrics({ ...q, servers });
  if (!m.stable) return false;
  if (t.meanWaitMinutes !== undefined && m.meanWaitMinutes > t.meanWaitMinutes) return false;
  if (t.serviceLevel && m.serviceLevel(t.serviceLevel.withinMinutes) < t.serviceLevel.fraction) return false;
  if (t.maxUtilization !== undefined && m.utilization > t.maxUtilization) return false;
  return true;
}

describe('serversForTarget laws', () => {
  it('answers a count that meets every target given, while one machine fewer does not', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 3_000, noNaN: true }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.constantFrom(0, 0.5, 1, 1.5, 2),
        target,
        (arrivalsPerHour, serviceMinutes, serviceCv, t) => {
          const q = { arrivalsPerHour, serviceMinutes, serviceCv };
          const servers = serversForTarget({ ...q, target: t });
          expect(meets(q, servers, t)).toBe(true);
          if (servers > 1) expect(meets(q, servers - 1, t)).toBe(false);
        },
      ),
    );
  });

  it('never asks for fewer machines when more people come', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 1_000, noNaN: true }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        target,
        (arrivalsPerHour, extra, t) => {
          const base = { serviceMinutes: 3.48, target: t };
          const few = serversForTarget({ ...base, arrivalsPerHour });
          const many = serversForTarget({ ...base, arrivalsPerHour: arrivalsPerHour + extra });
          expect(many).toBeGreaterThanOrEqual(few);
        },
      ),
    );
  });
});
