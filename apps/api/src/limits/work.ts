// How much work a computation is, in cost points, before it runs. One point is about 50 µs of
// planning on the 2-core development machine (calibrated by `pnpm bench`'s slow-request run, see
// the README); an ordinary field costs 1. The same estimates price a document before it runs
// (from its arguments, with the nominal sizes below where stored data decides) and each
// computation when it is about to run (from its real input), against one budget per request.
import type { PlanMobileTeamsInput } from '@muster/planning';
import type { TaskName, Tasks } from '../compute/tasks.ts';

/** Most cost points one request may use: about one second of planning. */
export const MAX_COST = 20_000;

/** Largest opening window, in hours: where a document does not say, a roster is priced for it. */
const DAY_HOURS = 24;
/** A team works at most 48 h in any 7 days (the roster's default rule). */
const MAX_HOURS_PER_WEEK = 48;
/** The planning library's horizon: nothing is planned further than ten years out. */
const MAX_CALENDAR_DAYS = 3660;

/**
 * Sizes a document cannot know before the stored data is read: the areas of a stored scenario
 * (the whole country, 11,371 in 2021), the communes under an area (a province: Thanh Hóa, the
 * largest, had 559; a plan's rows are priced as many), a campaign's open days (a season) and the
 * mobile teams of one home area.
 */
export const NOMINAL = {
  scenarioAreas: 11_371,
  planRows: 600,
  communes: 600,
  campaignDays: 120,
  mobileTeamsPerArea: 10,
  /**
   * Areas right below one area: a 2021 province's districts (Hà Nội has the most, 30; Nghệ An 21)
   * or a district's communes (mostly fewer; Yên Thành has 39). An area with more (a 2025
   * province's up to 168 communes, the country's 63 provinces) is charged its real count as the
   * computation that reads them is about to run. Five areas' children, a few fields each, fit one
   * request.
   */
  childAreas: 30,
  /**
   * Most areas right below one area under the country: a 2025 province's communes (up to 168;
   * Nghệ An 130). A `children` list is resolved for at most as many, so what it selects is counted
   * that many times: a comparison nested under it (each area's own children or page) is one more
   * comparison of every area it names, refused before it runs.
   */
  mostChildAreas: 168,
  /** Reports of a season from every commune of a province: 600 communes × 120 days. */
  reports: 72_000,
} as const;

/**
 * Points per unit of each computation's work, from the bench's measurements: planCampaign about
 * 2.3 µs an area; a roster 0.02–0.03 ms per day and shift for every roster built once its code
 * is warm, up to 0.12 ms on a first run, priced at 0.1 ms (minimumTeams builds one per team count
 * it tries, each priced twice as dear as the final one; 2026-11-30: Nghệ An's 210 days of three
 * shifts, four rosters in all, 84 ms warm; the final roster alone 15–78 ms); planMobileTeams
 * about 53 ns per commune, team and day; coverShifts about 25 µs per shift template; hourly
 * staffing of a commune's day about 1.5 ms (the 10,603 communes' 532 distinct days in 0.7–0.95 s,
 * 2026-11-30; a site's day more with its visitors, below), plus a daily series when a date is
 * asked; a replan about 20 µs an area (the plan before and after the reports and the plans that
 * check what must change) and 1 µs a report (the national bench: 11,371 areas and 318,090 reports
 * in about 0.5 s); solving for an unknown about two plans' work. A comparison with the reports
 * (compareAreasWithActuals) is the plan, the first area's daily series (its pools' daily shares,
 * which every further area of the same pools reuses) and each further area's days, forecast and
 * warnings: 2026-12-02, a same-process bench of every further area compared beside a first one,
 * median of 5–11 runs, reports from six communes in seven every day: Nghệ An 2025's 130 communes
 * 0.86–0.94 ms each (3,343 and 12,035 reports); Nghệ An 2021's 460 communes 0.19 ms (11,829
 * reports, 30 days) to 0.51–0.79 ms (42,584, 108 days), its 21 districts 0.48 ms to 1.8–3.9 ms
 * (partial days each day); the 2021 country's (272,777 reports, 30 days) largest province's 579
 * communes 1.7–1.8 ms, its other 62 provinces 3.2 ms; the 2025 country's (85,397 reports) other
 * 33 provinces 1.8 ms, and Hồ Chí Minh City's 168 communes 5.1 ms (176 machines for the city: each
 * forecast walks about 1,800 open days). Priced at 4 ms a further area: twice the worst commune
 * of a plan on time (1.8 ms), about the districts' and provinces' worst; a late plan's longer
 * forecasts go over it, and the request's time budget bounds them.
 */
