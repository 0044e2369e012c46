// The authorisation matrix: every caller × every query and mutation × inside and outside its
// scope, each cell written out by hand from the rules in the README (Who may do what) (not computed by the code
// under test). A refused mutation must also leave the database as it was.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCENARIO_IDS } from '../src/data/seed-demo.ts';
import {
  data,
  database,
  type GraphQLResponse,
  gql,
  request,
  tokenFor,
  type UploadFile,
  upload,
  useDatabase,
} from './graphql.ts';

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

/** A report of Đắk Song's mobile team in one of its communes, stored for a cell to amend. */
async function storedReport(): Promise<string> {
  const { date, areaCode } = report('24718', null);
  const stored = await database.prisma.actualReport.create({
    data: { date, areaCode, teamCode: 'DN-DAK-SONG-MOBILE', teamKey: 'DN-DAK-SONG-MOBILE', dossiers: 10 },
  });
  return stored.id;
}

type Cell = {
  /** The Query or Mutation field the operation exercises. */
  field: string;
  what: string;
  query: string;
  variables?: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  allowed: readonly Caller[];
  /** A mutation that changes nothing when allowed (importing areas already there). */
  idempotent?: boolean;
  /**
   * Signed-in callers who do not see the scenario named: they are answered as if it did not exist
   * (NotFoundError, or null from `scenario`), never told it is elsewhere.
   */
  hiddenFrom?: readonly Caller[];
  hiddenAs?: 'NOT_FOUND' | 'NULL';
  /** Callers who may use the field but whose request is refused as bad input (InputError). */
  badInputFor?: readonly Caller[];
  /**
   * Callers who may import but not the file's rows: a SpreadsheetError naming each as a cell of code
   * `forbidden` (FORBIDDEN_ROWS), so that a file's other problems are named with them.
   */
  rowsForbiddenFor?: readonly Caller[];
  /** Files sent with the operation as a multipart request, by variable name. */
  files?: () => Record<string, UploadFile>;
};

let uploads = 0;
/** Teams made by the team cells, each with a code of its own. */
let teamsMade = 0;
/** A CSV file of a few lines, each upload's rows new (a day, an area code or a count of its own). */
const csvFile = (lines: string[]): UploadFile => ({
  bytes: new TextEncoder().encode(`${lines.join('\n')}\n`),
  name: `matrix-${uploads}.csv`,
});

/** A file of one report of `teamCode` in `areaCode`, on a day of its own. */
const reportFile = (areaCode: string, teamCode: string): Record<string, UploadFile> => {
  const { date, dossiers } = report(areaCode, null);
  return {
    file: csvFile(['Date,Area code,Team code,Dossiers', `${date},${areaCode},${teamCode},${dossiers}`]),
  };
};

const IMPORT_REPORTS =
  'mutation ($file: File!) { importReports(file: $file) { __typename ... on SpreadsheetError { issues { code } } } }';

const everyone: readonly Caller[] = CALLERS;
const signedIn: readonly Caller[] = CALLERS.filter((c) => c !== 'anonymous');
const seesDakSong: readonly Caller[] = ['admin', 'plannerDakNong', 'plannerDakSong', 'reporterDakSong'];
// Who does not see each demo scenario (signed in): Nghệ An's reporter does not see Đắk Nông's.
const outsideDakNong: readonly Caller[] = ['reporterHungNguyen'];
const outsideNgheAn: readonly Caller[] = ['plannerDakNong', 'plannerDakSong', 'reporterDakSong'];

