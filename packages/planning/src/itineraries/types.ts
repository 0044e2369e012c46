import type { ServiceInput } from '../capacity/machine-capacity.ts';
import type { CommuneType } from '../demand/area-tree.ts';
import type { GeoPoint } from '../geo/geo-point.ts';
import type { RosterAssignment, RosterRules } from '../rotations/types.ts';
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
  /** Residents (the 2019 census), for the density that sets the terrain class. */
  population?: number;
  /** Land area, km², for the density that sets the terrain class. */
  areaKm2?: number;
  /** Share of the residents living in urban areas, 0–1; from 0.5 the commune is `urban`. */
  urbanShare?: number;
  /** `ward` (phường) is urban; `township` (thị trấn) is lowland when its density is unknown; `commune` (xã) and `special-zone` (đặc khu) by their figures. */
  communeType?: CommuneType;
  /** The terrain class, overriding the one read from the figures above (see {@link TerrainClass}). */
  terrain?: TerrainClass;
  /** Door-to-door speed on the roads into this commune, km/h, overriding its terrain class's. */
  speedKmPerHour?: number;
};

/**
 * The terrain a commune's roads run through, which sets how fast a loaded vehicle drives there
 * (default km/h: `urban` 25, `lowland` 40, `upland` 30, `mountain` 20). Read from the commune's
 * type, urban share and density (people per km²: lowland from 250, mountain under 60) unless given.
 */
export type TerrainClass = 'urban' | 'lowland' | 'upland' | 'mountain';

/** One mobile team: a crew and the machines it carries from commune to commune. */
export type MobileTeam = {
  /** Unique key, such as the team's code `'DN-DAK-SONG-MOBILE'`; the plan names the team by it. */
  id: string;
  /** Machines the team carries and works with at once, a positive integer. */
  machines: number;
  /**
   * Crews behind this team, who take turns by whole days, a positive integer (at most 20); they
   * set its days off by the roster rules. Default the plan's `crewsPerTeam`.
   */
  crews?: number;
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
 * How long drives take. By default the straight line × `detourFactor` (road km per straight km,
 * default 1.4) at the speed of the terrain at each end (half the road in each: hours =
 * km × detour × (1 ÷ speed at one end + 1 ÷ speed at the other) ÷ 2; home drives at the speed of
 * the commune nearest it); `speedKmPerHour` sets one speed everywhere, `speedsKmPerHour` the
 * speed of some terrain classes. Or a matrix of hours (row and column 0 are home, `i + 1` is
 * `communes[i]`); or a function of two points.
 */
export type MobileTravel =
  | {
      speedKmPerHour?: number;
      speedsKmPerHour?: Partial<Record<TerrainClass, number>>;
      detourFactor?: number;
    }
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
  /**
   * Where teams leave from (the provincial or district police). Without it, straight-line
   * travel starts from the centre of the communes (the mean of their locations), and the plan
   * says so in its notes.
   */
  home?: GeoPoint;
  /** Daily working window of the teams, travel included. Default 07:00–19:00 (daylight: teams do not drive mountain roads at night). */
  hours?: OpeningHours;
  /**
   * Crews behind each team that names none (`MobileTeam.crews`), who take turns by whole days, a
   * positive integer. Default 2. With the roster rules of `buildRoster` (`crewRules`) a team's
   * crews set its working hours per day (the window, cut to 24 h less the minimum rest) and its
   * days off (a day no crew may work); teams with different crews work different days.
   */
  crewsPerTeam?: number;
  /** The rules a crew's days keep, as in `buildRoster`; the same defaults (11 h rest, 48 h a week, 1 day off in 7). */
  crewRules?: RosterRules;
  /** Unloading, cabling and testing machines on arrival, hours. Default 1. */
  setupHours?: number;
  /** Longest stay of one team in one commune, in days of work; a larger commune gets several visits. Default no limit. */
  maxDaysPerVisit?: number;
  travel?: MobileTravel;
  fixedSites?: FixedSite[];
};

/** Which communes mobile teams serve first (see {@link PlanMobileTeamsOptions}). */
export type PriorityRule = 'rank' | 'remote-first' | 'low-coverage-first' | 'remote-low-coverage-first';

