import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { data, database, gql, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

const VISIT_FIELDS = `communeCode communeName servedCommuneCodes arriveDate leaveDate days travelHoursBefore
  workHours dossiers dossiersPerDay { date dossiers }`;

type Visit = {
  communeCode: string;
  workHours: number;
  communeName: string | null;
  arriveDate: string;
  leaveDate: string;
  days: number;
  dossiers: number;
  dossiersPerDay: { date: string; dossiers: number }[];
};

type TeamVisits = {
  __typename: 'TeamVisits';
  teamCode: string;
  areaCode: string;
  timeZone: string;
  teamCodes: string[];
  machines: number;
  endDate: string | null;
  visits: Visit[];
  iCalendar: string;
  crews: { days: { date: string }[] };
  notes: string[];
  plan: { teams: { team: string; visits: Visit[] }[] };
};

const TEAM_VISITS = `query ($homeAreaCode: String!, $scenarioId: ID!, $hours: OpeningHoursInput, $maxDaysPerVisit: Int) {
  teams(homeAreaCode: $homeAreaCode) {
    code
    visits(scenarioId: $scenarioId, hours: $hours, maxDaysPerVisit: $maxDaysPerVisit) {
      __typename
      ... on TeamVisits {
        teamCode areaCode timeZone teamCodes machines endDate notes iCalendar crews { days { date } }
        visits { ${VISIT_FIELDS} }
        plan { teams { team visits { ${VISIT_FIELDS} } } }
      }
      ... on Error { message }
      ... on InputError { field code expected }
      ... on NotFoundError { field }
    }
  }
}`;

type TeamsResult<V = TeamVisits> = { teams: { code: string; visits: V }[] };

async function visitsOf(homeAreaCode: string, variables: Record<string, unknown> = {}) {
  const result = await data<TeamsResult>(TEAM_VISITS, {
    homeAreaCode,
    scenarioId: 'dak-nong-2021',
    ...variables,
  });
  return result.teams;
}

/** The areas under a district, straight from the plan, and the plan's mobile teams for it. */
async function planOf(areaCode: string, teams: { id: string; machines: number }[]) {
  type Result = {
    plan: {
      areas: { code: string; name: string; parentCode: string | null; demand: number }[];
      mobileTeams: { __typename: string; teams: { team: string; visits: Visit[] }[] };
    };
  };
  const result = await data<Result>(
    `query ($areaCode: String!, $teams: [MobileTeamInput!]!) {
      plan(scenarioId: "dak-nong-2021", areaCode: $areaCode) { ... on CampaignPlan {
        areas { code name parentCode demand }
        mobileTeams(teams: $teams, hours: { open: "05:00", close: "24:00" }) {
          __typename ... on MobileTeamsPlan { teams { team visits { ${VISIT_FIELDS} } } }
        }
      } }
    }`,
    { areaCode, teams },
  );
  return result.plan;
}

/** Parses with ical.js, a real RFC 5545 parser: each event's UID, summary and all-day dates. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    timeZone: calendar.getFirstPropertyValue('x-wr-timezone'),
    events: calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      const end = event.endDate.clone();
      // An all-day DTEND is the day after the last day.
      end.adjust(-1, 0, 0, 0);
      return {
        uid: event.uid,
        summary: event.summary,
        allDay: event.startDate.isDate,
        first: event.startDate.toString(),
        last: end.toString(),
      };
    }),
  };
}

describe('Team.visits', () => {
  it('gives Đắk Song’s mobile team the visits CampaignPlan.mobileTeams plans for one team of 2 machines', async () => {
    const [team] = await visitsOf('665');
    if (team?.visits.__typename !== 'TeamVisits') throw new Error(JSON.stringify(team));
    const mine = team.visits;
    // The seed: DN-DAK-SONG-MOBILE is the only MOBILE team of Đắk Song (665), with 2 machines.
    expect(mine).toMatchObject({
      teamCode: 'DN-DAK-SONG-MOBILE',
      areaCode: '665',
      timeZone: 'Asia/Ho_Chi_Minh',
      teamCodes: ['DN-DAK-SONG-MOBILE'],
      machines: 2,
    });
    // The scenario's hours (05:00–24:00) and no centroid for the district: the same as asking the plan.
    const plan = await planOf('665', [{ id: 'DN-DAK-SONG-MOBILE', machines: 2 }]);
    expect(plan.mobileTeams.__typename).toBe('MobileTeamsPlan');
    expect(mine.visits).toEqual(plan.mobileTeams.teams[0]?.visits);

    // Every commune of Đắk Song gets its whole demand, under its own name.
    const communes = plan.areas.filter((row) => row.parentCode === '665');
    const district = plan.areas.find((row) => row.code === '665');
    expect(mine.visits.reduce((sum, v) => sum + v.dossiers, 0)).toBe(district?.demand);
    expect(new Set(mine.visits.map((v) => v.communeCode))).toEqual(new Set(communes.map((c) => c.code)));
    const nameOf = new Map(communes.map((c) => [c.code, c.name]));
    for (const visit of mine.visits) {
      expect(visit.communeName).toBe(nameOf.get(visit.communeCode));
      expect(visit.dossiersPerDay.reduce((sum, d) => sum + d.dossiers, 0)).toBe(visit.dossiers);
      expect(visit.arriveDate <= visit.leaveDate).toBe(true);
    }
    // The scenario opens every day from 15 March 2021: the team sets off that day.
    expect(mine.visits[0]?.arriveDate).toBe('2021-03-15');
    expect(mine.endDate).toBe(mine.visits.at(-1)?.leaveDate);
    expect(mine.visits.length).toBeGreaterThanOrEqual(communes.length);
  });

  it('writes one all-day event per run of days the team works in a commune, in the scenario’s time zone, with stable UIDs', async () => {
    const [first] = await visitsOf('665');
    const [second] = await visitsOf('665');
    if (first?.visits.__typename !== 'TeamVisits' || second?.visits.__typename !== 'TeamVisits')
      throw new Error('expected visits');
    const { visits, iCalendar, crews } = first.visits;
    expect(second.visits.iCalendar).toBe(iCalendar);
    expect(iCalendar.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const parsed = parseCalendar(iCalendar);
    expect(parsed.timeZone).toBe('Asia/Ho_Chi_Minh');
    // Each visit's stay, cut where the team's roster stands it down (its two crews rest a day a week).
    const worked = new Set(crews.days.map((d) => d.date));
    const expected = visits.flatMap((visit, i) => {
      const nth = visits.slice(0, i + 1).filter((v) => v.communeCode === visit.communeCode).length;
      const runs: { first: string; last: string }[] = [];
      for (let day = visit.arriveDate; day <= visit.leaveDate; day = dayAfter(day)) {
        const run = runs.at(-1);
        if (!worked.has(day)) continue;
        if (run && run.last === dayBefore(day)) run.last = day;
        else runs.push({ first: day, last: day });
      }
      return runs.map((run, k) => ({
        allDay: true,
        ...run,
        uid: `dak-nong-2021/DN-DAK-SONG-MOBILE/${visit.communeCode}/visit-${nth}${k === 0 ? '' : `-part-${k + 1}`}@muster.itinerary`,
        summary: `${visit.communeName} — DN-DAK-SONG-MOBILE`,
      }));
    });
    // The month holds stand-down days inside stays, so some stays are indeed cut.
    expect(expected.length).toBeGreaterThan(visits.length);
    expect(parsed.events).toHaveLength(expected.length);
    expect(parsed.events).toMatchObject(expected);
    expect(new Set(parsed.events.map((e) => e.uid)).size).toBe(parsed.events.length);
    expect(parseCalendar(second.visits.iCalendar).events.map((e) => e.uid)).toEqual(
      parsed.events.map((e) => e.uid),
    );
  });

  it('writes the same calendar in Vietnamese for the field’s phones', async () => {
    const ask = (language: string) =>
      data<{ teams: { code: string; visits: { iCalendar?: string } }[] }>(
        `query ($language: CalendarLanguage!) { teams(homeAreaCode: "665") { code visits(scenarioId: "dak-nong-2021") {
          ... on TeamVisits { iCalendar(language: $language) } } } }`,
        { language },
      );
    const [english, vietnamese] = [(await ask('EN')).teams[0], (await ask('VI')).teams[0]];
    const [en, vi] = [english?.visits.iCalendar ?? '', vietnamese?.visits.iCalendar ?? ''];
    expect(parseCalendar(vi).events.map((e) => [e.uid, e.summary])).toEqual(
      parseCalendar(en).events.map((e) => [e.uid, e.summary]),
    );
    expect(parseCalendar(vi).events.length).toBeGreaterThan(0);
    expect(vi).toContain('Số hồ sơ dự kiến:');
    expect(vi).not.toContain('Expected dossiers');
    expect(en).toContain('Expected dossiers:');
  });

  it('refuses a fixed site, naming the team', async () => {
    const result = await data<TeamsResult<Record<string, unknown>>>(TEAM_VISITS, {
      homeAreaCode: '18001',
      scenarioId: 'nghe-an-2021',
    });
    expect(result.teams).toHaveLength(1);
    expect(result.teams[0]?.visits).toMatchObject({
      __typename: 'InputError',
      field: 'team',
      code: 'conflict',
    });
  });

  it('refuses a scenario whose area does not hold the team’s home, and one that does not exist, naming scenarioId', async () => {
    const other = await data<TeamsResult<Record<string, unknown>>>(TEAM_VISITS, {
      homeAreaCode: '665',
      scenarioId: 'nghe-an-2021',
    });
    expect(other.teams[0]?.visits).toMatchObject({
      __typename: 'InputError',
      field: 'scenarioId',
      expected: 'a scenario whose area contains the team’s home area 665',
    });
    const missing = await data<TeamsResult<Record<string, unknown>>>(TEAM_VISITS, {
      homeAreaCode: '665',
      scenarioId: 'no-such-scenario',
    });
    expect(missing.teams[0]?.visits).toMatchObject({ __typename: 'NotFoundError', field: 'scenarioId' });
  });

  it('refuses bad hours and a non-positive stay, naming the argument', async () => {
    const hours = await visitsOf('665', { hours: { open: '25:00', close: '19:00' } });
    expect(hours[0]?.visits).toMatchObject({ __typename: 'InputError', field: 'hours.open' });
    const stay = await visitsOf('665', { maxDaysPerVisit: 0 });
    expect(stay[0]?.visits).toMatchObject({ __typename: 'InputError', field: 'maxDaysPerVisit' });
    const unknown = await gql(`{ teams(homeAreaCode: "665") { visits { __typename } } }`);
    expect(unknown.errors?.[0]?.message).toMatch(/scenarioId/);
  });

  it('plans two teams of one home area together, each with the machines it carries', async () => {
    // A second Đắk Glong team with one machine more than the seed's.
    await database.prisma.team.create({
      data: {
        code: 'DN-DAK-GLONG-MOBILE-2',
        name: 'Đắk Glong mobile team 2',
        kind: 'MOBILE',
        homeAreaCode: '661',
        machines: 3,
      },
    });
    const teams = await visitsOf('661');
    expect(teams.map((t) => t.code)).toEqual(['DN-DAK-GLONG-MOBILE', 'DN-DAK-GLONG-MOBILE-2']);
    const [a, b] = teams.map((t) => {
      if (t.visits.__typename !== 'TeamVisits') throw new Error(JSON.stringify(t.visits));
      return t.visits;
    }) as [TeamVisits, TeamVisits];
    expect(a.teamCodes).toEqual(['DN-DAK-GLONG-MOBILE', 'DN-DAK-GLONG-MOBILE-2']);
    expect([a.machines, b.machines]).toEqual([2, 3]);
    // The team of 3 takes dossiers half as fast again as the team of 2 (each visit rounds to whole dossiers).
    const pace = (visits: Visit[]) =>
      visits.reduce((sum, v) => sum + v.dossiers, 0) / visits.reduce((sum, v) => sum + v.workHours, 0);
    expect(pace(b.visits) / pace(a.visits)).toBeCloseTo(1.5, 2);

    const plan = await planOf('661', [
      { id: 'DN-DAK-GLONG-MOBILE', machines: 2 },
      { id: 'DN-DAK-GLONG-MOBILE-2', machines: 3 },
    ]);
    expect(a.visits).toEqual(plan.mobileTeams.teams[0]?.visits);
    expect(b.visits).toEqual(plan.mobileTeams.teams[1]?.visits);
    expect(a.plan.teams.map((t) => t.team)).toEqual(a.teamCodes);
    const district = plan.areas.find((row) => row.code === '661');
    const taken = [...a.visits, ...b.visits].reduce((sum, v) => sum + v.dossiers, 0);
    expect(taken).toBe(district?.demand);
    const uids = [...parseCalendar(a.iCalendar).events, ...parseCalendar(b.iCalendar).events].map(
      (e) => e.uid,
    );
    expect(new Set(uids).size).toBe(uids.length);
    // One event per visit, and more for the stays cut by a day off.
    expect(new Set(uids.map((uid) => uid.replace(/-part-\d+@/, '@'))).size).toBe(
      a.visits.length + b.visits.length,
    );
  });
});

describe('leaf areas without a centroid', () => {
  // A district (no centroid, as the bundled districts) of four communes; Xã C has none either.
  const districtOf = (located: { a: boolean; b: boolean; c: boolean }) => ({
    areas: [
      { code: 'D', name: 'Huyện Thử' },
      {
        code: 'a',
        name: 'Xã A',
        parentCode: 'D',
        eligible: 400,
        ...(located.a ? { location: { latitude: 12.3, longitude: 107.6 } } : {}),
      },
      {
        code: 'b',
        name: 'Xã B',
        parentCode: 'D',
        eligible: 400,
        ...(located.b ? { location: { latitude: 12.5, longitude: 107.8 } } : {}),
      },
      {
        code: 'c',
        name: 'Xã C',
        parentCode: 'D',
        eligible: 400,
        ...(located.c ? { location: { latitude: 12.4, longitude: 107.7 } } : {}),
      },
    ],
    calendar: { start: '2021-03-22', deadline: '2021-04-30', timeZone: 'Asia/Ho_Chi_Minh' },
    hours: { open: '07:00', close: '19:00' },
    service: { minutesPerDossier: 3.5 },
  });
  const MOBILE = `query ($input: CampaignInput!) { whatIf(input: $input, areaCode: "D") { ... on CampaignPlan {
    mobileTeams(teams: [{ id: "T", machines: 2 }]) {
      __typename
      ... on MobileTeamsPlan { notes teams { visits { communeCode dossiers } } }
      ... on InputError { field message }
    }
  } } }`;
  type Mobile = {
    whatIf: {
      mobileTeams: {
        __typename: string;
        notes?: string[];
        teams?: { visits: { communeCode: string; dossiers: number }[] }[];
        field?: string;
        message?: string;
      };
    };
  };

  it('places a commune without one at the centre of its district’s communes that have one, and says so', async () => {
    const { whatIf } = await data<Mobile>(MOBILE, { input: districtOf({ a: true, b: true, c: false }) });
    expect(whatIf.mobileTeams.__typename).toBe('MobileTeamsPlan');
    expect(whatIf.mobileTeams.notes).toContain(
      'c (Xã C) has no centroid: placed at the centre of the leaf areas under D (Huyện Thử) that have one (no area above it has one)',
    );
    const visits = whatIf.mobileTeams.teams?.flatMap((team) => team.visits) ?? [];
    // 400 eligible in each commune, all of them come (no turnout given): 1,200 dossiers.
    expect(visits.reduce((sum, visit) => sum + visit.dossiers, 0)).toBe(1200);
    expect(new Set(visits.map((visit) => visit.communeCode))).toEqual(new Set(['a', 'b', 'c']));
  });

  it('refuses the teams when no leaf and no area above has one, naming the area, the leaf and the figure it lacks', async () => {
    const { whatIf } = await data<Mobile>(MOBILE, { input: districtOf({ a: false, b: false, c: false }) });
    expect(whatIf.mobileTeams).toEqual({
      __typename: 'InputError',
      field: 'areaCode',
      message:
        'areaCode must be an area whose leaf areas can be placed for the teams’ drives: a (Xã A) has no centroid (latitude and longitude), nor has any area above it or any leaf area near it, got "D"',
    });
  });
});

/** The ISO date after `date`. */
function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The ISO date before `date`. */
function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
