import { beforeAll, describe, expect, it } from 'vitest';
import { data, gql, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

type Roster = {
  crewsPerTeam: number;
  hoursPerDay: number;
  standDownDates: string[];
  days: { date: string; crew: string }[];
};
type Day = { date: string; dossiers: number; workHours: number };
type Visits = { teamCode: string; crews: Roster; visits: { dossiersPerDay: Day[] }[] };

const ROSTER = 'crews { crewsPerTeam hoursPerDay standDownDates days { date crew } }';

/** Days from 15 March 2021, the Đắk Nông scenario's first (open every day). */
const march = (...days: number[]): string[] => days.map((d) => `2021-03-${String(d).padStart(2, '0')}`);

describe('mobile teams with different crews', () => {
  beforeAll(async () => {
    // Đắk Song (665) has the seed's DN-DAK-SONG-MOBILE, two crews by default; a second team of one crew joins it.
    const made = await gql<{ createTeam: { __typename: string } }>(
      `mutation { createTeam(input: { code: "DN-DAK-SONG-2", name: "Đắk Song, second team", kind: MOBILE, homeAreaCode: "665", machines: 2, crews: 1 }) {
        __typename
      } }`,
    );
    expect(made.data?.createTeam.__typename).toBe('Team');
  });

  it('plans each stored team on its own roster: Team.visits fall only on its crews’ days, within their hours', async () => {
    const result = await data<{ teams: { code: string; crews: number; visits: Visits }[] }>(
      `{ teams(homeAreaCode: "665") { code crews visits(scenarioId: "dak-nong-2021") {
        ... on TeamVisits { teamCode ${ROSTER} visits { dossiersPerDay { date dossiers workHours } } }
      } } }`,
    );
    const byCode = new Map(result.teams.map((t) => [t.code, t]));
    const one = byCode.get('DN-DAK-SONG-2');
    const two = byCode.get('DN-DAK-SONG-MOBILE');
    if (one === undefined || two === undefined) throw new Error(JSON.stringify(result.teams));
    expect([one.crews, two.crews]).toEqual([1, 2]);
    // By hand: the scenario's 05:00–24:00 is 19 h, cut to 24 − 11 h of rest = 13 h a crew's day;
    // 48 h in any 7 days is 3 such days a crew. One crew: 15–17 March on, 18–21 off, 22–24 on,
    // 25–28 off. Two crews by turns: 6 days in 7, off on 21 and 28 March.
    for (const team of [one, two]) {
      expect(team.visits.crews.crewsPerTeam).toBe(team.crews);
      expect(team.visits.crews.hoursPerDay).toBe(13);
    }
    const inMarch = (dates: string[]) => dates.filter((d) => d <= '2021-03-28');
    expect(inMarch(one.visits.crews.days.map((d) => d.date))).toEqual(march(15, 16, 17, 22, 23, 24));
    expect(inMarch(one.visits.crews.standDownDates)).toEqual(march(18, 19, 20, 21, 25, 26, 27, 28));
    expect(inMarch(two.visits.crews.standDownDates)).toEqual(march(21, 28));
    // Each team's visits agree with its own roster day by day.
    for (const team of [one, two]) {
      const worked = new Set(team.visits.crews.days.map((d) => d.date));
      const hoursOn = new Map<string, number>();
      for (const day of team.visits.visits.flatMap((v) => v.dossiersPerDay)) {
        expect(worked.has(day.date)).toBe(true);
        hoursOn.set(day.date, (hoursOn.get(day.date) ?? 0) + day.workHours);
      }
      for (const hours of hoursOn.values()) expect(hours).toBeLessThanOrEqual(13 + 1e-9);
    }
    // So their calendars differ: the one-crew team works none of 18–21 March, the other does.
    const daysOf = (team: typeof one) =>
      new Set(team.visits.visits.flatMap((v) => v.dossiersPerDay.map((d) => d.date)));
    for (const date of march(18, 19, 20, 21)) expect(daysOf(one).has(date)).toBe(false);
    expect(daysOf(two).has('2021-03-18')).toBe(true);
  });

  it('gives the stored teams their own crews in the combined plan too, whatever the other’s', async () => {
    const result = await data<{
      plan: { sitesAndTeams: { mobile: { teams: { team: string; crews: Roster }[] } } };
    }>(
      `{ plan(scenarioId: "dak-nong-2021", areaCode: "665") { ... on CampaignPlan {
        sitesAndTeams { ... on SitesAndTeamsPlan { mobile { teams { team ${ROSTER} } } } }
      } } }`,
    );
    const teams = result.plan.sitesAndTeams.mobile.teams;
    expect(teams.map((t) => [t.team, t.crews.crewsPerTeam])).toEqual([
      ['DN-DAK-SONG-2', 1],
      ['DN-DAK-SONG-MOBILE', 2],
    ]);
  });

  it('plans every stored team with the crews a planner asks of the combined plan, as a what-if', async () => {
    const result = await data<{
      plan: { sitesAndTeams: { mobile: { teams: { team: string; crews: Roster }[] } } };
    }>(
      `{ plan(scenarioId: "dak-nong-2021", areaCode: "665") { ... on CampaignPlan {
        sitesAndTeams(crewsPerTeam: 3) { ... on SitesAndTeamsPlan { mobile { teams { team ${ROSTER} } } } }
      } } }`,
    );
    const teams = result.plan.sitesAndTeams.mobile.teams;
    expect(teams.map((t) => [t.team, t.crews.crewsPerTeam])).toEqual([
      ['DN-DAK-SONG-2', 3],
      ['DN-DAK-SONG-MOBILE', 3],
    ]);
    // By hand: three crews of 3 days in 7 cover every day, so no day is stood down in March.
    for (const team of teams) expect(team.crews.standDownDates.filter((d) => d <= '2021-03-31')).toEqual([]);
    const stored = await data<{ teams: { code: string; crews: number }[] }>(
      '{ teams(homeAreaCode: "665") { code crews } }',
    );
    expect(stored.teams.map((t) => t.crews)).toEqual([1, 2]);
  });

  it('refuses a crewsPerTeam out of range for the stored teams, naming crewsPerTeam', async () => {
    const result = await gql<{ plan: { sitesAndTeams: { __typename: string; field?: string } } }>(
      `{ plan(scenarioId: "dak-nong-2021", areaCode: "665") { ... on CampaignPlan {
        sitesAndTeams(crewsPerTeam: 0) { __typename ... on InputError { field } }
      } } }`,
    );
    expect(result.data?.plan.sitesAndTeams).toEqual({ __typename: 'InputError', field: 'crewsPerTeam' });
  });

  it('refuses a team’s crews out of range, naming the team’s field', async () => {
    const result = await gql<{ plan: { mobileTeams: { __typename: string; field?: string } } }>(
      `{ plan(scenarioId: "dak-nong-2021", areaCode: "665") { ... on CampaignPlan {
        mobileTeams(teams: [{ id: "a", machines: 2, crews: 0 }]) { __typename ... on InputError { field } }
      } } }`,
    );
    expect(result.data?.plan.mobileTeams).toEqual({ __typename: 'InputError', field: 'teams[0].crews' });
  });
});
