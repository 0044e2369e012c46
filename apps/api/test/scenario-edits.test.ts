// Two planners editing one scenario: a save made on a state someone else has changed since is
// refused, saying who changed it and when, and stores nothing; a save made on the latest state,
// or one that does not say which state it was made on, goes through.
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { data, database, tokenFor, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

const CREATE = `mutation ($input: ScenarioInput!) { createScenario(input: $input) {
  ... on Scenario { id: scenarioId updatedAt } ... on Error { message } } }`;

const SAVE = `mutation ($id: ID!, $input: ScenarioUpdateInput!, $seen: DateTime) {
  updateScenario(id: $id, input: $input, expectedUpdatedAt: $seen) {
    __typename
    ... on Scenario { updatedAt updatedBy machines { machines } }
    ... on ScenarioChangedError {
      field message expectedUpdatedAt updatedAt updatedBy scenario { updatedAt machines { machines } }
    }
    ... on Error { message }
  }
}`;

type Saved = {
  __typename: string;
  field?: string;
  message?: string;
  expectedUpdatedAt?: string;
  updatedAt?: string;
  updatedBy?: string;
  machines?: { machines: number }[];
  scenario?: { updatedAt: string; machines: { machines: number }[] };
};

const dakGlong = {
  name: 'Đắk Glong, edited in two tabs',
  areaCode: '661',
  calendar: { start: '2021-03-20', deadline: '2021-04-30' },
  hours: { open: '05:00', close: '24:00' },
  service: { minutesPerDossier: 3.5 },
  machines: [{ areaCode: '661', machines: 4 }],
};

let lan = '';
let minh = '';
beforeAll(async () => {
  lan = await tokenFor({ role: 'PLANNER', name: 'Lan', areaCode: '67' });
  minh = await tokenFor({ role: 'PLANNER', name: 'Minh', areaCode: '67' });
});

/** A new scenario, as Lan made it, and the `updatedAt` both tabs read. */
async function newScenario(): Promise<{ id: string; updatedAt: string }> {
  const created = await data<{ createScenario: { id: string; updatedAt: string } }>(
    CREATE,
    { input: dakGlong },
    { token: lan },
  );
  return created.createScenario;
}

async function save(token: string, id: string, machines: number, seen?: string): Promise<Saved> {
  const variables = { id, input: { machines: [{ areaCode: '661', machines }] }, ...(seen ? { seen } : {}) };
  return (await data<{ updateScenario: Saved }>(SAVE, variables, { token })).updateScenario;
}

/** The scenario's row and machines as stored. */
async function stored(id: string): Promise<string> {
  const row = await database.prisma.scenario.findUniqueOrThrow({
    where: { id },
    include: { machines: true },
  });
  return JSON.stringify(row, (_key, value) => (typeof value === 'bigint' ? String(value) : value));
}

describe('two planners saving one scenario', () => {
  it('refuses the second tab’s save over a change it has not seen, saying who and when, storing nothing', async () => {
    const { id, updatedAt: read } = await newScenario();
    const first = await save(minh, id, 6, read);
    expect(first).toMatchObject({ __typename: 'Scenario', updatedBy: 'Minh', machines: [{ machines: 6 }] });
    expect(Date.parse(first.updatedAt as string)).toBeGreaterThan(Date.parse(read));
    const before = await stored(id);
    const second = await save(lan, id, 9, read);
    expect(second).toEqual({
      __typename: 'ScenarioChangedError',
      field: 'expectedUpdatedAt',
      message: `expectedUpdatedAt: scenario "${id}" was changed by Minh at ${first.updatedAt}, after the ${read} sent; nothing was stored. Read it again and make the change on what it holds now.`,
      expectedUpdatedAt: read,
      updatedAt: first.updatedAt,
      updatedBy: 'Minh',
      scenario: { updatedAt: first.updatedAt, machines: [{ machines: 6 }] },
    });
    expect(await stored(id)).toBe(before);
  });

  it('takes a save made on the latest state, the instant written in any offset', async () => {
    const { id, updatedAt: read } = await newScenario();
    const first = await save(minh, id, 6, read);
    // The same instant, as a tab in Vietnam might write it.
    const latest = DateTime.fromISO(first.updatedAt as string, {
      zone: 'Asia/Ho_Chi_Minh',
    }).toISO() as string;
    expect(latest).toMatch(/\+07:00$/);
    const second = await save(lan, id, 9, latest);
    expect(second).toMatchObject({ __typename: 'Scenario', updatedBy: 'Lan', machines: [{ machines: 9 }] });
  });

  it('takes a save that does not say which state it was made on, as before', async () => {
    const { id, updatedAt: read } = await newScenario();
    await save(minh, id, 6, read);
    const blind = await save(lan, id, 9);
    expect(blind).toMatchObject({ __typename: 'Scenario', updatedBy: 'Lan', machines: [{ machines: 9 }] });
  });

  it('keeps every field of four saves that do not say which state they were made on, arriving together', async () => {
    // Each used to write every column from what it had read, so the last to write put back the
    // others' fields as they were before.
    const { id } = await newScenario();
    const changes = [
      { name: 'Renamed by Minh' },
      { note: 'Noted by Lan' },
      { waitTargetMinutes: 20 },
      { teamsPerSite: 3 },
    ];
    const answers = await Promise.all(
      changes.map((input, i) =>
        data<{ updateScenario: Saved }>(SAVE, { id, input }, { token: i % 2 === 0 ? minh : lan }),
      ),
    );
    expect(answers.map((answer) => answer.updateScenario.__typename)).toEqual(Array(4).fill('Scenario'));
    const row = await database.prisma.scenario.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      name: 'Renamed by Minh',
      note: 'Noted by Lan',
      waitTargetMinutes: 20,
      teamsPerSite: 3,
    });
  });

  it('lets one of four saves made on the same state through when they arrive together', async () => {
    const { id, updatedAt: read } = await newScenario();
    const answers = await Promise.all(
      [6, 7, 8, 9].map((machines, i) => save(i % 2 === 0 ? minh : lan, id, machines, read)),
    );
    const won = answers.filter((answer) => answer.__typename === 'Scenario');
    const lost = answers.filter((answer) => answer.__typename === 'ScenarioChangedError');
    expect([won.length, lost.length]).toEqual([1, 3]);
    const [winner] = won as [Saved];
    for (const refusal of lost) expect(refusal.updatedBy).toBe(winner.updatedBy);
    const row = await database.prisma.scenario.findUniqueOrThrow({
      where: { id },
      include: { machines: true },
    });
    expect(row.machines.map((m) => m.machines)).toEqual(winner.machines?.map((m) => m.machines));
    expect(row.updatedAt.toISOString()).toBe(winner.updatedAt);
  });
});
