import { requireRecord } from '../_internal/validate.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { listOpenDays } from '../time/open-days.ts';
import { resolveOpeningWindow } from '../time/opening-window.ts';
import { chooseSplit, loadsOf } from './_internal/choose-split.ts';
import type { CrewPattern } from './_internal/crews.ts';
import { lastVisitDates } from './_internal/dates.ts';
import { readMobileInput } from './_internal/read-input.ts';
import { readReach, readSites } from './_internal/read-sites.ts';
import { type SplitCosts, splitCosts } from './_internal/split-costs.ts';
import { type SiteDates, siteDatesOf, splitResult } from './_internal/split-result.ts';
import { planMobileTeams } from './plan-mobile-teams.ts';
import type {
  MobilePlan,
  PlanMobileTeamsInput,
  PlanSitesAndTeamsInput,
  PlanSitesAndTeamsOptions,
  SitesAndTeamsResult,
} from './types.ts';

/** The combined plan leans on remote communes with little coverage unless told otherwise. */
const DEFAULT_PRIORITY_RULE = 'remote-low-coverage-first';

/**
 * One plan for fixed sites and mobile teams together: which communes go to a site their
 * residents can reach (within `reach.maxTravelHours`, fewer of them coming the longer the drive)
 * and which get mobile-team visits, chosen to finish earliest (or, with `objective:
 * 'machine-days'`, at the fewest machine-days that meet the deadline); the reason for each
 * commune; every site's load and completion; the teams' visit calendar, on the days their crews
 * may work; and the plan's completion with both, against a lower bound.
 *
 * The split is a load balance over additive costs in open days (`_internal/split-costs.ts`),
 * searched by moves and swaps; then the teams' route is planned with {@link planMobileTeams}, and
 * any commune a site within reach would finish before the teams do is moved to it and the teams
 * re-planned, so no commune waits for a team that finishes it later.
 *
 * @example
 * const at = (latitude: number) => ({ latitude, longitude: 107.7 });
 * const plan = planSitesAndTeams({
 *   calendar: { start: '2021-03-22', deadline: '2021-04-30', timeZone: 'Asia/Ho_Chi_Minh' },
 *   service: { minutesPerDossier: 60 / 17 },
 *   siteHours: { open: '07:30', close: '22:00' },
 *   sites: [{ id: 'town', communeId: 'T', machines: 2 }],
 *   teams: [{ id: 'M1', machines: 2 }],
 *   home: at(12.0),
 *   communes: [
 *     { id: 'T', demand: 500, location: at(12.0) },
 *     { id: 'near', demand: 800, location: at(12.1) },
 *     { id: 'far', demand: 600, location: at(12.6) },
 *   ],
 * });
 * plan.status === 'planned' && plan.communes.map((c) => [c.communeId, c.servedBy, c.reason])
 * // => [['T', 'fixed-site', 'site-commune'], ['near', 'fixed-site', 'within-reach'], ['far', 'mobile-team', 'beyond-reach']]
 */
