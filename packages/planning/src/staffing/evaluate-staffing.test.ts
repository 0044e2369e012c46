import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { queueMetrics } from '../queueing/queue-metrics.ts';
import {
  gapsOutsideBand,
  SIMULATED_DAYS,
  SIMULATION_SEED,
  STANDARD_ERRORS,
  simulateEvaluation,
} from './_internal/simulated-evaluation.fixture.ts';
import { evaluateStaffing } from './evaluate-staffing.ts';
import type { EvaluateStaffingInput } from './types.ts';

console.info(
  `simulateQueue seed ${SIMULATION_SEED}, ${SIMULATED_DAYS.toLocaleString('en')} days per profile`,
);

/** Arrivals per hour from 00:00 at a site with an evening peak, as in issue 14 (278 a day). */
const EVENING = [0, 0, 0, 0, 2, 14, 24, 24, 14, 7, 5, 5, 7, 5, 5, 7, 12, 30, 40, 38, 26, 10, 3, 0];

/** Days the model must match hour by hour, each against 20,000 simulated days. */
const PROFILES: { name: string; input: EvaluateStaffingInput }[] = [
  {
    name: 'the field’s evening peak on 2 scanners at 3.48 minutes a dossier',
    input: { arrivalsPerHour: EVENING, machinesOpen: 2, serviceMinutes: 3.48 },
  },
  {
    name: 'a midday block above the capacity of 10 machines at 10 minutes (60 an hour)',
    input: {
      arrivalsPerHour: [0, 0, 0, 0, 0, 0, 0, 10, 30, 45, 60, 75, 80, 70, 55, 40, 30, 15, 5, 0, 0, 0, 0, 0],
      machinesOpen: 10,
      serviceMinutes: 10,
    },
  },
  {
    name: 'a heavy day never above the capacity of 3 machines at 5 minutes (36 an hour)',
    input: {
      arrivalsPerHour: [0, 0, 0, 0, 0, 0, 0, 10, 20, 28, 32, 34, 34, 33, 32, 30, 28, 20, 10, 0, 0, 0, 0, 0],
      machinesOpen: 3,
      serviceMinutes: 5,
    },
  },
  {
    name: 'people waiting at the door before opening and over a lunch hour with no machine',
    input: {
      arrivalsPerHour: [6, 12, 25, 30, 28, 15, 10, 20, 30, 35, 25, 12],
      machinesOpen: [0, 2, 3, 3, 2, 0, 1, 2, 3, 3, 2, 1],
      serviceMinutes: 4,
      hours: { open: '06:00', close: '18:00' },
    },
  },
  {
    name: 'Hưng Nguyên’s 500 a day on 2 scanners, open 07:30–22:00 (a half first hour)',
    input: {
      dailyVisitors: 500,
      hours: { open: '07:30', close: '22:00' },
      machinesOpen: 2,
      serviceMinutes: 3.48,
    },
  },
  {
    name: 'Hưng Nguyên’s 500 a day on 2 scanners, open 05:00–24:00',
    input: {
      dailyVisitors: 500,
      hours: { open: '05:00', close: '24:00' },
      machinesOpen: 2,
      serviceMinutes: 3.48,
    },
  },
];

describe('evaluateStaffing against the simulator', () => {
  for (const { name, input } of PROFILES) {
    it(`matches ${SIMULATED_DAYS.toLocaleString('en')} simulated days in every hour within ${STANDARD_ERRORS} standard errors: ${name}`, () => {
      const model = evaluateStaffing(input);
      const simulated = simulateEvaluation(model, { serviceMinutes: input.serviceMinutes as number });
      expect(gapsOutsideBand(model, simulated)).toEqual([]);
      // The day: everyone who arrives is served, and the queue left at closing drains.
      expect(simulated.served).toBe(simulated.arrived);
      expect(simulated.unserved).toBe(0);
      const errors = simulated.standardErrors;
      if (errors === null) throw new Error('several days give standard errors');
      expect(Math.abs(model.meanWaitMinutes - simulated.meanWaitMinutes)).toBeLessThanOrEqual(
        Math.max(STANDARD_ERRORS * errors.meanWaitMinutes, 0.02),
      );
      expect(Math.abs(model.waitingAtClose - simulated.leftInQueueAtClosing)).toBeLessThanOrEqual(
        Math.max(STANDARD_ERRORS * errors.queueAtEnd, 0.02),
      );
      // Every probability of the solution within 1e-7 of the exact one.
      expect(model.truncationError).toBeLessThan(1e-7);
    });
  }
});

