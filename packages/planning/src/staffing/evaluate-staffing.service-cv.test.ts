import { describe, expect, it } from 'vitest';
import type { ServiceDistribution } from '../queueing/simulate-queue.ts';
import {
  gapsOutsideBand,
  SIMULATION_SEED,
  simulateEvaluation,
  type Tolerance,
} from './_internal/simulated-evaluation.fixture.ts';
import { evaluateStaffing } from './evaluate-staffing.ts';
import type { EvaluateStaffingInput } from './types.ts';

/** Fewer days than the exact model's check: the model's own tolerance, not the noise, sets the band here. */
const DAYS = 10_000;
console.info(
  `simulateQueue seed ${SIMULATION_SEED}, ${DAYS.toLocaleString('en')} days per profile and service`,
);

/**
 * The stated accuracy of the model for service with cv ≠ 1, beyond the simulation's 4-standard-error
 * band: 0.25 minute (0.25 people waiting, 1 point of share) plus 5 % of the simulated value with
 * gamma service; lognormal service of cv 1.5 waits less than any two-moment model says (its long
 * thin tail holds fewer long services than gamma's), so 20 % there.
 */
const SLACK = { meanWaitMinutes: 0.25, queueAtEnd: 0.25, shareWaitingLonger: 0.01 };
const TOLERANCE: Record<ServiceDistribution, Record<number, Tolerance>> = {
  gamma: { 0.5: { relative: 0.05, slack: SLACK }, 1.5: { relative: 0.05, slack: SLACK } },
  lognormal: { 0.5: { relative: 0.05, slack: SLACK }, 1.5: { relative: 0.2, slack: SLACK } },
};

const EVENING = [0, 0, 0, 0, 2, 14, 24, 24, 14, 7, 5, 5, 7, 5, 5, 7, 12, 30, 40, 38, 26, 10, 3, 0];
const PROFILES: { name: string; input: EvaluateStaffingInput; serviceMinutes: number }[] = [
  {
    name: 'the evening peak on 2 scanners',
    input: { arrivalsPerHour: EVENING, machinesOpen: 2 },
    serviceMinutes: 3.48,
  },
  {
    name: 'a midday block above the capacity of 10 machines',
    input: {
      arrivalsPerHour: [0, 0, 0, 0, 0, 0, 0, 10, 30, 45, 60, 75, 80, 70, 55, 40, 30, 15, 5, 0, 0, 0, 0, 0],
      machinesOpen: 10,
    },
    serviceMinutes: 10,
  },
  {
    name: 'machines that change by the hour',
    input: {
      arrivalsPerHour: EVENING,
      machinesOpen: [1, 1, 1, 1, 1, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 2, 3, 3, 2, 2, 1, 1, 1],
    },
    serviceMinutes: 3.48,
  },
];

describe('evaluateStaffing with service cv ≠ 1 against the simulator', () => {
  for (const { name, input, serviceMinutes } of PROFILES) {
    for (const serviceCv of [0.5, 1.5]) {
      for (const distribution of ['gamma', 'lognormal'] as const) {
        const tolerance = TOLERANCE[distribution][serviceCv] as Tolerance;
        it(`stays within 0.25 min + ${tolerance.relative * 100} % of ${distribution} service of cv ${serviceCv}, hour by hour: ${name}`, () => {
          const model = evaluateStaffing({ ...input, serviceMinutes, serviceCv });
          const simulated = simulateEvaluation(
            model,
            { serviceMinutes, serviceCv, serviceDistribution: distribution },
            DAYS,
          );
          expect(gapsOutsideBand(model, simulated, tolerance)).toEqual([]);
        });
      }
    }
  }
});
