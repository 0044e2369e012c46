// Mobile teams over the communes of a computed plan: the one place where the service turns a
// campaign plan into planMobileTeams' input, for `CampaignPlan.mobileTeams` and `Team.visits`.
import type { CalendarInput, CampaignPlan, MobilePlan, MobileVisit, OpeningHours } from '@muster/planning';
import {
  mobileCommunesFromPlan,
  PlanningInfeasibleError,
  PlanningInputError,
  planMobileTeams,
} from '@muster/planning';
import { atPath } from '../errors.ts';
import type { GeoPoint } from './scenario-input.ts';

/** A visit with its commune's name, for the field. */
export type NamedVisit = MobileVisit & { communeName: string | null };

export type NamedMobilePlan = Omit<MobilePlan, 'teams'> & {
  teams: (Omit<MobilePlan['teams'][number], 'visits'> & { visits: NamedVisit[] })[];
};

export type MobilePlanRequest = {
  /** Whose leaf areas are visited. */
  areaCode: string;
  /** Where teams leave from, an area with a centroid; default the mean of the communes' centroids. */
  homeAreaCode?: string | null;
  teams: number;
  machinesPerTeam: number;
  hours?: OpeningHours | null;
  priority: 'rank' | 'remote-first' | 'low-coverage-first';
  maxDaysPerVisit?: number | null;
  /** The argument blamed when a commune has no centroid. */
  areaArgument: string;
};

/** planMobileTeams' paths under `teams` are these GraphQL arguments. */
const ARGUMENT_OF: Record<string, string> = {
  'teams.count': 'teams',
  'teams.machinesPerTeam': 'machinesPerTeam',
  'teams.hours': 'hours',
  'teams.maxDaysPerVisit': 'maxDaysPerVisit',
};

/** The visit calendar of identical mobile teams over the leaf areas under `areaCode`, at the plan's capacity. */
export function planMobileTeamsOver(
  plan: CampaignPlan,
  calendar: CalendarInput,
  points: ReadonlyMap<string, GeoPoint>,
  request: MobilePlanRequest,
): NamedMobilePlan {
  let communes: ReturnType<typeof mobileCommunesFromPlan>;
  try {
    communes = mobileCommunesFromPlan(plan, { areaCode: request.areaCode, points });
  } catch (error) {
    if (error instanceof PlanningInputError && error.path.startsWith('points.')) {
      const code = error.path.split('.')[1];
      throw atPath(
        error,
        request.areaArgument,
        `an area whose leaf areas all have a centroid (${code} has none)`,
      );
    }
    throw error;
  }
  let home = request.homeAreaCode != null ? points.get(request.homeAreaCode) : undefined;
  if (request.homeAreaCode != null && !home) {
    throw new PlanningInputError({
      path: 'homeAreaCode',
      code: 'unknown-reference',
      expected: 'the code of an area with a centroid in this plan',
      received: request.homeAreaCode,
    });
  }
  home ??= {
    latitude: communes.reduce((sum, c) => sum + (c.latitude ?? 0), 0) / Math.max(1, communes.length),
    longitude: communes.reduce((sum, c) => sum + (c.longitude ?? 0), 0) / Math.max(1, communes.length),
  };
  let result: ReturnType<typeof planMobileTeams>;
  try {
    result = planMobileTeams(
      {
        calendar,
        communes,
        teams: {
          count: request.teams,
          machinesPerTeam: request.machinesPerTeam,
          home,
          ...(request.hours ? { hours: request.hours } : {}),
          ...(request.maxDaysPerVisit != null ? { maxDaysPerVisit: request.maxDaysPerVisit } : {}),
        },
        dossiersPerMachineHour: plan.capacity.dossiersPerMachineHour,
      },
      { priorityRule: request.priority },
    );
  } catch (error) {
    if (!(error instanceof PlanningInputError)) throw error;
    const inner = Object.keys(ARGUMENT_OF).find((p) => error.path === p || error.path.startsWith(`${p}.`));
    if (inner === undefined) throw error;
    throw atPath(error, `${ARGUMENT_OF[inner]}${error.path.slice(inner.length)}`);
  }
  if (result.status === 'infeasible') throw new PlanningInfeasibleError(result.reason, result.detail);
  const names = new Map(communes.map((c) => [c.id, c.name ?? null]));
  return {
    ...result,
    teams: result.teams.map((team) => ({
      ...team,
      visits: team.visits.map((visit) => ({ ...visit, communeName: names.get(visit.communeId) ?? null })),
    })),
  };
}