export type PlanMobileTeamsOptions = {
  /**
   * Which communes go first. `'rank'`: by each commune's `priority`. `'remote-first'`: the
   * farthest from home first. `'low-coverage-first'`: the lowest `coverageShare` first.
   * Classes are strict: no commune of a class starts before every commune of the classes
   * before it is finished, so a small first class leaves some teams waiting (seen in
   * `idleShare` and the gap to the bound). `'remote-first'` measures remoteness as the drive
   * from the nearest fixed site (from home when there is none), so wards beside a site come last.
   * `'remote-low-coverage-first'`: the highest drive hours × share not yet served first. Default `'rank'`.
   */
  priorityRule?: PriorityRule;
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
  /** Days the team works from arrival to departure, both included. */
  days: number;
  travelHoursBefore: number;
  waitHoursBefore: number;
  setupHours: number;
  workHours: number;
  dossiers: number;
  /** Each day the team works there: dossiers and hours of work (within its crews' day). */
  dossiersPerDay: { date: string; dossiers: number; workHours: number }[];
  /**
   * Hours of the plan's line (the days any team works, laid end to end from the first), for
   * machines: travel starts at `departHour`, work runs `[workStartHour, workEndHour)`. Travel,
   * set-up and work advance only on the team's own days, so on days its crews stand down while
   * another team works the line moves on without it.
   */
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
  /** The team's own crews and the days they work, by the roster rules: its visits fall only on them. */
  crews: CrewCalendar;
};

export type CommuneCoverage = {
  communeId: string;
  name?: string;
  demand: number;
  servedBy: 'mobile-team' | 'shared-visit' | 'fixed-site' | 'nothing-to-do';
  /** The terrain class its drives are timed with (straight-line travel; null with a matrix or a function). */
  terrain: TerrainClass | null;
  /** Drive from the nearest fixed site, or from home when there is none, hours: how remote it is. */
  remotenessHours: number;
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
  /** One speed everywhere, when given. */
  speedKmPerHour?: number;
  /** Straight-line travel: the speed of each terrain class, km/h. */
  speedsKmPerHour?: Record<TerrainClass, number>;
  detourFactor?: number;
  /** Where teams leave from: `home` as given, or the centre of the communes when none was. */
  home: 'given' | 'centre-of-communes' | 'none';
  /** Crews of a team that names none. */
  crewsPerTeam: number;
  /** Open days a team works in every 7 from the start, on average over the plan's days and its teams. */
  teamDaysPerWeek: number;
  priorityRule: PriorityRule;
  maxDaysPerVisit: number | null;
  minVisitWorkHours: number;
};

export type MobilePlan = {
  status: 'planned';
  /** Every dossier is taken by the deadline. */
  onTime: boolean;
  deadline: string;
  completionDate: string | null;
  /** Hours of the plan's line (the days any team works) until the last team finishes. */
  completionHours: number;
  /** Hours of the plan's line from the start to the end of the deadline day. */
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
  /**
   * The days a team of `crewsPerTeam` crews works, by the roster rules: the dates it works (each
   * crew by turns) and which crew is on. Checked with `checkRoster` it breaks no rule but
   * `staffing` on the days the team stands down. A team with its own `crews` has its own
   * calendar in `teams[i].crews`.
   */
  crews: CrewCalendar;
  communes: CommuneCoverage[];
  unreached: UnreachedCommune[];
  notes: string[];
  assumptions: MobilePlanAssumptions;
};

/** The roster of a team's crews: teams with as many crews have the same. */
export type CrewCalendar = {
  crewsPerTeam: number;
  /** Working hours of a team's day: the window, cut to 24 h less the minimum rest. */
  hoursPerDay: number;
  /** `HH:mm` the crew's day starts and ends (the start of the window and its start + `hoursPerDay`). */
  start: string;
  end: string;
  rules: Required<RosterRules>;
  /** Open days when no crew may work (the team stands down), in date order. */
  standDownDates: string[];
  /** One per working day, the crew on duty (`Crew 1`, `Crew 2`, …), as `buildRoster` names assignments. */
  assignments: RosterAssignment[];
};

export type MobilePlanResult =
  | MobilePlan
  | { status: 'infeasible'; reason: 'no-open-days' | 'beyond-horizon'; detail: string };

/** A fixed enrollment site with its machines, standing in one commune. */
export type EnrollmentSite = {
  /** Unique key, such as the district police's code. */
  id: string;
  /** The commune where the site stands; its own residents are always served there. */
  communeId: string;
  /** Machines working at the site every open day, a positive integer. */
  machines: number;
};

/** How far residents go to a fixed site, and how many come from far away. */
export type SiteReach = {
  /** Longest drive to a site that residents make, hours (the drive of a team's vehicle). Default 1. */
  maxTravelHours?: number;
  /**
   * Drive after which half as many residents come, hours: of a commune `t` hours from a site,
   * the share 0.5^(t ÷ half-life) of its demand comes. Default 1.5 (at an hour's drive 63 % come).
   */
  turnoutHalfLifeHours?: number;
};

