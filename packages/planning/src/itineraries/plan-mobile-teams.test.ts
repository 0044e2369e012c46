import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { buildRoster } from '../rotations/build-roster.ts';
import { checkRoster } from '../rotations/check-roster.ts';
import { brokenLaws, greatCircleKm } from './_fixtures/check-plan.ts';
import {
  asMobileCommunes,
  communesOf,
  HUNG_NGUYEN_SERVICE,
  identicalTeams,
  TEAMS_OF_ONE_AND_TWO_CREWS,
} from './_fixtures/mountain-communes.ts';
import { planMobileTeams } from './plan-mobile-teams.ts';
import type { MobilePlan, PlanMobileTeamsInput } from './types.ts';

const VN = 'Asia/Ho_Chi_Minh';

function planned(input: PlanMobileTeamsInput, options = {}): MobilePlan {
  const plan = planMobileTeams(input, options);
  if (plan.status !== 'planned') throw new Error(`expected a plan, got ${plan.status}`);
  return plan;
}

/** Tuy Đức (Đắk Nông), 6 communes; teams leave from the district seat at Đắk Búk So. */
function tuyDuc(teams: number, deadline = '2021-04-30'): PlanMobileTeamsInput {
  const communes = communesOf('667');
  const seat = communes.find((c) => c.communeCode === '24739');
  if (seat === undefined) throw new Error('fixture lost Đắk Búk So');
  return {
    calendar: { start: '2021-03-22', deadline, timeZone: VN },
    service: HUNG_NGUYEN_SERVICE,
    teams: identicalTeams(teams, 2),
    home: seat,
    maxDaysPerVisit: 10,
    communes: asMobileCommunes(communes),
  };
}

