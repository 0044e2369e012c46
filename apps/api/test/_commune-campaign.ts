// A commune of its own for a test of reports against a plan: 2,000 eligible, a campaign of 3–16 May
// 2021 open 08:00–18:00 every day at 6 minutes a dossier (100 a machine-day, 240 in 24 hours) with
// `machines` machines (2: 200 a day, so the plan finishes on 12 May, on time).
import { data, database } from './graphql.ts';

/** Stores the commune `code` and its campaign; the scenario's id. */
export async function campaignOver(code: string, machines = 2): Promise<string> {
  await database.prisma.area.create({
    data: { code, name: `Xã ${code}`, level: 'commune', path: code, depth: 0, eligible: 2000 },
  });
  const created = await data<{ createScenario: { id: string } }>(
    `mutation ($input: ScenarioInput!) { createScenario(input: $input) { ... on Scenario { id: scenarioId } } }`,
    {
      input: {
        name: `${code}, May 2021`,
        areaCode: code,
        calendar: { start: '2021-05-03', deadline: '2021-05-16' },
        hours: { open: '08:00', close: '18:00' },
        service: { minutesPerDossier: 6 },
        machines: [{ areaCode: code, machines }],
      },
    },
  );
  return created.createScenario.id;
}