/** A global id as the API makes them (Pothos' default: base64 of `<type>:<key>`). */
const globalId = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString('base64');

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
    allowed: seesDakSong,
  },
  {
    field: 'area',
    what: 'population figures of the province, above a district',
    query: '{ area(code: "67") { population eligible } }',
    allowed: ['admin', 'plannerDakNong'],
  },
  {
    field: 'areas',
    what: 'the tree',
    query: '{ areas(roots: true) { edges { node { code name childCount } } } }',
    allowed: everyone,
  },
  {
    field: 'node',
    what: 'an area by its global id',
    query: `{ node(id: "${globalId('Area', '665')}") { id ... on Area { code name } } }`,
    allowed: everyone,
  },
  {
    field: 'node',
    what: 'the Đắk Nông scenario by its global id',
    query: `{ node(id: "${globalId('Scenario', DEMO_SCENARIO_IDS.dakNong)}") { id } }`,
    allowed: seesDakSong,
    hiddenFrom: outsideDakNong,
  },
  {
    field: 'nodes',
    what: 'Đắk Song’s mobile team and its row of the Đắk Nông plan',
    query: `{ nodes(ids: ["${globalId('Team', 'DN-DAK-SONG-MOBILE')}", "${globalId('AreaPlan', `${DEMO_SCENARIO_IDS.dakNong}/665`)}"]) { id } }`,
    allowed: seesDakSong,
    hiddenFrom: outsideDakNong,
  },
  { field: 'scenarios', what: 'list', query: '{ scenarios { id } }', allowed: signedIn },
  {
    field: 'scenario',
    what: 'Đắk Nông scenario (province above Đắk Song)',
    query: `{ scenario(id: "${DEMO_SCENARIO_IDS.dakNong}") { id } }`,
    allowed: seesDakSong,
    hiddenFrom: outsideDakNong,
    hiddenAs: 'NULL',
  },
  {
    field: 'scenario',
    what: 'Nghệ An scenario',
    query: `{ scenario(id: "${DEMO_SCENARIO_IDS.ngheAn}") { id } }`,
    allowed: ['admin', 'reporterHungNguyen'],
    hiddenFrom: outsideNgheAn,
    hiddenAs: 'NULL',
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
    hiddenFrom: outsideDakNong,
  },
  {
    field: 'plan',
    what: 'plan of the province',
    query: `{ plan(scenarioId: "${DEMO_SCENARIO_IDS.dakNong}", areaCode: "67") { __typename } }`,
    allowed: ['admin', 'plannerDakNong'],
    hiddenFrom: outsideDakNong,
  },
  {
    field: 'planVsActual',
    what: 'Đắk Song',
    query: `{ planVsActual(scenarioId: "${DEMO_SCENARIO_IDS.dakNong}", areaCode: "665") { __typename } }`,
    allowed: seesDakSong,
    hiddenFrom: outsideDakNong,
  },
  {
    field: 'planVsActual',
    what: 'Nghệ An',
    query: `{ planVsActual(scenarioId: "${DEMO_SCENARIO_IDS.ngheAn}", areaCode: "40") { __typename } }`,
    allowed: ['admin'],
    hiddenFrom: outsideNgheAn,
  },
  {
    field: 'replan',
    what: 'Đắk Song from its reports',
    query: `{ replan(scenarioId: "${DEMO_SCENARIO_IDS.dakNong}", areaCode: "665", asOf: "2021-03-20") { __typename } }`,
    allowed: seesDakSong,
    hiddenFrom: outsideDakNong,
  },
  {
    field: 'replan',
    what: 'the province from its reports',
    query: `{ replan(scenarioId: "${DEMO_SCENARIO_IDS.dakNong}", areaCode: "67", asOf: "2021-03-20") { __typename } }`,
    allowed: ['admin', 'plannerDakNong'],
    hiddenFrom: outsideDakNong,
  },
  {
    field: 'solve',
    what: 'days for Đắk Song',
    query: `{ solve(scenarioId: "${DEMO_SCENARIO_IDS.dakNong}", areaCode: "665", unknown: DAYS) { __typename } }`,
    allowed: seesDakSong,
    hiddenFrom: outsideDakNong,
  },
  {
    field: 'solveWhatIf',
    what: 'machines for an inline plan',
    query: `query ($input: CampaignInput!) { solveWhatIf(input: $input, unknown: MACHINES) { __typename } }`,
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
    field: 'createTeam',
    what: 'a mobile team in Đắk Song',
    query: 'mutation ($input: TeamInput!) { createTeam(input: $input) { __typename } }',
    variables: () => {
      teamsMade += 1;
      return {
        input: {
          code: `MATRIX-${teamsMade}`,
          name: 'matrix team',
          kind: 'MOBILE',
          homeAreaCode: '665',
          machines: 2,
        },
      };
    },
    allowed: ['admin', 'plannerDakNong', 'plannerDakSong'],
  },
  {
    field: 'updateTeam',
    what: 'Đắk Song’s mobile team',
    query:
      'mutation ($name: String) { updateTeam(code: "DN-DAK-SONG-MOBILE", input: { name: $name }) { __typename } }',
    variables: () => ({ name: `matrix ${Math.random()}` }),
    allowed: ['admin', 'plannerDakNong', 'plannerDakSong'],
  },
  {
    field: 'retireTeam',
    what: 'a team of Đắk Song',
    query: 'mutation ($code: String!) { retireTeam(code: $code) { __typename } }',
    variables: async () => {
      teamsMade += 1;
      const code = `MATRIX-RETIRE-${teamsMade}`;
      await database.prisma.team.create({
        data: { code, name: 'to retire', kind: 'MOBILE', homeAreaCode: '665', machines: 1 },
      });
      return { code };
    },
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
    what: 'from the Đắk Nông scenario replanned (rooted at the province)',
    query: 'mutation ($from: ScenarioFromReplanInput) { createScenario(fromReplan: $from) { __typename } }',
    variables: () => ({ from: { scenarioId: DEMO_SCENARIO_IDS.dakNong, asOf: '2021-03-20' } }),
    allowed: ['admin', 'plannerDakNong'],
    hiddenFrom: outsideDakNong,
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
    hiddenFrom: outsideDakNong,
  },
  {
    field: 'importAreas',
    what: 'the demo areas again',
    query: 'mutation { importAreas(dataset: DEMO) { __typename } }',
    allowed: ['admin'],
    idempotent: true,
  },
  {
    field: 'recordActuals',
    what: "Đắk Song's mobile team in a Đắk Song commune",
    query: 'mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) { __typename } }',
    variables: () => ({ reports: [report('24718', 'DN-DAK-SONG-MOBILE')] }),
    // A planner types up the tallies of any team inside its subtree (README: Who may do what).
    allowed: ['admin', 'plannerDakNong', 'plannerDakSong', 'reporterDakSong'],
  },
  {
    field: 'recordActuals',
    what: "Đắk Song's mobile team in Đắk Glong, outside its home area",
    query: 'mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) { __typename } }',
    variables: () => ({ reports: [report('661', 'DN-DAK-SONG-MOBILE')] }),
    allowed: [],
    // Đắk Glong is inside the province's planner's area: the team's home is what refuses it.
    badInputFor: ['admin', 'plannerDakNong'],
  },
  {
    field: 'recordActuals',
    what: 'another team in its own home area',
    query: 'mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) { __typename } }',
    variables: () => ({ reports: [report('661', 'DN-DAK-GLONG-MOBILE')] }),
    allowed: ['admin', 'plannerDakNong'],
  },
  {
    field: 'recordActuals',
    what: 'an area-wide report of a Hưng Nguyên commune (Nghệ An)',
    query: 'mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) { __typename } }',
    variables: () => ({ reports: [report('18001', null)] }),
    // Nghệ An's reporter sends it as its own team's.
    allowed: ['admin', 'reporterHungNguyen'],
  },
  {
    field: 'importReports',
    what: "a file of Đắk Song's mobile team in a Đắk Song commune",
    query: IMPORT_REPORTS,
    files: () => reportFile('24718', 'DN-DAK-SONG-MOBILE'),
    allowed: ['admin', 'plannerDakNong', 'plannerDakSong', 'reporterDakSong'],
    rowsForbiddenFor: ['reporterHungNguyen'],
  },
  {
    field: 'importReports',
    what: "a file of Đắk Glong's mobile team in Đắk Glong (the province's, not Đắk Song's)",
    query: IMPORT_REPORTS,
    files: () => reportFile('661', 'DN-DAK-GLONG-MOBILE'),
    allowed: ['admin', 'plannerDakNong'],
    rowsForbiddenFor: ['plannerDakSong', 'reporterDakSong', 'reporterHungNguyen'],
  },
  {
    field: 'importMachines',
    what: 'a file of machines for the Đắk Nông scenario',
    query: `mutation ($file: File!) { importMachines(scenarioId: "${DEMO_SCENARIO_IDS.dakNong}", file: $file) { __typename } }`,
    files: () => {
      uploads += 1;
      return { file: csvFile(['Area code,Machines', `665,${10 + uploads}`, '661,8']) };
    },
    allowed: ['admin', 'plannerDakNong'],
    hiddenFrom: outsideDakNong,
  },
  {
    field: 'importAreas',
    what: 'a file of one new commune under Đắk Song',
    query: 'mutation ($file: File) { importAreas(file: $file) { __typename } }',
    files: () => {
      uploads += 1;
      return {
        file: csvFile([
          'Code,Name,Parent code,Level,Population',
          `MATRIX-${uploads},Xã ${uploads},665,commune,100`,
        ]),
      };
    },
    allowed: ['admin', 'plannerDakNong', 'plannerDakSong'],
  },
  { field: 'tokens', what: 'the list', query: '{ tokens { id } }', allowed: ['admin'] },
  {
    field: 'issueToken',
    what: 'a planner token',
    query: `mutation ($name: String!) { issueToken(input: { role: PLANNER, name: $name, areaCode: "665" }) { __typename } }`,
    variables: () => ({ name: `matrix issued ${Math.random()}` }),
    allowed: ['admin'],
  },
  {
    field: 'revokeToken',
    what: 'a token by name',
    query: 'mutation ($name: String!) { revokeToken(name: $name) { __typename } }',
    variables: async () => {
      const name = `matrix revoked ${Math.random()}`;
      await tokenFor({ role: 'ADMIN', name });
      return { name };
    },
    allowed: ['admin'],
  },
  {
    field: 'voidActualReport',
    what: "a report of Đắk Song's mobile team",
    query: 'mutation ($id: ID!) { voidActualReport(id: $id, reason: "matrix") { __typename } }',
    variables: async () => ({ id: await storedReport() }),
    allowed: seesDakSong,
    hiddenFrom: ['reporterHungNguyen'],
  },
  {
    field: 'correctActualReportDate',
    what: "a report of Đắk Song's mobile team",
    query: `mutation ($id: ID!, $date: Date!) { correctActualReportDate(id: $id, date: $date, reason: "matrix") { __typename } }`,
    variables: async () => ({ id: await storedReport(), date: report('24718', null).date }),
    allowed: seesDakSong,
    hiddenFrom: ['reporterHungNguyen'],
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
    p.apiToken.count({ where: { revokedAt: null } }),
    // Teams: how many, how many retired, and a digest of their names (an edit changes one).
    p.team.count(),
    p.team.count({ where: { retired: true } }),
    p.team
      .findMany({ select: { name: true } })
      .then((teams) =>
        teams.reduce(
          (sum, t) => sum + [...t.name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 1_000_003, 7),
          0,
        ),
      ),
    p.scenario
      .findUnique({ where: { id: DEMO_SCENARIO_IDS.dakNong } })
      .then((s) => s?.updatedAt.getTime() ?? 0),
  ]);
}

