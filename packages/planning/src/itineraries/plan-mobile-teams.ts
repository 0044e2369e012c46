import { requireIsoDate } from '../_internal/validate.ts';
import { listOpenDays } from '../time/open-days.ts';
import { apportionDossiers } from './_internal/apportion.ts';
import { crewShift } from './_internal/crews.ts';
import { latestDate } from './_internal/dates.ts';
import { diagnoseCommunes } from './_internal/diagnose-communes.ts';
import { assignFixedSites } from './_internal/fixed-sites.ts';
import { lowerBoundHours } from './_internal/lower-bound.ts';
import { readMobileInput } from './_internal/read-input.ts';
import { remotenessHours } from './_internal/remoteness.ts';
import { scheduleStops } from './_internal/schedule.ts';
import { assignSharedVisits, guestsByHost } from './_internal/shared-visits.ts';
import { planStops } from './_internal/stops.ts';
import { sum, teamItineraries, windowsByStop } from './_internal/team-itineraries.ts';
import { dayIndexAt, hourAfterDate, timelineHolding, workingTimeline } from './_internal/timeline.ts';
import type { MobilePlanResult, PlanMobileTeamsInput, PlanMobileTeamsOptions } from './types.ts';

/**
 * A visit calendar for mobile teams that carry machines to communes: which team is where on
 * which days, with travel and set-up, serving priority communes first; how it compares with a
 * lower bound; and which communes miss the deadline and why. Each team works at the pace of
 * the machines it carries.
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
 *   teams: [{ id: 'T1', machines: 2 }],
 *   service: { minutesPerDossier: 60 / 17 },
 *   home: { latitude: 12.0, longitude: 107.7 },
 *   communes: [{ id: 'A', demand: 408, location: { latitude: 12.1, longitude: 107.7 } }],
 * });
 * plan.status === 'planned' && plan.teams[0].visits.map((v) => [v.communeId, v.arriveDate, v.dossiers])
 * // => [['A', '2021-03-22', 408]]
 */
export function planMobileTeams(
  input: PlanMobileTeamsInput,
  options: PlanMobileTeamsOptions = {},
): MobilePlanResult {
  const problem = readMobileInput(input, options);
  const { calendar, window } = problem;
  const deadlineDate = calendar.deadline.toISODate() ?? '';

  // The line of working hours, long enough for the deadline and every earliest date first.
  const lastNamedDate = problem.communes.reduce(
    (latest, c) => (c.earliestDate !== undefined && c.earliestDate > latest ? c.earliestDate : latest),
    deadlineDate,
  );
  const firstTimeline = workingTimeline(calendar, window, problem.crews, lastNamedDate);
  if (firstTimeline === null) {
    return {
      status: 'infeasible',
      reason: 'no-open-days',
      detail:
        'the calendar has no open day in ten years that a crew may work: every weekday or date is closed',
    };
  }

  // Who goes where: fixed sites keep their communes, small communes join a neighbour's visit.
  const servedByFixed = assignFixedSites(problem);
  const hostOf = assignSharedVisits(problem, servedByFixed);
  const guestsOf = guestsByHost(hostOf);
  const remoteness = remotenessHours(problem);
  const plan = planStops(problem, servedByFixed, hostOf, firstTimeline, remoteness);
  const schedule = scheduleStops(plan.table, plan.stops, {
    paces: problem.paces,
    setupHours: problem.setupHours,
    maxVisitWorkHours:
      problem.maxDaysPerVisit === null
        ? Number.POSITIVE_INFINITY
        : problem.maxDaysPerVisit * problem.crews.hoursPerDay,
    minVisitWorkHours: problem.options.minVisitWorkHours,
  });
  const completionHours = Math.max(0, ...schedule.visits.map((v) => v.workEndHour));

  // Dates past the deadline, for plans that finish late.
  const timeline = timelineHolding(calendar, window, problem.crews, firstTimeline, completionHours);
  if (timeline === null) {
    return {
      status: 'infeasible',
      reason: 'beyond-horizon',
      detail: `the plan needs ${Math.round(completionHours)} working hours, more than the calendar holds in ten years`,
    };
  }
  const deadlineHour = hourAfterDate(timeline, deadlineDate);
  const bound = lowerBoundHours(
    plan.table,
    plan.stops.map((s) => s.workHours),
    plan.stops.map((s) => s.earliestHour),
    problem.paces,
    problem.setupHours,
  );

  // Dated visits with whole dossiers, each team's itinerary, and each commune's coverage.
  const done = apportionDossiers(problem, plan, schedule.visits, guestsOf, timeline, deadlineDate);
  const teams = teamItineraries(problem, schedule.visits, done.visits);
  const { communes, unreached } = diagnoseCommunes(problem, plan, done, {
    servedByFixed,
    hostOf,
    guestsOf,
    windows: windowsByStop(problem, schedule.visits, done.visits),
    deadlineDate,
    deadlineHour,
    remoteness,
  });

  const { travel } = problem;
  const teamHours = problem.teams.length * completionHours;
  const totalTravel = sum(teams.map((t) => t.travelHours));
  const totalSetup = sum(teams.map((t) => t.setupHours));
  const totalWork = sum(teams.map((t) => t.workHours));
  const shareOf = (x: number): number => (teamHours > 0 ? x / teamHours : 0);
  const notes = schedule.overstayedStops.map(
    (s) =>
      `${problem.communes[plan.communes[s] ?? 0]?.id ?? ''} needs more than ${problem.teams.length} teams × ${problem.maxDaysPerVisit} days: one team stays longer than maxDaysPerVisit`,
  );
  if (travel.home === 'centre-of-communes')
    notes.push(
      'no home given: the teams leave from the centre of the communes (the mean of their locations)',
    );
  const lastDate = latestDate([timeline.days.at(-1)?.date ?? deadlineDate, deadlineDate]) ?? deadlineDate;
  const crewDays = problem.crews.apply(
    listOpenDays({ ...calendar, deadline: requireIsoDate(lastDate, 'date', calendar.timeZone) }, window),
  );
  const openCount = crewDays.working.length + crewDays.standDownDates.length;
  const shift = crewShift(problem.crews);
  const dateAt = (hour: number): string | null =>
    hour <= 0 ? null : (timeline.days[dayIndexAt(timeline, hour, true)]?.date ?? null);
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
    crews: {
      crewsPerTeam: problem.crews.crewsPerTeam,
      hoursPerDay: problem.crews.hoursPerDay,
      start: shift.start,
      end: shift.end,
      rules: problem.crews.rules,
      standDownDates: crewDays.standDownDates,
      assignments: crewDays.assignments,
    },
    communes,
    unreached,
    notes,
    assumptions: {
      dossiersPerMachineHour: problem.dossiersPerMachineHour,
      hoursPerDay: problem.crews.hoursPerDay,
      setupHours: problem.setupHours,
      travel: travel.kind,
      ...(travel.speedKmPerHour === undefined ? {} : { speedKmPerHour: travel.speedKmPerHour }),
      ...(travel.speedsKmPerHour === undefined ? {} : { speedsKmPerHour: travel.speedsKmPerHour }),
      ...(travel.detourFactor === undefined ? {} : { detourFactor: travel.detourFactor }),
      home: travel.home,
      crewsPerTeam: problem.crews.crewsPerTeam,
      teamDaysPerWeek: openCount === 0 ? 0 : (7 * crewDays.working.length) / openCount,
      priorityRule: problem.options.priorityRule,
      maxDaysPerVisit: problem.maxDaysPerVisit,
      minVisitWorkHours: problem.options.minVisitWorkHours,
    },
  };
}