/** Everything a plan of fixed sites and mobile teams together is computed from. */
export type PlanSitesAndTeamsInput = Omit<PlanMobileTeamsInput, 'fixedSites' | 'teams'> & {
  /** The fixed sites; at least one site or one team. */
  sites: EnrollmentSite[];
  /** The mobile teams; none when only sites serve. */
  teams: MobileTeam[];
  /** The sites' daily opening window (the campaign's hours). */
  siteHours: OpeningHours;
  reach?: SiteReach;
};

export type PlanSitesAndTeamsOptions = PlanMobileTeamsOptions & {
  /**
   * `'earliest'`: the split that finishes soonest (then the fewest machine-days). `'machine-days'`:
   * the fewest machine-days that finish by the deadline (the earliest when none does). Default `'earliest'`.
   */
  objective?: 'earliest' | 'machine-days';
};

/** Why a commune is served where it is. */
export type SplitReason =
  /** The site stands in the commune. */
  | 'site-commune'
  /** A site is within reach and serves it as soon as a team would, or sooner. */
  | 'within-reach'
  /** A site is within reach, but the teams finish it sooner (or, for a deadline, the site would miss it). */
  | 'sites-busy'
  /** No site within reach: a team brings the service to it. */
  | 'beyond-reach'
  /** No site within reach and no team: residents must go to the nearest site. */
  | 'no-team'
  | 'nothing-to-do';

/** Where one commune is served, and why. */
export type CommuneSplit = {
  communeId: string;
  name?: string;
  demand: number;
  servedBy: 'fixed-site' | 'mobile-team' | 'nothing-to-do';
  /** The site, when served at one. */
  siteId: string | null;
  /** Drive to the nearest site, hours (null without sites). */
  nearestSiteHours: number | null;
  /** Share of its demand that comes: 0.5^(drive ÷ half-life) at a site, 1 for a visit. */
  turnoutShare: number;
  /** Dossiers expected: demand × turnout share. */
  expectedDossiers: number;
  reason: SplitReason;
  detail: string;
  terrain: TerrainClass | null;
  /** When it is finished: its site's completion, or the end of its last visit. */
  completionDate: string | null;
};

/** One fixed site's load. */
export type SitePlan = EnrollmentSite & {
  /** The communes it serves, its own first. */
  communeIds: string[];
  /** Residents expected to come (each commune's demand × its turnout share). */
  expectedDossiers: number;
  /** Residents of its communes who do not come because of the drive. */
  notComingDossiers: number;
  /** Dossiers the site takes on an open day. */
  dossiersPerDay: number;
  /** Open days of work (fractional), from the first open day. */
  openDays: number;
  completionDate: string | null;
  /** Machines × open days of work. */
  machineDays: number;
};

export type SitesAndTeamsPlan = {
  status: 'planned';
  objective: 'earliest' | 'machine-days';
  onTime: boolean;
  deadline: string;
  /** The later of the sites' and the teams' completion; null when nothing is to do. */
  completionDate: string | null;
  /** Open days until the last dossier (the sites' fractional days, the teams' whole days). */
  completionOpenDays: number;
  /**
   * Open days before which no split and no route finishes: the split's linear relaxation (each
   * commune shared in fractions among its options, at each option's own cost), or the largest
   * commune alone at its quickest option.
   */
  lowerBoundOpenDays: number;
  /** (completion − bound) ÷ bound in open days; 0 when nothing is to do. */
  gapToLowerBound: number;
  /** Machine-days of work: each site's machines until it finishes, each team's until the teams finish. */
  machineDays: { sites: number; teams: number; total: number };
  /** Dossiers expected (after turnout at sites) and those who do not come because of the drive. */
  expectedDossiers: number;
  notComingDossiers: number;
  sites: SitePlan[];
  communes: CommuneSplit[];
  /** The teams' visits over the communes they serve; null without teams. */
  mobile: MobilePlan | null;
  notes: string[];
  assumptions: {
    maxTravelHours: number;
    turnoutHalfLifeHours: number;
    siteHoursPerDay: number;
    /** A team's working hours per open day on average over the teams (each its crews' days off counted). */
    teamHoursPerOpenDay: number;
    /** Open days from the start to the deadline. */
    deadlineOpenDays: number;
    priorityRule: PriorityRule;
  };
};

export type SitesAndTeamsResult =
  | SitesAndTeamsPlan
  | { status: 'infeasible'; reason: 'no-open-days' | 'beyond-horizon'; detail: string };
