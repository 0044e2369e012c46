import { describe, expect, it } from 'vitest';
import { data, database, gql, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

const FIELDS = `id: scenarioId name areaCode area { name } calendar { start deadline timeZone closedDates closedWeekdays }
  hours { open close } service { minutesPerDossier availability } machines { areaCode machines } teamsPerSite note`;

const CREATE = `mutation ($input: ScenarioInput!) {
  createScenario(input: $input) {
    __typename ... on Scenario { ${FIELDS} } ... on InputError { field code message } ... on NotFoundError { field }
  }
}`;
const UPDATE = `mutation ($id: ID!, $input: ScenarioUpdateInput!) {
  updateScenario(id: $id, input: $input) { __typename ... on Scenario { ${FIELDS} } ... on InputError { field code } ... on NotFoundError { field } }
}`;

const dakGlong = {
  name: 'Đắk Glong with two mobile teams',
  areaCode: '661',
  calendar: { start: '2021-03-20', deadline: '2021-04-30', closedWeekdays: [7] },
  hours: { open: '05:00', close: '24:00' },
  service: { minutesPerDossier: 3.5, availability: 0.9 },
  machines: [{ areaCode: '661', machines: 4 }],
};

type Scenario = Record<string, unknown> & { id: string; __typename: string; field?: string };

describe('scenarios', () => {
  it('lists the three demo scenarios', async () => {
    const result = await data<{ scenarios: { id: string; machines: { machines: number }[] }[] }>(
      '{ scenarios { id: scenarioId machines { machines } } }',
    );
    expect(result.scenarios.map((s) => [s.id, s.machines[0]?.machines]).sort()).toEqual([
      ['dak-nong-2021', 24],
      ['nghe-an-2021', 176],
      ['nghe-an-2025', 176],
    ]);
  });

  it('creates a scenario, reads it back and plans with it', async () => {
    const created = (await data<{ createScenario: Scenario }>(CREATE, { input: dakGlong })).createScenario;
    expect(created).toMatchObject({
      __typename: 'Scenario',
      area: { name: 'Huyện Đăk Glong' },
      calendar: { timeZone: 'Asia/Ho_Chi_Minh', closedWeekdays: [7], closedDates: [] },
      machines: [{ areaCode: '661', machines: 4 }],
    });
    const read = await data<{ scenario: Scenario }>(`query ($id: ID!) { scenario(id: $id) { ${FIELDS} } }`, {
      id: created.id,
    });
    const { __typename, ...fields } = created;
    expect(read.scenario).toEqual(fields);
    const plan = await data<{ plan: { __typename: string; area: { machines: number } } }>(
      `query ($id: ID!) { plan(scenarioId: $id, areaCode: "661") { __typename ... on CampaignPlan { area { machines } } } }`,
      { id: created.id },
    );
    expect(plan.plan).toEqual({ __typename: 'CampaignPlan', area: { machines: 4 } });
  });

  it('updates only the fields given and replaces the machines', async () => {
    const created = (await data<{ createScenario: Scenario }>(CREATE, { input: dakGlong })).createScenario;
    const updated = (
      await data<{ updateScenario: Scenario }>(UPDATE, {
        id: created.id,
        input: { hours: { open: '07:30', close: '22:00' }, machines: [{ areaCode: '661', machines: 6 }] },
      })
    ).updateScenario;
    expect(updated).toMatchObject({
      name: dakGlong.name,
      hours: { open: '07:30', close: '22:00' },
      service: { minutesPerDossier: 3.5, availability: 0.9 },
      machines: [{ areaCode: '661', machines: 6 }],
    });
  });

  it('refuses bad assumptions with the field named and stores nothing', async () => {
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ ...dakGlong, service: { minutesPerDossier: -1 } }, 'input.service.minutesPerDossier'],
      [{ ...dakGlong, hours: { open: '25:00', close: '22:00' } }, 'input.hours.open'],
      // An unknown area is not found, as on every field that names one.
      [{ ...dakGlong, areaCode: 'nowhere' }, 'input.areaCode', 'NotFoundError'],
      [{ ...dakGlong, machines: [{ areaCode: '40', machines: 3 }] }, 'input.machines[0].areaCode'],
      [{ ...dakGlong, machines: [{ areaCode: '661', machines: -3 }] }, 'input.machines[0].machines'],
      [
        {
          ...dakGlong,
          machines: [
            { areaCode: '661', machines: 4 },
            { areaCode: '661', machines: 5 },
          ],
        },
        'input.machines[1].areaCode',
      ],
      [{ ...dakGlong, name: ' ' }, 'input.name'],
    ];
    const before = await data<{ scenarios: unknown[] }>('{ scenarios { id: scenarioId } }');
    for (const [input, field, typename = 'InputError'] of cases) {
      const result = (await data<{ createScenario: Scenario }>(CREATE, { input })).createScenario;
      expect({ typename: result.__typename, field: result.field }).toEqual({ typename, field });
    }
    const after = await data<{ scenarios: unknown[] }>('{ scenarios { id: scenarioId } }');
    expect(after.scenarios).toHaveLength(before.scenarios.length);
  });

  it('names the refused machines entry by its place in the list, not by the order of area codes', async () => {
    // JavaScript lists integer-like keys in ascending order, so a record of these two would put
    // 661 first; the refused count is the second entry sent.
    const result = (
      await data<{ createScenario: Scenario }>(CREATE, {
        input: {
          ...dakGlong,
          machines: [
            { areaCode: '24616', machines: 2 },
            { areaCode: '661', machines: -3 },
          ],
        },
      })
    ).createScenario;
    expect(result).toMatchObject({ __typename: 'InputError', field: 'input.machines[1].machines' });
  });

  it('answers an update of an unknown scenario with NotFoundError', async () => {
    const result = (await data<{ updateScenario: Scenario }>(UPDATE, { id: 'missing', input: { name: 'x' } }))
      .updateScenario;
    expect(result).toEqual({ __typename: 'NotFoundError', field: 'id' });
  });

  it('answers a bad page size with a coded error and no stack trace', async () => {
    const result = await gql('{ areas(first: -1) { edges { cursor } } }');
    expect(result.errors?.[0]).toMatchObject({
      message: 'Argument "first" must be a non-negative integer',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(JSON.stringify(result)).not.toMatch(/\.(ts|js):\d+/);
  });

  it('lists a scenario’s areas at every depth, villages imported under a commune too, parents first', async () => {
    // The what-if asked for three levels of children and so planned without the villages.
    const commune = await database.prisma.area.findFirstOrThrow({
      where: { parentCode: '665' },
      orderBy: { code: 'asc' },
    });
    const villages = ['1', '2'].map((n) => ({
      code: `${commune.code}-${n}`,
      name: `Thôn ${n}`,
      level: 'village',
      parentCode: commune.code,
      path: `${commune.path}/${commune.code}-${n}`,
      depth: 3,
      population: 100,
    }));
    await database.prisma.area.createMany({ data: villages });
    try {
      const { scenario } = await data<{
        scenario: { areas: { code: string; parentCode: string | null; depth: number }[] };
      }>('{ scenario(id: "dak-nong-2021") { areas { code parentCode depth } } }');
      // Đắk Nông in the units of 2021: the province, 8 districts and 71 communes; and the 2 villages.
      expect(scenario.areas).toHaveLength(1 + 8 + 71 + 2);
      expect(scenario.areas[0]).toEqual({ code: '67', parentCode: null, depth: 0 });
      expect(scenario.areas.slice(-2)).toEqual([
        { code: `${commune.code}-1`, parentCode: commune.code, depth: 3 },
        { code: `${commune.code}-2`, parentCode: commune.code, depth: 3 },
      ]);
      expect(scenario.areas.map((area) => area.depth)).toEqual(
        [...scenario.areas.map((area) => area.depth)].sort((a, b) => a - b),
      );
    } finally {
      await database.prisma.area.deleteMany({ where: { code: { in: villages.map((v) => v.code) } } });
    }
  });
});