function refusalCodes(result: GraphQLResponse): string[] {
  return (result.errors ?? []).map((error) => String(error.extensions?.code));
}

/** How a field answered a refusal as a member of its result union, if it did. */
const REFUSAL_OF_TYPE: Record<string, string> = {
  UnauthenticatedError: 'UNAUTHENTICATED',
  ForbiddenError: 'FORBIDDEN',
  NotFoundError: 'NOT_FOUND',
  InputError: 'BAD_INPUT',
};

/** A file refused for rows the caller may not send, and for nothing else. */
function rowsForbidden(payload: { __typename?: string; issues?: { code: string }[] }): boolean {
  const issues = payload.__typename === 'SpreadsheetError' ? (payload.issues ?? []) : [];
  return issues.length > 0 && issues.every((issue) => issue.code === 'forbidden');
}

/**
 * Every refusal in an answer: errors by their code, union members by their type (a file's rows
 * refused as FORBIDDEN_ROWS), `null` as NULL.
 */
function refusals(result: GraphQLResponse): string[] {
  const payload = Object.values(result.data ?? {})[0] as
    | { __typename?: string; issues?: { code: string }[] }
    | null
    | undefined;
  const typed =
    payload && rowsForbidden(payload)
      ? 'FORBIDDEN_ROWS'
      : payload?.__typename
        ? REFUSAL_OF_TYPE[payload.__typename]
        : undefined;
  const found = [...new Set([...refusalCodes(result), ...(typed ? [typed] : [])])];
  return found.length === 0 && result.data && payload === null ? ['NULL'] : found;
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
        const variables = (await cell.variables?.()) ?? {};
        const before = mutation ? await snapshot() : [];
        const sender = { token: tokens.get(caller) ?? null };
        const { status, body: result } = cell.files
          ? await upload(cell.query, variables, cell.files(), sender)
          : await request(cell.query, variables, sender);
        const codes = refusals(result);
        if (allowed) {
          expect(codes.filter((code) => code !== 'NULL')).toEqual([]);
          expect(result.data).toBeTruthy();
          const payload = Object.values(result.data ?? {})[0] as { __typename?: string } | null;
          expect(payload?.__typename ?? 'data').not.toMatch(/Error$/);
          if (mutation && !cell.idempotent) expect(await snapshot()).not.toEqual(before);
        } else {
          const expected =
            caller === 'anonymous'
              ? 'UNAUTHENTICATED'
              : cell.hiddenFrom?.includes(caller)
                ? (cell.hiddenAs ?? 'NOT_FOUND')
                : cell.badInputFor?.includes(caller)
                  ? 'BAD_INPUT'
                  : cell.rowsForbiddenFor?.includes(caller)
                    ? 'FORBIDDEN_ROWS'
                    : 'FORBIDDEN';
          expect(codes).toEqual([expected]);
          // 401/403 only when nothing of the answer is left; a refused field leaves the rest (200).
          const left = result.data != null && Object.values(result.data).some((value) => value !== null);
          if (left || ['NULL', 'NOT_FOUND', 'BAD_INPUT', 'FORBIDDEN_ROWS'].includes(expected)) {
            expect(status).toBe(200);
          }
          if (mutation) expect(await snapshot()).toEqual(before);
        }
      });
    }
  }
});

