// Mobile teams over the communes of a computed plan: the one place where the service turns a
// campaign plan into planMobileTeams' input, for `CampaignPlan.mobileTeams` and `Team.visits`.
// The request's fields are planMobileTeams' own (teams, hours, maxDaysPerVisit), so a refusal
// names the argument as the library names the field.

import type {
  AreaPlan,
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
import { centroidAbove } from './centroid-above.ts';
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
  /** The argument that chose `areaCode`, named when one of its leaves has no centroid to be placed by. */
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

/** How many areas a placement note names before it counts the rest. */
const NAMED_IN_NOTE = 20;

/** `99990032 (Thôn Hai)`, or the code alone for an area without a name. */
const label = (code: string, name: string | null | undefined) => (name ? `${code} (${name})` : code);

/**
 * The communes under `areaCode`, each with a centroid (its leaf areas: communes, or villages
 * below them). A leaf without one is placed at the centroid of the nearest area above it that has
 * one (a village at its commune's); where none above has one, at the centre of the leaves that have
 * one under the nearest area above it with any (a commune at the centre of its district's other
 * communes); each placement is said in `notes`. With no centroid to place it by, the refusal names
 * the argument that chose `areaCode`, the leaf and the figure it lacks.
 *
 * @example
 * // Thôn Hai (99990032) imported without latitude and longitude under Xã Đắk Môl (24718)
 * placedCommunesWithNotes(plan, '665', 'areaCode').notes
 * // => ['99990032 (Thôn Hai) has no centroid: placed at the centroid of 24718 (Xã Đắk Môl), the nearest area above it with one']
 */
export function placedCommunesWithNotes(
  plan: CampaignPlan,
  areaCode: string,
  areaArgument: string,
): { communes: MobileCommune[]; notes: string[] } {
  const communes = mobileCommunesFromPlan(plan, { areaCode });
  if (communes.every((commune) => commune.location !== undefined)) return { communes, notes: [] };
  const rows = new Map(plan.areas.map((row) => [row.code, row]));
  const parentOf = (row: AreaPlan | undefined) =>
    row?.parentCode == null ? undefined : rows.get(row.parentCode);
  const centres = new Map<string, GeoPoint | null>();
  /** The centre of the leaves under `code` that have a centroid; null when none has. */
  const centreOf = (code: string): GeoPoint | null => {
    if (!centres.has(code)) {
      const points = mobileCommunesFromPlan(plan, { areaCode: code }).flatMap((c) =>
        c.location ? [c.location] : [],
      );
      centres.set(code, points.length === 0 ? null : meanOf(points));
    }
    return centres.get(code) ?? null;
  };
  const placedAt = new Map<string, { by: 'centroid' | 'centre'; code: string; leaves: string[] }>();
  const placed = communes.map((commune) => {
    if (commune.location !== undefined) return commune;
    const above: AreaPlan[] = [];
    for (let up = parentOf(rows.get(commune.id)); up; up = parentOf(up)) above.push(up);
    const withCentroid = centroidAbove(above);
    const around = withCentroid === undefined ? above.find((row) => centreOf(row.code) !== null) : undefined;
    const location = withCentroid?.location ?? (around === undefined ? null : centreOf(around.code));
    if (!location) {
      throw new PlanningInputError({
        path: areaArgument,
        code: 'required',
        expected: `an area whose leaf areas can be placed for the teams’ drives: ${label(commune.id, commune.name)} has no centroid (latitude and longitude), nor has any area above it or any leaf area near it`,
        received: areaCode,
      });
    }
    const by = withCentroid === undefined ? 'centre' : 'centroid';
    const code = (withCentroid ?? around)?.code as string;
    const placement = placedAt.get(`${by}:${code}`) ?? { by, code, leaves: [] };
    placement.leaves.push(label(commune.id, commune.name));
    placedAt.set(`${by}:${code}`, placement);
    return { ...commune, location };
  });
  const notes = [...placedAt.values()].map(({ by, code, leaves }) => {
    const one = leaves.length === 1;
    const more = leaves.length > NAMED_IN_NOTE ? ` and ${leaves.length - NAMED_IN_NOTE} more` : '';
    const which = `${leaves.slice(0, NAMED_IN_NOTE).join(', ')}${more} ${one ? 'has' : 'have'} no centroid`;
    const them = one ? 'it' : 'them';
    const area = label(code, rows.get(code)?.name);
    return by === 'centroid'
      ? `${which}: placed at the centroid of ${area}, the nearest area above ${them} with one`
      : `${which}: placed at the centre of the leaf areas under ${area} that have one (no area above ${them} has one)`;
  });
  return { communes: placed, notes };
}

/** The mean of points (close together: a district's communes). */
function meanOf(points: readonly GeoPoint[]): GeoPoint {
  const mean = (of: (point: GeoPoint) => number): number =>
    points.reduce((sum, p) => sum + of(p), 0) / points.length;
  return { latitude: mean((p) => p.latitude), longitude: mean((p) => p.longitude) };
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
  const { communes, notes: placement } = placedCommunesWithNotes(
    plan,
    request.areaCode,
    request.areaArgument,
  );
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
  return { communes, notes: [...placement, ...base.notes], teamsInput };
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
  return {
    home: meanOf(points),
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