export function planSitesAndTeams(
  input: PlanSitesAndTeamsInput,
  options: PlanSitesAndTeamsOptions = {},
): SitesAndTeamsResult {
  const record = requireRecord(input, 'input');
  const { objective: rawObjective, ...mobileOptions } = requireRecord(
    options,
    'options',
  ) as PlanSitesAndTeamsOptions;
  const objective = rawObjective ?? 'earliest';
  if (objective !== 'earliest' && objective !== 'machine-days') {
    throw new PlanningInputError({
      path: 'objective',
      code: 'format',
      expected: "'earliest' or 'machine-days'",
      received: objective,
    });
  }
  const planOptions = { ...mobileOptions, priorityRule: mobileOptions.priorityRule ?? DEFAULT_PRIORITY_RULE };
  const { sites: _sites, siteHours: _siteHours, reach: _reach, ...mobileFields } = record;
  const problem = readMobileInput({ ...mobileFields, fixedSites: undefined }, planOptions, {
    teamsRequired: false,
  });
  const sites = readSites(record.sites, new Set(problem.communes.map((c) => c.id)));
  if (sites.length === 0 && problem.teams.length === 0) {
    throw new PlanningInputError({
      path: 'sites',
      code: 'required',
      expected: 'at least one site or one team',
      received: 'no sites and no teams',
    });
  }
  const reach = readReach(record.reach);
  const siteWindow = resolveOpeningWindow(record.siteHours, 'siteHours');
  const { calendar } = problem;
  const siteDays = listOpenDays(calendar, siteWindow);
  if (siteDays.length === 0) {
    return {
      status: 'infeasible',
      reason: 'no-open-days',
      detail: 'the calendar has no open day before the deadline',
    };
  }
  // Each team's hours per open day, on the days its own crews work.
  const teamOpenDays = listOpenDays(calendar, problem.window);
  const hoursPerOpenDay = new Map<CrewPattern, number>();
  const hoursOf = (pattern: CrewPattern): number => {
    const known = hoursPerOpenDay.get(pattern);
    if (known !== undefined) return known;
    const worked = pattern.apply(teamOpenDays).working.reduce((sum, d) => sum + d.hours, 0);
    const hours = teamOpenDays.length === 0 ? 0 : worked / teamOpenDays.length;
    hoursPerOpenDay.set(pattern, hours);
    return hours;
  };
  const teamHours = problem.teamCrews.map(hoursOf);
  const alike = new Set(problem.teamCrews).size <= 1;
  const teamHoursPerOpenDay = alike
    ? hoursOf(problem.teamCrews[0] ?? problem.crews)
    : teamHours.reduce((sum, h) => sum + h, 0) / teamHours.length;
  const paceSum = problem.paces.reduce((sum, p) => sum + p, 0);
  const costs = splitCosts(problem, sites, {
    siteDossiersPerDay: sites.map(
      (s) => s.machines * problem.dossiersPerMachineHour * siteWindow.nominalHours,
    ),
    teamHoursPerDay: alike
      ? paceSum * teamHoursPerOpenDay
      : problem.paces.reduce((sum, pace, t) => sum + pace * (teamHours[t] ?? 0), 0),
    maxTravelHours: reach.maxTravelHours,
    turnoutHalfLifeHours: reach.turnoutHalfLifeHours,
    deadlineDays: siteDays.length,
  });

  // Plan the teams' route, then give a site any commune it would finish before the teams do.
  const siteDates = siteDatesOf(calendar, siteWindow, siteDays);
  const ids = problem.communes.map((c) => c.id);
  const mobileInput = (atSite: Map<number, number>): PlanMobileTeamsInput => ({
    ...(mobileFields as Omit<PlanMobileTeamsInput, 'fixedSites'>),
    fixedSites: sites.map((site, s) => ({
      id: site.id,
      communeId: site.communeId,
      servesCommuneIds: [...atSite].filter(([, at]) => at === s).map(([c]) => problem.communes[c]?.id ?? ''),
    })),
  });
  const settle = (start: Int32Array): Settled | SitesAndTeamsResult => {
    const chosen = start.slice();
    let mobile: MobilePlan | null = null;
    for (let round = 0; round <= costs.options.length; round++) {
      const atSite = siteAssignments(costs, chosen);
      if (problem.teams.length === 0 || costs.communeOf.every((c) => atSite.has(c))) {
        mobile = null;
        break;
      }
      const result = planMobileTeams(mobileInput(atSite), planOptions);
      if (result.status === 'infeasible') return result;
      mobile = result;
      if (!moveToSitesThatFinishSooner(costs, chosen, result, siteDates, ids)) break;
    }
    const loads = loadsOf(costs, chosen);
    const teamDays = mobile?.completionDate ? siteDates.openDaysThrough(mobile.completionDate) : 0;
    const siteDaysMax = Math.max(0, ...Array.from(loads).slice(0, sites.length));
    return {
      chosen,
      mobile,
      completion: Math.max(teamDays, siteDaysMax),
      teamDays,
      teamEstimate: loads[costs.teamOption] ?? 0,
    };
  };
  let best = settle(chooseSplit(costs, objective));
  if (!('chosen' in best)) return best;
  // The split judged the teams by a bound on their route; once routed, judge them by their
  // real pace and split again, keeping whichever plan finishes first.
  const ratio = best.teamEstimate > 0 ? best.teamDays / best.teamEstimate : 1;
  if (ratio > 1 + CALIBRATION_TOLERANCE) {
    const calibrated = settle(chooseSplit(scaleTeams(costs, ratio), objective));
    if (!('chosen' in calibrated)) return calibrated;
    if (calibrated.completion < best.completion - 1e-9) best = calibrated;
  }
  const { chosen, mobile } = best;
  return splitResult({
    problem,
    sites,
    reach,
    costs,
    chosen,
    mobile,
    objective,
    siteDates,
    teamHoursPerOpenDay,
    priorityRule: planOptions.priorityRule,
    siteHoursPerDay: siteWindow.nominalHours,
  });
}