describe('planMobileTeams', () => {
  it('answers "6 teams of 2 machines in Tuy Đức: when does each commune get its visit, and do we finish?"', () => {
    const input = tuyDuc(6);
    const plan = planned(input);
    expect(brokenLaws(input, plan)).toEqual([]);
    // By hand: 41,349 people aged 14+ at 2 machines × 17 an hour are 1,216.1 team-hours; with
    // 6 set-ups of 1 h that is 203.7 h per team, 16.97 working days of 12 h: from Monday
    // 22 March, the 17th day is 7 April, and any driving at all pushes past it into the 8th.
    const eligible = input.communes.reduce((s, c) => s + c.demand, 0);
    expect(eligible).toBe(41_349);
    expect(plan.onTime).toBe(true);
    expect(plan.lowerBound.hours).toBeGreaterThan((41_349 / 34 + 6) / 6);
    expect(['2021-04-07', '2021-04-08']).toContain(plan.lowerBound.completionDate);
    expect(['2021-04-07', '2021-04-08']).toContain(plan.completionDate);
    expect(plan.communes.every((c) => c.windows.length > 0 && c.coverageByDeadline === 1)).toBe(true);
    expect(plan.teams.every((t) => t.visits.every((v) => v.days <= 11))).toBe(true);
    expect(plan.gapToLowerBound).toBeLessThan(0.05);
  });

  it('reports the communes left after the deadline, with the dossiers missing, when there are too few teams', () => {
    const plan = planned(tuyDuc(2, '2021-04-10'));
    expect(plan.onTime).toBe(false);
    expect(plan.unreached.length).toBeGreaterThan(0);
    expect(plan.unreached.every((u) => u.reason === 'capacity' && u.shortfallDossiers > 0)).toBe(true);
    const missing = plan.communes.reduce((s, c) => s + c.shortfallAtDeadline, 0);
    expect(plan.unreached.reduce((s, u) => s + u.shortfallDossiers, 0)).toBe(missing);
    // Two teams have 2 × 20 days × 12 h × 34 an hour = 16,320 dossiers of capacity to 10 April at most.
    expect(41_349 - missing).toBeLessThanOrEqual(16_320);
  });

  it('serves the remote class first in Kỳ Sơn, the border district of Nghệ An', () => {
    const communes = communesOf('417');
    const seat = communes.find((c) => c.communeName === 'Thị trấn Mường Xén');
    if (seat === undefined) throw new Error('fixture lost Mường Xén');
    const input: PlanMobileTeamsInput = {
      calendar: { start: '2021-03-22', deadline: '2021-06-30', timeZone: VN, closedWeekdays: [7] },
      service: HUNG_NGUYEN_SERVICE,
      teams: identicalTeams(8, 2),
      home: seat,
      maxDaysPerVisit: 7,
      communes: communes.map((c) => ({
        id: c.communeCode,
        demand: Math.round(c.eligible14Plus * 0.8),
        location: { latitude: c.latitude, longitude: c.longitude },
      })),
    };
    const plan = planned(input, { priorityRule: 'remote-first', priorityClasses: 2 });
    expect(brokenLaws(input, plan)).toEqual([]);
    const km = new Map(communes.map((c) => [c.communeCode, greatCircleKm(seat, c)]));
    const ids = [...km.keys()].sort((a, b) => (km.get(b) ?? 0) - (km.get(a) ?? 0));
    const remote = new Set(ids.slice(0, Math.ceil(ids.length / 2)));
    const lastRemoteWork = Math.max(
      ...plan.teams.flatMap((t) => t.visits.filter((v) => remote.has(v.communeId)).map((v) => v.workEndHour)),
    );
    const firstNearWork = Math.min(
      ...plan.teams.flatMap((t) =>
        t.visits.filter((v) => !remote.has(v.communeId)).map((v) => v.workStartHour),
      ),
    );
    expect(lastRemoteWork).toBeLessThanOrEqual(firstNearWork);
    expect(
      plan.teams
        .flatMap((t) => t.visits)
        .every((v) => !v.dossiersPerDay.some((d) => new Date(d.date).getUTCDay() === 0)),
    ).toBe(true);
  });

  it('splits a large commune over several teams when one team may stay only a few days', () => {
    const input: PlanMobileTeamsInput = {
      calendar: { start: '2021-03-22', deadline: '2021-04-30' },
      service: HUNG_NGUYEN_SERVICE,
      teams: identicalTeams(3, 2),
      home: { latitude: 12, longitude: 107.7 },
      maxDaysPerVisit: 3,
      // 9 days of one team's work (34 an hour × 12 h × 9).
      communes: [{ id: 'big', demand: 3672, location: { latitude: 12.05, longitude: 107.7 } }],
    };
    const plan = planned(input);
    expect(brokenLaws(input, plan)).toEqual([]);
    const visits = plan.teams.flatMap((t) => t.visits);
    expect(visits.length).toBe(3);
    expect(visits.every((v) => v.workHours <= 36 + 1e-6)).toBe(true);
    expect(visits.reduce((s, v) => s + v.dossiers, 0)).toBe(3672);
  });

  it('lets a hamlet join its neighbour’s visit and a fixed site keep its own commune', () => {
    const input: PlanMobileTeamsInput = {
      calendar: { start: '2021-03-22', deadline: '2021-04-30' },
      service: HUNG_NGUYEN_SERVICE,
      teams: identicalTeams(1, 2),
      home: { latitude: 12, longitude: 107.7 },
      communes: [
        { id: 'town', demand: 5000, location: { latitude: 12.0, longitude: 107.71 } },
        { id: 'big', demand: 1000, location: { latitude: 12.2, longitude: 107.7 } },
        { id: 'hamlet', demand: 80, location: { latitude: 12.21, longitude: 107.7 } },
      ],
      fixedSites: [{ id: 'town-police', communeId: 'town' }],
    };
    const plan = planned(input, { sharedVisits: { maxTravelHours: 0.5, maxDossiers: 200 } });
    expect(brokenLaws(input, plan)).toEqual([]);
    const byId = new Map(plan.communes.map((c) => [c.communeId, c]));
    expect(byId.get('town')?.servedBy).toBe('fixed-site');
    expect(byId.get('hamlet')?.servedBy).toBe('shared-visit');
    expect(byId.get('hamlet')?.servedAt).toBe('big');
    expect(plan.teams[0]?.visits.map((v) => [v.communeId, v.servedCommuneIds, v.dossiers])).toEqual([
      ['big', ['big', 'hamlet'], 1080],
    ]);
  });

  it('waits for a commune’s earliest date and reports one that opens after the deadline', () => {
    const input: PlanMobileTeamsInput = {
      calendar: { start: '2021-03-22', deadline: '2021-03-31' },
      service: HUNG_NGUYEN_SERVICE,
      teams: identicalTeams(1, 1),
      home: { latitude: 12, longitude: 107.7 },
      communes: [
        {
          id: 'market',
          demand: 17,
          location: { latitude: 12.0, longitude: 107.7 },
          earliestDate: '2021-03-25',
        },
        {
          id: 'late',
          demand: 17,
          location: { latitude: 12.0, longitude: 107.7 },
          earliestDate: '2021-04-02',
        },
      ],
    };
    const plan = planned(input, { minVisitWorkHours: 0 });
    expect(brokenLaws(input, plan)).toEqual([]);
    const market = plan.teams[0]?.visits.find((v) => v.communeId === 'market');
    expect(market?.dossiersPerDay[0]?.date).toBe('2021-03-25');
    expect(plan.unreached).toEqual([
      expect.objectContaining({ communeId: 'late', reason: 'opens-after-deadline' }),
    ]);
  });

  it('calls a commune too far when the drive alone passes the deadline', () => {
    // About 1,100 km from Hà Nội to Gia Nghĩa: 51 h of driving at 30 km/h × 1.4 against 12 h of calendar.
    const input: PlanMobileTeamsInput = {
      calendar: { start: '2021-03-22', deadline: '2021-03-22' },
      service: HUNG_NGUYEN_SERVICE,
      teams: identicalTeams(1, 2),
      home: { latitude: 21.03, longitude: 105.85 },
      communes: [{ id: '24611', demand: 100, location: { latitude: 12.01468, longitude: 107.71268 } }],
    };
    const plan = planned(input);
    expect(plan.unreached).toEqual([
      expect.objectContaining({ communeId: '24611', reason: 'too-far', shortfallDossiers: 100 }),
    ]);
  });

  it('sends communes within a fixed site’s catchment to it and leaves the rest to the teams', () => {
    const input: PlanMobileTeamsInput = {
      calendar: { start: '2021-03-22', deadline: '2021-04-30' },
      service: HUNG_NGUYEN_SERVICE,
      teams: identicalTeams(1, 2),
      home: { latitude: 12, longitude: 107.7 },
      communes: [
        { id: 'town', demand: 5000, location: { latitude: 12.0, longitude: 107.7 } },
        // 5.6 km north: 0.26 h at 30 km/h × 1.4, inside a half-hour catchment.
        { id: 'suburb', demand: 900, location: { latitude: 12.05, longitude: 107.7 } },
        // 33 km north: 1.5 h, outside it.
        { id: 'upland', demand: 900, location: { latitude: 12.3, longitude: 107.7 } },
      ],
      fixedSites: [{ id: 'district-police', communeId: 'town', catchmentTravelHours: 0.5 }],
    };
    const plan = planned(input);
    expect(plan.communes.map((c) => [c.communeId, c.servedBy])).toEqual([
      ['town', 'fixed-site'],
      ['suburb', 'fixed-site'],
      ['upland', 'mobile-team'],
    ]);
    expect(plan.teams[0]?.visits.map((v) => v.communeId)).toEqual(['upland']);
  });

  it('reports dossiers taken after a commune’s own latest date', () => {
    const input: PlanMobileTeamsInput = {
      calendar: { start: '2021-03-22', deadline: '2021-04-30' },
      teams: identicalTeams(1, 1),
      home: { latitude: 12, longitude: 107.7 },
      setupHours: 0,
      // 6 minutes a dossier: 10 an hour.
      service: { minutesPerDossier: 6 },
      // 240 dossiers at 10 an hour are two 12-hour days: 22 and 23 March, one day past 22 March.
      communes: [
        { id: 'c', demand: 240, location: { latitude: 12, longitude: 107.7 }, latestDate: '2021-03-22' },
      ],
    };
    const plan = planned(input);
    expect(plan.onTime).toBe(true);
    expect(plan.unreached).toEqual([
      expect.objectContaining({ communeId: 'c', reason: 'latest-date', shortfallDossiers: 120 }),
    ]);
  });

  it('serves the least covered communes first when asked', () => {
    const input: PlanMobileTeamsInput = {
      calendar: { start: '2021-03-22', deadline: '2021-04-30' },
      service: HUNG_NGUYEN_SERVICE,
      teams: identicalTeams(1, 2),
      home: { latitude: 12, longitude: 107.7 },
      communes: [
        {
          id: 'well-covered',
          demand: 500,
          location: { latitude: 12.01, longitude: 107.7 },
          coverageShare: 0.9,
        },
        {
          id: 'barely-covered',
          demand: 500,
          location: { latitude: 12.3, longitude: 107.7 },
          coverageShare: 0.1,
        },
      ],
    };
    const nearestFirst = planned(input);
    expect(nearestFirst.teams[0]?.visits.map((v) => v.communeId)).toEqual(['well-covered', 'barely-covered']);
    const plan = planned(input, { priorityRule: 'low-coverage-first' });
    expect(plan.teams[0]?.visits.map((v) => v.communeId)).toEqual(['barely-covered', 'well-covered']);
  });

  it('plans all 71 communes of Đắk Nông with 12 teams from Gia Nghĩa within 10 % of its bound', () => {
    const communes = communesOf('67');
    const input: PlanMobileTeamsInput = {
      calendar: { start: '2021-03-22', deadline: '2021-06-30', timeZone: VN },
      service: HUNG_NGUYEN_SERVICE,
      teams: identicalTeams(12, 2),
      home: { latitude: 12.0147, longitude: 107.7127 },
      maxDaysPerVisit: 10,
      // Half the 14+ left for mobile teams; the other half came to fixed sites.
      communes: communes.map((c) => ({
        id: c.communeCode,
        demand: Math.round(c.eligible14Plus / 2),
        location: { latitude: c.latitude, longitude: c.longitude },
      })),
    };
    const plan = planned(input, { priorityRule: 'remote-first' });
    expect(brokenLaws(input, plan)).toEqual([]);
    expect(plan.gapToLowerBound).toBeLessThan(0.1);
  });

  it('accepts a travel-time matrix in place of coordinates', () => {
    const input: PlanMobileTeamsInput = {
      calendar: { start: '2021-03-22', deadline: '2021-04-30' },
      teams: identicalTeams(1, 1),
      setupHours: 0,
      service: { minutesPerDossier: 6 },
      travel: {
        hoursMatrix: [
          [0, 1, 5],
          [1, 0, 1],
          [5, 1, 0],
        ],
      },
      communes: [
        { id: 'near', demand: 20 },
        { id: 'far', demand: 20 },
      ],
    };
    const plan = planned(input);
    // Home → near (1 h) → far (1 h) with 2 h of work each ends at hour 6; the other order at 8.
    expect(plan.completionHours).toBeCloseTo(6, 6);
    expect(plan.teams[0]?.visits.map((v) => v.communeId)).toEqual(['near', 'far']);
  });

  it('plans teams as they are: a team of 3 machines takes three times what a team of 1 does', () => {
    // By hand: 6 minutes a dossier is 10 an hour per machine, 40 an hour for the two teams;
    // 440 dossiers at the teams' base (no drive, no set-up) are 11 hours of the first
    // 07:00–19:00 day, 110 for the single machine and 330 for the three. As two teams of the
    // fewest (1 machine each) they would take 22 hours, into the second day.
    const base = { latitude: 12, longitude: 107.7 };
    const plan = planned({
      calendar: { start: '2021-03-22', deadline: '2021-03-31' },
      teams: [
        { id: 'small', machines: 1 },
        { id: 'large', machines: 3 },
      ],
      service: { minutesPerDossier: 6 },
      home: base,
      setupHours: 0,
      communes: [{ id: 'c', demand: 440, location: base }],
    });
    expect(plan.teams.map((t) => [t.team, t.machines, t.visits.map((v) => v.dossiers)])).toEqual([
      ['small', 1, [110]],
      ['large', 3, [330]],
    ]);
    // The split is found by bisection to a thousandth of an hour.
    expect(plan.completionHours).toBeCloseTo(11, 2);
    expect(plan.completionDate).toBe('2021-03-22');
    expect(plan.lowerBound.hours).toBeCloseTo(11, 6);
    expect(plan.communes[0]?.windows.map((w) => w.team)).toEqual(['small', 'large']);
  });

  it('gives the same plan, byte for byte, for the same input', () => {
    expect(JSON.stringify(planMobileTeams(tuyDuc(4)))).toBe(JSON.stringify(planMobileTeams(tuyDuc(4))));
  });

  it('answers infeasible when no day of the calendar is open', () => {
    const input = tuyDuc(2);
    const plan = planMobileTeams({
      ...input,
      calendar: { ...input.calendar, closedWeekdays: [1, 2, 3, 4, 5, 6, 7] },
    });
    expect(plan).toEqual(expect.objectContaining({ status: 'infeasible', reason: 'no-open-days' }));
  });

  it('refuses bad input naming the field', () => {
    const input = tuyDuc(2);
    const bad = (patch: object, path: string): void => {
      try {
        planMobileTeams({ ...input, ...patch } as PlanMobileTeamsInput);
        expect.unreachable(`${path} was accepted`);
      } catch (error) {
        expect(error).toBeInstanceOf(PlanningInputError);
        expect((error as PlanningInputError).path).toBe(path);
      }
    };
    bad({ teams: [] }, 'teams');
    bad(
      {
        teams: [
          { id: 'a', machines: 2 },
          { id: 'b', machines: 1.5 },
        ],
      },
      'teams[1].machines',
    );
    bad({ teams: identicalTeams(5000, 2) }, 'teams');
    bad(
      {
        teams: [
          { id: 'a', machines: 2 },
          { id: 'a', machines: 2 },
        ],
      },
      'teams[1].id',
    );
    bad({ hours: { open: '07:00', close: '07:00' } }, 'hours');
    bad({ home: { latitude: 95, longitude: 107 } }, 'home.latitude');
    bad({ crewsPerTeam: 0 }, 'crewsPerTeam');
    bad({ teams: [{ id: 'a', machines: 2, crews: 0 }] }, 'teams[0].crews');
    bad({ teams: [{ id: 'a', machines: 2, crews: 2.5 }] }, 'teams[0].crews');
    bad({ crewRules: { daysOffPerWeek: 7 } }, 'crewRules.daysOffPerWeek');
    bad({ travel: { speedsKmPerHour: { swamp: 5 } } }, 'travel.speedsKmPerHour.swamp');
    bad({ communes: [{ ...input.communes[0], terrain: 'swamp' }] }, 'communes[0].terrain');
    bad({ travel: { hoursBetween: () => Number.NaN } }, 'travel.hoursBetween[0][1]');
    bad({ communes: [{ ...input.communes[0], demand: -5 }] }, 'communes[0].demand');
    bad(
      { communes: [{ id: 'x', demand: 5, location: { latitude: Number.NaN, longitude: 107 } }] },
      'communes[0].location.latitude',
    );
    bad({ communes: [{ id: 'x', demand: 5 }] }, 'communes[0].location');
    bad({ communes: [input.communes[0], input.communes[0]] }, 'communes[1].id');
    bad({ travel: { hoursMatrix: [[0]] } }, 'travel.hoursMatrix');
    bad({ fixedSites: [{ id: 's', communeId: 'nowhere' }] }, 'fixedSites[0].communeId');
    bad({ service: { minutesPerDossier: 0 } }, 'service.minutesPerDossier');
    bad({ service: { minutesPerDossier: 3.5, availability: 2 } }, 'service.availability');
  });
});

