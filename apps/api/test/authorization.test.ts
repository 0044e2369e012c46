// The authorisation matrix: every caller × every query and mutation × inside and outside its
// scope, each cell written out by hand from the rules in the README (Who may do what) (not computed by the code
// under test). A refused mutation must also leave the database as it was.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCENARIO_IDS } from '../src/data/seed-demo.ts';
import { data, database, type GraphQLResponse, gql, tokenFor, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

// Areas of the demo: Đắk Nông (67) ⊃ Đắk Song (665) ⊃ communes; Đắk Glong (661) is another
// district of Đắk Nông; Nghệ An (40) ⊃ Hưng Nguyên (18001's district).
const CALLERS = [
  'anonymous',
  'admin',
  'plannerDakNong',
  'plannerDakSong',
  'reporterDakSong',
  'reporterHungNguyen',
] as const;
type Caller = (typeof CALLERS)[number];

const tokens = new Map<Caller, string | null>();
beforeAll(async () => {
  tokens.set('anonymous', null);
  tokens.set('admin', await tokenFor({ role: 'ADMIN', name: 'matrix admin' }));
  tokens.set(
    'plannerDakNong',
    await tokenFor({ role: 'PLANNER', name: 'matrix planner 67', areaCode: '67' }),
  );
  tokens.set(
    'plannerDakSong',
    await tokenFor({ role: 'PLANNER', name: 'matrix planner 665', areaCode: '665' }),
  );
  tokens.set(
    'reporterDakSong',
    await tokenFor({ role: 'REPORTER', name: 'matrix reporter DS', teamCode: 'DN-DAK-SONG-MOBILE' }),
  );
  tokens.set(
    'reporterHungNguyen',
    await tokenFor({ role: 'REPORTER', name: 'matrix reporter HN', teamCode: 'NA-HUNG-NGUYEN' }),
  );
});

const scenarioInput = (areaCode: string) => ({
  name: `matrix scenario for ${areaCode}`,
  areaCode,
  calendar: { start: '2021-03-20', deadline: '2021-04-30' },
  hours: { open: '05:00', close: '24:00' },
  service: { minutesPerDossier: 3.5 },
});

let reportDay = 0;
/** A report on a day no other cell uses, so an allowed call always writes something new. */
const report = (areaCode: string, teamCode: string | null) => {
  reportDay += 1;
  const date = new Date(Date.UTC(2021, 5, 1) + reportDay * 86_400_000).toISOString().slice(0, 10);
  return { date, areaCode, dossiers: 100 + reportDay, ...(teamCode ? { teamCode } : {}) };
};

type Cell = {
  /** The Query or Mutation field the operation exercises. */
  field: string;
  what: string;
  query: string;
  variables?: () => Record<string, unknown>;
  allowed: readonly Caller[];
  /** A mutation that changes nothing when allowed (importing areas already there). */
  idempotent?: boolean;
};

const everyone: readonly Caller[] = CALLERS;
const signedIn: readonly Caller[] = CALLERS.filter((c) => c !== 'anonymous');
const seesDakSong: readonly Caller[] = ['admin', 'plannerDakNong', 'plannerDakSong', 'reporterDakSong'];

const MATRIX: Cell[] = [
  { field: 'viewer', what: 'who am I', query: '{ viewer { name } }', allowed: everyone },
  {
    field: 'area',
    what: 'names and codes',
    query: '{ area(code: "665") { code name level parent { code } } }',
    allowed: everyone,
  },
  {
    field: 'area',
    what: 'population figures',
    query: '{ area(code: "665") { population eligible } }',
    allowed: signedIn,
  },
  {
    field: 'areas',
    what: 'the tree',
    query: '{ areas(roots: true) { edges { node { code name childCount } } } }',
    allowed: everyone,
  },
  { field: 'scenarios', what: 'list', query: '{ scenarios { id } }', allowed: signedIn },
  {
    field: 'scenario',
    what: 'Đắk Nông scenario (province above Đắk Song)',
    query: `{ scenario(id: "${DEMO_SCENARIO_IDS.dakNong}") { id } }`,
    allowed: seesDakSong,
  },
  {
    field: 'scenario',
    what: 'Nghệ An scenario',
    query: `{ scenario(id: "${DEMO_SCENARIO_IDS.ngheAn}") { id } }`,
    allowed: ['admin', 'reporterHungNguyen'],
  },
  { field: 'teams', what: 'teams one sees', query: '{ teams { code } }', allowed: signedIn },
  {
    field: 'teams',
    what: 'teams of Đắk Song',
    query: '{ teams(homeAreaCode: "665") { code } }',
    allowed: seesDakSong,
  },
  {
    field: 'actualReports',
    what: 'reports of Đắk Song',
    query: '{ actualReports(areaCode: "665") { __typename } }',
    allowed: seesDakSong,
  },
  {
    field: 'actualReports',
    what: 'reports of the whole province',
    query: '{ actualReports(areaCode: "67") { __typename } }',
    allowed: ['admin', 'plannerDakNong'],
  },
  {
    field: 'plan',
    what: 'plan of Đắk Song',
    query: `{ plan(scenarioId: "${DEMO_SCENARIO_IDS.dakNong}", areaCode: "665") { __typename } }`,
    allowed: seesDakSong,
  },
  {
    field: 'plan',
    what: 'plan of the province',
    query: `{ plan(scenarioId: "${DEMO_SCENARIO_IDS.dakNong}", areaCode: "67") { __typename } }`,
    allowed: ['admin', 'plannerDakNong'],
  },
  {
    field: 'planVsActual',
    what: 'Đắk Song',
    query: `{ planVsActual(scenarioId: "${DEMO_SCENARIO_IDS.dakNong}", areaCode: "665") { __typename } }`,
    allowed: seesDakSong,
  },
  {
    field: 'planVsActual',
    what: 'Nghệ An',
    query: `{ planVsActual(scenarioId: "${DEMO_SCENARIO_IDS.ngheAn}", areaCode: "40") { __typename } }`,
    allowed: ['admin'],
  },
  {
    field: 'whatIf',
    what: 'inline plan',
    query: `query ($input: CampaignInput!) { whatIf(input: $input) { __typename } }`,
    variables: () => ({
      input: {
        areas: [{ code: 'x', name: 'X', population: 9660, eligibleShare: 0.75 }],
        calendar: { start: '2021-03-19', deadline: '2021-03-31' },
        hours: { open: '07:30', close: '22:00' },
        service: { minutesPerDossier: 3.5 },
      },
    }),
    allowed: ['admin', 'plannerDakNong', 'plannerDakSong'],
  },
  {
    field: 'createScenario',
    what: 'in Đắk Song',
    query: 'mutation ($input: ScenarioInput!) { createScenario(input: $input) { __typename } }',
    variables: () => ({ input: scenarioInput('665') }),
    allowed: ['admin', 'plannerDakNong', 'plannerDakSong'],
  },
  {
    field: 'createScenario',
    what: 'in Nghệ An',
    query: 'mutation ($input: ScenarioInput!) { createScenario(input: $input) { __typename } }',
    variables: () => ({ input: scenarioInput('40') }),
    allowed: ['admin'],
  },
  {
    field: 'updateScenario',
    what: 'the Đắk Nông scenario (rooted at the province)',
    query: `mutation ($note: String) { updateScenario(id: "${DEMO_SCENARIO_IDS.dakNong}", input: { note: $note }) { __typename } }`,
    variables: () => ({ note: `matrix ${Math.random()}` }),
    allowed: ['admin', 'plannerDakNong'],
  },
  {
    field: 'importAreas',
    what: 'the demo areas again',
    query: 'mutation { importAreas(dataset: DEMO) { total } }',
    allowed: ['admin'],
    idempotent: true,
  },
  {
    field: 'recordActuals',
    what: "Đắk Song's mobile team in a Đắk Song commune",
    query: 'mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) { __typename } }',
    variables: () => ({ reports: [report('24718', 'DN-DAK-SONG-MOBILE')] }),
    allowed: ['admin', 'reporterDakSong'],
  },
  {
    field: 'recordActuals',
    what: "Đắk Song's mobile team in Đắk Glong",
    query: 'mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) { __typename } }',
    variables: () => ({ reports: [report('661', 'DN-DAK-SONG-MOBILE')] }),
    allowed: ['admin'],
  },
  {
    field: 'recordActuals',
    what: 'another team in Đắk Song',
    query: 'mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) { __typename } }',
    variables: () => ({ reports: [report('665', 'DN-DAK-GLONG-MOBILE')] }),
    allowed: ['admin'],
  },
];

/** Rows whose count any accepted mutation changes. */
async function snapshot(): Promise<number[]> {
  const p = database.prisma;
  return Promise.all([
    p.scenario.count(),
    p.scenarioMachines.count(),
    p.actualReport.count(),
    p.actualReportRevision.count(),
    p.area.count(),
    p.scenario
      .findUnique({ where: { id: DEMO_SCENARIO_IDS.dakNong } })
      .then((s) => s?.updatedAt.getTime() ?? 0),
  ]);
}

function refusalCodes(result: GraphQLResponse): string[] {
  return (result.errors ?? []).map((error) => String(error.extensions?.code));
}

describe('the authorisation matrix', () => {
  it('covers every query and mutation of the schema', async () => {
    type Field = { name: string };
    const schema = await data<{
      __schema: { queryType: { fields: Field[] }; mutationType: { fields: Field[] } };
    }>('{ __schema { queryType { fields { name } } mutationType { fields { name } } } }');
    const fields = [...schema.__schema.queryType.fields, ...schema.__schema.mutationType.fields].map(
      (f) => f.name,
    );
    expect(new Set(MATRIX.map((cell) => cell.field))).toEqual(new Set(fields));
  });

  for (const cell of MATRIX) {
    for (const caller of CALLERS) {
      const allowed = cell.allowed.includes(caller);
      it(`${cell.field} (${cell.what}) for ${caller}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        const mutation = cell.query.startsWith('mutation');
        const before = mutation ? await snapshot() : [];
        const result = await gql(cell.query, cell.variables?.() ?? {}, { token: tokens.get(caller) ?? null });
        const codes = refusalCodes(result);
        if (allowed) {
          expect(codes).toEqual([]);
          expect(result.data).toBeTruthy();
          const payload = Object.values(result.data ?? {})[0] as { __typename?: string } | null;
          expect(payload?.__typename ?? 'data').not.toMatch(/Error$/);
          if (mutation && !cell.idempotent) expect(await snapshot()).not.toEqual(before);
        } else {
          expect(codes.length).toBeGreaterThan(0);
          expect(new Set(codes)).toEqual(new Set([caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN']));
          if (mutation) expect(await snapshot()).toEqual(before);
        }
      });
    }
  }
});

describe('filtered lists', () => {
  it('shows a district planner the scenarios over its district and the teams inside it, and nothing of another province', async () => {
    const token = tokens.get('plannerDakSong') ?? null;
    const seen = await data<{ scenarios: { id: string }[]; teams: { code: string }[] }>(
      '{ scenarios { id } teams { code } }',
      {},
      { token },
    );
    expect(seen.scenarios.map((s) => s.id)).toContain(DEMO_SCENARIO_IDS.dakNong);
    expect(seen.scenarios.map((s) => s.id)).not.toContain(DEMO_SCENARIO_IDS.ngheAn);
    expect(seen.teams.map((t) => t.code)).toEqual(['DN-DAK-SONG-MOBILE']);
  });

  it('lists for a reporter only the reports of its area', async () => {
    const token = tokens.get('reporterHungNguyen') ?? null;
    const result = await data<{ actualReports: { edges: { node: { areaCode: string } }[] } }>(
      '{ actualReports(first: 500) { ... on QueryActualReportsConnection { edges { node { areaCode } } } } }',
      {},
      { token },
    );
    // Nghệ An's areas, read from the tree by parent links, not by the path the service filters on.
    const ngheAn = new Set(['40']);
    for (let depth = 0; depth < 3; depth += 1) {
      const children = await database.prisma.area.findMany({ where: { parentCode: { in: [...ngheAn] } } });
      for (const child of children) ngheAn.add(child.code);
    }
    const all = await database.prisma.actualReport.findMany({ select: { areaCode: true } });
    const expected = all.filter((r) => ngheAn.has(r.areaCode)).length;
    expect(all.length).toBeGreaterThan(expected);
    expect(result.actualReports.edges.length).toBe(expected);
    for (const edge of result.actualReports.edges) expect(ngheAn.has(edge.node.areaCode)).toBe(true);
  });
});

describe('tokens', () => {
  it('refuses an unknown or revoked token outright rather than treating the caller as anonymous', async () => {
    const unknown = await gql('{ area(code: "665") { name } }', {}, { token: 'mst_not-a-token' });
    expect(refusalCodes(unknown)).toEqual(['UNAUTHENTICATED']);
    const token = await tokenFor({ role: 'PLANNER', name: 'to be revoked', areaCode: '665' });
    expect((await data<{ viewer: { name: string } }>('{ viewer { name } }', {}, { token })).viewer.name).toBe(
      'to be revoked',
    );
    await database.prisma.apiToken.updateMany({
      where: { name: 'to be revoked' },
      data: { revokedAt: new Date() },
    });
    expect(refusalCodes(await gql('{ viewer { name } }', {}, { token }))).toEqual(['UNAUTHENTICATED']);
  });

  it('names the caller of a request in one SQL statement (the token and its area together)', async () => {
    const token = tokens.get('plannerDakSong') ?? null;
    let statements = 0;
    const stop = database.onQuery(() => {
      statements += 1;
    });
    const seen = await data<{ viewer: { areaCode: string } }>('{ viewer { areaCode } }', {}, { token });
    stop();
    expect(seen.viewer.areaCode).toBe('665');
    expect(statements).toBe(1);
  });

  it('records who wrote each version, and the correction history keeps it', async () => {
    const reporter = tokens.get('reporterDakSong') ?? null;
    const admin = tokens.get('admin') ?? null;
    const RECORD = `mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) {
      ... on RecordActualsPayload { reports { report { version recordedBy teamCode history { version recordedBy } } } } } }`;
    const sent = { date: '2021-07-01', areaCode: '24718', dossiers: 300 };
    await data(RECORD, { reports: [sent] }, { token: reporter });
    const corrected = await data<{
      recordActuals: {
        reports: { report: { version: number; recordedBy: string; teamCode: string; history: unknown[] } }[];
      };
    }>(RECORD, { reports: [{ ...sent, teamCode: 'DN-DAK-SONG-MOBILE', dossiers: 310 }] }, { token: admin });
    expect(corrected.recordActuals.reports[0]?.report).toEqual({
      version: 2,
      recordedBy: 'matrix admin',
      // The reporter sent no team: its own was recorded.
      teamCode: 'DN-DAK-SONG-MOBILE',
      history: [{ version: 1, recordedBy: 'matrix reporter DS' }],
    });
  });
});