/** A split settled against the teams' real route. */
type Settled = {
  chosen: Int32Array;
  mobile: MobilePlan | null;
  /** Open days until the last site or team finishes. */
  completion: number;
  teamDays: number;
  teamEstimate: number;
};

/** The teams' route costs more than its bound: past this share, the split is made again. */
const CALIBRATION_TOLERANCE = 0.02;

/** The costs with the teams' days stretched by `ratio` (their routed pace over the estimate). */
function scaleTeams(costs: SplitCosts, ratio: number): SplitCosts {
  return {
    ...costs,
    options: costs.options.map((options) =>
      options.map((o) =>
        o.option === costs.teamOption
          ? { ...o, days: o.days * ratio, machineDays: o.machineDays * ratio }
          : o,
      ),
    ),
  };
}

/** The site of each commune served at one, by commune index. */
function siteAssignments(costs: SplitCosts, chosen: Int32Array): Map<number, number> {
  const atSite = new Map<number, number>();
  costs.options.forEach((options, k) => {
    const o = options[chosen[k] ?? 0];
    if (o !== undefined && o.option !== costs.teamOption) atSite.set(costs.communeOf[k] ?? 0, o.option);
  });
  return atSite;
}

/**
 * Moves every team commune that a site within reach, with its load so far, finishes on an
 * earlier date than the teams' last visit there; true when one moved.
 */
function moveToSitesThatFinishSooner(
  costs: SplitCosts,
  chosen: Int32Array,
  mobile: MobilePlan,
  siteDates: SiteDates,
  ids: readonly string[],
): boolean {
  const loads = new Float64Array(costs.optionCount);
  costs.options.forEach((options, k) => {
    const o = options[chosen[k] ?? 0];
    if (o !== undefined) loads[o.option] = (loads[o.option] ?? 0) + o.days;
  });
  const teamEnd = lastVisitDates(mobile.communes);
  let moved = false;
  costs.options.forEach((options, k) => {
    const here = options[chosen[k] ?? 0];
    if (here === undefined || here.option !== costs.teamOption) return;
    const id = ids[costs.communeOf[k] ?? 0] ?? '';
    const end = teamEnd.get(id);
    if (end === undefined) return;
    let best = -1;
    let bestDate = end;
    options.forEach((o, i) => {
      if (o.option === costs.teamOption) return;
      const date = siteDates.dateAfter((loads[o.option] ?? 0) + o.days);
      if (date !== null && date < bestDate) {
        best = i;
        bestDate = date;
      }
    });
    if (best < 0) return;
    const to = options[best];
    if (to === undefined) return;
    loads[here.option] = (loads[here.option] ?? 0) - here.days;
    loads[to.option] = (loads[to.option] ?? 0) + to.days;
    chosen[k] = best;
    moved = true;
  });
  return moved;
}
