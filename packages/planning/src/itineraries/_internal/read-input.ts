import { COMMUNE_TYPES } from '../../_internal/commune-types.ts';
import {
  optionalGeoPoint,
  optionalNumber,
  optionalString,
  requireArray,
  requireBoolean,
  requireIsoDate,
  requireNumber,
  requireOneOf,
  requireRecord,
  requireString,
} from '../../_internal/validate.ts';
import { machineCapacity } from '../../capacity/machine-capacity.ts';
import { PlanningInputError } from '../../errors/planning-input-error.ts';
import { type ResolvedCalendar, resolveCalendar } from '../../time/open-days.ts';
import { type OpeningHours, type OpeningWindow, resolveOpeningWindow } from '../../time/opening-window.ts';
import type {
  FixedSite,
  MobileCommune,
  MobileTeam,
  PlanMobileTeamsOptions,
  PriorityRule,
  TerrainClass,
} from '../types.ts';
import { CREWS_RULE, type CrewPattern, readCrewPattern, withCrews } from './crews.ts';
import { type ResolvedTravel, readTravel } from './read-travel.ts';

/** A commune as checked, with its place in the input. */
export type IndexedCommune = MobileCommune & { index: number };

/** A mobile-team input checked once, its defaults filled in. */
export type MobileProblem = {
  calendar: ResolvedCalendar;
  /** The teams' daily working window. */
  window: OpeningWindow;
  communes: IndexedCommune[];
  teams: MobileTeam[];
  /**
   * Each team's pace over the slowest team's (its machines over the fewest any team has), so
   * that work is counted in hours of the slowest team and identical teams all have pace 1.
   */
  paces: number[];
  /** Dossiers the slowest team takes in a working hour. */
  slowestTeamDossiersPerHour: number;
  dossiersPerMachineHour: number;
  setupHours: number;
  maxDaysPerVisit: number | null;
  fixedSites: FixedSite[];
  options: Required<Omit<PlanMobileTeamsOptions, 'sharedVisits'>> & {
    sharedVisits: PlanMobileTeamsOptions['sharedVisits'] | null;
  };
  travel: ResolvedTravel;
  /** The crews' turns of a team with `crewsPerTeam` crews: which open days it works and for how many hours. */
  crews: CrewPattern;
  /** Each team's own turns, by team index (`crews` unless the team names its own number of crews). */
  teamCrews: CrewPattern[];
};

const PRIORITY_RULES: readonly PriorityRule[] = [
  'rank',
  'remote-first',
  'low-coverage-first',
  'remote-low-coverage-first',
];
const DEFAULT_HOURS: OpeningHours = { open: '07:00', close: '19:00' };
const DEFAULT_SETUP_HOURS = 1;
const DEFAULT_PRIORITY_CLASSES = 2;
const DEFAULT_MIN_VISIT_WORK_HOURS = 1;
/** A province fields tens of teams (Nghệ An added 176 machines in all); the cap keeps a typo from a long run. */
const MAX_TEAMS = 1000;
/** Machines one team may carry: the same cap, for the same reason. */
export const TEAM_MACHINES_RULE = { min: 1, max: 1000, integer: true } as const;
/** Drive times are held as a dense table (8 bytes per pair): 3,000 communes take 72 MB; the largest province has under 800. */
const MAX_COMMUNES = 3000;

