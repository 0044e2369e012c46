import { describe, expect, it } from 'vitest';
import { completedTasks } from '../src/compute/pool.ts';
import { data, database, gql, tokenFor, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

type Page = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { areaCode: string; totalActual: number; reporting: { daysReported: number } } }[];
};

const BY_AREA = `query ($scenarioId: ID!, $areaCode: String!, $level: AreaLevel!, $first: Int, $after: String) {
  planVsActual(scenarioId: $scenarioId, areaCode: $areaCode, from: "2021-05-03", to: "2021-05-03") {
    __typename
    ... on PlanVsActual {
      totalActual
      byArea(level: $level, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { areaCode totalActual reporting { daysReported } } }
      }
    }
  }
}`;

/** The codes of the areas of `level` below `rootCode`, ordered by code, as the area tree stores them. */
async function storedBelow(rootCode: string, level: string): Promise<string[]> {
  const root = await database.prisma.area.findUniqueOrThrow({ where: { code: rootCode } });
  const rows = await database.prisma.area.findMany({
    where: { level, path: { startsWith: `${root.path}/` } },
    select: { code: true },
  });
  return rows.map((row) => row.code).sort();
}

describe('plan vs actual by area of a level', () => {
  it('answers every commune of a province a page at a time, in code order, from its own reports and one computation per request', async () => {
    const communes = await storedBelow('67', 'commune');
    // Three communes reported on 3 May, as the field might: 111, 222 and 333 dossiers.
    const reported = new Map([
      [communes[0] as string, 111],
      [communes[5] as string, 222],
      [communes[communes.length - 1] as string, 333],
    ]);
    await database.prisma.actualReport.createMany({
      data: [...reported].map(([areaCode, dossiers]) => ({
        date: '2021-05-03',
        areaCode,
        dossiers,
        machinesWorking: 1,
      })),
    });
    const seen: Page['edges'] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const before = completedTasks();
      const answer: { planVsActual: { totalActual: number; byArea: Page } } = await data(BY_AREA, {
        scenarioId: 'dak-nong-2021',
        areaCode: '67',
        level: 'COMMUNE',
        first: 40,
        after,
      });
      // The province and its page of communes, compared together.
      expect(completedTasks() - before).toBe(1);
      expect(answer.planVsActual.totalActual).toBe(666);
      expect(answer.planVsActual.byArea.totalCount).toBe(communes.length);
      seen.push(...answer.planVsActual.byArea.edges);
      pages += 1;
      if (!answer.planVsActual.byArea.pageInfo.hasNextPage) break;
      after = answer.planVsActual.byArea.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(communes.length / 40));
    expect(seen.map((edge) => edge.node.areaCode)).toEqual(communes);
    for (const { node } of seen) {
      expect(node.totalActual, node.areaCode).toBe(reported.get(node.areaCode) ?? 0);
      expect(node.reporting.daysReported, node.areaCode).toBe(reported.has(node.areaCode) ? 1 : 0);
    }
  });

  it('answers the communes of a 2025 province, which has no districts', async () => {
    const scenario = await database.prisma.scenario.findUniqueOrThrow({ where: { id: 'nghe-an-2025' } });
    const communes = await storedBelow(scenario.areaCode, 'commune');
    const ask = (level: string) =>
      data<{ planVsActual: { byArea: Page } }>(BY_AREA, {
        scenarioId: 'nghe-an-2025',
        areaCode: scenario.areaCode,
        level,
        first: 5,
      });
    const byCommune = (await ask('COMMUNE')).planVsActual.byArea;
    expect(communes.length).toBeGreaterThan(5);
    expect(byCommune.totalCount).toBe(communes.length);
    expect(byCommune.edges.map((edge) => edge.node.areaCode)).toEqual(communes.slice(0, 5));
    expect((await ask('DISTRICT')).planVsActual.byArea).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('answers a district planner the communes of the district only', async () => {
    const token = await tokenFor({ role: 'PLANNER', name: 'Đắk Song planner', areaCode: '665' });
    const communes = await storedBelow('665', 'commune');
    const answer = await data<{ planVsActual: { byArea: Page } }>(
      BY_AREA,
      { scenarioId: 'dak-nong-2021', areaCode: '665', level: 'COMMUNE', first: 40 },
      { token },
    );
    expect(answer.planVsActual.byArea.edges.map((edge) => edge.node.areaCode)).toEqual(communes);
    const province = await gql<{ planVsActual: { __typename: string } }>(
      BY_AREA,
      { scenarioId: 'dak-nong-2021', areaCode: '67', level: 'COMMUNE', first: 40 },
      { token },
    );
    // The province itself is refused, as plan vs actual refuses it.
    expect(province.data?.planVsActual.__typename).toBe('ForbiddenError');
  });

  it('prices each area of a page as a comparison, refusing a page over the cost limit before it runs', async () => {
    const before = completedTasks();
    const refused = await gql(BY_AREA, {
      scenarioId: 'dak-nong-2021',
      areaCode: '67',
      level: 'COMMUNE',
      first: 100,
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(completedTasks() - before).toBe(0);
  });
});
