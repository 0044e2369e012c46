import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { yoga } from '../src/yoga.ts';
import { sseResults, subscriptionRequest } from './_sse.ts';
import { data, database, gql, tokenFor, upload, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

/** The seat of each of Đắk Nông's eight districts (2021 codes), 3 of the province's 24 machines each. */
const SEATS = ['24612', '24631', '24640', '24664', '24688', '24717', '24733', '24739'];
const SITES = SEATS.map((communeId) => ({ id: `site-${communeId}`, communeId, machines: 3 }));
const TEAMS = Array.from({ length: 10 }, (_, i) => ({ id: `M${i + 1}`, machines: 2 }));

type Split = {
  communeCode: string;
  servedBy: string;
  siteId: string | null;
  reason: string;
  nearestSiteHours: number | null;
  expectedDossiers: number;
  demand: number;
};
type Combined = {
  __typename: string;
  onTime: boolean;
  completionDate: string;
  gapToLowerBound: number;
  sites: { id: string; machines: number; communeCodes: string[] }[];
  communes: Split[];
  mobile: {
    teams: { team: string; visits: { communeCode: string; dossiers: number }[] }[];
    crews: { hoursPerDay: number; standDownDates: string[] };
  } | null;
  notes: string[];
};

const COMBINED = `__typename
  ... on SitesAndTeamsPlan {
    onTime completionDate gapToLowerBound notes
    sites { id machines communeCodes }
    communes { communeCode servedBy siteId reason nearestSiteHours expectedDossiers demand }
    mobile { teams { team visits { communeCode dossiers } } crews { hoursPerDay standDownDates } }
  }
  ... on Error { message }
  ... on InputError { field }`;

const VARIABLE_TYPES: Record<string, string> = {
  sites: '[EnrollmentSiteInput!]',
  teams: '[MobileTeamInput!]',
};

async function combined(args: string, variables: Record<string, unknown> = {}, areaCode = '67') {
  const declared = Object.keys(variables)
    .map((name) => `, $${name}: ${VARIABLE_TYPES[name]}`)
    .join('');
  const result = await data<{ plan: { sitesAndTeams: Combined } }>(
    `query ($areaCode: String!${declared}) {
      plan(scenarioId: "dak-nong-2021", areaCode: $areaCode) { ... on CampaignPlan {
        sitesAndTeams(${args}) { ${COMBINED} }
      } }
    }`,
    { areaCode, ...variables },
  );
  return result.plan.sitesAndTeams;
}

describe('CampaignPlan.sitesAndTeams', () => {
  it('splits Đắk Nông between its 24 machines at the district seats and 10 mobile teams, each commune once', async () => {
    const plan = await combined('sites: $sites, teams: $teams', { sites: SITES, teams: TEAMS });
    expect(plan.__typename).toBe('SitesAndTeamsPlan');
    expect(plan.sites.reduce((sum, s) => sum + s.machines, 0)).toBe(24);
    expect(plan.communes).toHaveLength(71);
    const atSites = plan.sites.flatMap((s) => s.communeCodes);
    const visited = new Set(plan.mobile?.teams.flatMap((t) => t.visits.map((v) => v.communeCode)));
    for (const c of plan.communes) {
      if (c.servedBy === 'fixed-site') {
        expect(atSites.filter((code) => code === c.communeCode)).toHaveLength(1);
        expect(visited.has(c.communeCode)).toBe(false);
      } else {
        expect(atSites).not.toContain(c.communeCode);
        expect(visited.has(c.communeCode)).toBe(true);
        expect(c.expectedDossiers).toBe(c.demand);
      }
      if (c.reason === 'BEYOND_REACH') expect(c.nearestSiteHours).toBeGreaterThan(1);
    }
    for (const seat of SEATS)
      expect(plan.communes.find((c) => c.communeCode === seat)?.reason).toBe('SITE_COMMUNE');
    // The teams' default window, 07:00–19:00: 12 h, within the 13 h the 11 h rest leaves, so two
    // crews by turns (each at most 4 days of 12 h in 7) cover every day.
    expect(plan.mobile?.crews.hoursPerDay).toBe(12);
    expect(plan.mobile?.crews.standDownDates).toEqual([]);
  });

  it('plans the stored MOBILE teams when none are given, and leaves from the centre of a base without a centroid, saying so', async () => {
    const plan = await combined('homeAreaCode: "661"');
    expect(plan.__typename).toBe('SitesAndTeamsPlan');
    // No FIXED team in Đắk Nông: no site; the two MOBILE teams of the seed visit every commune.
    expect(plan.sites).toEqual([]);
    expect(plan.mobile?.teams.map((t) => t.team)).toEqual(['DN-DAK-GLONG-MOBILE', 'DN-DAK-SONG-MOBILE']);
    expect(plan.notes).toContain('661 has no centroid: the teams leave from the centre of its communes');
  });

  it('drives through Gia Nghĩa’s wards as urban terrain and Đắk Glong’s sparse communes as mountain, from the stored areas', async () => {
    const result = await data<{
      plan: { sitesAndTeams: { communes: { communeCode: string; terrain: string }[] } };
    }>(
      `query ($sites: [EnrollmentSiteInput!], $teams: [MobileTeamInput!]) {
        plan(scenarioId: "dak-nong-2021", areaCode: "67") { ... on CampaignPlan {
          sitesAndTeams(sites: $sites, teams: $teams) { ... on SitesAndTeamsPlan { communes { communeCode terrain } } }
        } }
      }`,
      { sites: SITES, teams: TEAMS },
    );
    const terrain = new Map(result.plan.sitesAndTeams.communes.map((c) => [c.communeCode, c.terrain]));
    // demo_nghean_daknong_2021.csv: Gia Nghĩa's six wards (phường), urban terrain by the planning
    // library's rule for a ward (Quảng Thành too, though its census counts none of its people
    // urban); every commune was upland when the areas carried nothing.
    for (const ward of ['24611', '24612', '24614', '24615', '24617', '24619'])
      expect(terrain.get(ward)).toBe('urban');
    // Xã Đắk Plao, Đắk Glong: 3,096 people on 229.2 km², 13.5 a km², under the 60 of mountain terrain.
    expect(terrain.get('24634')).toBe('mountain');
  });

  it('refuses a site in a commune outside the area, naming the argument', async () => {
    const plan = await combined('sites: $sites, teams: $teams', {
      sites: [{ id: 'x', communeId: '18001', machines: 2 }],
      teams: TEAMS,
    });
    expect(plan).toMatchObject({ __typename: 'InputError', field: 'sites[0].communeId' });
  });
});

describe('CampaignPlan.mobileTeams from a base without a centroid', () => {
  it('leaves from the centre of the base’s communes, as Team.visits does, instead of refusing', async () => {
    const result = await data<{ plan: { mobileTeams: { __typename: string; notes?: string[] } } }>(
      `{ plan(scenarioId: "dak-nong-2021", areaCode: "661") { ... on CampaignPlan {
        mobileTeams(teams: [{ id: "T", machines: 2 }], homeAreaCode: "661") {
          __typename ... on MobileTeamsPlan { notes } ... on Error { message }
        }
      } } }`,
    );
    expect(result.plan.mobileTeams.__typename).toBe('MobileTeamsPlan');
    expect(result.plan.mobileTeams.notes).toContain(
      '661 has no centroid: the teams leave from the centre of its communes',
    );
  });
});

describe('CampaignPlan.mobileTeamsNeeded', () => {
  it('answers the fewest teams of 2 machines beside the seats’ 24 machines, with their plan on time', async () => {
    const result = await data<{
      plan: {
        mobileTeamsNeeded: {
          __typename: string;
          teams: number;
          plan: { onTime: boolean; communes: Split[] };
        };
      };
    }>(
      `query ($sites: [EnrollmentSiteInput!]) { plan(scenarioId: "dak-nong-2021", areaCode: "67") { ... on CampaignPlan {
        mobileTeamsNeeded(machinesPerTeam: 2, sites: $sites) {
          __typename ... on MobileTeamsNeeded { teams plan { onTime communes { communeCode reason servedBy siteId nearestSiteHours expectedDossiers demand } } }
          ... on Error { message }
        }
      } } }`,
      { sites: SITES },
    );
    const need = result.plan.mobileTeamsNeeded;
    expect(need.__typename).toBe('MobileTeamsNeeded');
    // Communes more than an hour from every seat need a visit: at least one team.
    expect(need.teams).toBeGreaterThanOrEqual(1);
    expect(need.plan.onTime).toBe(true);
    expect(need.plan.communes.some((c) => c.reason === 'NO_TEAM')).toBe(false);
  });
});

describe('teams created, edited and retired', () => {
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    tokens.glong = await tokenFor({ role: 'PLANNER', name: 'Đắk Glong planner', areaCode: '661' });
    tokens.song = await tokenFor({ role: 'PLANNER', name: 'Đắk Song planner', areaCode: '665' });
    tokens.reporter = await tokenFor({
      role: 'REPORTER',
      name: 'team reporter',
      teamCode: 'DN-DAK-SONG-MOBILE',
    });
  });
  const create = (code: string, homeAreaCode: string, token?: string) =>
    gql<{ createTeam: { __typename: string; code?: string; crews?: number } }>(
      `mutation ($input: TeamInput!) { createTeam(input: $input) {
        __typename ... on Team { code crews } ... on Error { message }
      } }`,
      { input: { code, name: code, kind: 'MOBILE', homeAreaCode, machines: 2, crews: 3 } },
      token === undefined ? {} : { token },
    );

  it('lets a planner create, edit and retire a team of their area, and no one else', async () => {
    const made = await create('DN-GLONG-2', '661', tokens.glong);
    expect(made.data?.createTeam).toMatchObject({ __typename: 'Team', code: 'DN-GLONG-2', crews: 3 });
    // Another district's planner, and a reporter, may not.
    expect((await create('DN-GLONG-3', '661', tokens.song)).data?.createTeam.__typename).toBe(
      'ForbiddenError',
    );
    expect((await create('DN-GLONG-4', '661', tokens.reporter)).data?.createTeam.__typename).toBe(
      'ForbiddenError',
    );
    const edit = (token: string) =>
      gql<{ updateTeam: { __typename: string; machines?: number; crews?: number } }>(
        `mutation { updateTeam(code: "DN-GLONG-2", input: { machines: 3, crews: 1 }) {
          __typename ... on Team { machines crews }
        } }`,
        {},
        { token },
      );
    expect((await edit(tokens.song as string)).data?.updateTeam.__typename).toBe('ForbiddenError');
    expect((await edit(tokens.glong as string)).data?.updateTeam).toEqual({
      __typename: 'Team',
      machines: 3,
      crews: 1,
    });
    // Its area's teams now include it, planned on the days one crew may work.
    const listed = await data<{ teams: { code: string }[] }>('{ teams(homeAreaCode: "661") { code } }');
    expect(listed.teams.map((t) => t.code)).toContain('DN-GLONG-2');
    const retire = (token: string) =>
      gql<{ retireTeam: { __typename: string } }>(
        'mutation { retireTeam(code: "DN-GLONG-2") { __typename } }',
        {},
        { token },
      );
    expect((await retire(tokens.reporter as string)).data?.retireTeam.__typename).toBe('ForbiddenError');
    expect((await retire(tokens.glong as string)).data?.retireTeam.__typename).toBe('Team');
    const after = await data<{ teams: { code: string }[] }>('{ teams(homeAreaCode: "661") { code } }');
    expect(after.teams.map((t) => t.code)).not.toContain('DN-GLONG-2');
  });

  it('lets an admin create anywhere, and refuses bad counts and a code taken, naming the field', async () => {
    const made = await create('NA-NEW', '40');
    expect(made.data?.createTeam.__typename).toBe('Team');
    const again = await gql<{ createTeam: { __typename: string; field?: string; message?: string } }>(
      `mutation { createTeam(input: { code: "NA-NEW", name: "x", kind: FIXED, homeAreaCode: "40", machines: 1 }) {
        __typename ... on InputError { field message }
      } }`,
    );
    expect(again.data?.createTeam).toMatchObject({ __typename: 'InputError', field: 'input.code' });
    const bad = await gql<{ createTeam: { __typename: string; field?: string } }>(
      `mutation { createTeam(input: { code: "NA-BAD", name: "x", kind: MOBILE, homeAreaCode: "40", machines: 2, crews: 0 }) {
        __typename ... on InputError { field }
      } }`,
    );
    expect(bad.data?.createTeam).toEqual({ __typename: 'InputError', field: 'input.crews' });
    // An empty code could never report (a report's teamCode must not be empty); one with a space
    // at an end, or another's code in other letters' case, reads as another team's.
    for (const [code, name, field] of [
      ['', 'x', 'input.code'],
      [' NA-SPACED', 'x', 'input.code'],
      ['x'.repeat(65), 'x', 'input.code'],
      ['na-new', 'x', 'input.code'],
      ['NA-UNNAMED', '  ', 'input.name'],
    ]) {
      const refused = await gql<{ createTeam: { __typename: string; field?: string; message?: string } }>(
        `mutation ($code: String!, $name: String!) { createTeam(input: { code: $code, name: $name, kind: MOBILE, homeAreaCode: "40", machines: 2 }) {
          __typename ... on InputError { field message }
        } }`,
        { code, name },
      );
      expect(refused.data?.createTeam, JSON.stringify([code, name])).toMatchObject({
        __typename: 'InputError',
        field,
      });
      if (code === 'na-new') {
        expect(refused.data?.createTeam.message).toBe(
          again.data?.createTeam.message?.replace('NA-NEW', 'na-new'),
        );
      }
    }
    // Only the case is ignored: `_` and `%` are letters of a code like any other (not patterns).
    for (const code of ['NA_NEW', 'NA%']) {
      const made = await create(code, '40');
      expect(made.data?.createTeam, code).toMatchObject({ __typename: 'Team', code });
    }
    const missing = await gql<{ retireTeam: { __typename: string } }>(
      'mutation { retireTeam(code: "NO-SUCH-TEAM") { __typename } }',
    );
    expect(missing.data?.retireTeam.__typename).toBe('NotFoundError');
  });
});

