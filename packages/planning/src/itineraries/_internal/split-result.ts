import { listOpenDays, type OpenDay, type ResolvedCalendar } from '../../time/open-days.ts';
import type { OpeningWindow } from '../../time/opening-window.ts';
import type {
  CommuneSplit,
  EnrollmentSite,
  MobilePlan,
  PriorityRule,
  SitePlan,
  SitesAndTeamsPlan,
  SplitReason,
} from '../types.ts';
import { lastVisitDates, latestDate } from './dates.ts';
import type { MobileProblem } from './read-input.ts';
import { turnoutShare } from './read-sites.ts';
import type { SplitCosts } from './split-costs.ts';
import { splitLowerBound } from './split-lower-bound.ts';
import { travelHours } from './travel.ts';

/** The sites' open days, grown on demand past the deadline for late sites. */
export type SiteDates = {
  /** The date of the open day on which `openDays` of work end (the ceil-th open day); null for none. */
  dateAfter(openDays: number): string | null;
  /** Open days from the start through `date`. */
  openDaysThrough(date: string): number;
  deadlineDays: number;
};

export function siteDatesOf(calendar: ResolvedCalendar, window: OpeningWindow, first: OpenDay[]): SiteDates {
  let days = first;
  const grow = (count: number): void => {
    if (days.length < count) days = listOpenDays(calendar, window, { atLeast: count });
  };
  return {
    dateAfter(openDays) {
      if (openDays <= 1e-9) return null;
      const n = Math.ceil(openDays - 1e-9);
      grow(n);
      return days[n - 1]?.date ?? null;
    },
    openDaysThrough(date) {
      while ((days.at(-1)?.date ?? '') < date && days.length < 3660) grow(days.length * 2);
      let count = 0;
      for (const d of days) if (d.date <= date) count++;
      return count;
    },
    deadlineDays: first.length,
  };
}

