import { describe, expect, it } from 'vitest';
import { completedTasks, computationsStarted } from '../src/compute/pool.ts';
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
    // 300 communes at about 4 ms each (twice the slowest commune measured) are over a second of work.
    const refused = await gql(BY_AREA, {
      scenarioId: 'dak-nong-2021',
      areaCode: '67',
      level: 'COMMUNE',
      first: 300,
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      field: 'PlanVsActual.byArea',
    });
    expect(completedTasks() - before).toBe(0);
  });

  it('answers a page of 200 of a province’s communes in one computation', async () => {
    // Nghệ An's 460 communes (2021): each further commune compared about 0.2–0.8 ms in the bench.
    const communes = await storedBelow('40', 'commune');
    const before = completedTasks();
    const answer = await data<{ planVsActual: { byArea: Page } }>(BY_AREA, {
      scenarioId: 'nghe-an-2021',
      areaCode: '40',
      level: 'COMMUNE',
      first: 200,
    });
    expect(completedTasks() - before).toBe(1);
    expect(answer.planVsActual.byArea.totalCount).toBe(communes.length);
    expect(answer.planVsActual.byArea.edges.map((edge) => edge.node.areaCode)).toEqual(
      communes.slice(0, 200),
    );
    expect(answer.planVsActual.byArea.pageInfo.hasNextPage).toBe(true);
  });
});

describe('plan vs actual of a province’s districts in one request', () => {
  type Child = {
    areaCode: string;
    totalActual: number;
    servedAfterCampaign: number;
    reporting: { daysReported: number; completeDays: number; partialDays: number };
  };
  type Compared = {
    totalActual: number;
    campaignLastDay: string;
    children: Child[];
    reportWarnings: { field: string; code: string }[];
  };
  const CHILDREN = `query ($to: Date) {
    planVsActual(scenarioId: "nghe-an-2021", areaCode: "40", to: $to) {
      ... on PlanVsActual {
        totalActual campaignLastDay reportWarnings { field code }
        children { areaCode totalActual servedAfterCampaign reporting { daysReported completeDays partialDays } }
      }
    }
  }`;

  it('counts each district’s reports as a plain SQL sum of its communes’ does, the days outside apart', async () => {
    // Nghệ An, 15 March – 30 June 2021 (its plan ends on 5 May): five days of reports from its
    // communes, one in four missing each day, a report the day before the start and one in August.
    const districts = await storedBelow('40', 'district');
    const communes = await database.prisma.area.findMany({
      where: { parentCode: { in: districts } },
      select: { code: true, parentCode: true },
      orderBy: { code: 'asc' },
    });
    const dates = ['2021-03-15', '2021-03-16', '2021-03-17', '2021-03-18', '2021-03-19'];
    const reports = dates.flatMap((date, day) =>
      communes
        .filter((_, i) => (i + day) % 4 !== 0)
        .map(({ code }, i) => ({
          date,
          areaCode: code,
          dossiers: 20 + ((i * 7 + day * 3) % 50),
          machinesWorking: 1,
        })),
    );
    const [first, second] = communes;
    reports.push({ date: '2021-03-14', areaCode: first?.code as string, dossiers: 50, machinesWorking: 1 });
    reports.push({ date: '2021-08-20', areaCode: second?.code as string, dossiers: 70, machinesWorking: 1 });
    await database.prisma.actualReport.createMany({ data: reports });
    const august = await database.prisma.actualReport.findFirstOrThrow({ where: { date: '2021-08-20' } });

    // The independent path: SQL over the stored reports, by district, within the campaign's days.
    const sums = await database.prisma.$queryRaw<{ code: string; total: number; days: number }[]>`
      SELECT c."parentCode" AS "code", sum(r."dossiers")::int AS "total", count(DISTINCT r."date")::int AS "days"
      FROM "ActualReport" AS r JOIN "Area" AS c ON c."code" = r."areaCode"
      WHERE c."parentCode" = ANY(${districts}) AND NOT r."voided"
        AND r."date" >= '2021-03-15' AND r."date" <= '2021-06-30'
      GROUP BY c."parentCode"`;
    const byDistrict = new Map(sums.map((row) => [row.code, row]));
    const size = (district: string) => communes.filter((commune) => commune.parentCode === district).length;
    const reportedOn = (district: string, date: string) =>
      new Set(
        reports
          .filter((report) => report.date === date)
          .map((report) => communes.find((commune) => commune.code === report.areaCode))
          .filter((commune) => commune?.parentCode === district),
      ).size;
    const completeDays = (district: string) =>
      dates.filter((date) => reportedOn(district, date) === size(district)).length;

    const compared = (await data<{ planVsActual: Compared }>(CHILDREN, { to: null })).planVsActual;
    expect(compared.campaignLastDay).toBe('2021-06-30');
    expect(compared.totalActual).toBe(sums.reduce((sum, row) => sum + row.total, 0));
    expect(compared.children.map((child) => child.areaCode)).toEqual(districts);
    for (const child of compared.children) {
      const expected = byDistrict.get(child.areaCode);
      expect(child.totalActual, child.areaCode).toBe(expected?.total ?? 0);
      expect(child.reporting.daysReported, child.areaCode).toBe(expected?.days ?? 0);
      expect(child.reporting.completeDays, child.areaCode).toBe(completeDays(child.areaCode));
      expect(child.reporting.partialDays, child.areaCode).toBe(
        (expected?.days ?? 0) - completeDays(child.areaCode),
      );
      expect(child.servedAfterCampaign, child.areaCode).toBe(child.areaCode === second?.parentCode ? 70 : 0);
    }
    // From the start by default, with no end: the August report is named; the one before the start is not asked.
    expect(compared.reportWarnings).toEqual([{ field: `${august.id}.date`, code: 'outside-campaign' }]);
    // To the last day reported: nothing outside the campaign's days, nothing to name.
    const toLast = (await data<{ planVsActual: Compared }>(CHILDREN, { to: '2021-03-19' })).planVsActual;
    expect(toLast.totalActual).toBe(compared.totalActual);
    expect(toLast.reportWarnings).toEqual([]);
  });
});

