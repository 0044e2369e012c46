import {
  optionalNumber,
  optionalString,
  requireArray,
  requireBoolean,
  requireIsoDate,
  requireNumber,
  requireRecord,
  requireString,
} from '../_internal/validate.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { type CalendarInput, listOpenDays, type OpenDay, resolveCalendar } from '../time/open-days.ts';
import { type OpeningHours, resolveOpeningWindow } from '../time/opening-window.ts';
import { lowerBoundHours } from './_internal/lower-bound.ts';
import { type RawVisit, type Stop, scheduleStops } from './_internal/schedule.ts';
import {
  buildTimeline,
  dayIndexAt,
  hourAfterDate,
  hourOfDate,
  hoursByDay,
  type Timeline,
} from './_internal/timeline.ts';
import {
  DEFAULT_DETOUR_FACTOR,
  DEFAULT_SPEED_KM_PER_HOUR,
  type TravelTable,
  tableFromFunction,
  tableFromPoints,
  travelHours,
} from './_internal/travel.ts';

/** A commune that may need a mobile team. */
export type MobileCommune = {
  /** Unique key, such as the GSO commune code `'24685'`. */
  id: string;
  name?: string;
  /** Dossiers still to take in the commune (from `planCampaign` or given), an integer. */
  demand: number;
  /** Degrees; needed unless `travel` gives a matrix or a function. */
  latitude?: number;
  longitude?: number;
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

export type GeoPoint = { latitude: number; longitude: number };

/** The mobile teams: all alike, all leaving `home` on the first open day. */
export type MobileTeams = {
  count: number;
  machinesPerTeam: number;
  /** Daily working window, travel included. Default 07:00–19:00 (daylight: teams do not drive mountain roads at night). */
  hours?: OpeningHours;
  /** Where teams leave from (the provincial or district police); needed for straight-line travel. */
  home?: GeoPoint;
  /** Unloading, cabling and testing machines on arrival, hours. Default 1. */
  setupHours?: number;
  /** Longest stay in one commune, in days of work; a larger commune gets several visits. Default no limit. */
  maxDaysPerVisit?: number;
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

export type PlanMobileTeamsInput = {
  calendar: CalendarInput;
  communes: MobileCommune[];
  teams: MobileTeams;
  /** Dossiers one machine takes per working hour. Default 17 (Hưng Nguyên, March 2021: 2 scanners, > 500 a day over 14.5 h). */
  dossiersPerMachineHour?: number;
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

export type TeamItinerary = {
  team: string;
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
  teams: TeamItinerary[];
  communes: CommuneCoverage[];
  unreached: UnreachedCommune[];
  notes: string[];
  assumptions: MobilePlanAssumptions;
};

export type MobilePlanResult =
  | MobilePlan
  | { status: 'infeasible'; reason: 'no-open-days' | 'beyond-horizon'; detail: string };

const DEFAULT_HOURS: OpeningHours = { open: '07:00', close: '19:00' };
const DEFAULT_SETUP_HOURS = 1;
/** Hưng Nguyên town site, March 2021: > 500 dossiers a day on 2 scanners open 14.5 h (DESIGN.md §2). */
const DEFAULT_DOSSIERS_PER_MACHINE_HOUR = 17;
const DEFAULT_PRIORITY_CLASSES = 2;
const DEFAULT_MIN_VISIT_WORK_HOURS = 1;
/** Drive times are held as a dense table (8 bytes per pair): 3,000 communes take 72 MB; the largest province has under 800. */
const MAX_COMMUNES = 3000;

type Resolved = {
  communes: (MobileCommune & { index: number })[];
  teams: Required<Omit<MobileTeams, 'home' | 'hours' | 'maxDaysPerVisit'>> & {
    maxDaysPerVisit: number | null;
  };
  table: TravelTable;
  rate: number;
  fixedSites: FixedSite[];
  options: Required<Omit<PlanMobileTeamsOptions, 'sharedVisits'>> & {
    sharedVisits: PlanMobileTeamsOptions['sharedVisits'] | null;
  };
  travelKind: MobilePlanAssumptions['travel'];
  speedKmPerHour?: number;
  detourFactor?: number;
};

/**
 * A visit calendar for mobile teams that carry machines to communes: which team is where on
 * which days, with travel and set-up, serving priority communes first; how it compares with a
 * lower bound; and which communes miss the deadline and why.
 *
 * The method is route first, split second: a short path through the communes of each
 * priority class (nearest neighbour, then 2-opt and Or-opt), cut into one consecutive piece
 * per team so that all teams end together (a commune on a cut is served by two teams). When
 * travel is small beside work, as with communes of thousands of people, the plan lands within
 * a few per cent of the bound; the bound and the gap are returned so a planner can judge.
 *
 * @example
 * const plan = planMobileTeams({
 *   calendar: { start: '2021-03-22', deadline: '2021-03-31', timeZone: 'Asia/Ho_Chi_Minh' },
 *   teams: { count: 1, machinesPerTeam: 2, home: { latitude: 12.0, longitude: 107.7 } },
 *   communes: [{ id: 'A', demand: 408, latitude: 12.1, longitude: 107.7 }],
 * });
 * plan.status === 'planned' && plan.teams[0].visits.map((v) => [v.communeId, v.arriveDate, v.dossiers])
 * // => [['A', '2021-03-22', 408]]
 */
export function planMobileTeams(
  input: PlanMobileTeamsInput,
  options: PlanMobileTeamsOptions = {},
): MobilePlanResult {
  const record = requireRecord(input, 'input');
  const calendar = resolveCalendar(record.calendar, 'calendar');
  const teamsRecord = requireRecord(record.teams, 'teams');
  const window = resolveOpeningWindow(teamsRecord.hours ?? DEFAULT_HOURS, 'teams.hours');
  if (window.nominalHours <= 0) {
    throw new PlanningInputError({
      path: 'teams.hours',
      code: 'range',
      expected: 'a window longer than zero hours',
      received: teamsRecord.hours,
    });
  }
  const r = resolveInput(record, teamsRecord, options);
  const deadlineDate = calendar.deadline.toISODate() ?? '';

  // The line of working hours, long enough for the deadline and every earliest date first.
  const lastNamedDate = r.communes.reduce(
    (latest, c) => (c.earliestDate !== undefined && c.earliestDate > latest ? c.earliestDate : latest),
    deadlineDate,
  );
  let days = extendTo(calendar, window, lastNamedDate);
  if (days.length === 0) {
    return {
      status: 'infeasible',
      reason: 'no-open-days',
      detail: 'the calendar has no open day in ten years: every weekday or date is closed',
    };
  }
  let timeline = buildTimeline(days);
  const hoursPerDay = window.nominalHours;

  // Which communes a fixed site serves, and which residents walk to a neighbour's visit.
  const servedByFixed = assignFixedSites(r);
  const hostOf = assignSharedVisits(r, servedByFixed);
  const guestsOf = guestsByHost(hostOf);

  // Stops: communes a team visits, with the demand of their guests.
  const stopOf = new Map<number, number>();
  const stopCommunes: number[] = [];
  const stopDemand: number[] = [];
  for (const c of r.communes) {
    if (servedByFixed.has(c.index) || hostOf.has(c.index)) continue;
    stopOf.set(c.index, stopCommunes.length);
    stopCommunes.push(c.index);
    stopDemand.push(c.demand);
  }
  for (const [guest, host] of hostOf) {
    const stop = stopOf.get(host);
    if (stop !== undefined) stopDemand[stop] = (stopDemand[stop] ?? 0) + (r.communes[guest]?.demand ?? 0);
  }
  const teamDossiersPerHour = r.rate * r.teams.machinesPerTeam;
  const phases = priorityPhases(r, stopCommunes);
  const stops: Stop[] = stopCommunes.map((communeIndex, s) => {
    const commune = r.communes[communeIndex];
    return {
      workHours: (stopDemand[s] ?? 0) / teamDossiersPerHour,
      earliestHour: commune?.earliestDate === undefined ? 0 : hourOfDate(timeline, commune.earliestDate),
      phase: phases[s] ?? 1,
    };
  });
  const stopTable = subTable(r.table, stopCommunes);
  const maxVisitWorkHours =
    r.teams.maxDaysPerVisit === null ? Number.POSITIVE_INFINITY : r.teams.maxDaysPerVisit * hoursPerDay;
  const schedule = scheduleStops(stopTable, stops, {
    teams: r.teams.count,
    setupHours: r.teams.setupHours,
    maxVisitWorkHours,
    minVisitWorkHours: r.options.minVisitWorkHours,
  });
  const completionHours = Math.max(0, ...schedule.visits.map((v) => v.workEndHour));

  // Dates past the deadline, for plans that finish late.
  if (completionHours > timeline.totalHours) {
    const grown = listOpenDays(calendar, window, {
      atLeast: days.length + Math.ceil((completionHours - timeline.totalHours) / minHours(days)) + 1,
    });
    if (buildTimeline(grown).totalHours < completionHours) {
      return {
        status: 'infeasible',
        reason: 'beyond-horizon',
        detail: `the plan needs ${Math.round(completionHours)} working hours, more than the calendar holds in ten years`,
      };
    }
    days = grown;
    timeline = buildTimeline(days);
  }
  const deadlineHour = hourAfterDate(timeline, deadlineDate);

  const bound = lowerBoundHours(
    stopTable,
    stops.map((s) => s.workHours),
    stops.map((s) => s.earliestHour),
    r.teams.count,
    r.teams.setupHours,
  );

  // Dossiers: whole numbers that add up to each stop's demand, taken in time order.
  const ordered = schedule.visits
    .slice()
    .sort((a, b) => a.workStartHour - b.workStartHour || a.team - b.team || a.stop - b.stop);
  const stopDone = new Array<number>(stops.length).fill(0);
  const stopDoneHours = new Array<number>(stops.length).fill(0);
  const stopByDeadline = new Array<number>(stops.length).fill(0);
  const stopByLatest = new Array<number>(stops.length).fill(0);
  const visitsOut = new Map<RawVisit, MobileVisit>();
  for (const v of ordered) {
    const stop = stops[v.stop] as Stop;
    const demand = stopDemand[v.stop] ?? 0;
    const hoursBefore = stopDoneHours[v.stop] ?? 0;
    const hoursAfter = hoursBefore + (v.workEndHour - v.workStartHour);
    const cumulative =
      hoursAfter >= stop.workHours - 1e-9 ? demand : Math.round((demand * hoursAfter) / stop.workHours);
    const dossiers = Math.max(0, cumulative - (stopDone[v.stop] ?? 0));
    stopDone[v.stop] = (stopDone[v.stop] ?? 0) + dossiers;
    stopDoneHours[v.stop] = hoursAfter;
    const perDay = splitByDay(timeline, v.workStartHour, v.workEndHour, dossiers);
    const communeIndex = stopCommunes[v.stop] ?? 0;
    const latest = r.communes[communeIndex]?.latestDate;
    for (const day of perDay) {
      if (day.date <= deadlineDate) stopByDeadline[v.stop] = (stopByDeadline[v.stop] ?? 0) + day.dossiers;
      if (latest === undefined || day.date <= latest)
        stopByLatest[v.stop] = (stopByLatest[v.stop] ?? 0) + day.dossiers;
    }
    const arriveIndex = dayIndexAt(timeline, v.departHour + v.travelHours, true);
    const leaveIndex = dayIndexAt(timeline, v.workEndHour, true);
    visitsOut.set(v, {
      communeId: r.communes[communeIndex]?.id ?? '',
      servedCommuneIds: [communeIndex, ...(guestsOf.get(communeIndex) ?? [])].map(
        (i) => r.communes[i]?.id ?? '',
      ),
      arriveDate: days[arriveIndex]?.date ?? '',
      leaveDate: days[leaveIndex]?.date ?? '',
      days: leaveIndex - arriveIndex + 1,
      travelHoursBefore: v.travelHours,
      waitHoursBefore: v.waitHours,
      setupHours: r.teams.setupHours,
      workHours: v.workEndHour - v.workStartHour,
      dossiers,
      dossiersPerDay: perDay,
      departHour: v.departHour,
      workStartHour: v.workStartHour,
      workEndHour: v.workEndHour,
    });
  }

  const teams: TeamItinerary[] = Array.from({ length: r.teams.count }, (_, t) => {
    const mine = schedule.visits.filter((v) => v.team === t).sort((a, b) => a.departHour - b.departHour);
    const visits = mine.map((v) => visitsOut.get(v) as MobileVisit);
    return {
      team: teamName(t),
      visits,
      travelHours: sum(mine.map((v) => v.travelHours)),
      setupHours: mine.length * r.teams.setupHours,
      workHours: sum(mine.map((v) => v.workEndHour - v.workStartHour)),
      waitHours: sum(mine.map((v) => v.waitHours)),
      endDate: visits.at(-1)?.leaveDate ?? null,
    };
  });

  const windowsOfStop = new Map<number, CommuneCoverage['windows']>();
  for (const v of schedule.visits
    .slice()
    .sort((a, b) => a.workStartHour - b.workStartHour || a.team - b.team)) {
    const out = visitsOut.get(v) as MobileVisit;
    const list = windowsOfStop.get(v.stop) ?? [];
    list.push({ team: teamName(v.team), from: out.arriveDate, to: out.leaveDate });
    windowsOfStop.set(v.stop, list);
  }

  const communes: CommuneCoverage[] = [];
  const unreached: UnreachedCommune[] = [];
  const reachHome = (communeIndex: number): number => travelHours(r.table, 0, communeIndex + 1);
  for (const c of r.communes) {
    const fixed = servedByFixed.get(c.index);
    const host = hostOf.get(c.index);
    const stop = stopOf.get(host ?? c.index);
    const base = { communeId: c.id, ...(c.name === undefined ? {} : { name: c.name }), demand: c.demand };
    if (fixed !== undefined) {
      communes.push({
        ...base,
        servedBy: 'fixed-site',
        servedAt: fixed,
        plannedDossiers: 0,
        dossiersByDeadline: 0,
        shortfallAtDeadline: 0,
        coverageByDeadline: 1,
        windows: [],
      });
      continue;
    }
    if (stop === undefined) continue;
    const stopTotal = stopDemand[stop] ?? 0;
    // Guests and host share their stop's progress in proportion to demand.
    const share = (value: number): number =>
      stopTotal === 0 ? 0 : Math.floor((value * c.demand) / stopTotal);
    const isWhole = host === undefined && !guestsOf.has(c.index);
    const byDeadline = isWhole ? (stopByDeadline[stop] ?? 0) : share(stopByDeadline[stop] ?? 0);
    const byLatest = isWhole ? (stopByLatest[stop] ?? 0) : share(stopByLatest[stop] ?? 0);
    const shortfall = c.demand - byDeadline;
    communes.push({
      ...base,
      servedBy:
        c.demand === 0 && stopTotal === 0
          ? 'nothing-to-do'
          : host === undefined
            ? 'mobile-team'
            : 'shared-visit',
      ...(host === undefined ? {} : { servedAt: r.communes[host]?.id ?? '' }),
      plannedDossiers: c.demand,
      dossiersByDeadline: byDeadline,
      shortfallAtDeadline: shortfall,
      coverageByDeadline: c.demand === 0 ? 1 : byDeadline / c.demand,
      windows: windowsOfStop.get(stop) ?? [],
    });
    const travelIndex = host ?? c.index;
    const earliest = r.communes[travelIndex]?.earliestDate;
    if (shortfall > 0) {
      const reason: UnreachedCommune['reason'] =
        earliest !== undefined && earliest > deadlineDate
          ? 'opens-after-deadline'
          : reachHome(travelIndex) + r.teams.setupHours >= deadlineHour
            ? 'too-far'
            : 'capacity';
      const detail =
        reason === 'opens-after-deadline'
          ? `its earliest visit date ${earliest} is after the deadline ${deadlineDate}`
          : reason === 'too-far'
            ? `a team leaving home on the first day needs ${round1(reachHome(travelIndex) + r.teams.setupHours)} working hours to arrive and set up, and the calendar has ${round1(deadlineHour)} before the deadline`
            : `the teams are busy elsewhere: ${shortfall} of ${c.demand} dossiers fall after ${deadlineDate}; more teams or machines, or a higher rank, bring it forward`;
      unreached.push({ communeId: c.id, reason, detail, shortfallDossiers: shortfall });
    } else if (c.latestDate !== undefined && byLatest < c.demand) {
      unreached.push({
        communeId: c.id,
        reason: 'latest-date',
        detail: `${c.demand - byLatest} of ${c.demand} dossiers are taken after its latest date ${c.latestDate}; a higher rank brings it forward`,
        shortfallDossiers: c.demand - byLatest,
      });
    }
  }

  const teamHours = r.teams.count * completionHours;
  const totalTravel = sum(teams.map((t) => t.travelHours));
  const totalSetup = sum(teams.map((t) => t.setupHours));
  const totalWork = sum(teams.map((t) => t.workHours));
  const shareOf = (x: number): number => (teamHours > 0 ? x / teamHours : 0);
  const notes: string[] = [];
  for (const s of schedule.overstayedStops) {
    const c = r.communes[stopCommunes[s] ?? 0];
    notes.push(
      `${c?.id ?? ''} needs more than ${r.teams.count} teams × ${r.teams.maxDaysPerVisit} days: one team stays longer than maxDaysPerVisit`,
    );
  }
  const dateAt = (hour: number): string | null =>
    hour <= 0 ? null : (days[dayIndexAt(timeline, hour, true)]?.date ?? null);
  return {
    status: 'planned',
    onTime: unreached.every((u) => u.reason === 'latest-date'),
    deadline: deadlineDate,
    completionDate: dateAt(completionHours),
    completionHours,
    deadlineHours: deadlineHour,
    lowerBound: { completionDate: dateAt(bound.hours), ...bound },
    gapToLowerBound: bound.hours > 0 ? Math.max(0, (completionHours - bound.hours) / bound.hours) : 0,
    workShare: shareOf(totalWork),
    travelShare: shareOf(totalTravel),
    setupShare: shareOf(totalSetup),
    idleShare: teamHours > 0 ? Math.max(0, 1 - shareOf(totalWork + totalTravel + totalSetup)) : 0,
    teams,
    communes,
    unreached,
    notes,
    assumptions: {
      dossiersPerMachineHour: r.rate,
      hoursPerDay,
      setupHours: r.teams.setupHours,
      travel: r.travelKind,
      ...(r.speedKmPerHour === undefined ? {} : { speedKmPerHour: r.speedKmPerHour }),
      ...(r.detourFactor === undefined ? {} : { detourFactor: r.detourFactor }),
      priorityRule: r.options.priorityRule,
      maxDaysPerVisit: r.teams.maxDaysPerVisit,
      minVisitWorkHours: r.options.minVisitWorkHours,
    },
  };
}

function teamName(index: number): string {
  return `team-${index + 1}`;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function minHours(days: readonly OpenDay[]): number {
  return Math.max(1e-3, Math.min(...days.map((d) => d.hours)));
}

function extendTo(
  calendar: ReturnType<typeof resolveCalendar>,
  window: ReturnType<typeof resolveOpeningWindow>,
  date: string,
): OpenDay[] {
  const deadlineDate = calendar.deadline.toISODate() ?? '';
  const to = date > deadlineDate ? requireIsoDate(date, 'date', calendar.timeZone) : calendar.deadline;
  return listOpenDays({ ...calendar, deadline: to }, window, { atLeast: 1 });
}

/** Each host's guests, in commune order. */
function guestsByHost(hostOf: ReadonlyMap<number, number>): Map<number, number[]> {
  const guests = new Map<number, number[]>();
  for (const [guest, host] of hostOf) {
    const list = guests.get(host);
    if (list === undefined) guests.set(host, [guest]);
    else list.push(guest);
  }
  for (const list of guests.values()) list.sort((a, b) => a - b);
  return guests;
}

/** Whole dossiers per open day for the work hours `[from, to)`, adding up to `dossiers`. */
function splitByDay(
  timeline: Timeline,
  from: number,
  to: number,
  dossiers: number,
): { date: string; dossiers: number }[] {
  const parts = hoursByDay(timeline, from, to);
  const total = to - from;
  let hoursSoFar = 0;
  let given = 0;
  return parts.map((part, index) => {
    hoursSoFar += part.hours;
    const upTo = index === parts.length - 1 ? dossiers : Math.round((dossiers * hoursSoFar) / total);
    const today = upTo - given;
    given = upTo;
    return { date: part.date, dossiers: today };
  });
}

function subTable(table: TravelTable, communeIndexes: readonly number[]): TravelTable {
  const points = [0, ...communeIndexes.map((i) => i + 1)];
  const size = points.length;
  const hours = new Float64Array(size * size);
  for (let a = 0; a < size; a++) {
    for (let b = 0; b < size; b++) hours[a * size + b] = travelHours(table, points[a] ?? 0, points[b] ?? 0);
  }
  return { size, hours, symmetric: table.symmetric };
}

function assignFixedSites(r: Resolved): Map<number, string> {
  const served = new Map<number, string>();
  const indexOf = new Map(r.communes.map((c) => [c.id, c.index]));
  r.fixedSites.forEach((site) => {
    const at = indexOf.get(site.communeId) as number;
    if (!served.has(at)) served.set(at, site.id);
    for (const id of site.servesCommuneIds ?? []) {
      const i = indexOf.get(id) as number;
      if (!served.has(i)) served.set(i, site.id);
    }
    const catchment = site.catchmentTravelHours ?? 0;
    if (catchment > 0) {
      for (const c of r.communes) {
        if (!served.has(c.index) && travelHours(r.table, c.index + 1, at + 1) <= catchment)
          served.set(c.index, site.id);
      }
    }
  });
  return served;
}

/**
 * A small commune (at most `maxDossiers`) whose residents can reach a neighbour within
 * `maxTravelHours` joins the nearest such neighbour's visit; hosts are never guests, and a
 * guest never hosts, so residents walk at most one hop.
 */
function assignSharedVisits(r: Resolved, servedByFixed: ReadonlyMap<number, string>): Map<number, number> {
  const hostOf = new Map<number, number>();
  const shared = r.options.sharedVisits;
  if (shared === null || shared === undefined) return hostOf;
  const candidates = r.communes
    .filter((c) => !servedByFixed.has(c.index) && c.demand <= shared.maxDossiers && c.canShareVisit !== false)
    .sort((a, b) => a.demand - b.demand || a.index - b.index);
  const hosts = new Set<number>();
  for (const guest of candidates) {
    let best = -1;
    let bestHours = Number.POSITIVE_INFINITY;
    for (const c of r.communes) {
      if (c.index === guest.index || servedByFixed.has(c.index) || hostOf.has(c.index)) continue;
      if (!hosts.has(c.index) && c.demand <= shared.maxDossiers && c.demand < guest.demand) continue;
      const h = travelHours(r.table, guest.index + 1, c.index + 1);
      if (h <= shared.maxTravelHours && h < bestHours) {
        bestHours = h;
        best = c.index;
      }
    }
    if (best >= 0 && !hosts.has(guest.index)) {
      hostOf.set(guest.index, best);
      hosts.add(best);
    }
  }
  return hostOf;
}

/** The class of each stop: 1 first. */
function priorityPhases(r: Resolved, stopCommunes: readonly number[]): number[] {
  const rule = r.options.priorityRule;
  if (rule === 'rank') return stopCommunes.map((i) => r.communes[i]?.priority ?? 1);
  const key = (i: number): number =>
    rule === 'remote-first' ? -travelHours(r.table, 0, i + 1) : (r.communes[i]?.coverageShare ?? 0);
  const order = stopCommunes.map((communeIndex, s) => ({ s, k: key(communeIndex) }));
  order.sort((a, b) => a.k - b.k || a.s - b.s);
  const classes = Math.min(r.options.priorityClasses, Math.max(1, order.length));
  const phases = new Array<number>(stopCommunes.length).fill(1);
  order.forEach((o, rank) => {
    phases[o.s] = 1 + Math.floor((rank * classes) / order.length);
  });
  return phases;
}

function resolveInput(
  record: Record<string, unknown>,
  teamsRecord: Record<string, unknown>,
  options: PlanMobileTeamsOptions,
): Resolved {
  const opts = requireRecord(options, 'options');
  const priorityRule = (opts.priorityRule ?? 'rank') as MobilePlanAssumptions['priorityRule'];
  if (priorityRule !== 'rank' && priorityRule !== 'remote-first' && priorityRule !== 'low-coverage-first') {
    throw new PlanningInputError({
      path: 'options.priorityRule',
      code: 'format',
      expected: "'rank', 'remote-first' or 'low-coverage-first'",
      received: priorityRule,
    });
  }
  const priorityClasses =
    optionalNumber(opts.priorityClasses, 'options.priorityClasses', { min: 1, max: 1000, integer: true }) ??
    DEFAULT_PRIORITY_CLASSES;
  const minVisitWorkHours =
    optionalNumber(opts.minVisitWorkHours, 'options.minVisitWorkHours', { min: 0, max: 24 }) ??
    DEFAULT_MIN_VISIT_WORK_HOURS;
  let sharedVisits: Resolved['options']['sharedVisits'] = null;
  if (opts.sharedVisits !== undefined && opts.sharedVisits !== false) {
    const s = requireRecord(opts.sharedVisits, 'options.sharedVisits');
    sharedVisits = {
      maxTravelHours: requireNumber(s.maxTravelHours, 'options.sharedVisits.maxTravelHours', {
        min: 0,
        max: 24,
      }),
      maxDossiers: requireNumber(s.maxDossiers, 'options.sharedVisits.maxDossiers', {
        min: 0,
        integer: true,
      }),
    };
  }

  const teams = {
    // A province fields tens of teams (Nghệ An added 176 machines in all); the cap keeps a typo from a long run.
    count: requireNumber(teamsRecord.count, 'teams.count', { min: 1, max: 1000, integer: true }),
    machinesPerTeam: requireNumber(teamsRecord.machinesPerTeam, 'teams.machinesPerTeam', {
      min: 1,
      max: 1000,
      integer: true,
    }),
    setupHours:
      optionalNumber(teamsRecord.setupHours, 'teams.setupHours', { min: 0, max: 240 }) ?? DEFAULT_SETUP_HOURS,
    maxDaysPerVisit:
      optionalNumber(teamsRecord.maxDaysPerVisit, 'teams.maxDaysPerVisit', {
        min: 0,
        minExclusive: true,
        max: 3660,
      }) ?? null,
  };
  const rate =
    optionalNumber(record.dossiersPerMachineHour, 'dossiersPerMachineHour', {
      min: 0,
      minExclusive: true,
      max: 1e6,
    }) ?? DEFAULT_DOSSIERS_PER_MACHINE_HOUR;

  const seen = new Set<string>();
  const communeList = requireArray(record.communes, 'communes');
  if (communeList.length > MAX_COMMUNES) {
    throw new PlanningInputError({
      path: 'communes',
      code: 'range',
      expected: `at most ${MAX_COMMUNES} communes (plan one province or district at a time)`,
      received: `${communeList.length} communes`,
    });
  }
  const communes = communeList.map((value, index) => {
    const path = `communes[${index}]`;
    const c = requireRecord(value, path);
    const id = requireString(c.id, `${path}.id`);
    if (seen.has(id))
      throw new PlanningInputError({
        path: `${path}.id`,
        code: 'duplicate',
        expected: 'a unique id',
        received: id,
      });
    seen.add(id);
    const commune: MobileCommune & { index: number } = {
      index,
      id,
      demand: requireNumber(c.demand, `${path}.demand`, { min: 0, integer: true }),
    };
    const name = optionalString(c.name, `${path}.name`);
    if (name !== undefined) commune.name = name;
    const latitude = optionalNumber(c.latitude, `${path}.latitude`, { min: -90, max: 90 });
    const longitude = optionalNumber(c.longitude, `${path}.longitude`, { min: -180, max: 180 });
    if (latitude !== undefined) commune.latitude = latitude;
    if (longitude !== undefined) commune.longitude = longitude;
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
    return commune;
  });

  const fixedSites = (
    record.fixedSites === undefined ? [] : requireArray(record.fixedSites, 'fixedSites')
  ).map((value, index) => {
    const path = `fixedSites[${index}]`;
    const s = requireRecord(value, path);
    const site: FixedSite = {
      id: requireString(s.id, `${path}.id`),
      communeId: requireKnownCommune(s.communeId, `${path}.communeId`, seen),
    };
    if (s.servesCommuneIds !== undefined) {
      site.servesCommuneIds = requireArray(s.servesCommuneIds, `${path}.servesCommuneIds`).map((id, k) =>
        requireKnownCommune(id, `${path}.servesCommuneIds[${k}]`, seen),
      );
    }
    const catchment = optionalNumber(s.catchmentTravelHours, `${path}.catchmentTravelHours`, {
      min: 0,
      max: 240,
    });
    if (catchment !== undefined) site.catchmentTravelHours = catchment;
    return site;
  });

  const travel = record.travel === undefined ? {} : requireRecord(record.travel, 'travel');
  const size = communes.length + 1;
  const base = {
    communes,
    teams,
    rate,
    fixedSites,
    options: { priorityRule, priorityClasses, minVisitWorkHours, sharedVisits },
  };
  if (travel.hoursMatrix !== undefined) {
    const rows = requireArray(travel.hoursMatrix, 'travel.hoursMatrix');
    if (rows.length !== size) {
      throw new PlanningInputError({
        path: 'travel.hoursMatrix',
        code: 'range',
        expected: `${size} rows (home, then one per commune)`,
        received: `${rows.length} rows`,
      });
    }
    const matrix = rows.map((row, i) => {
      const cells = requireArray(row, `travel.hoursMatrix[${i}]`);
      if (cells.length !== size) {
        throw new PlanningInputError({
          path: `travel.hoursMatrix[${i}]`,
          code: 'range',
          expected: `${size} columns (home, then one per commune)`,
          received: `${cells.length} columns`,
        });
      }
      return cells;
    });
    const table = tableFromFunction(size, (i, j) => matrix[i]?.[j], 'travel.hoursMatrix');
    return { ...base, table, travelKind: 'matrix' };
  }
  if (travel.hoursBetween !== undefined) {
    if (typeof travel.hoursBetween !== 'function') {
      throw new PlanningInputError({
        path: 'travel.hoursBetween',
        code: 'type',
        expected: 'a function (from, to) => hours',
        received: travel.hoursBetween,
      });
    }
    const fn = travel.hoursBetween as (from: TravelPoint, to: TravelPoint) => unknown;
    const point = (i: number): TravelPoint =>
      i === 0 ? { kind: 'home' } : { kind: 'commune', id: communes[i - 1]?.id ?? '' };
    const table = tableFromFunction(size, (i, j) => fn(point(i), point(j)), 'travel.hoursBetween');
    return { ...base, table, travelKind: 'function' };
  }
  const speedKmPerHour =
    optionalNumber(travel.speedKmPerHour, 'travel.speedKmPerHour', {
      min: 0,
      minExclusive: true,
      max: 1000,
    }) ?? DEFAULT_SPEED_KM_PER_HOUR;
  const detourFactor =
    optionalNumber(travel.detourFactor, 'travel.detourFactor', { min: 1, max: 10 }) ?? DEFAULT_DETOUR_FACTOR;
  const homeRecord = requireRecord(teamsRecord.home, 'teams.home');
  const home = {
    latitude: requireNumber(homeRecord.latitude, 'teams.home.latitude', { min: -90, max: 90 }),
    longitude: requireNumber(homeRecord.longitude, 'teams.home.longitude', { min: -180, max: 180 }),
  };
  const points = [
    home,
    ...communes.map((c, i) => ({
      latitude: requireNumber(c.latitude, `communes[${i}].latitude`, { min: -90, max: 90 }),
      longitude: requireNumber(c.longitude, `communes[${i}].longitude`, { min: -180, max: 180 }),
    })),
  ];
  const table = tableFromPoints(points, speedKmPerHour, detourFactor);
  return { ...base, table, travelKind: 'straight-line', speedKmPerHour, detourFactor };
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