const POINTS = {
  perPlannedArea: 0.05,
  perRosterDayShift: 2,
  perMobileUnit: 0.001,
  perShiftTemplate: 0.5,
  staffing: 20,
  dailySeries: 300,
  perComparedArea: 80,
  perReplannedArea: 0.4,
  perReport: 0.02,
  perSolvedArea: 0.1,
} as const;

/** Points of planning a campaign over `areas` areas. */
export function planWork(areas: number): number {
  return Math.ceil(areas * POINTS.perPlannedArea) + 1;
}

/**
 * The fewest teams a roster of `shiftsPerDay` one-crew shifts needs, estimated: at least a week's
 * hours over 48, and (shifts being at least 11 h apart) about one team per daily shift plus a
 * day off a week.
 */
function estimatedTeams(shiftsPerDay: number, openHours: number): { lowest: number; fewest: number } {
  const lowest = Math.max(1, Math.ceil((openHours * 7) / MAX_HOURS_PER_WEEK));
  return { lowest, fewest: Math.max(lowest, Math.ceil((shiftsPerDay * 7) / 6)) };
}

/** Points of building one roster of `days` days and `shiftsPerDay` shifts. */
function buildRosterWork(days: number, shiftsPerDay: number): number {
  return Math.ceil(days * shiftsPerDay * POINTS.perRosterDayShift);
}

/** Points of `minimumTeams`: one roster per team count it tries, from its lower bound up to the answer. */
function minimumTeamsWork(days: number, shiftsPerDay: number, openHours: number): number {
  const { lowest, fewest } = estimatedTeams(shiftsPerDay, openHours);
  return 2 * (fewest - lowest + 1) * buildRosterWork(days, shiftsPerDay);
}

/**
 * Points of a roster: `minimumTeams` builds one roster per team count from its lower bound up to
 * the answer, then the roster asked for is built.
 */
export function rosterWork(days: number, shiftsPerDay: number, openHours: number): number {
  return minimumTeamsWork(days, shiftsPerDay, openHours) + buildRosterWork(days, shiftsPerDay);
}

/**
 * Points of a roster a document asks for, before the stored opening window is read: the dearest
 * window of 1 to 24 hours cut into `shiftHours` (a shorter window can cost more, as minimumTeams
 * then starts its search from fewer teams), so the price is never below what the run is charged.
 */
export function rosterWorkOfArguments(days: number, shiftHours: number): number {
  let dearest = 0;
  for (let openHours = 1; openHours <= DAY_HOURS; openHours++) {
    const shiftsPerDay = Math.ceil(openHours / Math.max(1, shiftHours));
    dearest = Math.max(dearest, rosterWork(days, shiftsPerDay, openHours));
  }
  return dearest;
}

/** Points of mobile teams' calendars. */
export function mobileWork(communes: number, teams: number, days: number): number {
  return Math.ceil(communes * teams * days * POINTS.perMobileUnit) + 1;
}

/** Points of covering a day's hours with shifts of `lengths` (one template per length and start hour). */
export function shiftsWork(lengths: number): number {
  return Math.ceil(lengths * DAY_HOURS * POINTS.perShiftTemplate) + 1;
}

/**
 * Points of one site-day of the transient queue model, a schedule evaluated: a base, plus the
 * model's work, which grows faster than the day's expected arrivals (a step of the uniformised
 * chain per arrival or service, over states that grow with the machines and the queue): about
 * (arrivals / 83)^1.5, the bench's evening-peak day (4,600 arrivals) about 10 ms, 10,000
 * arrivals about 70 ms (the peak day measured 6.4–7.5 ms on 2026-11-30; the scale is kept from
 * the slower figures). Where the day's visitors come from a plan, a commune's day is assumed.
 */
