import { describe, expect, it, vi } from 'vitest';
import { reportById } from '../src/actuals/report-by-id.ts';
import type { Principal } from '../src/auth/tokens.ts';
import { data, database, gql, tokenFor, useDatabase } from './graphql.ts';

useDatabase();

// A commune of its own per test: 2,000 eligible, a campaign of 3–16 May 2021 open 08:00–18:00 every
// day at 6 minutes a dossier (100 a machine-day, 240 in 24 hours) with 2 machines.
const campaignOver = async (code: string): Promise<string> => {
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
        machines: [{ areaCode: code, machines: 2 }],
      },
    },
  );
  return created.createScenario.id;
};

type Warned = { code: string; report: { reportId: string } | null };

const record = async (reports: unknown[]) =>
  (
    await data<{ recordActuals: { reports: { report: { reportId: string }; warnings: Warned[] }[] } }>(
      `mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) {
        ... on RecordActualsPayload { reports { report { reportId } warnings { code report { reportId } } } } } }`,
      { reports },
    )
  ).recordActuals.reports;

const WARNINGS = `query ($scenarioId: ID!, $areaCode: String!) {
  planVsActual(scenarioId: $scenarioId, areaCode: $areaCode) {
    ... on PlanVsActual { reportWarnings { code report { reportId date areaCode teamCode dossiers team { code } } } } } }`;

describe('the report a warning of plan vs actual is about', () => {
  it('is the stored report, with its date, area and team; none in a recording answer', async () => {
    await campaignOver('T7101');
    await database.prisma.team.create({
      data: {
        code: 'T7101-MOBILE',
        name: 'Tổ lưu động T7101',
        kind: 'MOBILE',
        homeAreaCode: 'T7101',
        machines: 1,
      },
    });
    const [unlikely, late] = await record([
      // 500 on one machine, above the 240 it does in 24 hours.
      { date: '2021-05-06', areaCode: 'T7101', teamCode: 'T7101-MOBILE', dossiers: 500, machinesWorking: 1 },
      // Two months after the deadline, long after the last day reported: outside the campaign.
      { date: '2021-07-20', areaCode: 'T7101', dossiers: 50, machinesWorking: 2 },
    ]);
    // At recording the warning sits on the report it is about.
    expect(unlikely?.warnings).toEqual([{ code: 'above-service-capacity', report: null }]);
    expect(late?.warnings).toEqual([{ code: 'outside-campaign', report: null }]);
    const scenarioId = (await database.prisma.scenario.findFirstOrThrow({ where: { areaCode: 'T7101' } })).id;
    const compared = await data<{ planVsActual: { reportWarnings: Warned[] } }>(WARNINGS, {
      scenarioId,
      areaCode: 'T7101',
    });
    expect(compared.planVsActual.reportWarnings).toEqual([
      {
        code: 'above-service-capacity',
        report: {
          reportId: unlikely?.report.reportId,
          date: '2021-05-06',
          areaCode: 'T7101',
          teamCode: 'T7101-MOBILE',
          dossiers: 500,
          team: { code: 'T7101-MOBILE' },
        },
      },
      {
        code: 'outside-campaign',
        report: {
          reportId: late?.report.reportId,
          date: '2021-07-20',
          areaCode: 'T7101',
          teamCode: null,
          dossiers: 50,
          team: null,
        },
      },
    ]);
  });

  it('loads the reports of every warning in one query', async () => {
    const scenarioId = await campaignOver('T7102');
    // Each of the campaign's 14 days (3–16 May) above the 240 one machine does in 24 hours.
    const days = Array.from({ length: 14 }, (_, k) => `2021-05-${String(3 + k).padStart(2, '0')}`);
    await record(days.map((date) => ({ date, areaCode: 'T7102', dossiers: 300, machinesWorking: 1 })));
    const findMany = vi.spyOn(database.prisma.actualReport, 'findMany');
    const reads = async (selection: string) => {
      findMany.mockClear();
      const answer = await gql<{ planVsActual: { reportWarnings: unknown[] } }>(
        `query ($scenarioId: ID!, $areaCode: String!, $from: Date) {
          planVsActual(scenarioId: $scenarioId, areaCode: $areaCode, from: $from) {
            ... on PlanVsActual { reportWarnings { ${selection} } } } }`,
        // A day asked apart each time, so that no answer is kept from the one before.
        { scenarioId, areaCode: 'T7102', from: selection.includes('report') ? '2021-05-03' : null },
      );
      return {
        warnings: answer.data?.planVsActual.reportWarnings.length,
        queries: findMany.mock.calls.length,
      };
    };
    try {
      const without = await reads('code');
      const withReports = await reads('code report { reportId date }');
      expect(without.warnings).toBe(14);
      expect(withReports.warnings).toBe(14);
      expect(withReports.queries - without.queries).toBe(1);
    } finally {
      findMany.mockRestore();
    }
  });

  it('is none for a report outside the caller’s area', async () => {
    await campaignOver('T7103');
    const [stored] = await record([
      { date: '2021-05-04', areaCode: 'T7103', dossiers: 10, machinesWorking: 1 },
    ]);
    const id = stored?.report.reportId as string;
    const planner = (areaCode: string): Principal => ({
      tokenId: 'test',
      name: `planner of ${areaCode}`,
      role: 'PLANNER',
      areaCode,
      areaPath: areaCode,
      teamCode: null,
    });
    expect(await reportById(database.prisma, new Map(), planner('T7999'), {}, id)).toBeNull();
    expect((await reportById(database.prisma, new Map(), planner('T7103'), {}, id))?.dossiers).toBe(10);
    // Through the API, a planner of another commune is not told the scenario exists.
    await database.prisma.area.create({
      data: { code: 'T7999', name: 'Xã T7999', level: 'commune', path: 'T7999', depth: 0, eligible: 10 },
    });
    const token = await tokenFor({ role: 'PLANNER', name: 'planner of T7999', areaCode: 'T7999' });
    const scenarioId = (await database.prisma.scenario.findFirstOrThrow({ where: { areaCode: 'T7103' } })).id;
    const answer = await gql<{ planVsActual: { __typename: string } }>(
      `query ($scenarioId: ID!) { planVsActual(scenarioId: $scenarioId, areaCode: "T7103") { __typename } }`,
      { scenarioId },
      { token },
    );
    expect(answer.data?.planVsActual.__typename).toBe('NotFoundError');
  });
});
