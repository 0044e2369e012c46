// Identities a client cache can key on (README, API: ids and `node`): the Relay `Node` interface
// with global ids on Area, AreaPlan, Scenario, Team and ActualReport; `node` and `nodes` scoped as
// the other queries (what a caller may not see answers exactly as what does not exist); counted
// connections named for what they hold; `level` as an enum. Expected figures are the demo data's
// administrative units (data/vietnam: Đắk Nông has 8 districts and 71 communes in 2021).
import { beforeAll, describe, expect, it } from 'vitest';
import { data, gql, tokenFor, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

let plannerDakSong = '';
let plannerNgheAn = '';
beforeAll(async () => {
  plannerDakSong = await tokenFor({ role: 'PLANNER', name: 'ids planner 665', areaCode: '665' });
  plannerNgheAn = await tokenFor({ role: 'PLANNER', name: 'ids planner 40', areaCode: '40' });
});

type Ids = {
  area: { id: string };
  scenario: { id: string; scenarioId: string };
  teams: { id: string; code: string }[];
  actualReports: { edges: { node: { id: string; reportId: string } }[] };
  plan: { area: { id: string; code: string } };
};

/** The global ids of one thing of each kind in Đắk Nông, as an admin reads them. */
async function idsOfDakNong(): Promise<Ids> {
  return data<Ids>(`{
    area(code: "665") { id }
    scenario(id: "dak-nong-2021") { id scenarioId }
    teams(homeAreaCode: "665") { id code }
    actualReports(areaCode: "665", first: 1) { edges { node { id reportId } } }
    plan(scenarioId: "dak-nong-2021", areaCode: "665") { ... on CampaignPlan { area { id code } } }
  }`);
}

const NODE = `query ($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Area { code }
    ... on Scenario { scenarioId }
    ... on Team { code }
    ... on ActualReport { reportId }
    ... on AreaPlan { code demand }
  }
}`;

describe('global ids', () => {
  it('fetches each kind of object again by its id, with the same id', async () => {
    const ids = await idsOfDakNong();
    const report = ids.actualReports.edges[0]?.node;
    const team = ids.teams[0];
    expect(report).toBeDefined();
    expect(team).toBeDefined();
    const cases = [
      [ids.area.id, { __typename: 'Area', code: '665' }],
      [ids.scenario.id, { __typename: 'Scenario', scenarioId: 'dak-nong-2021' }],
      [team?.id, { __typename: 'Team', code: team?.code }],
      [report?.id, { __typename: 'ActualReport', reportId: report?.reportId }],
      [ids.plan.area.id, { __typename: 'AreaPlan', code: '665' }],
    ] as const;
    for (const [id, expected] of cases) {
      const { node } = await data<{ node: Record<string, unknown> }>(NODE, { id });
      expect(node).toMatchObject({ ...expected, id });
    }
  });

  it('gives every object a different id, and the own keys stay beside it', async () => {
    const ids = await idsOfDakNong();
    const all = [ids.area.id, ids.scenario.id, ids.plan.area.id, ...ids.teams.map((team) => team.id)];
    expect(new Set(all).size).toBe(all.length);
    expect(ids.scenario.scenarioId).toBe('dak-nong-2021');
  });

  it('answers nodes in the order asked, each missing one null with its own error', async () => {
    const ids = await idsOfDakNong();
    const result = await gql<{ nodes: ({ id: string } | null)[] }>(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids: [ids.scenario.id, Buffer.from('Area:nope').toString('base64'), ids.area.id] },
    );
    expect(result.data?.nodes.map((node) => node?.id ?? null)).toEqual([ids.scenario.id, null, ids.area.id]);
    expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['nodes', 1], 'NOT_FOUND'],
    ]);
  });

  it('answers the good ids of nodes beside malformed ones and ids of no type, each bad one null naming ids[i] and why', async () => {
    const ids = await idsOfDakNong();
    const report = ids.actualReports.edges[0]?.node.id;
    const team = ids.teams[0]?.id;
    const asked = [
      ids.scenario.id,
      'not a global id',
      ids.area.id,
      Buffer.from('Nope:1').toString('base64'),
      team,
      // A type of the schema that has no global ids, and the interface itself.
      Buffer.from('CampaignPlan:dak-nong-2021').toString('base64'),
      Buffer.from('Node:665').toString('base64'),
      // Base64 of no `Type:key`.
      Buffer.from('665').toString('base64'),
      report,
    ];
    const result = await gql<{ nodes: ({ id: string } | null)[] }>(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids: asked },
    );
    expect(result.data?.nodes.map((node) => node?.id ?? null)).toEqual([
      ids.scenario.id,
      null,
      ids.area.id,
      null,
      team,
      null,
      null,
      null,
      report,
    ]);
    const refusals = (result.errors ?? [])
      .map((error) => [error.path, error.extensions?.code, error.extensions?.field, error.extensions?.reason])
      .sort((a, b) => Number((a[0] as unknown[])[1]) - Number((b[0] as unknown[])[1]));
    expect(refusals).toEqual([
      [['nodes', 1], 'BAD_USER_INPUT', 'ids[1]', 'format'],
      [['nodes', 3], 'BAD_USER_INPUT', 'ids[3]', 'unknown-reference'],
      [['nodes', 5], 'BAD_USER_INPUT', 'ids[5]', 'unknown-reference'],
      [['nodes', 6], 'BAD_USER_INPUT', 'ids[6]', 'unknown-reference'],
      [['nodes', 7], 'BAD_USER_INPUT', 'ids[7]', 'format'],
    ]);
    const messages = (result.errors ?? []).map((error) => error.message).sort();
    expect(messages).toContain(
      'ids[3] must be the global id of an ActualReport, Area, AreaPlan, Scenario or Team (no type Nope has one), got "Tm9wZTox"',
    );
  });

  it('answers the nodes a planner may see beside one it may not and a malformed one', async () => {
    const ids = await idsOfDakNong();
    const result = await gql<{ nodes: ({ id: string } | null)[] }>(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids: [ids.scenario.id, 'garbage!!', ids.area.id] },
      { token: plannerNgheAn },
    );
    expect(result.data?.nodes.map((node) => node?.id ?? null)).toEqual([null, null, ids.area.id]);
    const refusals = (result.errors ?? [])
      .map((error) => [error.path, error.extensions?.code, error.extensions?.field])
      .sort((a, b) => Number((a[0] as unknown[])[1]) - Number((b[0] as unknown[])[1]));
    expect(refusals).toEqual([
      [['nodes', 0], 'NOT_FOUND', 'ids[0]'],
      [['nodes', 1], 'BAD_USER_INPUT', 'ids[1]'],
    ]);
  });
});