export function siteDayWork(arrivals: number | null): number {
  return POINTS.staffing + Math.ceil((knownArrivals(arrivals) / EVALUATED_ARRIVALS_SCALE) ** 1.5);
}

/**
 * Points of planning a site's day hour by hour, the whole plan: the planner solves each hour for
 * about two machine counts and a busy day again from each hour a later drop in machines holds up,
 * so its work grows with the square of the day's expected arrivals, about (arrivals / 60)²: a
 * commune's 300 visitors about 2 ms, 10,000 about 1.3 s, 20,000 5.3 s, 50,000 36 s (the bench;
 * on 2026-11-30 1.6 ms, 0.67 s, 2.8 s and 15 s, the scale kept from the slower figures).
 * Above {@link MAX_SITE_VISITORS} a site is not planned at all.
 */
export function sitePlanWork(arrivals: number | null): number {
  return POINTS.staffing + Math.ceil((knownArrivals(arrivals) / PLANNED_ARRIVALS_SCALE) ** 2);
}

/**
 * Most people a day the service plans for one site at once (persons): a site's plan is priced
 * about (arrivals / 60)², so 8,000 visitors cost about 17,800 points, which leaves room within one
 * request's 20,000 for the stored plan it comes from (priced as the whole country, 570), a day of
 * that plan (300) and an evaluation of another schedule; 8,500 would not. A bigger site is refused
 * by name (the argument that says it, or the area whose own day it is) before anything runs.
 */
export const MAX_SITE_VISITORS = 8_000;

/** Whether the service plans a site whose day brings `arrivals` people (unknown: a commune's day). */
export function siteArrivalsFit(arrivals: number | null): boolean {
  return arrivals === null || (Number.isFinite(arrivals) && arrivals >= 0 && arrivals <= MAX_SITE_VISITORS);
}

/** Expected arrivals a day at which an evaluation costs one point more than its base. */
const EVALUATED_ARRIVALS_SCALE = 83;
/** Expected arrivals a day at which a plan costs one point more than its base. */
const PLANNED_ARRIVALS_SCALE = 60;

function knownArrivals(arrivals: number | null): number {
  return arrivals === null || !Number.isFinite(arrivals) ? 0 : Math.max(0, arrivals);
}

/**
 * Points of hourly staffing (a plan) for one area; a date adds the plan's daily series. A site
 * the service does not plan (see {@link siteArrivalsFit}) costs its base: the field refuses it by
 * name before anything runs, so its price must not refuse the whole request first.
 */
export function staffingWork(withDate: boolean, arrivals: number | null = null): number {
  return sitePlanWork(siteArrivalsFit(arrivals) ? arrivals : null) + (withDate ? POINTS.dailySeries : 0);
}

/** Expected arrivals of a site's day as its input gives them: daily visitors, or the hourly rates over their hours. */
export function siteArrivals(site: {
  dailyVisitors?: number | null;
  arrivalsPerHour?: readonly number[] | null;
}): number | null {
  if (site.arrivalsPerHour != null)
    return site.arrivalsPerHour.reduce((sum, rate) => sum + Math.max(0, rate), 0);
  return site.dailyVisitors ?? null;
}

/** Points of replanning a campaign over `areas` areas from `reports` reports. */
export function replanWork(areas: number, reports: number): number {
  return Math.ceil(areas * POINTS.perReplannedArea + reports * POINTS.perReport) + 1;
}

/** Points of solving a campaign over `areas` areas for one unknown. */
export function solveWork(areas: number): number {
  return Math.ceil(areas * POINTS.perSolvedArea) + 1;
}

/** Points of a plan's daily series for one area. */
export function dailySeriesWork(): number {
  return POINTS.dailySeries;
}

/**
 * Points of comparing `areas` areas beside one already compared (its plan and daily series priced
 * apart): each further area's days, forecast and warnings, its pools' daily shares being reused.
 */
export function comparedAreasWork(areas: number): number {
  return Math.max(0, areas) * POINTS.perComparedArea;
}

/**
 * Points of comparing `areas` areas of one plan with `reports` reports, in one computation: the
 * plan, the first area's daily series, each further area, and the reports read and summed by day.
 */
