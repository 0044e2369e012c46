import { gql } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AreaPlanDocument,
  AreaTreeDocument,
  type AreaTreeQuery,
  ImportAreasDocument,
  ImportMachinesDocument,
  ImportReportsDocument,
  PlanViewDocument,
  type PlanViewQuery,
  RecordReportDocument,
} from '../gql/graphql.ts';
import { createApiClient } from './client.ts';

// Huyện Đắk Song (665) and its commune Xã Đắk Môl (24718), 7,354 people in the demo data
// (data/vietnam/demo_nghean_daknong_2021.csv), and the two villages of 7,000 and 354 people an area
// file puts under it (e2e/spreadsheets.e2e.ts sends the same ones to the demo API).
const VILLAGES = [
  { code: '99990031', name: 'Thôn Một', population: 7_000 },
  { code: '99990032', name: 'Thôn Hai', population: 354 },
];

/** The API's answers as it gives them, every object with its `__typename`; `stored` once a file is. */
function fakeApi(importAnswer: Record<string, unknown>) {
  const asked: string[] = [];
  let stored = false;
  const commune = () => ({
    __typename: 'Area',
    code: '24718',
    name: 'Xã Đắk Môl',
    level: 'COMMUNE',
    population: 7_354,
    eligible: null,
    children: stored
      ? VILLAGES.map((village) => ({ __typename: 'Area', level: 'VILLAGE', eligible: null, ...village }))
      : [],
  });
  const answer = (operationName: string): Record<string, unknown> => {
    if (operationName === 'AreaTree') {
      return {
        area: {
          __typename: 'Area',
          code: '665',
          name: 'Huyện Đắk Song',
          level: 'DISTRICT',
          population: 78_040,
          eligible: null,
          parent: { __typename: 'Area', code: '67', name: 'Tỉnh Đắk Nông' },
          children: [commune()],
        },
      };
    }
    if (importAnswer.__typename === 'ImportAreasPayload') stored = true;
    return { importAreas: importAnswer };
  };
  const fetch = async (_url: unknown, init: RequestInit) => {
    // A file goes as a multipart upload: the operation is its `operations` part.
    const body = init.body instanceof FormData ? String(init.body.get('operations')) : String(init.body);
    const { operationName } = JSON.parse(body) as { operationName: string };
    asked.push(operationName);
    return new Response(JSON.stringify({ data: answer(operationName) }), {
      headers: { 'content-type': 'application/json' },
    });
  };
  return { asked, fetch };
}

/** Each answer the tree query gives its reader: the codes of the villages under Xã Đắk Môl. */
function readTree(client: ReturnType<typeof createApiClient>) {
  const seen: string[][] = [];
  const { unsubscribe } = client
    .query(AreaTreeDocument, { code: '665', withFigures: true })
    .subscribe((result) => {
      const area = (result.data as AreaTreeQuery | undefined)?.area;
      const commune = area?.children.find((child) => child.code === '24718');
      if (commune) seen.push(commune.children.map((village) => village.code));
    });
  return { seen, unsubscribe };
}

const csv = new File(['Mã địa bàn,Tên địa bàn,Mã cấp trên,Cấp,Dân số\n'], 'thon.csv', { type: 'text/csv' });

// Krông Nô (664) planned with 3 machines from 2 October to 30 November 2023, and its reports of 2 to
// 15 October, 250 and 350 dossiers on alternate days: 4,200 in all, 350 of them on 15 October
// (e2e/planner.e2e.ts, "is offered the re-plan where the plan is on time but the reports forecast…").
const KRONG_NO = 'krong-no-2023';
/** Another scenario over the same district, which no file below touches. */
const OTHER = 'krong-no-2023-bis';

/** What the fake API has stored: each scenario's machines in Krông Nô, and the dossiers reported there. */
type Stored = { machines: Record<string, number>; reported: number };

/** A mutation's answer as the API gives it, and what it stores (nothing for a refusal). */
type Answer = { data: Record<string, unknown>; store?: (stored: Stored) => void };

