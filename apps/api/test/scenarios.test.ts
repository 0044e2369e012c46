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

  it('names every figure refused at once, in the order of the input, and stores nothing', async () => {
    // A tester's scenario: one problem came back (the service time) of the four.
    const bad = {
      calendar: { start: '2021-05-01', deadline: '2021-04-30' },
      hours: { open: '25:00', close: '22:00' },
      service: { minutesPerDossier: -3 },
      machines: [{ areaCode: '661', machines: -5 }],
    };
    const every = [
      'input.calendar.deadline',
      'input.hours.open',
      'input.service.minutesPerDossier',
      'input.machines[0].machines',
    ];
    const PROBLEMS = '... on InputError { field problems { field } }';
    const stored = (await data<{ createScenario: Scenario }>(CREATE, { input: dakGlong })).createScenario;
    const before = await data<{ scenarios: unknown[] }>(`{ scenarios { ${FIELDS} updatedAt } }`);
    const created = await data<{ createScenario: { field: string; problems: { field: string }[] } }>(
      `mutation ($input: ScenarioInput!) { createScenario(input: $input) { ${PROBLEMS} } }`,
      { input: { ...dakGlong, ...bad } },
    );
    const updated = await data<{ updateScenario: { field: string; problems: { field: string }[] } }>(
      `mutation ($id: ID!, $input: ScenarioUpdateInput!) { updateScenario(id: $id, input: $input) { ${PROBLEMS} } }`,
      { id: stored.id, input: bad },
    );
    for (const refusal of [created.createScenario, updated.updateScenario]) {
      expect(refusal.field).toBe('input.calendar.deadline');
      expect(refusal.problems.map((problem) => problem.field)).toEqual(every);
    }
    expect(await data(`{ scenarios { ${FIELDS} updatedAt } }`)).toEqual(before);
  });

  it('names a machines entry’s area and count both, and every entry refused', async () => {
    const result = await data<{ createScenario: { problems: { field: string; code: string }[] } }>(
      `mutation ($input: ScenarioInput!) { createScenario(input: $input) { ... on InputError { problems { field code } } } }`,
      {
        input: {
          ...dakGlong,
          hours: { open: '25:00', close: '26:00' },
          machines: [
            { areaCode: '40', machines: -1 },
            { areaCode: '661', machines: 4 },
            { areaCode: '661', machines: 100_001 },
          ],
        },
      },
    );
    expect(result.createScenario.problems).toEqual([
      { field: 'input.hours.open', code: 'format' },
      { field: 'input.hours.close', code: 'format' },
      { field: 'input.machines[0].areaCode', code: 'unknown-reference' },
      { field: 'input.machines[0].machines', code: 'range' },
      { field: 'input.machines[2].areaCode', code: 'duplicate' },
      { field: 'input.machines[2].machines', code: 'range' },
    ]);
  });

  it('names every closed weekday refused, not only the first', async () => {
    // ISO weekdays run 1 (Monday) to 7 (Sunday): 0 and 9 are no weekday, 7 is Sunday.
    const result = await data<{ createScenario: { problems: { field: string; code: string }[] } }>(
      `mutation ($input: ScenarioInput!) { createScenario(input: $input) { ... on InputError { problems { field code } } } }`,
      { input: { ...dakGlong, calendar: { ...dakGlong.calendar, closedWeekdays: [0, 7, 9] } } },
    );
    expect(result.createScenario.problems).toEqual([
      { field: 'input.calendar.closedWeekdays[0]', code: 'range' },
      { field: 'input.calendar.closedWeekdays[2]', code: 'range' },
    ]);
  });

  it('keeps a stored calendar that starts after its deadline when an update does not give one', async () => {
    // A replan saved as of its deadline starts the day after it; renaming it is no typo of dates.
    const created = (await data<{ createScenario: Scenario }>(CREATE, { input: dakGlong })).createScenario;
    await database.prisma.scenario.update({
      where: { id: created.id },
      data: { start: '2021-05-01', deadline: '2021-04-30' },
    });
    const renamed = (
      await data<{ updateScenario: Scenario }>(UPDATE, { id: created.id, input: { name: 'Later' } })
    ).updateScenario;
    expect(renamed).toMatchObject({
      __typename: 'Scenario',
      calendar: { start: '2021-05-01', deadline: '2021-04-30' },
    });
    const retyped = (
      await data<{ updateScenario: Scenario }>(UPDATE, {
        id: created.id,
        input: { calendar: { start: '2021-05-01', deadline: '2021-04-30' } },
      })
    ).updateScenario;
    expect(retyped).toEqual({ __typename: 'InputError', field: 'input.calendar.deadline', code: 'range' });
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

  it('answers a bad page size naming the argument and why, with no stack trace', async () => {
    // Pothos refused a negative page before the connection's checks, with neither `field` nor
    // `reason`, while `first: 100000` and `after: "garbage"` had both (a tester's report).
    const literal = await gql('{ areas(first: -1) { edges { cursor } } }');
    expect(literal.errors?.[0]).toMatchObject({
      message: 'first must be a number of nodes from 0 to 500, got -1',
      extensions: { code: 'BAD_USER_INPUT', field: 'first', reason: 'range' },
    });
    expect(JSON.stringify(literal)).not.toMatch(/\.(ts|js):\d+/);
    const variable = await gql('query ($n: Int) { areas(last: $n) { totalCount } }', { n: -2 });
    expect(variable.errors?.[0]).toMatchObject({
      message: 'last must be a number of nodes from 0 to 500',
      extensions: { code: 'BAD_USER_INPUT', field: 'last', reason: 'range' },
    });
    const crossed = await gql('{ areas(first: 2, before: "abc") { totalCount } }');
    expect(crossed.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'before',
      reason: 'conflict',
    });
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