export function comparisonWork(planAreas: number, areas: number, reports: number): number {
  return (
    planWork(planAreas) +
    (areas > 0 ? dailySeriesWork() + comparedAreasWork(areas - 1) : 0) +
    Math.ceil(reports * POINTS.perReport)
  );
}

/** Calendar days from `start` to `deadline` included: an upper bound on the open days. */
function calendarDays(calendar: { start: string; deadline: string }): number {
  const days = (Date.parse(calendar.deadline) - Date.parse(calendar.start)) / 86_400_000 + 1;
  return Number.isFinite(days) ? Math.min(MAX_CALENDAR_DAYS, Math.max(1, Math.ceil(days))) : 1;
}

/** Hours a day the shifts of a roster cover, from their HH:mm bounds (a shift may pass midnight). */
function shiftHoursPerDay(shifts: readonly { start: string; end: string }[]): number {
  const minutes = (time: string) => {
    const [hours, mins] = time.split(':').map(Number);
    return (hours ?? 0) * 60 + (mins ?? 0);
  };
  const total = shifts.reduce((sum, shift) => {
    const length = (minutes(shift.end) - minutes(shift.start) + 1440) % 1440;
    return sum + (length === 0 ? 1440 : length);
  }, 0);
  return Math.min(DAY_HOURS, total / 60);
}

/** Routings of the teams in one combined plan of sites and teams, as a rule. */
const COMBINED_ROUTINGS = 3;
/** Plans tried by mobileTeamsNeeded for a province's answer (up to 32 teams: 6 doublings, 5 bisections). */
const TEAMS_NEEDED_PLANS = 11;
/** Teams in a typical plan tried (the bisection's middle for a province). */
const TEAMS_NEEDED_TYPICAL_TEAMS = 8;

/** Teams of a mobile plan: a count (0.x) or a list of teams. */
function teamCount(teams: PlanMobileTeamsInput['teams']): number {
  const given = teams as unknown as { count?: number } | readonly unknown[];
  return Array.isArray(given) ? given.length : ((given as { count?: number }).count ?? 1);
}

/** Points of one computation from its real input, as the worker pool is about to run it. */
export const WORK_OF: { [K in TaskName]: (...args: Parameters<Tasks[K]>) => number } = {
  // Reads the input as planCampaign does, and stops there: priced as the plan, an upper bound.
  checkCampaignInput: (input) => planWork(input.areas.length),
  planCampaign: (input) => planWork(input.areas.length),
  plannedDailySeries: () => dailySeriesWork(),
  // The plan, the first area's daily series and each further area's, the reports summed by day.
  compareAreasWithActuals: (input, areaCodes, reports) =>
    comparisonWork(input.areas.length, areaCodes.length, reports.length),
  minimumTeams: (input) => minimumTeamsWork(input.days, input.shifts.length, shiftHoursPerDay(input.shifts)),
  buildRoster: (input) => buildRosterWork(input.days, input.shifts.length),
  planMobileTeams: (input) =>
    mobileWork(input.communes.length, teamCount(input.teams), calendarDays(input.calendar)),
  // The combined plan routes the teams a few times (once, then at their routed pace, and again
  // for each round of communes a site finishes sooner): three routings is its usual price.
  planSitesAndTeams: (input) =>
    COMBINED_ROUTINGS *
    mobileWork(input.communes.length, Math.max(1, input.teams.length), calendarDays(input.calendar)),
  // Doubling then bisection: about twice the binary logarithm of the teams tried, each a combined plan.
  mobileTeamsNeeded: (input) =>
    TEAMS_NEEDED_PLANS *
    COMBINED_ROUTINGS *
    mobileWork(input.communes.length, TEAMS_NEEDED_TYPICAL_TEAMS, calendarDays(input.calendar)),
  planHourlyStaffing: (options) => sitePlanWork(siteArrivals(options)),
  evaluateStaffing: (input) => siteDayWork(siteArrivals(input)),
  coverShifts: (input) => Math.ceil(input.shifts.length * POINTS.perShiftTemplate) + 1,
  replanFromActuals: (input, reports) => replanWork(input.areas.length, reports.length),
  trySolveFor: (_unknown, input) => solveWork(input.areas.length),
};