/**
 * The API's answers to the plan page's query (PlanView), the areas page's (AreaPlan) and a scenario's
 * machines (ScenarioMachines) from what is `stored` now, and to each mutation its `answers` entry (by
 * operation name), in the order sent.
 */
function fakePlanApi(stored: Stored, answers: Record<string, Answer[]>) {
  const asked: string[] = [];
  const district = (scenarioId: string) => ({
    __typename: 'AreaPlan',
    code: '664',
    demand: 52_372,
    machines: stored.machines[scenarioId],
    machinesNeeded: null,
    dailyTarget: 878,
    status: 'ON_TIME',
    completionDate: '2023-11-24',
  });
  const query = (operationName: string, scenarioId: string): Record<string, unknown> => {
    if (operationName === 'ScenarioMachines') {
      return {
        scenario: {
          __typename: 'Scenario',
          scenarioId,
          machines: [
            { __typename: 'MachineAllocation', areaCode: '664', machines: stored.machines[scenarioId] },
          ],
        },
      };
    }
    if (operationName === 'AreaPlan') {
      return {
        plan: {
          __typename: 'CampaignPlan',
          areas: [{ __typename: 'AreaPlan', code: '664', demand: 52_372, status: 'ON_TIME' }],
        },
      };
    }
    return {
      area: {
        __typename: 'Area',
        code: '664',
        name: 'Huyện Krông Nô',
        parent: { __typename: 'Area', code: '67', name: 'Tỉnh Đắk Nông' },
      },
      plan: {
        __typename: 'CampaignPlan',
        completionDate: '2023-11-24',
        area: district(scenarioId),
        areas: [
          { ...district(scenarioId), name: 'Huyện Krông Nô', parentCode: '67', depth: 1, isLeaf: false },
        ],
      },
      planVsActual: {
        __typename: 'PlanVsActual',
        totalActual: stored.reported,
        totalPlanned: 52_372,
        campaignLastDay: '2023-11-30',
        demand: 52_372,
        observedDossiersPerMachineDay: null,
        leaves: 12,
        days: [],
        forecast: null,
        children: [],
        warnings: [],
        reportWarnings: [],
      },
    };
  };
  const fetch = async (_url: unknown, init: RequestInit) => {
    const body = init.body instanceof FormData ? String(init.body.get('operations')) : String(init.body);
    const { operationName, variables } = JSON.parse(body) as {
      operationName: string;
      variables: { scenarioId?: string };
    };
    asked.push(variables.scenarioId ? `${operationName} ${variables.scenarioId}` : operationName);
    const mutation = answers[operationName]?.shift();
    mutation?.store?.(stored);
    const data = mutation ? mutation.data : query(operationName, variables.scenarioId ?? '');
    return new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } });
  };
  return { asked, fetch };
}

/** Each answer the plan page's query gives its reader: the district's machines and the dossiers reported. */
function readPlanPage(client: ReturnType<typeof createApiClient>, scenarioId: string) {
  const seen: { machines: number | null | undefined; reported: number | undefined }[] = [];
  const { unsubscribe } = client
    .query(PlanViewDocument, { scenarioId, areaCode: '664' })
    .subscribe((result) => {
      const data = result.data as PlanViewQuery | undefined;
      seen.push({
        machines: data?.plan.__typename === 'CampaignPlan' ? data.plan.area.machines : undefined,
        reported:
          data?.planVsActual.__typename === 'PlanVsActual' ? data.planVsActual.totalActual : undefined,
      });
    });
  return { seen, unsubscribe };
}

/** A scenario's machines, as the what-if page reads them to fill in its boxes. */
const ScenarioMachinesDocument = gql`
  query ScenarioMachines($scenarioId: ID!) {
    scenario(id: $scenarioId) {
      scenarioId
      machines {
        areaCode
        machines
      }
    }
  }
`;

/** A refusal of a file, as the API gives it: nothing stored. */
const REFUSED_FILE = {
  __typename: 'SpreadsheetError',
  message: 'The file has 1 problem.',
  code: 'invalid-rows',
  issueCount: 1,
  issues: [],
};

