import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { queueMetrics } from './queue-metrics.ts';

describe('queueMetrics', () => {
  it('gives the M/M/1 textbook wait law: P(W > t) = ρ·e^(−μ(1−ρ)t) and Wq = ρ/(μ − λ)', () => {
    // λ = 10/h, S = 4 min: μ = 0.25/min, ρ = 2/3 (Kleinrock, Queueing Systems vol. 1, §3.2).
    const m = queueMetrics({ arrivalsPerHour: 10, serviceMinutes: 4, servers: 1 });
    const rho = 2 / 3;
    expect(m.utilization).toBeCloseTo(rho, 12);
    expect(m.probabilityOfWait).toBeCloseTo(rho, 12);
    expect(m.meanWaitMinutes).toBeCloseTo(rho / (0.25 - 10 / 60), 10);
    expect(m.serviceLevel(5)).toBeCloseTo(1 - rho * Math.exp(-0.25 * (1 - rho) * 5), 12);
    // The median wait solves ρ·e^(−μ(1−ρ)t) = 0.5.
    expect(m.waitPercentileMinutes(0.5)).toBeCloseTo(Math.log(rho / 0.5) / (0.25 * (1 - rho)), 10);
    expect(m.waitPercentileMinutes(0.2)).toBe(0);
  });

  it('gives the Pollaczek–Khinchine mean for one server with non-exponential service', () => {
    // M/G/1: Wq = ρ·S·(1 + cv²) / (2(1 − ρ)).
    for (const cv of [0, 0.5, 1.5]) {
      const m = queueMetrics({ arrivalsPerHour: 12, serviceMinutes: 4, servers: 1, serviceCv: cv });
      expect(m.meanWaitMinutes).toBeCloseTo((0.8 * 4 * (1 + cv * cv)) / (2 * 0.2), 10);
    }
  });

  it('reports an unstable queue with an infinite wait and every machine busy', () => {
    const m = queueMetrics({ arrivalsPerHour: 40, serviceMinutes: 3.48, servers: 2 });
    expect(m.stable).toBe(false);
    expect(m.utilization).toBe(1);
    expect(m.probabilityOfWait).toBe(1);
    expect(m.meanWaitMinutes).toBe(Number.POSITIVE_INFINITY);
    expect(m.serviceLevel(30)).toBe(0);
  });

  it('waits nothing when nobody arrives', () => {
    const m = queueMetrics({ arrivalsPerHour: 0, serviceMinutes: 3.48, servers: 2 });
    expect(m.meanWaitMinutes).toBe(0);
    expect(m.serviceLevel(0)).toBe(1);
    expect(m.waitPercentileMinutes(0.9)).toBe(0);
  });

  it('refuses a negative rate, a zero service time and a percentile outside (0, 1), naming the field', () => {
    const call = (q: Record<string, unknown>) => () => queueMetrics(q as never);
    expect(call({ arrivalsPerHour: -1, serviceMinutes: 3, servers: 1 })).toThrow(/^arrivalsPerHour/);
    expect(call({ arrivalsPerHour: 1, serviceMinutes: 0, servers: 1 })).toThrow(/^serviceMinutes/);
    expect(call({ arrivalsPerHour: 1, serviceMinutes: 3, servers: 0 })).toThrow(/^servers/);
    expect(call({ arrivalsPerHour: 1, serviceMinutes: 3, servers: 1, serviceCv: -0.5 })).toThrow(
      /^serviceCv/,
    );
    expect(call({ arrivalsPerHour: 1, serviceMinutes: 3, servers: 1, serviceCv: '1' })).toThrow(
      PlanningInputError,
    );
    const m = queueMetrics({ arrivalsPerHour: 1, serviceMinutes: 3, servers: 1 });
    expect(() => m.waitPercentileMinutes(1)).toThrow(/^p must/);
    expect(() => m.serviceLevel(-1)).toThrow(/^withinMinutes/);
  });
});