describe('plan vs actual nested below its areas, priced before it runs', () => {
  // A `children` or `byArea` below the areas `planVsActual` answers is a further comparison of
  // every area it names (481 areas for Nghệ An's districts' communes, 144,326 points
  // charged once the province's own comparison had run). The request is refused whole by its
  // estimate, nothing compared.
  const comparisons = () => computationsStarted().get('compareAreasWithActuals') ?? 0;
  const nested = (scenarioId: string, areaCode: string, selection: string) =>
    `{ planVsActual(scenarioId: "${scenarioId}", areaCode: "${areaCode}") { ... on PlanVsActual { totalActual ${selection} } } }`;

  it.each([
    [
      'a province’s districts’ children',
      'nghe-an-2021',
      '40',
      'children { areaCode children { areaCode totalActual } }',
      'PlanVsActual.children',
    ],
    [
      'a page of communes under each district',
      'nghe-an-2021',
      '40',
      'children { areaCode byArea(level: COMMUNE, first: 3) { edges { node { areaCode } } } }',
      'PlanVsActual.children',
    ],
    [
      'the children of a page of districts',
      'dak-nong-2021',
      '67',
      'byArea(level: DISTRICT, first: 10) { edges { node { areaCode children { areaCode } } } }',
      'PlanVsActual.children',
    ],
  ])(
    'refuses %s over the cost limit before comparing anything, naming the field',
    async (_what, scenarioId, areaCode, selection, field) => {
      const before = comparisons();
      const refused = await gql(nested(scenarioId, areaCode, selection));
      expect(refused.data).toBeUndefined();
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', field, limit: 20_000 });
      expect(comparisons() - before).toBe(0);
    },
  );

  it('answers a province’s plan and its districts’ plan vs actual in one request, as the web’s plan view asks', async () => {
    // The shape of apps/web's PlanView document: the plan's rows and the comparison with children.
    const districts = await storedBelow('40', 'district');
    const answer = await data<{ planVsActual: { children: { areaCode: string }[] } }>(
      `query ($scenarioId: ID!, $areaCode: String!) {
        area(code: $areaCode) { code name parent { code name } }
        plan(scenarioId: $scenarioId, areaCode: $areaCode) {
          __typename
          ... on CampaignPlan {
            completionDate
            area { code demand machines machinesNeeded dailyTarget status completionDate }
            areas { code name parentCode depth isLeaf demand machines machinesNeeded dailyTarget completionDate status }
          }
          ... on Error { message }
        }
        planVsActual(scenarioId: $scenarioId, areaCode: $areaCode) {
          __typename
          ... on PlanVsActual {
            totalActual totalPlanned campaignLastDay demand observedDossiersPerMachineDay leaves
            days { date planned actual cumulativePlanned cumulativeActual variance reporting reportedLeaves plannedOfReported }
            forecast { expected earliest latest remaining basedOnDays }
            children { areaCode demand totalActual reporting { daysReported } forecast { expected } }
            warnings { __typename }
            reportWarnings { code report { reportId date areaCode area { code name } team { code name } } }
          }
          ... on Error { message }
        }
      }`,
      { scenarioId: 'nghe-an-2021', areaCode: '40' },
    );
    expect(answer.planVsActual.children.map((child) => child.areaCode)).toEqual(districts);
  });

  it('answers a 2025 province’s communes as its children, as the web’s plan view asks', async () => {
    // Nghệ An in the units of 2025 has no districts: its 130 communes are right below it, each
    // compared beside the province (once priced as 131 daily series, 39,300 points, refused as it ran).
    const scenario = await database.prisma.scenario.findUniqueOrThrow({ where: { id: 'nghe-an-2025' } });
    const communes = await storedBelow(scenario.areaCode, 'commune');
    await database.prisma.actualReport.createMany({
      data: communes.map((areaCode, i) => ({
        date: '2021-03-15',
        areaCode,
        dossiers: 10 + i,
        machinesWorking: 1,
      })),
    });
    const answer = await gql<{
      planVsActual: {
        __typename: string;
        totalActual: number;
        children: { areaCode: string; totalActual: number }[];
      };
    }>(
      `query ($scenarioId: ID!, $areaCode: String!) {
        planVsActual(scenarioId: $scenarioId, areaCode: $areaCode, to: "2021-03-15") {
          __typename
          ... on PlanVsActual { totalActual children { areaCode totalActual } }
          ... on Error { message }
        }
      }`,
      { scenarioId: 'nghe-an-2025', areaCode: scenario.areaCode },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.planVsActual.__typename).toBe('PlanVsActual');
    expect(communes.length).toBeGreaterThan(120);
    const children = answer.data?.planVsActual.children ?? [];
    expect(children.map((child) => child.areaCode)).toEqual(communes);
    expect(children.map((child) => child.totalActual)).toEqual(communes.map((_, i) => 10 + i));
  });

  it('answers the communes of one district of a page, within the limit', async () => {
    // Đắk Nông's first district by code, and its communes, as the area tree stores them.
    const [district] = await storedBelow('67', 'district');
    const communes = (
      await database.prisma.area.findMany({
        where: { parentCode: district as string },
        select: { code: true },
      })
    )
      .map((row) => row.code)
      .sort();
    const answer = await data<{
      planVsActual: { byArea: { edges: { node: { areaCode: string; children: { areaCode: string }[] } }[] } };
    }>(
      nested(
        'dak-nong-2021',
        '67',
        'byArea(level: DISTRICT, first: 1) { edges { node { areaCode children { areaCode } } } }',
      ),
    );
    const [edge] = answer.planVsActual.byArea.edges;
    expect(edge?.node.areaCode).toBe(district);
    expect(edge?.node.children.map((child) => child.areaCode).sort()).toEqual(communes);
  });
});
