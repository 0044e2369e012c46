import { requireNumber, requireRecord } from '../_internal/validate.ts';
import {
  type MobilePlan,
  type MobileTeams,
  type PlanMobileTeamsInput,
  type PlanMobileTeamsOptions,
  planMobileTeams,
  type UnreachedCommune,
} from './plan-mobile-teams.ts';

/** The input of {@link planMobileTeams} without the number of teams, which is the unknown. */
export type MobileTeamsNeededInput = Omit<PlanMobileTeamsInput, 'teams'> & {
  teams: Omit<MobileTeams, 'count'>;
};

export type MobileTeamsNeededOptions = PlanMobileTeamsOptions & {
  /** Largest number of teams tried. Default 200. */
  maxTeams?: number;
};

export type MobileTeamsNeededResult =
  | {
      status: 'found';
      /** Fewest teams whose plan takes every dossier by the deadline. */
      teams: number;
      /** No plan of any kind finishes with fewer: team-hours of work, set-up and least travel over the hours to the deadline. */
      lowerBoundTeams: number;
      plan: MobilePlan;
    }
  | {
      status: 'infeasible';
      reason: 'too-far' | 'opens-after-deadline' | 'max-teams' | 'no-open-days' | 'beyond-horizon';
      detail: string;
      unreached: UnreachedCommune[];
    };

const DEFAULT_MAX_TEAMS = 200;

/**
 * How many mobile teams finish by the deadline: the fewest for which {@link planMobileTeams}
 * is on time, found by doubling from a lower bound, then bisection. More teams can only
 * help the bound; the planner is a heuristic, so the answer is the fewest it can show, and
 * `lowerBoundTeams` says how far below no plan can go. Communes that no number of teams
 * reaches in time (too far, opening after the deadline) are answered as infeasible.
 *
 * @example
 * const need = mobileTeamsNeeded({
 *   calendar: { start: '2021-03-22', deadline: '2021-03-26' },
 *   teams: { machinesPerTeam: 2, home: { latitude: 12.0, longitude: 107.7 }, setupHours: 0 },
 *   communes: [{ id: 'A', demand: 4080, latitude: 12.0, longitude: 107.7 }],
 * });
 * need.status === 'found' && need.teams // => 2
 */
export function mobileTeamsNeeded(
  input: MobileTeamsNeededInput,
  options: MobileTeamsNeededOptions = {},
): MobileTeamsNeededResult {
  const record = requireRecord(input, 'input');
  const teams = requireRecord(record.teams, 'teams');
  const { maxTeams: rawMax, ...planOptions } = requireRecord(options, 'options') as MobileTeamsNeededOptions;
  const maxTeams =
    rawMax === undefined
      ? DEFAULT_MAX_TEAMS
      : requireNumber(rawMax, 'options.maxTeams', { min: 1, max: 1000, integer: true });
  const planWith = (count: number) =>
    planMobileTeams(
      { ...(record as PlanMobileTeamsInput), teams: { ...(teams as MobileTeams), count } },
      planOptions,
    );

  const onTime = (plan: ReturnType<typeof planWith>): boolean => plan.status === 'planned' && plan.onTime;
  // The bound needs no plan's order, so one plan with a single team yields it.
  const probe = planWith(1);
  if (probe.status !== 'planned')
    return { status: 'infeasible', reason: probe.reason, detail: probe.detail, unreached: [] };
  const needHours =
    probe.lowerBound.workHours + probe.lowerBound.setupHours + probe.lowerBound.leastTravelHours;
  const lowerBoundTeams =
    probe.deadlineHours > 0
      ? Math.min(maxTeams, Math.max(1, Math.ceil(needHours / probe.deadlineHours - 1e-9)))
      : 1;

  // Double from the bound until a plan is on time, then bisect: few plans with many teams.
  let low = lowerBoundTeams - 1;
  let high = lowerBoundTeams;
  let plan = high === 1 ? probe : planWith(high);
  while (!onTime(plan) && high < maxTeams) {
    low = high;
    high = Math.min(maxTeams, high * 2);
    plan = planWith(high);
  }
  if (!onTime(plan)) {
    if (plan.status !== 'planned')
      return { status: 'infeasible', reason: plan.reason, detail: plan.detail, unreached: [] };
    const hard = plan.unreached.find((u) => u.reason === 'too-far' || u.reason === 'opens-after-deadline');
    return {
      status: 'infeasible',
      reason: hard === undefined ? 'max-teams' : (hard.reason as 'too-far' | 'opens-after-deadline'),
      detail:
        hard === undefined
          ? `even ${maxTeams} teams leave ${plan.unreached.length} communes short at the deadline`
          : `${hard.communeId}: ${hard.detail}`,
      unreached: plan.unreached.filter((u) => u.reason !== 'latest-date'),
    };
  }
  let best = plan as MobilePlan;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    const trial = planWith(mid);
    if (trial.status === 'planned' && trial.onTime) {
      high = mid;
      best = trial;
    } else {
      low = mid;
    }
  }
  return { status: 'found', teams: high, lowerBoundTeams, plan: best };
}
