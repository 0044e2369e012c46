import type { ServiceInput } from '../capacity/machine-capacity.ts';
import type { GeoPoint } from '../geo/geo-point.ts';
import type { CalendarInput } from '../time/open-days.ts';
import type { OpeningHours } from '../time/opening-window.ts';

/** A commune that may need a mobile team. */
export type MobileCommune = {
  /** Unique key, such as the GSO commune code `'24685'`. */
  id: string;
  name?: string;
  /** Dossiers still to take in the commune (from `planCampaign` or given), an integer. */
  demand: number;
  /** Where the team works (the commune's centre); needed unless `travel` gives a matrix or a function. */
  location?: GeoPoint;
  /** Rank for `priorityRule: 'rank'`: 1 is served first. Default 1. */
  priority?: number;
  /** Share of the eligible already served, 0–1, for `priorityRule: 'low-coverage-first'`. Default 0. */
  coverageShare?: number;
  /** No visit may start before this date (a market day, the end of a harvest). */
  earliestDate?: string;
  /** Every dossier should be taken by this date; later dossiers are reported. */
  latestDate?: string;
  /** Residents may walk to a neighbour's visit when `sharedVisits` allows it. Default true. */
  canShareVisit?: boolean;
};

/** One mobile team: a crew and the machines it carries from commune to commune. */
export type MobileTeam = {
  /** Unique key, such as the team's code `'DN-DAK-SONG-MOBILE'`; the plan names the team by it. */
  id: string;
  /** Machines the team carries and works with at once, a positive integer. */
  machines: number;
};

/** A fixed enrollment site that already serves its own commune and, possibly, neighbours. */
export type FixedSite = {
  id: string;
  /** The commune where the site stands. */
  communeId: string;
  /** Communes sent to the site by name. */
  servesCommuneIds?: string[];
  /** Communes within this many hours' drive of the site are sent to it too. Default 0: only those named. */
  catchmentTravelHours?: number;
};

/** A place in a travel-time function: the home base or a commune. */
export type TravelPoint = { kind: 'home' } | { kind: 'commune'; id: string };

/**
 * How long drives take. By default the straight line × `detourFactor` ÷ `speedKmPerHour`
 * (no road data exists for the communes); or a matrix of hours (row and column 0 are home,
 * `i + 1` is `communes[i]`); or a function of two points.
 */
export type MobileTravel =
  | { speedKmPerHour?: number; detourFactor?: number }
  | { hoursMatrix: number[][] }
  | { hoursBetween: (from: TravelPoint, to: TravelPoint) => number };

/** Everything a mobile-team plan is computed from. Every team leaves `home` on the first open day. */
export type PlanMobileTeamsInput = {
  calendar: CalendarInput;
  communes: MobileCommune[];
  /** The teams as they are: each works at the pace of its own machines. */
  teams: MobileTeam[];
  /** How one machine serves dossiers: the campaign's service, with the same defaults (see `machineCapacity`). */
  service: ServiceInput;
  /** Where teams leave from (the provincial or district police); needed for straight-line travel. */
  home?: GeoPoint;
  /** Daily working window of the teams, travel included. Default 07:00–19:00 (daylight: teams do not drive mountain roads at night). */
  hours?: OpeningHours;
  /** Unloading, cabling and testing machines on arrival, hours. Default 1. */
  setupHours?: number;
  /** Longest stay of one team in one commune, in days of work; a larger commune gets several visits. Default no limit. */
  maxDaysPerVisit?: number;
  travel?: MobileTravel;
  fixedSites?: FixedSite[];
};

export type PlanMobileTeamsOptions = {
  /**
   * Which communes go first. `'rank'`: by each commune's `priority`. `'remote-first'`: the
   * farthest from home first. `'low-coverage-first'`: the lowest `coverageShare` first.
   * Classes are strict: no commune of a class starts before every commune of the classes
   * before it is finished, so a small first class leaves some teams waiting (seen in
   * `idleShare` and the gap to the bound). Default `'rank'`.
   */
  priorityRule?: 'rank' | 'remote-first' | 'low-coverage-first';
  /** Classes `'remote-first'` and `'low-coverage-first'` cut the communes into, of equal size. Default 2. */
  priorityClasses?: number;
  /** Let a small commune share a neighbour's visit. Default: off. */
  sharedVisits?: { maxTravelHours: number; maxDossiers: number };
  /** A team does not unpack for less work than this unless it finishes the commune, hours. Default 1. */
  minVisitWorkHours?: number;
};