describe('team codes alike but for their case, in a database that held such pairs before', () => {
  it('migrates without the case-blind index and still refuses a third code of the pair', async () => {
    const MIGRATION = new URL(
      '../../../prisma/migrations/20261130180000_team_code_any_case/migration.sql',
      import.meta.url,
    );
    const indexes = async () =>
      (
        await database.prisma.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_indexes
          WHERE indexname = 'Team_code_lower_key' AND schemaname = current_schema()`
      )[0]?.n;
    // As a database stood before the migration, with a pair the service took then.
    await database.exec('DROP INDEX "Team_code_lower_key"');
    const pair = ['PAIR-a', 'pair-A'];
    try {
      await database.prisma.team.createMany({
        data: pair.map((code) => ({
          code,
          name: code,
          kind: 'MOBILE' as const,
          homeAreaCode: '40',
          machines: 1,
        })),
      });
      await database.exec(readFileSync(MIGRATION, 'utf8'));
      expect(await indexes()).toBe(0);
      const third = await gql<{ createTeam: { __typename: string; field?: string } }>(
        `mutation { createTeam(input: { code: "Pair-A", name: "x", kind: FIXED, homeAreaCode: "40", machines: 1 }) {
          __typename ... on InputError { field } } }`,
      );
      expect(third.data?.createTeam).toEqual({ __typename: 'InputError', field: 'input.code' });
    } finally {
      await database.prisma.team.deleteMany({ where: { code: { in: [...pair, 'Pair-A'] } } });
      await database.exec(readFileSync(MIGRATION, 'utf8'));
    }
    expect(await indexes()).toBe(1);
  });
});

describe('a team code taken', () => {
  it('is checked only after the caller may create there, and says nothing of the team holding it', async () => {
    const song = await tokenFor({ role: 'PLANNER', name: 'Đắk Song planner, codes', areaCode: '665' });
    const create = (code: string, homeAreaCode: string) =>
      gql<{ createTeam: { __typename: string; field?: string; code?: string; message?: string } }>(
        `mutation ($input: TeamInput!) { createTeam(input: $input) {
          __typename ... on InputError { field code message } ... on ForbiddenError { message }
        } }`,
        { input: { code, name: code, kind: 'FIXED', homeAreaCode, machines: 1 } },
        { token: song },
      );
    // Đắk Glong's team, in an area the planner does not plan: refused for the area, not the code.
    expect((await create('DN-DAK-GLONG-MOBILE', '661')).data?.createTeam.__typename).toBe('ForbiddenError');
    expect((await create('DN-FREE-CODE', '661')).data?.createTeam.__typename).toBe('ForbiddenError');
    // In its own area, a code taken in Nghệ An is refused as taken, without where or by whom.
    const taken = (await create('NA-HUNG-NGUYEN', '665')).data?.createTeam;
    expect(taken).toMatchObject({ __typename: 'InputError', field: 'input.code', code: 'duplicate' });
    expect(taken?.message).not.toMatch(/Hưng Nguyên|\b40\b|Nghệ An/);
  });

  it('answers concurrent creates of one code with one team and the others refused as duplicate', async () => {
    const CONCURRENT = 8;
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        gql<{ createTeam: { __typename: string; field?: string; code?: string } }>(
          `mutation ($input: TeamInput!) { createTeam(input: $input) {
            __typename ... on InputError { field code }
          } }`,
          { input: { code: 'DN-RACE', name: `race ${i}`, kind: 'FIXED', homeAreaCode: '665', machines: 1 } },
        ),
      ),
    );
    expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
    const kinds = answers.map((answer) => answer.data?.createTeam);
    expect(kinds.filter((answer) => answer?.__typename === 'Team')).toHaveLength(1);
    expect(kinds.filter((answer) => answer?.__typename === 'InputError')).toEqual(
      Array.from({ length: CONCURRENT - 1 }, () => ({
        __typename: 'InputError',
        field: 'input.code',
        code: 'duplicate',
      })),
    );
    expect(await database.prisma.team.count({ where: { code: 'DN-RACE' } })).toBe(1);
  });
});

describe('a team moved to another home', () => {
  const controllers: AbortController[] = [];
  afterEach(() => {
    for (const controller of controllers.splice(0)) controller.abort();
  });
  const viewer = async (token: string) =>
    (await data<{ viewer: { areaCode: string | null } }>('{ viewer { areaCode } }', {}, { token })).viewer;
  const move = (to: string) =>
    gql<{
      updateTeam: {
        __typename: string;
        homeAreaCode?: string;
        field?: string;
        code?: string;
        message?: string;
      };
    }>(
      `mutation ($to: String!) { updateTeam(code: "DN-MOVING", input: { homeAreaCode: $to }) {
        __typename ... on Team { homeAreaCode } ... on InputError { field code message }
      } }`,
      { to },
    );

  it('takes its reporters’ tokens along, and is refused while a token is scoped inside the old home only', async () => {
    await data(
      `mutation { createTeam(input: { code: "DN-MOVING", name: "moving", kind: MOBILE, homeAreaCode: "661", machines: 1 }) { __typename } }`,
    );
    const commune = await database.prisma.area.findFirstOrThrow({ where: { parentCode: '661' } });
    const phone = await tokenFor({ role: 'REPORTER', name: 'moving phone', teamCode: 'DN-MOVING' });
    const communePhone = await tokenFor({
      role: 'REPORTER',
      name: 'moving commune phone',
      teamCode: 'DN-MOVING',
      areaCode: commune.code,
    });
    expect(await viewer(phone)).toEqual({ areaCode: '661' });
    // The phone follows its old district live.
    const controller = new AbortController();
    controllers.push(controller);
    const events = sseResults<{ actualsRecorded: { dossiers: number } }>(
      await yoga.fetch(
        'http://muster.test/graphql',
        subscriptionRequest(
          'subscription { actualsRecorded(areaCode: "661") { dossiers } }',
          phone,
          controller.signal,
        ),
      ),
    );

    // The commune's token would be left outside its team: refused, naming it, nothing moved.
    const refused = (await move('665')).data?.updateTeam;
    expect(refused).toMatchObject({
      __typename: 'InputError',
      field: 'input.homeAreaCode',
      code: 'conflict',
    });
    expect(refused?.message).toContain('"moving commune phone"');
    expect(await viewer(phone)).toEqual({ areaCode: '661' });
    expect(await viewer(communePhone)).toEqual({ areaCode: commune.code });

    await data(`mutation { revokeToken(name: "moving commune phone") { __typename } }`);
    expect((await move('665')).data?.updateTeam).toEqual({ __typename: 'Team', homeAreaCode: '665' });
    // The home's token moved with the team: it reports and sees in 665, no longer in 661.
    expect(await viewer(phone)).toEqual({ areaCode: '665' });
    const send = (areaCode: string) =>
      gql<{ recordActuals: { __typename: string } }>(
        `mutation ($areaCode: String!) { recordActuals(reports: [{ date: "2021-04-20", areaCode: $areaCode, dossiers: 2 }]) { __typename } }`,
        { areaCode },
        { token: phone },
      );
    expect((await send('665')).data?.recordActuals.__typename).toBe('RecordActualsPayload');
    expect((await send('661')).data?.recordActuals.__typename).toBe('ForbiddenError');
    // Its subscription to the old district ended when the token moved.
    const ended = await events.next();
    expect(ended.value?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await events.next()).done).toBe(true);
  });
});

// Last in the file: the village stays in Đắk Song's tree. Xã Đắk Môl (24718) keeps its 7,354
// people and 5,118 aged 14+ (data/vietnam/demo_nghean_daknong_2021.csv), split by hand into two
// villages: 7,000 and 354 people, 4,872 and 246 aged 14+; the second has no latitude or longitude.
describe('CampaignPlan.mobileTeamsNeeded over a village imported without a centroid', () => {
  it('says in the plan’s notes where the teams visit the village, as mobileTeams does', async () => {
    const imported = await upload<{ importAreas: { __typename: string; inserted?: number } }>(
      `mutation ($file: File) { importAreas(file: $file) { __typename ... on ImportAreasPayload { inserted } } }`,
      {},
      {
        file: {
          bytes: Buffer.from(
            'Mã địa bàn,Tên địa bàn,Mã cấp trên,Cấp,Dân số,Số người đủ tuổi,Vĩ độ,Kinh độ\n' +
              '99990031,Thôn Một,24718,thôn,7000,4872,12.34,107.70\n' +
              '99990032,Thôn Hai,24718,thôn,354,246,,\n',
            'utf8',
          ),
          name: 'dia-ban.csv',
        },
      },
    );
    expect(imported.body.data?.importAreas).toEqual({ __typename: 'ImportAreasPayload', inserted: 2 });
    const result = await data<{
      plan: { mobileTeamsNeeded: { __typename: string; message?: string; plan?: { notes: string[] } } };
    }>(
      `{ plan(scenarioId: "dak-nong-2021", areaCode: "665") { ... on CampaignPlan {
        mobileTeamsNeeded(machinesPerTeam: 2) {
          __typename ... on MobileTeamsNeeded { plan { notes } } ... on Error { message }
        }
      } } }`,
    );
    const need = result.plan.mobileTeamsNeeded;
    expect(need.__typename).toBe('MobileTeamsNeeded');
    expect(need.plan?.notes).toContain(
      '99990032 (Thôn Hai) has no centroid: placed at the centroid of 24718 (Xã Đắk Môl), the nearest area above it with one',
    );
  });
});
