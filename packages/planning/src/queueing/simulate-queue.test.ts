import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { solveTransientDay } from './_internal/transient-day.ts';
import { queueMetrics } from './queue-metrics.ts';
import { simulateQueue } from './simulate-queue.ts';

/** Steady-state runs: 20 hours of warm-up dropped, then 500 measured hours, per replication. */
const WARMUP_HOURS = 20;
const MEASURED_HOURS = 500;
const REPLICATIONS = 12;
/**
 * Agreement bound: the simulated mean must lie within 4 standard errors (estimated from the
 * spread of the independent replications; a correct simulator fails this about once in 15,000
 * runs) AND within a stated relative tolerance, so that a noisy case cannot pass loosely.
 */
const STANDARD_ERRORS = 4;

function stationaryMeanWait(
  arrivalsPerHour: number,
  servers: number,
  serviceMinutes: number,
  serviceCv: number,
) {
  const run = simulateQueue({
    seed: 1,
    replications: REPLICATIONS,
    arrivalsPerHour: new Array(WARMUP_HOURS + MEASURED_HOURS).fill(arrivalsPerHour),
    machinesOpen: servers,
    serviceMinutes,
    serviceCv,
    warmupMinutes: WARMUP_HOURS * 60,
  });
  return { mean: run.meanWaitMinutes, standardError: run.standardErrors?.meanWaitMinutes ?? Number.NaN };
}

function expectAgreement(
  formula: number,
  simulated: { mean: number; standardError: number },
  relative: number,
  label: object,
) {
  const detail = JSON.stringify({ ...label, formula, ...simulated });
  const gap = Math.abs(simulated.mean - formula);
  expect(gap / formula, detail).toBeLessThan(relative);
  if (relative < 0.1) expect(gap, detail).toBeLessThan(STANDARD_ERRORS * simulated.standardError + 1e-9);
}

