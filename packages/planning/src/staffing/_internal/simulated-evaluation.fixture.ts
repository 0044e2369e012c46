/**
 * Test fixture only: the independent check of `evaluateStaffing`. It replays an evaluated day in
 * the seeded simulator (the same hours, arrival rates and machines) and lists, hour by hour, the
 * gap between model and simulation against the band the simulation's own standard error allows.
 */

import { type ServiceDistribution, simulateQueue } from '../../queueing/simulate-queue.ts';
import { parseTimeOfDay } from '../../time/parse-time-of-day.ts';
import type { StaffingEvaluation } from '../types.ts';

/** Pinned so a failure replays; printed by the tests that use it. */
export const SIMULATION_SEED = 20_211_129;
/** Days per profile: enough for a band of a few hundredths of a minute in quiet hours. */
export const SIMULATED_DAYS = 20_000;
/** A correct model lies outside 4 standard errors about once in 15,000 comparisons. */
export const STANDARD_ERRORS = 4;
/** Below these the band is set by rounding, not by noise. */
export const FLOORS = { meanWaitMinutes: 0.02, queueAtEnd: 0.02, shareWaitingLonger: 0.002 } as const;

export type Gap = {
  hour: string;
  figure: keyof typeof FLOORS;
  model: number;
  simulated: number;
  allowed: number;
};

export function simulateEvaluation(
  evaluation: StaffingEvaluation,
  service: { serviceMinutes: number; serviceCv?: number; serviceDistribution?: ServiceDistribution },
  days = SIMULATED_DAYS,
) {
  const minutes = evaluation.hours.map((h) => {
    const start = parseTimeOfDay(h.start);
    const end = parseTimeOfDay(h.end, { allowEndOfDay: true });
    return end > start ? end - start : end + 1440 - start;
  });
  return simulateQueue({
    seed: SIMULATION_SEED,
    replications: days,
    arrivalsPerHour: evaluation.hours.map((h) => h.arrivalsPerHour),
    periodMinutes: minutes,
    machinesOpen: evaluation.hours.map((h) => h.machinesOpen),
    withinMinutes: evaluation.withinMinutes,
    ...service,
  });
}

/** A model's stated tolerance beyond the simulation's band: a share of the simulated value, plus a slack in the figure's own units. */
export type Tolerance = { relative: number; slack: Record<keyof typeof FLOORS, number> };

const EXACT: Tolerance = { relative: 0, slack: { meanWaitMinutes: 0, queueAtEnd: 0, shareWaitingLonger: 0 } };

/**
 * Every hour's figures that lie outside max(4 standard errors, floor) of the simulation, for
 * hours with arrivals; an approximate model states its `tolerance` on top.
 */
export function gapsOutsideBand(
  evaluation: StaffingEvaluation,
  simulated: ReturnType<typeof simulateQueue>,
  tolerance: Tolerance = EXACT,
): Gap[] {
  const gaps: Gap[] = [];
  evaluation.hours.forEach((hour, h) => {
    const period = simulated.periods[h];
    const errors = period?.standardErrors;
    if (period === undefined || errors == null || hour.arrivals === 0) return;
    for (const figure of ['meanWaitMinutes', 'queueAtEnd', 'shareWaitingLonger'] as const) {
      const model = hour[figure];
      const value = period[figure];
      const allowed =
        Math.max(STANDARD_ERRORS * errors[figure], FLOORS[figure]) +
        tolerance.slack[figure] +
        tolerance.relative * Math.abs(value);
      if (Math.abs(model - value) > allowed)
        gaps.push({ hour: hour.start, figure, model, simulated: value, allowed });
    }
  });
  return gaps;
}
