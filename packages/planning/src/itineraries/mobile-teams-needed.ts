import { requireNumber, requireRecord } from '../_internal/validate.ts';
import { TEAM_MACHINES_RULE } from './_internal/read-input.ts';
import { planMobileTeams } from './plan-mobile-teams.ts';
import { planSitesAndTeams } from './plan-sites-and-teams.ts';
import type {
  MobilePlan,
  MobileTeam,
  PlanMobileTeamsInput,
  PlanMobileTeamsOptions,
  PlanSitesAndTeamsInput,
  SitesAndTeamsPlan,
  UnreachedCommune,
} from './types.ts';

/**
 * The input of {@link planMobileTeams} with teams of one size whose number is the unknown; with
 * `sites` and `siteHours`, the input of {@link planSitesAndTeams}: the teams needed beside the
 * fixed sites (possibly none).
 */
export type MobileTeamsNeededInput = Omit<PlanMobileTeamsInput, 'teams'> &
  Partial<Pick<PlanSitesAndTeamsInput, 'sites' | 'siteHours' | 'reach'>> & {
    /** Machines each team carries, a positive integer. */
    machinesPerTeam: number;
  };

export type MobileTeamsNeededOptions = PlanMobileTeamsOptions & {
  /** Largest number of teams tried. Default 200. */
  maxTeams?: number;
};

export type MobileTeamsNeededResult =
  | {
      status: 'found';
      /** Fewest teams whose plan takes every dossier by the deadline (named `team-1`, `team-2`, … in the plan). */
      teams: number;
      /** No plan of any kind finishes with fewer: team-hours of work, set-up and least travel over the hours to the deadline (0 beside sites). */
      lowerBoundTeams: number;
      /** The teams' plan (with sites: their part of the combined plan; null when the sites need no team). */
      plan: MobilePlan | null;
      /** With sites: the combined plan with that many teams. */
      sitesAndTeams?: SitesAndTeamsPlan;
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
 *   machinesPerTeam: 2,
 *   service: { minutesPerDossier: 60 / 17 },
 *   home: { latitude: 12.0, longitude: 107.7 },
 *   setupHours: 0,
 *   communes: [{ id: 'A', demand: 4080, location: { latitude: 12.0, longitude: 107.7 } }],
 * });
 * need.status === 'found' && need.teams // => 2
 */
export function mobileTeamsNeeded(
  input: MobileTeamsNeededInput,
  options: MobileTeamsNeededOptions = {},
): MobileTeamsNeededResult {
  const { machinesPerTeam: rawMachines, ...shared } = requireRecord(input, 'input') as MobileTeamsNeededInput;
  const machines = requireNumber(rawMachines, 'machinesPerTeam', TEAM_MACHINES_RULE);
  const { maxTeams: rawMax, ...planOptions } = requireRecord(options, 'options') as MobileTeamsNeededOptions;
  const maxTeams =
    rawMax === undefined
      ? DEFAULT_MAX_TEAMS
      : requireNumber(rawMax, 'maxTeams', { min: 1, max: 1000, integer: true });
  if (shared.sites !== undefined)
    return teamsBesideSites(shared as SitesInput, machines, maxTeams, planOptions);
  const planWith = (count: number) => {
    const teams: MobileTeam[] = Array.from({ length: count }, (_, i) => ({ id: `team-${i + 1}`, machines }));
    return planMobileTeams({ ...shared, teams }, planOptions);
  };

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

type SitesInput = Omit<MobileTeamsNeededInput, 'machinesPerTeam' | 'sites'> &
  Pick<PlanSitesAndTeamsInput, 'sites' | 'siteHours'>;

/**
 * Beside fixed sites: the fewest teams (from none) whose combined plan is on time with every
 * commune beyond the sites' reach visited (none left to a far site), by doubling then
 * bisection, as more teams can only take communes off busy sites.
 */
function teamsBesideSites(
  input: SitesInput,
  machines: number,
  maxTeams: number,
  options: PlanMobileTeamsOptions,
): MobileTeamsNeededResult {
  const planWith = (count: number) =>
    planSitesAndTeams(
      { ...input, teams: Array.from({ length: count }, (_, i) => ({ id: `team-${i + 1}`, machines })) },
      options,
    );
  const enough = (p: ReturnType<typeof planWith>): boolean =>
    p.status === 'planned' && p.onTime && p.communes.every((c) => c.reason !== 'no-team');
  // Without a site, a plan needs at least one team.
  let high = input.sites.length === 0 ? 1 : 0;
  let low = high - 1;
  let plan = planWith(high);
  while (plan.status === 'planned' && !enough(plan) && high < maxTeams) {
    low = high;
    high = Math.min(maxTeams, Math.max(1, high * 2));
    plan = planWith(high);
  }
  if (plan.status !== 'planned')
    return { status: 'infeasible', reason: plan.reason, detail: plan.detail, unreached: [] };
  if (!enough(plan)) {
    const late = plan.mobile?.unreached.find(
      (u) => u.reason === 'too-far' || u.reason === 'opens-after-deadline',
    );
    return {
      status: 'infeasible',
      reason: late === undefined ? 'max-teams' : (late.reason as 'too-far' | 'opens-after-deadline'),
      detail:
        late === undefined
          ? `even ${maxTeams} teams beside the sites finish on ${plan.completionDate}, after the deadline ${plan.deadline}`
          : `${late.communeId}: ${late.detail}`,
      unreached: (plan.mobile?.unreached ?? []).filter((u) => u.reason !== 'latest-date'),
    };
  }
  let best = plan;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    const trial = planWith(mid);
    if (trial.status === 'planned' && enough(trial)) {
      high = mid;
      best = trial;
    } else {
      low = mid;
    }
  }
  return { status: 'found', teams: high, lowerBoundTeams: 0, plan: best.mobile, sitesAndTeams: best };
}