describe('evaluateStaffing', () => {
  it('equals Erlang C once the rates have held long enough to reach steady state', () => {
    // 48 hours at a constant rate: the last hour's arrivals find the stationary queue (its
    // relaxation time is at most a few hours here) and are served by the same machines after
    // closing, so their waits follow the M/M/c law of queueMetrics (Erlang C, checked against
    // published tables and an exact rational oracle).
    for (const { arrivalsPerHour, servers, serviceMinutes } of [
      { arrivalsPerHour: 14, servers: 1, serviceMinutes: 3 },
      { arrivalsPerHour: 48, servers: 3, serviceMinutes: 3 },
      { arrivalsPerHour: 102, servers: 6, serviceMinutes: 3 },
      { arrivalsPerHour: 150, servers: 10, serviceMinutes: 3.48 },
    ]) {
      const day = evaluateStaffing({
        arrivalsPerHour: new Array(48).fill(arrivalsPerHour),
        machinesOpen: servers,
        serviceMinutes,
        withinMinutes: 5,
        percentile: 0.9,
      });
      const last = day.hours.at(-1);
      const stationary = queueMetrics({ arrivalsPerHour, serviceMinutes, servers });
      const label = JSON.stringify({ arrivalsPerHour, servers, serviceMinutes });
      expect(last?.meanWaitMinutes, label).toBeCloseTo(stationary.meanWaitMinutes, 6);
      expect(last?.shareWaitingLonger, label).toBeCloseTo(1 - stationary.serviceLevel(5), 6);
      expect(last?.waitPercentileMinutes, label).toBeCloseTo(stationary.waitPercentileMinutes(0.9), 2);
      // Little's law on the stationary queue: people waiting = arrival rate × mean wait.
      expect(last?.queueAtEnd, label).toBeCloseTo((arrivalsPerHour / 60) * stationary.meanWaitMinutes, 6);
    }
  });

  it('reduces to Allen–Cunneen in steady state for service with cv ≠ 1', () => {
    // The queue counted in units of (1 + cv²)/2 dossiers keeps Erlang C's probability of waiting
    // and scales the wait by that factor: the Allen–Cunneen formula of queueMetrics.
    for (const serviceCv of [0, 0.5, 1.5]) {
      const day = evaluateStaffing({
        arrivalsPerHour: new Array(48).fill(48),
        machinesOpen: 3,
        serviceMinutes: 3,
        serviceCv,
      });
      const stationary = queueMetrics({ arrivalsPerHour: 48, serviceMinutes: 3, servers: 3, serviceCv });
      expect(day.hours.at(-1)?.meanWaitMinutes).toBeCloseTo(stationary.meanWaitMinutes, 5);
    }
  });

  it('leaves fewer people waiting at closing and shorter waits at 18:00 when Hưng Nguyên opens 05:00–24:00 instead of 07:30–22:00', () => {
    const at = (open: string, close: string) => {
      const day = evaluateStaffing({
        dailyVisitors: 500,
        hours: { open, close },
        machinesOpen: 2,
        serviceMinutes: 3.48,
      });
      return { day, evening: day.hours.find((h) => h.start === '18:00') };
    };
    const short = at('07:30', '22:00');
    const long = at('05:00', '24:00');
    expect(short.day.arrivals).toBeCloseTo(500, 9);
    expect(long.day.arrivals).toBeCloseTo(500, 9);
    expect(long.evening?.meanWaitMinutes).toBeLessThan(short.evening?.meanWaitMinutes ?? 0);
    expect(long.day.waitingAtClose).toBeLessThan(short.day.waitingAtClose);
    // The last hour's 2 scanners clear the queue left at closing at 2 × 60 / 3.48 an hour.
    expect(short.day.minutesToClearAfterClose).toBeCloseTo((short.day.waitingAtClose * 3.48) / 2, 9);
  });

  it('reads a site’s daily visitors and profile as the rates they make, and a campaign’s service as its queue figures', () => {
    // 500 visitors over 07:30–22:00 by the farming profile, and the same rates given hour by hour.
    const byVisitors = evaluateStaffing({
      dailyVisitors: 500,
      profile: 'farming',
      hours: { open: '07:30', close: '22:00' },
      machinesOpen: 2,
      serviceMinutes: 4,
    });
    const byRates = evaluateStaffing({
      arrivalsPerHour: byVisitors.hours.map((h) => h.arrivalsPerHour),
      hours: { open: '07:30', close: '22:00' },
      machinesOpen: 2,
      serviceMinutes: 4,
    });
    expect(byRates).toEqual(byVisitors);
    expect(byVisitors.hours[0]?.end).toBe('08:00');
    // machineCapacity's worked example: 3 minutes, 10 % hard cases of 6 more, 90 % available:
    // 15 dossiers a machine-hour, so one dossier holds a machine 4 minutes on average; the mixed
    // service time has variance 3² + 6²·0.1·0.9 = 12.24 around its 3.6-minute mean.
    const service = evaluateStaffing({
      arrivalsPerHour: [20, 30, 20],
      machinesOpen: 2,
      service: { minutesPerDossier: 3, availability: 0.9, hardCaseShare: 0.1, hardCaseExtraMinutes: 6 },
    });
    const figures = evaluateStaffing({
      arrivalsPerHour: [20, 30, 20],
      machinesOpen: 2,
      serviceMinutes: 4,
      serviceCv: Math.sqrt(12.24) / 3.6,
    });
    expect(service.hours.map((h) => h.meanWaitMinutes)).toEqual(figures.hours.map((h) => h.meanWaitMinutes));
  });

  it('refuses missing or doubled arrivals, machines of the wrong length or none at closing, and a doubled service, naming the field', () => {
    const base = { arrivalsPerHour: [10, 20], machinesOpen: 1, serviceMinutes: 3 };
    const call = (input: Record<string, unknown>) => () => evaluateStaffing(input as never);
    expect(call({ machinesOpen: 1, serviceMinutes: 3 })).toThrow(/^dailyVisitors/);
    expect(call({ ...base, dailyVisitors: 100 })).toThrow(/^arrivalsPerHour/);
    expect(call({ ...base, profile: 'farming' })).toThrow(/^profile/);
    expect(call({ dailyVisitors: 100, machinesOpen: 1, serviceMinutes: 3 })).toThrow(/^hours/);
    expect(call({ ...base, hours: { open: '07:30', close: '22:00' } })).toThrow(
      /^arrivalsPerHour must be one rate per clock hour/,
    );
    expect(call({ ...base, arrivalsPerHour: [10, -1] })).toThrow(/^arrivalsPerHour\[1\]/);
    expect(call({ ...base, machinesOpen: [1, 2, 3] })).toThrow(/^machinesOpen/);
    expect(call({ ...base, machinesOpen: [1, 0] })).toThrow(
      /^machinesOpen\[1\] must be at least 1 machine in the last hour/,
    );
    expect(call({ ...base, machinesOpen: [1, 1.5] })).toThrow(
      'machinesOpen[1] must be an integer at least 0 and at most 10000, got 1.5',
    );
    expect(call({ ...base, service: { minutesPerDossier: 3 } })).toThrow(/^serviceMinutes/);
    expect(call({ arrivalsPerHour: [10], machinesOpen: 1, service: { minutesPerDossier: 0 } })).toThrow(
      /^service\.minutesPerDossier/,
    );
    expect(call({ ...base, percentile: 1 })).toThrow(/^percentile/);
    expect(
      call({ ...base, target: { serviceLevel: { withinMinutes: 10, fraction: 0.8 } }, withinMinutes: 20 }),
    ).toThrow(/^withinMinutes/);
    expect(call({ ...base, hours: { open: '08:00', close: '08:00' } })).toThrow(/^hours/);
    expect(call({ arrivalsPerHour: [1e6, 1e6], machinesOpen: 1, serviceMinutes: 3 })).toThrow(
      PlanningInputError,
    );
  });
});
