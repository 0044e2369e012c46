// Mobile teams over the communes of a computed plan: the one place where the service turns a
// campaign plan into planMobileTeams' input, for `CampaignPlan.mobileTeams` and `Team.visits`.
// The request's fields are planMobileTeams' own (teams, hours, maxDaysPerVisit), so a refusal
// names the argument as the library names the field.

import type {
  CampaignInput,
  CampaignPlan,
  EnrollmentSite,
  GeoPoint,
  MobileCommune,
  MobilePlan,
  MobileTeam,
  MobileVisit,
  OpeningHours,
  PlanMobileTeamsOptions,
  SiteReach,
  SitesAndTeamsPlan,
} from '@muster/planning';
import { mobileCommunesFromPlan, PlanningInfeasibleError, PlanningInputError } from '@muster/planning';
import { compute } from '../compute/pool.ts';
import { NotFoundError } from '../errors.ts';
import { withoutNulls } from './without-nulls.ts';

/** A team as asked: the library's, its crews null when not named (the plan's `crewsPerTeam` then). */
export type TeamRequest = Omit<MobileTeam, 'crews'> & { crews?: number | null };

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
  teams: readonly TeamRequest[];
  hours?: OpeningHours | null;
  maxDaysPerVisit?: number | null;
  /** Crews behind each team that names none; default the library's (2). */
  crewsPerTeam?: number | null;
  priority: NonNullable<PlanMobileTeamsOptions['priorityRule']>;
};

/** The communes under `areaCode`, each with a centroid, or a refusal naming the argument. */
export function placedCommunes(plan: CampaignPlan, areaCode: string, areaArgument: string): MobileCommune[] {
  const communes = mobileCommunesFromPlan(plan, { areaCode });
  const unplaced = communes.find((commune) => commune.location === undefined);
  if (unplaced !== undefined) {
    throw new PlanningInputError({
      path: areaArgument,
      code: 'required',
      expected: `an area whose leaf areas all have a centroid (${unplaced.id} has none)`,
      received: areaCode,
    });
  }
  return communes;
}

/** With their commune names, for the fields. */
function named(
  result: MobilePlan,
  communes: readonly MobileCommune[],
  notes: readonly string[],
): NamedMobilePlan {
  const names = new Map(communes.map((c) => [c.id, c.name ?? null]));
  return {
    ...result,
    notes: [...result.notes, ...notes],
    teams: result.teams.map((team) => ({
      ...team,
      visits: team.visits.map((visit) => ({ ...visit, communeName: names.get(visit.communeId) ?? null })),
    })),
  };
}

/** The visit calendar of the teams over the leaf areas under `areaCode`, at the plan's service. */
export async function planMobileTeamsOver(
  plan: CampaignPlan,
  input: Pick<CampaignInput, 'calendar' | 'service'>,
  request: MobilePlanRequest,
): Promise<NamedMobilePlan> {
  const { communes, notes, teamsInput } = teamsInputOver(plan, input, request);
  const result = await compute('planMobileTeams', teamsInput, { priorityRule: request.priority });
  if (result.status === 'infeasible') throw new PlanningInfeasibleError(result.reason, result.detail);
  return named(result, communes, notes);
}

/**
 * What the teams' plans (mobile only, or beside sites) are built from: the communes under the area
 * asked, the base's notes, and the library input both take alike.
 */
function teamsInputOver(
  plan: CampaignPlan,
  input: Pick<CampaignInput, 'calendar' | 'service'>,
  request: MobilePlanRequest,
) {
  const communes = placedCommunes(plan, request.areaCode, request.areaArgument);
  const base = baseOf(plan, request.homeAreaCode);
  const teamsInput = {
    calendar: input.calendar,
    communes,
    teams: request.teams.map((team) => withoutNulls(team)),
    service: input.service,
    ...(base.home ? { home: base.home } : {}),
    ...(request.hours ? { hours: request.hours } : {}),
    ...(request.maxDaysPerVisit != null ? { maxDaysPerVisit: request.maxDaysPerVisit } : {}),
    ...(request.crewsPerTeam != null ? { crewsPerTeam: request.crewsPerTeam } : {}),
  };
  return { communes, notes: base.notes, teamsInput };
}

/**
 * Where the teams leave from, the same on every path: `homeAreaCode`'s centroid; for a base
 * without one, the centre of its own communes (noted); with no base named, nothing, and the
 * library leaves from the centre of the communes visited (and says so).
 */
export function baseOf(
  plan: CampaignPlan,
  homeAreaCode: string | null | undefined,
): { home: GeoPoint | null; notes: string[] } {
  if (homeAreaCode == null) return { home: null, notes: [] };
  const row = plan.areas.find((candidate) => candidate.code === homeAreaCode);
  if (!row) throw new NotFoundError('area', homeAreaCode, 'homeAreaCode', 'in this plan');
  if (row.location) return { home: row.location, notes: [] };
  const points = mobileCommunesFromPlan(plan, { areaCode: homeAreaCode }).flatMap((c) =>
    c.location ? [c.location] : [],
  );
  if (points.length === 0) {
    throw new PlanningInputError({
      path: 'homeAreaCode',
      code: 'required',
      expected: 'an area with a centroid, or with communes that have one, for the teams to start from',
      received: homeAreaCode,
    });
  }
  const mean = (of: (point: GeoPoint) => number): number =>
    points.reduce((sum, p) => sum + of(p), 0) / points.length;
  return {
    home: { latitude: mean((p) => p.latitude), longitude: mean((p) => p.longitude) },
    notes: [`${homeAreaCode} has no centroid: the teams leave from the centre of its communes`],
  };
}

/** A combined plan with its teams' visits named. */
export type NamedSitesAndTeamsPlan = Omit<SitesAndTeamsPlan, 'mobile'> & { mobile: NamedMobilePlan | null };

export type SitesAndTeamsRequest = Omit<MobilePlanRequest, 'teams'> & {
  sites: readonly EnrollmentSite[];
  teams: readonly TeamRequest[];
  siteHours: OpeningHours;
  reach?: { [K in keyof SiteReach]?: SiteReach[K] | null } | null;
  objective: 'earliest' | 'machine-days';
};

/** Fixed sites and mobile teams in one plan over the leaf areas under `areaCode`. */
export async function planSitesAndTeamsOver(
  plan: CampaignPlan,
  input: Pick<CampaignInput, 'calendar' | 'service'>,
  request: SitesAndTeamsRequest,
): Promise<NamedSitesAndTeamsPlan> {
  const { communes, notes, teamsInput } = teamsInputOver(plan, input, request);
  const result = await compute(
    'planSitesAndTeams',
    {
      ...teamsInput,
      sites: [...request.sites],
      siteHours: request.siteHours,
      ...(request.reach ? { reach: withoutNulls(request.reach) } : {}),
    },
    { priorityRule: request.priority, objective: request.objective },
  );
  if (result.status === 'infeasible') throw new PlanningInfeasibleError(result.reason, result.detail);
  return namedSitesAndTeams(result, communes, notes);
}

/** A combined plan with its commune names and the service's own notes. */
export function namedSitesAndTeams(
  result: SitesAndTeamsPlan,
  communes: readonly MobileCommune[],
  notes: readonly string[],
): NamedSitesAndTeamsPlan {
  return {
    ...result,
    notes: [...result.notes, ...notes],
    mobile: result.mobile === null ? null : named(result.mobile, communes, []),
  };
}