describe('filtered lists', () => {
  it('shows a district planner the scenarios over its district and the teams inside it, and nothing of another province', async () => {
    const token = tokens.get('plannerDakSong') ?? null;
    const seen = await data<{ scenarios: { scenarioId: string }[]; teams: { code: string }[] }>(
      '{ scenarios { scenarioId } teams { code } }',
      {},
      { token },
    );
    expect(seen.scenarios.map((s) => s.scenarioId)).toContain(DEMO_SCENARIO_IDS.dakNong);
    expect(seen.scenarios.map((s) => s.scenarioId)).not.toContain(DEMO_SCENARIO_IDS.ngheAn);
    // The matrix's own team cells add teams to Đắk Song; of the demo's, the planner sees its own.
    expect(seen.teams.map((t) => t.code).filter((code) => !code.startsWith('MATRIX-'))).toEqual([
      'DN-DAK-SONG-MOBILE',
    ]);
  });

  it('lists for a reporter only the reports of its area', async () => {
    const token = tokens.get('reporterHungNguyen') ?? null;
    const result = await data<{ actualReports: { edges: { node: { areaCode: string } }[] } }>(
      '{ actualReports(first: 500) { ... on ActualReportConnection { edges { node { areaCode } } } } }',
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
    // Statements about tokens only: a query also reads the data's versions (its answer's cache key).
    const stop = database.onQuery((sql) => {
      if (sql.includes('"ApiToken"')) statements += 1;
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
    const sent = { date: '2022-01-15', areaCode: '24718', dossiers: 300 };
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

describe('a refused field leaves the rest of the answer', () => {
  it("answers a Đắk Nông planner's public areas next to the Nghệ An plan it may not see, with HTTP 200", async () => {
    const token = tokens.get('plannerDakNong') ?? null;
    const { status, body } = await request<{
      areas: { edges: { node: { code: string } }[] };
      plan: { __typename: string; field?: string; resource?: string };
    }>(
      `{ areas(roots: true, first: 5) { edges { node { code } } }
         plan(scenarioId: "${DEMO_SCENARIO_IDS.ngheAn}", areaCode: "40") { __typename ... on NotFoundError { field resource } } }`,
      {},
      { token },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.areas.edges.map((edge) => edge.node.code)).toEqual(['40', '67', 'VN2025-40']);
    expect(body.data?.plan).toEqual({
      __typename: 'NotFoundError',
      field: 'scenarioId',
      resource: 'scenario',
    });
  });

  it('answers a scenario outside the caller’s scope exactly as one that does not exist', async () => {
    const token = tokens.get('plannerDakNong') ?? null;
    const ask = async (scenarioId: string) =>
      (
        await gql<{ plan: Record<string, string> }>(
          `query ($id: ID!) { plan(scenarioId: $id, areaCode: "40") { __typename ... on NotFoundError { message field resource key } } }`,
          { id: scenarioId },
          { token },
        )
      ).data?.plan;
    const hidden = await ask(DEMO_SCENARIO_IDS.ngheAn);
    const missing = await ask('no-such-scenario');
    expect({ ...hidden, message: '', key: '' }).toEqual({ ...missing, message: '', key: '' });
    expect(hidden?.message).toBe(`scenarioId: no scenario "${DEMO_SCENARIO_IDS.ngheAn}"`);
  });

  it('keeps the public part of an anonymous request and refuses the rest as UnauthenticatedError, HTTP 200', async () => {
    const { status, body } = await request<{
      area: { name: string; population: number | null };
      plan: { __typename: string };
    }>(
      `{ area(code: "665") { name population } plan(scenarioId: "${DEMO_SCENARIO_IDS.dakNong}", areaCode: "665") { __typename } }`,
      {},
      { token: null },
    );
    expect(status).toBe(200);
    expect(body.data?.area).toEqual({ name: 'Huyện Đắk Song', population: null });
    expect(body.data?.plan.__typename).toBe('UnauthenticatedError');
    expect(refusalCodes(body)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('a refused list leaves the rest of the answer', () => {
  // actualReports and areas were non-null: refused, their null wiped the whole answer (HTTP 403/401).
  it("keeps a reporter's own name and teams next to another district's reports it may not see, HTTP 200", async () => {
    const { status, body } = await request<{ viewer: { name: string }; r: unknown }>(
      '{ viewer { name } r: actualReports(areaCode: "661") { totalCount } }',
      {},
      { token: tokens.get('reporterDakSong') ?? null },
    );
    expect(status).toBe(200);
    expect(body.data).toEqual({ viewer: { name: 'matrix reporter DS' }, r: null });
    expect(refusalCodes(body)).toEqual(['FORBIDDEN']);
  });

  it('answers 403 when the refused list was all that was asked', async () => {
    const { status, body } = await request<{ r: unknown }>(
      '{ r: actualReports(areaCode: "661") { totalCount } }',
      {},
      { token: tokens.get('reporterDakSong') ?? null },
    );
    expect(status).toBe(403);
    expect(body.data).toEqual({ r: null });
    expect(refusalCodes(body)).toEqual(['FORBIDDEN']);
  });

  it('answers 200 when a field beside the refused list is null as an answer, not a refusal', async () => {
    const { status, body } = await request<{ scenario: unknown; r: unknown }>(
      '{ scenario(id: "no-such-scenario") { name } r: actualReports(areaCode: "661") { totalCount } }',
      {},
      { token: tokens.get('reporterDakSong') ?? null },
    );
    expect(status).toBe(200);
    expect(body.data).toEqual({ scenario: null, r: null });
    expect(refusalCodes(body)).toEqual(['FORBIDDEN']);
  });

  it('keeps a public area name next to reports asked without a token, HTTP 200', async () => {
    const { status, body } = await request<{ area: { name: string }; r: unknown }>(
      '{ area(code: "67") { name } r: actualReports { totalCount } }',
      {},
      { token: null },
    );
    expect(status).toBe(200);
    expect(body.data).toEqual({ area: { name: 'Tỉnh Đắk Nông' }, r: null });
    expect(refusalCodes(body)).toEqual(['UNAUTHENTICATED']);
  });

  it('keeps the rest next to the children of an area that does not exist', async () => {
    const { status, body } = await request<{ area: { name: string }; areas: unknown }>(
      '{ area(code: "67") { name } areas(parentCode: "no-such-area") { totalCount } }',
      {},
      { token: null },
    );
    expect(status).toBe(200);
    expect(body.data).toEqual({ area: { name: 'Tỉnh Đắk Nông' }, areas: null });
    expect(refusalCodes(body)).toEqual(['NOT_FOUND']);
  });
});

describe('the download endpoints', () => {
  type Endpoint = { path: string; what: string; status: Record<Caller, number> };
  const dakNong = DEMO_SCENARIO_IDS.dakNong;
  // Written out by hand from the rules of the queries each export mirrors (plan, planVsActual):
  // 401 without a token, 404 for a scenario the caller does not see, 403 for an area outside it.
  const ENDPOINTS: Endpoint[] = [
    {
      path: '/templates/reports.xlsx',
      what: 'a template (public)',
      status: {
        anonymous: 200,
        admin: 200,
        plannerDakNong: 200,
        plannerDakSong: 200,
        reporterDakSong: 200,
        reporterHungNguyen: 200,
      },
    },
    {
      path: `/export/plan.csv?scenarioId=${dakNong}&areaCode=665`,
      what: 'the plan of Đắk Song',
      status: {
        anonymous: 401,
        admin: 200,
        plannerDakNong: 200,
        plannerDakSong: 200,
        reporterDakSong: 200,
        reporterHungNguyen: 404,
      },
    },
    {
      path: `/export/daily.csv?scenarioId=${dakNong}&areaCode=67`,
      what: 'the daily targets of the province',
      status: {
        anonymous: 401,
        admin: 200,
        plannerDakNong: 200,
        plannerDakSong: 403,
        reporterDakSong: 403,
        reporterHungNguyen: 404,
      },
    },
    {
      path: `/export/plan-vs-actual.xlsx?scenarioId=${DEMO_SCENARIO_IDS.ngheAn}&areaCode=40`,
      what: 'Nghệ An plan vs actual',
      status: {
        anonymous: 401,
        admin: 200,
        plannerDakNong: 404,
        plannerDakSong: 404,
        reporterDakSong: 404,
        reporterHungNguyen: 403,
      },
    },
  ];
  for (const endpoint of ENDPOINTS) {
    for (const caller of CALLERS) {
      const expected = endpoint.status[caller];
      it(`GET ${endpoint.what} for ${caller}: ${expected}`, async () => {
        const token = tokens.get(caller) ?? null;
        const { yoga } = await import('../src/yoga.ts');
        const response = await yoga.fetch(`http://muster.test${endpoint.path}`, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
        expect(response.status).toBe(expected);
      });
    }
  }
});