describe('teams with their own crews', () => {
  // One commune at home, 12-hour days; team `one` has one crew, team `two` two (the fixture's).
  const twoTeams = TEAMS_OF_ONE_AND_TWO_CREWS;
  // By hand: 138 machine-hours of work (2,346 ÷ 17).
  const dates = (from: number, to: number): string[] =>
    Array.from({ length: to - from + 1 }, (_, i) =>
      new Date(Date.UTC(2021, 2, 22 + from + i)).toISOString().slice(0, 10),
    );

  it('gives each team the calendar of its own crews: one crew works 4 days in 7, two crews every day', () => {
    const plan = planned(twoTeams);
    const [one, two] = plan.teams;
    if (one === undefined || two === undefined) throw new Error('two itineraries expected');
    // By hand: a crew works at most 48 h (4 days of 12 h) in any 7 days. Team one works 22–25
    // March, stands down 26–28, works 29 March–1 April and stands down 2–4 April; team two's two
    // crews take turns every day. Both start on 22 March and end together: by the end of 28 March
    // they have 48 + 84 = 132 h, so the last 6 h are 3 h each on 29 March.
    expect(one.crews.crewsPerTeam).toBe(1);
    expect(one.crews.standDownDates).toEqual([...dates(4, 6), ...dates(11, 13)]);
    expect(two.crews.crewsPerTeam).toBe(2);
    expect(two.crews.standDownDates).toEqual([]);
    expect(plan.completionDate).toBe('2021-03-29');
    const days = (visits: MobilePlan['teams'][number]['visits']) =>
      visits.flatMap((v) => v.dossiersPerDay.map((d) => [d.date, Math.round(d.workHours * 100) / 100]));
    expect(days(one.visits)).toEqual([...dates(0, 3).map((d) => [d, 12]), ['2021-03-29', 3]]);
    expect(days(two.visits)).toEqual([...dates(0, 6).map((d) => [d, 12]), ['2021-03-29', 3]]);
    // 51 h of one machine and 87 h of the other: 867 and 1,479 dossiers.
    // Team one's stay spans its days off: 5 of its working days, 8 of team two's.
    expect(one.visits.map((v) => [v.arriveDate, v.leaveDate, v.days, v.dossiers])).toEqual([
      ['2021-03-22', '2021-03-29', 5, 867],
    ]);
    expect(two.visits.map((v) => [v.arriveDate, v.leaveDate, v.days, v.dossiers])).toEqual([
      ['2021-03-22', '2021-03-29', 8, 1479],
    ]);
    expect(brokenLaws(twoTeams, plan)).toEqual([]);
    // No plan does better: 138 h of work at two teams' 24 h a day on 22–25 March (96), one team's
    // 12 h on 26–28 (132), then 3 h of both on 29 March: 7 days of 12 h and 3 h, 87 h of the line.
    expect(plan.lowerBound.hours).toBeCloseTo(87, 6);
    expect(plan.completionHours).toBeCloseTo(87, 2);
  });

  it('agrees with the roster rules day by day: buildRoster for two crews, checkRoster for one', () => {
    const plan = planned(twoTeams);
    const [one, two] = plan.teams;
    if (one === undefined || two === undefined) throw new Error('two itineraries expected');
    const shift = { name: 'Team day', start: two.crews.start, end: two.crews.end, crews: 1 };
    const through = <T extends { date: string }>(assignments: T[]) =>
      assignments.filter((a) => a.date <= '2021-04-04');
    // Two crews of 12 h days keep every rule working every day: buildRoster's roster, crew by crew.
    const roster = buildRoster({
      startDate: '2021-03-22',
      days: 14,
      timeZone: VN,
      shifts: [shift],
      teams: ['Crew 1', 'Crew 2'],
    });
    expect(roster.feasible).toBe(true);
    expect(through(two.crews.assignments)).toEqual(roster.assignments);
    // One crew cannot cover every day: checkRoster finds only the days it stands down unstaffed.
    const check = checkRoster({
      startDate: '2021-03-22',
      days: 14,
      timeZone: VN,
      shifts: [{ ...shift, start: one.crews.start, end: one.crews.end }],
      teams: ['Crew 1'],
      assignments: through(one.crews.assignments),
    });
    expect(check.violations.filter((v) => v.rule !== 'staffing')).toEqual([]);
    expect(check.violations.filter((v) => v.rule === 'staffing').map((v) => v.date)).toEqual(
      one.crews.standDownDates,
    );
    // The visits fall on the roster's days, within a crew's hours.
    for (const team of [one, two]) {
      const worked = new Set(team.crews.assignments.map((a) => a.date));
      for (const d of team.visits.flatMap((v) => v.dossiersPerDay)) {
        expect(worked.has(d.date)).toBe(true);
        expect(d.workHours).toBeLessThanOrEqual(team.crews.hoursPerDay + 1e-9);
      }
    }
  });

  it('takes a single crews value for every team as before: crewsPerTeam alone, or each team naming the same', () => {
    const { teams, ...rest } = twoTeams;
    const byDefault = planned({
      ...rest,
      crewsPerTeam: 1,
      teams: teams.map((t) => ({ id: t.id, machines: 1 })),
    });
    const named = planned({ ...rest, teams: teams.map((t) => ({ ...t, crews: 1 })) });
    expect(named.teams.map((t) => t.visits)).toEqual(byDefault.teams.map((t) => t.visits));
    expect(byDefault.teams.map((t) => t.crews)).toEqual([byDefault.crews, byDefault.crews]);
  });
});