/** Checks every field of a mobile-team input and its options, filling the documented defaults once. */
export function readMobileInput(
  input: unknown,
  options: unknown,
  { teamsRequired = true } = {},
): MobileProblem {
  const record = requireRecord(input, 'input');
  const calendar = resolveCalendar(record.calendar, 'calendar');
  const window = resolveOpeningWindow(record.hours ?? DEFAULT_HOURS, 'hours');
  if (window.nominalHours <= 0) {
    throw new PlanningInputError({
      path: 'hours',
      code: 'range',
      expected: 'a window longer than zero hours',
      received: record.hours,
    });
  }
  const resolvedOptions = readOptions(options);
  const teams = readTeams(record.teams, teamsRequired ? 1 : 0);
  const fewestMachines = teams.length === 0 ? 1 : Math.min(...teams.map((team) => team.machines));
  const { dossiersPerMachineHour } = machineCapacity(record.service, 'service');
  const communes = readCommunes(record.communes);
  const ids = new Set(communes.map((c) => c.id));
  const crews = readCrewPattern(record.crewsPerTeam, record.crewRules, window);
  return {
    calendar,
    window,
    communes,
    teams,
    paces: teams.map((team) => team.machines / fewestMachines),
    slowestTeamDossiersPerHour: dossiersPerMachineHour * fewestMachines,
    dossiersPerMachineHour,
    setupHours: optionalNumber(record.setupHours, 'setupHours', { min: 0, max: 240 }) ?? DEFAULT_SETUP_HOURS,
    maxDaysPerVisit:
      optionalNumber(record.maxDaysPerVisit, 'maxDaysPerVisit', { min: 0, minExclusive: true, max: 3660 }) ??
      null,
    fixedSites: readFixedSites(record.fixedSites, ids),
    options: resolvedOptions,
    travel: readTravel(record.travel, record.home, communes),
    crews,
    teamCrews: crewsOfTeams(teams, crews),
  };
}

/** Each team's turns; teams with the same number of crews share one pattern (so one line of days). */
function crewsOfTeams(teams: readonly MobileTeam[], crews: CrewPattern): CrewPattern[] {
  const byCount = new Map([[crews.crewsPerTeam, crews]]);
  return teams.map((team) => {
    const count = team.crews ?? crews.crewsPerTeam;
    const pattern = byCount.get(count) ?? withCrews(crews, count);
    byCount.set(count, pattern);
    return pattern;
  });
}

function readOptions(options: unknown): MobileProblem['options'] {
  const opts = requireRecord(options, 'options');
  const priorityRule = requireOneOf(opts.priorityRule ?? 'rank', 'priorityRule', PRIORITY_RULES);
  const priorityClasses =
    optionalNumber(opts.priorityClasses, 'priorityClasses', { min: 1, max: 1000, integer: true }) ??
    DEFAULT_PRIORITY_CLASSES;
  const minVisitWorkHours =
    optionalNumber(opts.minVisitWorkHours, 'minVisitWorkHours', { min: 0, max: 24 }) ??
    DEFAULT_MIN_VISIT_WORK_HOURS;
  let sharedVisits: MobileProblem['options']['sharedVisits'] = null;
  if (opts.sharedVisits !== undefined && opts.sharedVisits !== false) {
    const shared = requireRecord(opts.sharedVisits, 'sharedVisits');
    sharedVisits = {
      maxTravelHours: requireNumber(shared.maxTravelHours, 'sharedVisits.maxTravelHours', {
        min: 0,
        max: 24,
      }),
      maxDossiers: requireNumber(shared.maxDossiers, 'sharedVisits.maxDossiers', { min: 0, integer: true }),
    };
  }
  return { priorityRule, priorityClasses, minVisitWorkHours, sharedVisits };
}

function readTeams(value: unknown, fewest: number): MobileTeam[] {
  const list = requireArray(value, 'teams');
  if (list.length < fewest || list.length > MAX_TEAMS) {
    throw new PlanningInputError({
      path: 'teams',
      code: 'range',
      expected: `from ${fewest} to ${MAX_TEAMS} teams`,
      received: `${list.length} teams`,
    });
  }
  const seen = new Set<string>();
  return list.map((item, index) => {
    const path = `teams[${index}]`;
    const team = requireRecord(item, path);
    const id = requireUniqueId(team.id, `${path}.id`, seen);
    const machines = requireNumber(team.machines, `${path}.machines`, TEAM_MACHINES_RULE);
    return team.crews === undefined
      ? { id, machines }
      : { id, machines, crews: requireNumber(team.crews, `${path}.crews`, CREWS_RULE) };
  });
}