describe('who may fetch what by id', () => {
  it('shows an area to anyone, its figures only inside the caller’s area', async () => {
    const { id } = (await idsOfDakNong()).area;
    const anonymous = await gql(
      'query ($id: ID!) { node(id: $id) { ... on Area { code name } } }',
      { id },
      { token: null },
    );
    expect(anonymous).toEqual({ data: { node: { code: '665', name: 'Huyện Đắk Song' } } });
    const outside = await gql<{ node: { population: number | null } }>(
      'query ($id: ID!) { node(id: $id) { ... on Area { code population } } }',
      { id },
      { token: plannerNgheAn },
    );
    expect(outside.data?.node).toEqual({ code: '665', population: null });
    expect(outside.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('answers a scenario, team, report or plan row outside the caller’s area exactly as one that does not exist', async () => {
    const ids = await idsOfDakNong();
    const hidden = [ids.scenario.id, ids.teams[0]?.id, ids.actualReports.edges[0]?.node.id, ids.plan.area.id];
    // The same kinds, with keys that name nothing.
    const missing = ['Scenario:nope', 'Team:nope', 'ActualReport:nope', 'AreaPlan:nope/665'].map((raw) =>
      Buffer.from(raw).toString('base64'),
    );
    const shape = (result: Awaited<ReturnType<typeof gql>>) => ({
      data: result.data,
      codes: result.errors?.map((error) => [error.extensions?.code, error.extensions?.field]),
    });
    for (const [index, id] of hidden.entries()) {
      const seen = shape(await gql(NODE, { id }, { token: plannerNgheAn }));
      const none = shape(await gql(NODE, { id: missing[index] }, { token: plannerNgheAn }));
      expect(seen).toEqual({ data: { node: null }, codes: [['NOT_FOUND', 'id']] });
      expect(none).toEqual(seen);
    }
  });

  it('lets a district planner fetch its own district’s rows of the province’s scenario', async () => {
    const ids = await idsOfDakNong();
    const { node } = await data<{ node: { code: string } }>(
      NODE,
      { id: ids.plan.area.id },
      { token: plannerDakSong },
    );
    expect(node.code).toBe('665');
  });

  it('refuses anything but an area to a caller without a token', async () => {
    const { scenario } = await idsOfDakNong();
    const result = await gql(NODE, { id: scenario.id }, { token: null });
    expect(result.data).toEqual({ node: null });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an id that is not one as bad input naming id, and one of no type as unknown', async () => {
    for (const [id, reason] of [
      ['not a global id', 'format'],
      [Buffer.from('665').toString('base64'), 'format'],
      [Buffer.from('Nope:1').toString('base64'), 'unknown-reference'],
      // A name every object has in JavaScript, not a type.
      [Buffer.from('constructor:1').toString('base64'), 'unknown-reference'],
    ] as const) {
      const result = await gql(NODE, { id });
      expect(result.data, id).toEqual({ node: null });
      expect(
        result.errors?.map((error) => error.extensions),
        id,
      ).toEqual([{ code: 'BAD_USER_INPUT', field: 'id', reason }]);
    }
    const malformed = await gql(NODE, { id: 'not a global id' });
    expect(malformed.errors?.[0]?.message).toBe(
      'id must be a global id as `id` answers it (base64 of Type:key), got "not a global id"',
    );
  });
});

describe('connections', () => {
  it('counts what the arguments select in all pages, whatever the page holds', async () => {
    const result = await data<{
      districts: { totalCount: number; edges: unknown[] };
      provinces: { totalCount: number };
    }>(`{
      districts: areas(parentCode: "67", first: 3) { totalCount edges { node { code } } }
      provinces: areas(level: PROVINCE, first: 1) { totalCount }
    }`);
    // Đắk Nông's 8 districts of 2021; the demo's provinces: Nghệ An and Đắk Nông of 2021 and
    // Nghệ An of 2025.
    expect(result.districts).toMatchObject({ totalCount: 8 });
    expect(result.districts.edges).toHaveLength(3);
    expect(result.provinces.totalCount).toBe(3);
  });

  it('names connection types for what they hold and answers them without a union', async () => {
    const result = await data<{ areas: { __typename: string }; actualReports: { __typename: string } }>(
      '{ areas(first: 1) { __typename } actualReports(first: 1) { __typename } }',
    );
    expect(result).toEqual({
      areas: { __typename: 'AreaConnection' },
      actualReports: { __typename: 'ActualReportConnection' },
    });
  });

  it('answers NOT_FOUND naming the argument for an unknown area, to any caller', async () => {
    for (const token of [undefined, plannerDakSong]) {
      const reports = await gql(
        '{ actualReports(areaCode: "nope", first: 1) { totalCount } }',
        {},
        { token },
      );
      expect(reports.errors?.[0]?.extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'areaCode',
        key: 'nope',
      });
    }
  });
});

describe('levels', () => {
  it('answers levels as the AreaLevel enum', async () => {
    const result = await data<{ area: { level: string; children: { level: string }[] } }>(
      '{ area(code: "67") { level children { level } } }',
    );
    expect(result.area.level).toBe('PROVINCE');
    expect(new Set(result.area.children.map((child) => child.level))).toEqual(new Set(['DISTRICT']));
  });
});