const VoidReportDocument = gql`
  mutation VoidReport($id: ID!, $reason: String!) {
    voidActualReport(id: $id, reason: $reason) {
      __typename
      ... on ActualReport {
        reportId
      }
    }
  }
`;

const CorrectReportDateDocument = gql`
  mutation CorrectReportDate($id: ID!, $date: Date!, $reason: String!) {
    correctActualReportDate(id: $id, date: $date, reason: $reason) {
      __typename
      ... on ActualReport {
        reportId
      }
    }
  }
`;

/** Krông Nô's report of 15 October 2023. */
const REPORT_ID = '3f1c9a52-6e0b-4c1e-9d4a-7b2e0c15a350';
const REPORT = { __typename: 'ActualReport', reportId: REPORT_ID };

/** Each way reports change: its operation, sent through the client, and the stored answer to it. */
const REPORT_CHANGES: {
  name: string;
  /** The mutation's operation name. */
  operation: string;
  /** Dossiers reported in Krông Nô before and after. */
  reported: [number, number];
  send: (client: ReturnType<typeof createApiClient>) => Promise<unknown>;
  answer: Record<string, unknown>;
}[] = [
  {
    name: 'a reports file of 2 to 15 October is stored',
    operation: 'ImportReports',
    reported: [0, 4_200],
    send: (client) => client.mutation(ImportReportsDocument, { file: csv }).toPromise(),
    answer: {
      importReports: {
        __typename: 'ImportReportsPayload',
        rows: 14,
        created: 14,
        corrected: 0,
        unchanged: 0,
        fileNotes: [],
      },
    },
  },
  {
    name: 'the report of 15 October is recorded',
    operation: 'RecordReport',
    reported: [3_850, 4_200],
    send: (client) =>
      client
        .mutation(RecordReportDocument, { report: { areaCode: '664', date: '2023-10-15', dossiers: 350 } })
        .toPromise(),
    answer: {
      recordActuals: {
        __typename: 'RecordActualsPayload',
        reports: [
          {
            __typename: 'RecordedReport',
            outcome: 'CREATED',
            report: { ...REPORT, version: 1 },
            warnings: [],
          },
        ],
      },
    },
  },
  {
    name: 'the report of 15 October is voided',
    operation: 'VoidReport',
    reported: [4_200, 3_850],
    send: (client) =>
      client.mutation(VoidReportDocument, { id: REPORT_ID, reason: 'Gửi hai lần' }).toPromise(),
    answer: { voidActualReport: REPORT },
  },
  {
    // A day before the campaign's start is compared with nothing.
    name: 'the report of 15 October is moved to 1 October',
    operation: 'CorrectReportDate',
    reported: [4_200, 3_850],
    send: (client) =>
      client
        .mutation(CorrectReportDateDocument, { id: REPORT_ID, date: '2023-10-01', reason: 'Nhập nhầm ngày' })
        .toPromise(),
    answer: { correctActualReportDate: REPORT },
  },
];

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createApiClient', () => {
  it('reads the area tree again once an area file is stored: a commune given villages is no longer a leaf', async () => {
    const api = fakeApi({
      __typename: 'ImportAreasPayload',
      total: 2,
      inserted: 2,
      updated: 0,
      fileNotes: [],
      placements: [],
    });
    vi.stubGlobal('fetch', api.fetch);
    const client = createApiClient('mst_planner');
    const tree = readTree(client);
    await vi.waitFor(() => expect(tree.seen).toEqual([[]]));

    const imported = await client.mutation(ImportAreasDocument, { file: csv }).toPromise();
    expect(imported.data?.importAreas.__typename).toBe('ImportAreasPayload');
    await vi.waitFor(() => expect(tree.seen.at(-1)).toEqual(['99990031', '99990032']), { timeout: 2_000 });
    expect(api.asked).toEqual(['AreaTree', 'ImportAreas', 'AreaTree']);
    tree.unsubscribe();
  });
  it('reads a scenario’s machines and plans again once a machines file is stored, not after a refused one, and keeps the other scenarios’', async () => {
    const api = fakePlanApi(
      { machines: { [KRONG_NO]: 3, [OTHER]: 3 }, reported: 0 },
      {
        ImportMachines: [
          { data: { importMachines: REFUSED_FILE } },
          {
            data: {
              importMachines: { __typename: 'ImportMachinesPayload', rows: 1, machines: 4, fileNotes: [] },
            },
            store: (stored) => {
              stored.machines[KRONG_NO] = 4;
              stored.machines[OTHER] = 4;
            },
          },
        ],
      },
    );
    vi.stubGlobal('fetch', api.fetch);
    const client = createApiClient('mst_planner');
    const page = readPlanPage(client, KRONG_NO);
    const other = readPlanPage(client, OTHER);
    const whatIf: number[][] = [];
    const scenario = client.query(ScenarioMachinesDocument, { scenarioId: KRONG_NO }).subscribe((result) => {
      const machines = (result.data as { scenario?: { machines: { machines: number }[] } } | undefined)
        ?.scenario?.machines;
      if (machines) whatIf.push(machines.map((allocation) => allocation.machines));
    });
    await vi.waitFor(() =>
      expect([page.seen.at(-1), other.seen.at(-1), whatIf.at(-1)]).toEqual([
        { machines: 3, reported: 0 },
        { machines: 3, reported: 0 },
        [3],
      ]),
    );

    const refused = await client
      .mutation(ImportMachinesDocument, { scenarioId: KRONG_NO, file: csv })
      .toPromise();
    expect(refused.data?.importMachines.__typename).toBe('SpreadsheetError');
    const imported = await client
      .mutation(ImportMachinesDocument, { scenarioId: KRONG_NO, file: csv })
      .toPromise();
    expect(imported.data?.importMachines.__typename).toBe('ImportMachinesPayload');
    await vi.waitFor(
      () => expect([page.seen.at(-1), whatIf.at(-1)]).toEqual([{ machines: 4, reported: 0 }, [4]]),
      { timeout: 2_000 },
    );
    // The file was the first scenario's: the other is not asked again (the fake would answer it 4).
    expect(other.seen.at(-1)).toEqual({ machines: 3, reported: 0 });
    expect(api.asked.slice(0, 5)).toEqual([
      `PlanView ${KRONG_NO}`,
      `PlanView ${OTHER}`,
      `ScenarioMachines ${KRONG_NO}`,
      `ImportMachines ${KRONG_NO}`,
      `ImportMachines ${KRONG_NO}`,
    ]);
    expect(api.asked.slice(5).sort()).toEqual([`PlanView ${KRONG_NO}`, `ScenarioMachines ${KRONG_NO}`]);
    page.unsubscribe();
    other.unsubscribe();
    scenario.unsubscribe();
  });

  for (const { name, operation, reported, send, answer } of REPORT_CHANGES) {
    it(`reads plan vs actual again once ${name}, and not the plan, which reads no report`, async () => {
      const [before, after] = reported;
      const store = (stored: Stored) => {
        stored.reported = after;
      };
      const api = fakePlanApi(
        { machines: { [KRONG_NO]: 3 }, reported: before },
        {
          [operation]: [{ data: answer, store }],
        },
      );
      vi.stubGlobal('fetch', api.fetch);
      const client = createApiClient('mst_planner');
      const page = readPlanPage(client, KRONG_NO);
      const areas = client
        .query(AreaPlanDocument, { scenarioId: KRONG_NO, areaCode: '664' })
        .subscribe(() => {});
      await vi.waitFor(() => expect(page.seen.at(-1)).toEqual({ machines: 3, reported: before }));
      await vi.waitFor(() => expect(api.asked).toHaveLength(2));

      await send(client);
      await vi.waitFor(() => expect(page.seen.at(-1)).toEqual({ machines: 3, reported: after }), {
        timeout: 2_000,
      });
      expect(api.asked).toEqual([
        `PlanView ${KRONG_NO}`,
        `AreaPlan ${KRONG_NO}`,
        operation,
        `PlanView ${KRONG_NO}`,
      ]);
      page.unsubscribe();
      areas.unsubscribe();
    });
  }
});