function readCommunes(value: unknown): IndexedCommune[] {
  const list = requireArray(value, 'communes');
  if (list.length > MAX_COMMUNES) {
    throw new PlanningInputError({
      path: 'communes',
      code: 'range',
      expected: `at most ${MAX_COMMUNES} communes (plan one province or district at a time)`,
      received: `${list.length} communes`,
    });
  }
  const seen = new Set<string>();
  return list.map((item, index) => {
    const path = `communes[${index}]`;
    const c = requireRecord(item, path);
    const id = requireUniqueId(c.id, `${path}.id`, seen);
    const commune: IndexedCommune = {
      index,
      id,
      demand: requireNumber(c.demand, `${path}.demand`, { min: 0, integer: true }),
    };
    const name = optionalString(c.name, `${path}.name`);
    if (name !== undefined) commune.name = name;
    const location = optionalGeoPoint(c.location, `${path}.location`);
    if (location !== undefined) commune.location = location;
    const priority = optionalNumber(c.priority, `${path}.priority`, {
      min: 1,
      max: 1_000_000,
      integer: true,
    });
    if (priority !== undefined) commune.priority = priority;
    const coverage = optionalNumber(c.coverageShare, `${path}.coverageShare`, { min: 0, max: 1 });
    if (coverage !== undefined) commune.coverageShare = coverage;
    for (const key of ['earliestDate', 'latestDate'] as const) {
      if (c[key] !== undefined)
        commune[key] = requireIsoDate(c[key], `${path}.${key}`, 'UTC').toISODate() ?? '';
    }
    if (c.canShareVisit !== undefined)
      commune.canShareVisit = requireBoolean(c.canShareVisit, `${path}.canShareVisit`);
    readTerrainFacts(c, path, commune);
    return commune;
  });
}

const TERRAIN_CLASSES: readonly TerrainClass[] = ['urban', 'lowland', 'upland', 'mountain'];

/** The figures a commune's terrain class is read from, and its overrides. */
function readTerrainFacts(c: Record<string, unknown>, path: string, commune: IndexedCommune): void {
  const population = optionalNumber(c.population, `${path}.population`, { min: 0, integer: true });
  if (population !== undefined) commune.population = population;
  const areaKm2 = optionalNumber(c.areaKm2, `${path}.areaKm2`, { min: 0, minExclusive: true });
  if (areaKm2 !== undefined) commune.areaKm2 = areaKm2;
  const urbanShare = optionalNumber(c.urbanShare, `${path}.urbanShare`, { min: 0, max: 1 });
  if (urbanShare !== undefined) commune.urbanShare = urbanShare;
  if (c.communeType !== undefined)
    commune.communeType = requireOneOf(c.communeType, `${path}.communeType`, COMMUNE_TYPES);
  if (c.terrain !== undefined) commune.terrain = requireOneOf(c.terrain, `${path}.terrain`, TERRAIN_CLASSES);
  const speed = optionalNumber(c.speedKmPerHour, `${path}.speedKmPerHour`, {
    min: 0,
    minExclusive: true,
    max: 1000,
  });
  if (speed !== undefined) commune.speedKmPerHour = speed;
}

function readFixedSites(value: unknown, communeIds: ReadonlySet<string>): FixedSite[] {
  if (value === undefined) return [];
  return requireArray(value, 'fixedSites').map((item, index) => {
    const path = `fixedSites[${index}]`;
    const s = requireRecord(item, path);
    const site: FixedSite = {
      id: requireString(s.id, `${path}.id`),
      communeId: requireKnownCommune(s.communeId, `${path}.communeId`, communeIds),
    };
    if (s.servesCommuneIds !== undefined) {
      site.servesCommuneIds = requireArray(s.servesCommuneIds, `${path}.servesCommuneIds`).map((id, k) =>
        requireKnownCommune(id, `${path}.servesCommuneIds[${k}]`, communeIds),
      );
    }
    const catchment = optionalNumber(s.catchmentTravelHours, `${path}.catchmentTravelHours`, {
      min: 0,
      max: 240,
    });
    if (catchment !== undefined) site.catchmentTravelHours = catchment;
    return site;
  });
}

/** A non-empty id not yet in `seen`, then added to it. */
function requireUniqueId(value: unknown, path: string, seen: Set<string>): string {
  const id = requireString(value, path);
  if (seen.has(id))
    throw new PlanningInputError({ path, code: 'duplicate', expected: 'a unique id', received: id });
  seen.add(id);
  return id;
}

function requireKnownCommune(value: unknown, path: string, ids: ReadonlySet<string>): string {
  const id = requireString(value, path);
  if (!ids.has(id)) {
    throw new PlanningInputError({
      path,
      code: 'unknown-reference',
      expected: 'the id of a commune in `communes`',
      received: id,
    });
  }
  return id;
}
