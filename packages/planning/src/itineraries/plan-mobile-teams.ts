import { sum } from '../_internal/sum.ts';
import { requireIsoDate } from '../_internal/validate.ts';
import { listOpenDays } from '../time/open-days.ts';
import { apportionDossiers } from './_internal/apportion.ts';
import { crewCalendars } from './_internal/crews.ts';
import { latestDate } from './_internal/dates.ts';
import { diagnoseCommunes } from './_internal/diagnose-communes.ts';
import { assignFixedSites } from './_internal/fixed-sites.ts';
import { lowerBoundHours } from './_internal/lower-bound.ts';
import { readMobileInput } from './_internal/read-input.ts';
import { remotenessHours } from './_internal/remoteness.ts';
import { scheduleStops } from './_internal/schedule.ts';
import { assignSharedVisits, guestsByHost } from './_internal/shared-visits.ts';
import { planStops } from './_internal/stops.ts';
import { SHARED_CLOCK, teamClocks } from './_internal/team-clocks.ts';
import { teamItineraries, windowsByStop } from './_internal/team-itineraries.ts';
import { dayIndexAt, hourAfterDate } from './_internal/timeline.ts';
import type {
  CrewCalendar,
  MobilePlanResult,
  PlanMobileTeamsInput,
  PlanMobileTeamsOptions,
} from './types.ts';

/**
 * A visit calendar for mobile teams that carry machines to communes: which team is where on
 * which days, with travel and set-up, serving priority communes first; how it compares with a
 * lower bound; and which communes miss the deadline and why. Each team works at the pace of
 * the machines it carries, on the days and hours its crews may work by the roster rules.
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

  // The lines of working hours (each team's crews' days, and the plan's: the days any team
  // works), long enough for the deadline and every earliest date first.
  const lastNamedDate = problem.communes.reduce(
    (latest, c) => (c.earliestDate !== undefined && c.earliestDate > latest ? c.earliestDate : latest),
    deadlineDate,
  );
  const clocks = teamClocks(calendar, window, problem.teamCrews, problem.crews, lastNamedDate);
  if (clocks === null) {
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
  const plan = planStops(problem, servedByFixed, hostOf, clocks.line, remoteness);
  const schedule = scheduleStops(plan.table, plan.stops, {
    paces: problem.paces,
    setupHours: problem.setupHours,
    maxVisitWorkHours:
      problem.maxDaysPerVisit === null
        ? Number.POSITIVE_INFINITY
        : problem.maxDaysPerVisit * problem.crews.hoursPerDay,
    minVisitWorkHours: problem.options.minVisitWorkHours,
    clock: clocks.shared ? SHARED_CLOCK : clocks,
  });
  const completionHours = Math.max(
    0,
    ...schedule.visits.map((v) => clocks.toPlan(v.team, v.workEndHour, true)),
  );

  // Dates past the deadline, for plans that finish late.
  if (!clocks.hold(completionHours)) {
    return {
      status: 'infeasible',
      reason: 'beyond-horizon',
      detail: `the plan needs ${Math.round(completionHours)} working hours, more than the calendar holds in ten years`,
    };
  }
  const timeline = clocks.line;
  const deadlineHour = hourAfterDate(timeline, deadlineDate);
  const bound = lowerBoundHours(
    plan.table,
    plan.stops.map((s) => s.workHours),
    plan.stops.map((s) => s.earliestHour),
    problem.paces,
    problem.setupHours,
    (hours) => clocks.hourHolding(hours, problem.paces),
  );

  // Dated visits with whole dossiers, each team's itinerary, and each commune's coverage.
  const done = apportionDossiers(problem, plan, schedule.visits, guestsOf, clocks, deadlineDate);
  const dateAt = (hour: number): string | null =>
    hour <= 0 ? null : (timeline.days[dayIndexAt(timeline, hour, true)]?.date ?? null);
  // The rosters run through the line's last day; when crews differ, the line may have grown past
  // it while the teams were compared, so through the deadline, an earliest date or completion.
  const lastDate =
    latestDate(
      clocks.shared
        ? [timeline.days.at(-1)?.date ?? deadlineDate, deadlineDate]
        : [deadlineDate, lastNamedDate, dateAt(completionHours) ?? deadlineDate],
    ) ?? deadlineDate;
  const crews = crewCalendars(
    [problem.crews, ...problem.teamCrews],
    listOpenDays({ ...calendar, deadline: requireIsoDate(lastDate, 'date', calendar.timeZone) }, window),
  );
  const teams = teamItineraries(problem, schedule.visits, done.visits, crews.calendars.slice(1));
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
  // Each team's own hours until the last team finishes (its crews' days off are no idle time).
  const teamHours = clocks.shared
    ? problem.teams.length * completionHours
    : sum(problem.teams.map((_, t) => clocks.toTeam(t, completionHours)));
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
    crews: crews.calendars[0] as CrewCalendar,
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
      teamDaysPerWeek: crews.daysPerWeek(problem.teamCrews),
      priorityRule: problem.options.priorityRule,
      maxDaysPerVisit: problem.maxDaysPerVisit,
      minVisitWorkHours: problem.options.minVisitWorkHours,
    },
  };
}