export type SplitResultParts = {
  problem: MobileProblem;
  sites: readonly EnrollmentSite[];
  reach: { maxTravelHours: number; turnoutHalfLifeHours: number };
  costs: SplitCosts;
  chosen: Int32Array;
  mobile: MobilePlan | null;
  objective: 'earliest' | 'machine-days';
  siteDates: SiteDates;
  teamHoursPerOpenDay: number;
  priorityRule: PriorityRule;
  siteHoursPerDay: number;
};

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The split, each site's load, and the plan's completion, machine-days and bound. */
export function splitResult(parts: SplitResultParts): SitesAndTeamsPlan {
  const { problem, sites, reach, costs, chosen, mobile, siteDates } = parts;
  const { table } = problem.travel;
  const indexOf = new Map(problem.communes.map((c) => [c.id, c.index]));
  const sitePoint = sites.map((s) => (indexOf.get(s.communeId) ?? 0) + 1);
  const loads = new Float64Array(costs.optionCount);
  costs.options.forEach((options, k) => {
    const o = options[chosen[k] ?? 0];
    if (o !== undefined) loads[o.option] = (loads[o.option] ?? 0) + o.days;
  });
  const siteDate = sites.map((_, s) => siteDates.dateAfter(loads[s] ?? 0));
  const teamEnd = lastVisitDates(mobile?.communes ?? []);

  const members: number[][] = sites.map(() => []);
  const expectedAt = new Array<number>(sites.length).fill(0);
  const notComingAt = new Array<number>(sites.length).fill(0);
  const communes: CommuneSplit[] = problem.communes.map((c) => {
    let nearest = -1;
    let nearestHours = Number.POSITIVE_INFINITY;
    sitePoint.forEach((p, s) => {
      const h = travelHours(table, p, c.index + 1);
      if (h < nearestHours) {
        nearest = s;
        nearestHours = h;
      }
    });
    const base = {
      communeId: c.id,
      ...(c.name === undefined ? {} : { name: c.name }),
      demand: c.demand,
      nearestSiteHours: nearest < 0 ? null : round2(nearestHours),
      terrain: problem.travel.terrain[c.index] ?? null,
    };
    const k = costs.slot[c.index] ?? -1;
    const option = k < 0 ? undefined : costs.options[k]?.[chosen[k] ?? 0];
    if (option === undefined) {
      return {
        ...base,
        servedBy: 'nothing-to-do',
        siteId: null,
        turnoutShare: 1,
        expectedDossiers: 0,
        reason: 'nothing-to-do',
        detail: 'no dossier left to take',
        completionDate: null,
      };
    }
    if (option.option === costs.teamOption) {
      const reachable = (costs.options[k] ?? []).find((o) => o.option !== costs.teamOption);
      const reason: SplitReason = reachable === undefined ? 'beyond-reach' : 'sites-busy';
      const siteName = sites[nearest]?.id ?? '';
      const detail =
        reason === 'beyond-reach'
          ? nearest < 0
            ? 'no fixed site: a team brings the service to it'
            : `the nearest site, ${siteName}, is ${round2(nearestHours)} h away, beyond the ${reach.maxTravelHours} h residents travel: a team brings the service to it`
          : `${sites[reachable?.option ?? 0]?.id ?? ''} is within reach but, with its other communes, would not finish it before the teams do (${teamEnd.get(c.id) ?? 'their last visit'})`;
      return {
        ...base,
        servedBy: 'mobile-team',
        siteId: null,
        turnoutShare: 1,
        expectedDossiers: c.demand,
        reason,
        detail,
        completionDate: teamEnd.get(c.id) ?? null,
      };
    }
    const s = option.option;
    const site = sites[s] as EnrollmentSite;
    const hours = travelHours(table, sitePoint[s] ?? 0, c.index + 1);
    const share = turnoutShare(hours, reach.turnoutHalfLifeHours);
    const expected = Math.round(c.demand * share);
    members[s]?.push(c.index);
    expectedAt[s] = (expectedAt[s] ?? 0) + expected;
    notComingAt[s] = (notComingAt[s] ?? 0) + c.demand - expected;
    const reason: SplitReason = costs.siteCommune[c.index]
      ? 'site-commune'
      : hours <= reach.maxTravelHours + 1e-9
        ? 'within-reach'
        : 'no-team';
    const detail =
      reason === 'site-commune'
        ? `${site.id} stands here`
        : reason === 'within-reach'
          ? `${round2(hours)} h from ${site.id}: ${Math.round(share * 100)} % of its residents expected to come`
          : `no site within ${reach.maxTravelHours} h and no team: residents go to the nearest site, ${site.id}, ${round2(hours)} h away (${Math.round(share * 100)} % expected)`;
    return {
      ...base,
      servedBy: 'fixed-site',
      siteId: site.id,
      turnoutShare: share,
      expectedDossiers: expected,
      reason,
      detail,
      completionDate: siteDate[s] ?? null,
    };
  });

  const sitePlans: SitePlan[] = sites.map((site, s) => {
    const own = sitePoint[s] ? (sitePoint[s] ?? 1) - 1 : -1;
    const list = (members[s] ?? []).slice().sort((a, b) => (a === own ? -1 : b === own ? 1 : a - b));
    const openDays = loads[s] ?? 0;
    return {
      ...site,
      communeIds: list.map((i) => problem.communes[i]?.id ?? ''),
      expectedDossiers: expectedAt[s] ?? 0,
      notComingDossiers: notComingAt[s] ?? 0,
      dossiersPerDay: site.machines * problem.dossiersPerMachineHour * parts.siteHoursPerDay,
      openDays,
      completionDate: siteDate[s] ?? null,
      machineDays: site.machines * openDays,
    };
  });

  const teamDays = mobile?.completionDate ? siteDates.openDaysThrough(mobile.completionDate) : 0;
  const siteDaysMax = Math.max(0, ...sitePlans.map((s) => s.openDays));
  const completionOpenDays = Math.max(teamDays, siteDaysMax);
  const completionDate = latestDate(
    [...sitePlans.map((s) => s.completionDate), mobile?.completionDate ?? null].filter(
      (d): d is string => d !== null,
    ),
  );
  const teamMachineDays = (mobile?.teams ?? []).reduce(
    (sum, t) => sum + t.machines * (t.endDate === null ? 0 : siteDates.openDaysThrough(t.endDate)),
    0,
  );
  const siteMachineDays = sitePlans.reduce((sum, s) => sum + s.machineDays, 0);
  const bound = splitLowerBound(costs);
  const deadline = problem.calendar.deadline.toISODate() ?? '';
  const onTime =
    sitePlans.every((s) => s.openDays <= siteDates.deadlineDays + 1e-9) && (mobile === null || mobile.onTime);
  const expectedDossiers = communes.reduce((sum, c) => sum + c.expectedDossiers, 0);
  const notComing = communes.reduce(
    (sum, c) => sum + (c.servedBy === 'fixed-site' ? c.demand - c.expectedDossiers : 0),
    0,
  );
  const notes: string[] = [];
  if (problem.travel.home === 'centre-of-communes')
    notes.push(
      'no home given: the teams leave from the centre of the communes (the mean of their locations)',
    );
  if (parts.objective === 'machine-days' && !onTime)
    notes.push('no split meets the deadline: the plan finishes as early as it can instead');
  return {
    status: 'planned',
    objective: parts.objective,
    onTime,
    deadline,
    completionDate,
    completionOpenDays,
    lowerBoundOpenDays: bound,
    gapToLowerBound: bound > 0 ? Math.max(0, (completionOpenDays - bound) / bound) : 0,
    machineDays: { sites: siteMachineDays, teams: teamMachineDays, total: siteMachineDays + teamMachineDays },
    expectedDossiers,
    notComingDossiers: notComing,
    sites: sitePlans,
    communes,
    mobile,
    notes,
    assumptions: {
      maxTravelHours: reach.maxTravelHours,
      turnoutHalfLifeHours: reach.turnoutHalfLifeHours,
      siteHoursPerDay: parts.siteHoursPerDay,
      teamHoursPerOpenDay: parts.teamHoursPerOpenDay,
      deadlineOpenDays: siteDates.deadlineDays,
      priorityRule: parts.priorityRule,
    },
  };
}