describe('simulateQueue', () => {
  it('agrees with the exact M/M/c mean wait within 8 % for several loads and server counts', () => {
    // Each case serves 12 × 500 × λ dossiers (≥ 84,000); the replication means then scatter by
    // 1–3 % (standard error), so 8 % and 4 standard errors are bounds a correct simulator passes and a
    // wrong formula (one server off, or a cv factor applied at cv 1) fails by far.
    const TOLERANCE = 0.08;
    const cases = [
      { arrivalsPerHour: 14, servers: 1, serviceMinutes: 3 }, // ρ = 0.70
      { arrivalsPerHour: 48, servers: 3, serviceMinutes: 3 }, // ρ = 0.80
      { arrivalsPerHour: 102, servers: 6, serviceMinutes: 3 }, // ρ = 0.85
      { arrivalsPerHour: 150, servers: 10, serviceMinutes: 3.48 }, // ρ = 0.87, the field's service time
    ];
    for (const c of cases) {
      const formula = queueMetrics(c).meanWaitMinutes;
      expectAgreement(
        formula,
        stationaryMeanWait(c.arrivalsPerHour, c.servers, c.serviceMinutes, 1),
        TOLERANCE,
        c,
      );
    }
  });

  it('agrees with the Allen–Cunneen approximation within 12 % for service cv 0.5 and 1.5 (gamma service)', () => {
    // Allen–Cunneen is an approximation: published comparisons put it within about 10 % for
    // several servers at these loads; 12 % leaves room for the simulation's own 2–4 % scatter.
    const TOLERANCE = 0.12;
    for (const serviceCv of [0.5, 1.5]) {
      for (const c of [
        { arrivalsPerHour: 48, servers: 3, serviceMinutes: 3 },
        { arrivalsPerHour: 85, servers: 5, serviceMinutes: 3 },
      ]) {
        const formula = queueMetrics({ ...c, serviceCv }).meanWaitMinutes;
        const simulated = stationaryMeanWait(c.arrivalsPerHour, c.servers, c.serviceMinutes, serviceCv);
        expectAgreement(formula, simulated, TOLERANCE, { ...c, serviceCv });
      }
    }
  });

  it('closes idle machines first when the count drops and lets a closing busy one finish, as the transient model does: the two agree hour by hour', () => {
    // Arrivals of the field's evening peak with machines that rise and drop by the hour; a rule
    // that closed busy machines while others stood idle (or sent their dossiers back to the queue)
    // would leave waits after each drop several standard errors away from the model.
    const arrivalsPerHour = [
      0, 0, 0, 0, 2, 14, 24, 24, 14, 7, 5, 5, 7, 5, 5, 7, 12, 30, 40, 38, 26, 10, 3, 0,
    ];
    const machinesOpen = [1, 1, 1, 1, 1, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 2, 3, 3, 2, 2, 1, 1, 1];
    const serviceMinutes = 3.48;
    const model = solveTransientDay(
      {
        minutes: new Float64Array(24).fill(60),
        arrivalsPerMinute: Float64Array.from(arrivalsPerHour, (r) => r / 60),
        servers: Int32Array.from(machinesOpen),
        serviceRatePerMinute: 1 / serviceMinutes,
        unit: 1,
      },
      { withinMinutes: 30, percentile: 0.9 },
    );
    const simulated = simulateQueue({
      seed: 20_211_129,
      replications: 20_000,
      arrivalsPerHour,
      machinesOpen,
      serviceMinutes,
    });
    model.periods.forEach((hour, h) => {
      const period = simulated.periods[h];
      const errors = period?.standardErrors;
      if (period === undefined || errors == null || hour.arrivals === 0) return;
      const label = `${h}:00: model ${hour.meanWaitMinutes.toFixed(3)} min, simulated ${period.meanWaitMinutes.toFixed(3)} ± ${errors.meanWaitMinutes.toFixed(3)}`;
      expect(Math.abs(hour.meanWaitMinutes - period.meanWaitMinutes), label).toBeLessThanOrEqual(
        Math.max(STANDARD_ERRORS * errors.meanWaitMinutes, 0.02),
      );
    });
  });

  it('gives the same result for the same seed and a different one for another seed', () => {
    const day = (seed: number) =>
      simulateQueue({
        seed,
        replications: 3,
        arrivalsPerHour: [10, 40, 60, 20],
        machinesOpen: [1, 2, 2, 1],
        serviceMinutes: 3.48,
        serviceCv: 1.5,
        availability: 0.9,
      });
    expect(day(42)).toEqual(day(42));
    expect(day(42)).not.toEqual(day(43));
  });

  it('serves at the rate machines × availability ÷ service time when overloaded, as breakdowns should allow', () => {
    // 4 machines, 3-minute dossiers, 80 % availability: 4 × 0.8 × 20 = 64 dossiers an hour at most.
    const run = simulateQueue({
      seed: 3,
      arrivalsPerHour: new Array(200).fill(200),
      machinesOpen: 4,
      serviceMinutes: 3,
      availability: 0.8,
      meanRepairMinutes: 20,
      afterClosing: 'leave',
    });
    expect(run.served / 200).toBeGreaterThan(64 * 0.96);
    expect(run.served / 200).toBeLessThan(64 * 1.04);
    expect(run.unserved).toBe(run.leftInQueueAtClosing);
  });

  it('serves everyone who arrives: the queue of a peak carries into later hours and drains after closing', () => {
    const run = simulateQueue({
      seed: 5,
      replications: 200,
      arrivalsPerHour: [20, 60, 20, 20],
      machinesOpen: 1,
      serviceMinutes: 3,
    });
    // 60 an hour on one 3-minute machine (20 an hour) leaves about 40 waiting after the second hour.
    expect(run.periods[1]?.queueAtEnd).toBeGreaterThan(20);
    expect(run.leftInQueueAtClosing).toBeGreaterThan(0);
    expect(run.served).toBe(run.arrived);
    expect(run.unserved).toBe(0);
    expect(run.lastDepartureMinute).toBeGreaterThan(240);
  });

  it('gives figures over many days with standard errors that shrink as days are added', () => {
    const figures = (replications: number) =>
      simulateQueue({ seed: 9, replications, arrivalsPerHour: [30, 30], machinesOpen: 2, serviceMinutes: 3 });
    const few = figures(400);
    const many = figures(6_400);
    const ratio = (many.standardErrors?.meanWaitMinutes ?? 0) / (few.standardErrors?.meanWaitMinutes ?? 1);
    // Sixteen times the days: a quarter of the standard error, give or take the estimates' own noise.
    expect(ratio).toBeGreaterThan(0.2);
    expect(ratio).toBeLessThan(0.3);
    expect(figures(1).standardErrors).toBeNull();
  });

  it('refuses mismatched machine counts, a negative rate and a bad availability, naming the field', () => {
    const base = { seed: 1, arrivalsPerHour: [10, 10], machinesOpen: 1, serviceMinutes: 3 };
    expect(() => simulateQueue({ ...base, machinesOpen: [1] })).toThrow(/^machinesOpen/);
    expect(() => simulateQueue({ ...base, arrivalsPerHour: [10, -1] })).toThrow(/^arrivalsPerHour\[1\]/);
    expect(() => simulateQueue({ ...base, availability: 0 })).toThrow(/^availability/);
    expect(() => simulateQueue({ ...base, serviceMinutes: 0 })).toThrow(/^serviceMinutes/);
    expect(() => simulateQueue({ ...base, replications: 0 })).toThrow(/^replications/);
    expect(() => simulateQueue({ ...base, seed: 1.5 })).toThrow(PlanningInputError);
    expect(() => simulateQueue({ ...base, arrivalsPerHour: [1e9, 1e9] })).toThrow(/^arrivalsPerHour must/);
  });
});
