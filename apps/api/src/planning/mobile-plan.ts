// Mobile teams over the communes of a computed plan: the one place where the service turns a
// campaign plan into planMobileTeams' input, for `CampaignPlan.mobileTeams` and `Team.visits`.
// The request's fields are planMobileTeams' own (teams, hours, maxDaysPerVisit), so a refusal
// names the argument as the library names the field.
import type {
  CampaignInput,
  CampaignPlan,
  GeoPoint,
  MobileCommune,
  MobilePlan,
  MobileTeam,
  MobileVisit,
  OpeningHours,
  PlanMobileTeamsOptions,
} from '@muster/planning';
import { mobileCommunesFromPlan, PlanningInfeasibleError, PlanningInputError } from '@muster/planning';
import { compute } from '../compute/pool.ts';
import { NotFoundError } from '../errors.ts';

/** A visit with its commune's name, for the field. */
export type NamedVisit = MobileVisit & { communeName: string | null };

export type NamedMobilePlan = Omit<MobilePlan, 'teams'> & {
  teams: (Omit<MobilePlan['teams'][number], 'visits'> & { visits: NamedVisit[] })[];
};

export type MobilePlanRequest = {
  /** Whose leaf areas are visited. */
  areaCode: string;
  /** The argument that chose `areaCode`, named when one of its communes has no centroid. */
  areaArgument: string;
  /** Where teams leave from, an area with a centroid; default the mean of the communes' centroids. */
  homeAreaCode?: string | null;
  teams: readonly MobileTeam[];
  hours?: OpeningHours | null;
  maxDaysPerVisit?: number | null;
  priority: NonNullable<PlanMobileTeamsOptions['priorityRule']>;
};

/** The visit calendar of the teams over the leaf areas under `areaCode`, at the plan's service. */
export async function planMobileTeamsOver(
  plan: CampaignPlan,
  input: Pick<CampaignInput, 'calendar' | 'service'>,
  request: MobilePlanRequest,
): Promise<NamedMobilePlan> {
  const communes = mobileCommunesFromPlan(plan, { areaCode: request.areaCode });
  const unplaced = communes.find((commune) => commune.location === undefined);
  if (unplaced !== undefined) {
    throw new PlanningInputError({
      path: request.areaArgument,
      code: 'required',
      expected: `an area whose leaf areas all have a centroid (${unplaced.id} has none)`,
      received: request.areaCode,
    });
  }
  const result = await compute(
    'planMobileTeams',
    {
      calendar: input.calendar,
      communes,
      teams: [...request.teams],
      service: input.service,
      home: homeOf(plan, request.homeAreaCode, communes),
      ...(request.hours ? { hours: request.hours } : {}),
      ...(request.maxDaysPerVisit != null ? { maxDaysPerVisit: request.maxDaysPerVisit } : {}),
    },
    { priorityRule: request.priority },
  );
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

/** The centroid of `homeAreaCode`, or without one the mean of the communes' centroids. */
function homeOf(
  plan: CampaignPlan,
  homeAreaCode: string | null | undefined,
  communes: readonly MobileCommune[],
): GeoPoint {
  if (homeAreaCode == null) {
    const mean = (of: (point: GeoPoint) => number): number =>
      communes.reduce((sum, c) => sum + (c.location ? of(c.location) : 0), 0) / Math.max(1, communes.length);
    return { latitude: mean((p) => p.latitude), longitude: mean((p) => p.longitude) };
  }
  const row = plan.areas.find((candidate) => candidate.code === homeAreaCode);
  if (!row) throw new NotFoundError('area', homeAreaCode, 'homeAreaCode', 'in this plan');
  if (!row.location) {
    throw new PlanningInputError({
      path: 'homeAreaCode',
      code: 'required',
      expected: 'an area with a centroid (latitude and longitude), for the teams to start from',
      received: homeAreaCode,
    });
  }
  return row.location;
}