/** One stay of one team. */
export type MobileVisit = {
  communeId: string;
  /** The commune and any neighbours whose residents come to this visit. */
  servedCommuneIds: string[];
  arriveDate: string;
  leaveDate: string;
  /** Open days from arrival to departure, both included. */
  days: number;
  travelHoursBefore: number;
  waitHoursBefore: number;
  setupHours: number;
  workHours: number;
  dossiers: number;
  dossiersPerDay: { date: string; dossiers: number }[];
  /** Working hours since the first open day, for machines: travel starts at `departHour`, work runs `[workStartHour, workEndHour)`. */
  departHour: number;
  workStartHour: number;
  workEndHour: number;
};

/** One team's visits, in the order it makes them. */
export type TeamItinerary = {
  /** The team's `id`. */
  team: string;
  machines: number;
  visits: MobileVisit[];
  travelHours: number;
  setupHours: number;
  workHours: number;
  waitHours: number;
  /** Date the team finishes its last visit (null when it has none). */
  endDate: string | null;
};

export type CommuneCoverage = {
  communeId: string;
  name?: string;
  demand: number;
  servedBy: 'mobile-team' | 'shared-visit' | 'fixed-site' | 'nothing-to-do';
  /** The commune whose visits these residents attend (a shared visit) or the fixed site. */
  servedAt?: string;
  plannedDossiers: number;
  dossiersByDeadline: number;
  shortfallAtDeadline: number;
  /** Dossiers by the deadline over demand (1 when there is no demand). */
  coverageByDeadline: number;
  /** Each team's stay, to announce to residents. */
  windows: { team: string; from: string; to: string }[];
};

export type UnreachedCommune = {
  communeId: string;
  reason: 'too-far' | 'opens-after-deadline' | 'latest-date' | 'capacity';
  detail: string;
  /** Dossiers taken after the deadline (or after the commune's own latest date). */
  shortfallDossiers: number;
};

export type MobilePlanAssumptions = {
  /** Dossiers one machine takes per working hour, from the service (`machineCapacity`). */
  dossiersPerMachineHour: number;
  hoursPerDay: number;
  setupHours: number;
  travel: 'straight-line' | 'matrix' | 'function';
  speedKmPerHour?: number;
  detourFactor?: number;
  priorityRule: 'rank' | 'remote-first' | 'low-coverage-first';
  maxDaysPerVisit: number | null;
  minVisitWorkHours: number;
};

export type MobilePlan = {
  status: 'planned';
  /** Every dossier is taken by the deadline. */
  onTime: boolean;
  deadline: string;
  completionDate: string | null;
  /** Working hours of the team timeline until the last team finishes. */
  completionHours: number;
  /** Working hours from the start to the end of the deadline day. */
  deadlineHours: number;
  /**
   * No plan finishes before `hours`. Its parts are in hours of a team with the fewest machines:
   * the work, one set-up per commune visited, and the cheapest drive into each.
   */
  lowerBound: {
    completionDate: string | null;
    hours: number;
    workHours: number;
    setupHours: number;
    leastTravelHours: number;
    limitedBy: 'team-hours' | 'farthest-commune';
  };
  /** (completion − lower bound) ÷ lower bound, in working hours; 0 when there is nothing to do. */
  gapToLowerBound: number;
  /** Shares of all team-hours until completion. */
  workShare: number;
  travelShare: number;
  setupShare: number;
  idleShare: number;
  /** One per team, in the order of `teams`. */
  teams: TeamItinerary[];
  communes: CommuneCoverage[];
  unreached: UnreachedCommune[];
  notes: string[];
  assumptions: MobilePlanAssumptions;
};

export type MobilePlanResult =
  | MobilePlan
  | { status: 'infeasible'; reason: 'no-open-days' | 'beyond-horizon'; detail: string };
