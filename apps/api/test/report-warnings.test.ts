import { describe, expect, it, vi } from 'vitest';
import { loadReportContext } from '../src/actuals/_internal/report-context.ts';
import { importActuals } from '../src/actuals/import-actuals.ts';
import { reportById } from '../src/actuals/report-by-id.ts';
import type { Principal } from '../src/auth/tokens.ts';
import { campaignOver } from './_commune-campaign.ts';
import { data, database, gql, tokenFor, useDatabase } from './graphql.ts';

useDatabase();

// A commune of its own per test (`campaignOver`): 2,000 eligible, 3–16 May 2021, 240 dossiers a
// machine in 24 hours, 2 machines.

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

type Recorded = {
  report: { reportId: string };
  warnings: { code: string; field: string; message: string }[];
};

const recordAs = async (reports: unknown[], token?: string): Promise<Recorded[]> =>
  (
    await data<{ recordActuals: { reports: Recorded[] } }>(
      `mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) {
        ... on RecordActualsPayload { reports { report { reportId } warnings { code field message } } } } }`,
      { reports },
      token === undefined ? {} : { token },
    )
  ).recordActuals.reports;

/** Teams of their own in a commune, each working with one machine. */
const teamsIn = async (areaCode: string, codes: readonly string[]): Promise<void> => {
  for (const code of codes) {
    await database.prisma.team.create({
      data: { code, name: `Tổ ${code}`, kind: 'FIXED', homeAreaCode: areaCode, machines: 1 },
    });
  }
};

const ADMIN: Principal = {
  tokenId: 'test',
  name: 'test admin',
  role: 'ADMIN',
  areaCode: null,
  areaPath: null,
  teamCode: null,
};

describe('a day of team reports sent in several batches', () => {
  // campaignOver's plan puts its 2 machines in the commune: 2 × 1,440 ÷ 6 = 480 dossiers in 24 hours.
  it('warns the later batch when its report and another team’s stored one add up to more than the planned machines do', async () => {
    const scenarioId = await campaignOver('T7201');
    await teamsIn('T7201', ['T7201-A', 'T7201-B']);
    const reporterOfB = await tokenFor({ role: 'REPORTER', name: 'phone of T7201-B', teamCode: 'T7201-B' });
    // Team A's 300 alone is within the 480.
    const [first] = await recordAs([
      { date: '2021-05-06', areaCode: 'T7201', teamCode: 'T7201-A', dossiers: 300 },
    ]);
    expect(first?.warnings).toEqual([]);
    // Team B's 300 of the same day, sent later by its own phone: 300 + 300 = 600, above the 480.
    const [later] = await recordAs([{ date: '2021-05-06', areaCode: 'T7201', dossiers: 300 }], reporterOfB);
    expect(later?.warnings).toEqual([
      {
        code: 'day-above-planned-machines',
        field: 'reports[0].dossiers',
        message:
          'reports[0].dossiers: the 2 reports of area T7201 on 2021-05-06, none giving machines working, add up to 600 dossiers, above the 480 that the 2 machines planned there do in 24 hours at 6 minutes a dossier (1 of them recorded before this batch)',
      },
    ]);
    // Plan vs actual warns about the same report of the same day.
    const compared = await data<{ planVsActual: { reportWarnings: Warned[] } }>(WARNINGS, {
      scenarioId,
      areaCode: 'T7201',
    });
    expect(compared.planVsActual.reportWarnings.map((w) => [w.code, w.report?.reportId])).toEqual([
      ['day-above-planned-machines', later?.report.reportId],
    ]);
  });

  it('counts a team’s stored report as the later batch corrects it, and leaves out voided ones and days with the area’s own total', async () => {
    const scenarioId = await campaignOver('T7202');
    await teamsIn('T7202', ['T7202-A', 'T7202-B', 'T7202-C']);
    const team = (date: string, teamCode: string, dossiers: number) => ({
      date,
      areaCode: 'T7202',
      teamCode,
      dossiers,
    });
    const stored = await recordAs([
      // 7 May: A's 300 and B's 100, corrected below to 100 and left as it is: 200 in all.
      team('2021-05-07', 'T7202-A', 300),
      team('2021-05-07', 'T7202-B', 100),
      // 8 May: A's 300, voided below: it counts nowhere.
      team('2021-05-08', 'T7202-A', 300),
      // 9 May: the area's own total of 300 beside A's 300: the total wins, the day is judged by it.
      { date: '2021-05-09', areaCode: 'T7202', dossiers: 300 },
      team('2021-05-09', 'T7202-A', 300),
    ]);
    expect(stored.map((r) => r.warnings)).toEqual([[], [], [], [], []]);
    await data(`mutation ($id: ID!) { voidActualReport(id: $id, reason: "sent twice") { __typename } }`, {
      id: stored[2]?.report.reportId,
    });
    const later = await recordAs([
      team('2021-05-07', 'T7202-A', 100),
      team('2021-05-07', 'T7202-C', 250),
      team('2021-05-08', 'T7202-B', 300),
      team('2021-05-09', 'T7202-B', 300),
    ]);
    // 7 May: 100 + 100 + 250 = 450, within the 480 (the 300 it replaced would have made 750);
    // 8 May: 300 alone; 9 May: the area's own 300, judged by itself for the planned machines, but
    // below its teams' 300 + 300 = 600, which it sets aside.
    expect(later.map((r) => r.warnings.map((w) => w.code))).toEqual([
      [],
      [],
      [],
      ['total-below-team-reports'],
    ]);
    const compared = await data<{ planVsActual: { reportWarnings: Warned[] } }>(WARNINGS, {
      scenarioId,
      areaCode: 'T7202',
    });
    // Plan vs actual says the total below its teams' in its `warnings` (below), not of a report.
    expect(compared.planVsActual.reportWarnings).toEqual([]);
  });

  it('warns a file imported after another team’s reports of the same day', async () => {
    await campaignOver('T7203');
    await teamsIn('T7203', ['T7203-A', 'T7203-B']);
    await recordAs([{ date: '2021-05-10', areaCode: 'T7203', teamCode: 'T7203-A', dossiers: 290 }]);
    const imported = await importActuals(
      database.prisma,
      [
        { date: '2021-05-10', areaCode: 'T7203', teamCode: 'T7203-B', dossiers: 200 },
        { date: '2021-05-11', areaCode: 'T7203', teamCode: 'T7203-B', dossiers: 200 },
      ],
      ADMIN,
      { maxReports: 10 },
    );
    // 290 + 200 = 490 on 10 May, above the 480; 200 alone on 11 May.
    expect(imported.ok && imported.warnings).toEqual([
      {
        index: 0,
        field: 'dossiers',
        path: 'reports[0].dossiers',
        severity: 'unlikely',
        code: 'day-above-planned-machines',
        reason:
          'the 2 reports of area T7203 on 2021-05-10, none giving machines working, add up to 490 dossiers, above the 480 that the 2 machines planned there do in 24 hours at 6 minutes a dossier (1 of them recorded before this batch)',
        message:
          'reports[0].dossiers: the 2 reports of area T7203 on 2021-05-10, none giving machines working, add up to 490 dossiers, above the 480 that the 2 machines planned there do in 24 hours at 6 minutes a dossier (1 of them recorded before this batch)',
      },
    ]);
  });
  it('reads the stored reports of a day only in an area its sender sees, as reports are read', async () => {
    await campaignOver('T7205');
    await teamsIn('T7205', ['T7205-A', 'T7205-B']);
    await recordAs([{ date: '2021-05-06', areaCode: 'T7205', teamCode: 'T7205-A', dossiers: 300 }]);
    const batch = [{ date: '2021-05-06', areaCode: 'T7205', teamCode: 'T7205-B', dossiers: 300 }];
    const planner = (areaCode: string): Principal => ({
      ...ADMIN,
      name: `planner of ${areaCode}`,
      role: 'PLANNER',
      areaCode,
      areaPath: areaCode,
    });
    const stored = async (sender?: Principal) =>
      (await loadReportContext(database.prisma, batch, sender ? { sender } : {})).storedTeamDays;
    // Its planner sees team A's report of the day (any team's report in its area, as actualReports lists them).
    expect(await stored(planner('T7205'))).toEqual([
      { date: '2021-05-06', areaCode: 'T7205', teamCode: 'T7205-A', dossiers: 300, machinesWorking: null },
    ]);
    // A planner of another commune, and a read with no sender, read none.
    expect(await stored(planner('T7999'))).toEqual([]);
    expect(await stored()).toEqual([]);
  });
});

describe('an area’s own total below its teams’ reports of the day', () => {
  const BELOW = `query ($scenarioId: ID!, $areaCode: String!) {
    planVsActual(scenarioId: $scenarioId, areaCode: $areaCode) {
      ... on PlanVsActual {
        days { date actual }
        warnings { ... on TotalBelowTeamReportsWarning { areaCode date totalDossiers teamDossiers teamReports } } } } }`;
  type Below = {
    planVsActual: {
      days: { date: string; actual: number | null }[];
      warnings: Record<string, unknown>[];
    };
  };

  it('is warned at recording whichever came first, the batch’s or the stored reports, and in plan vs actual with the figures kept and set aside', async () => {
    const scenarioId = await campaignOver('T7301');
    await teamsIn('T7301', ['T7301-A', 'T7301-B']);
    const phoneOfA = await tokenFor({ role: 'REPORTER', name: 'phone of T7301-A', teamCode: 'T7301-A' });
    const planner = await tokenFor({ role: 'PLANNER', name: 'planner of T7301', areaCode: 'T7301' });
    const team = (date: string, teamCode: string, dossiers: number) => ({
      date,
      areaCode: 'T7301',
      teamCode,
      dossiers,
    });
    const total = (date: string, dossiers: number) => ({ date, areaCode: 'T7301', dossiers });
    // 5 May: team A's phone says 300, then the planner's tally 142: the tally is counted, the 300 set aside.
    expect(
      (await recordAs([{ date: '2021-05-05', areaCode: 'T7301', dossiers: 300 }], phoneOfA))[0]?.warnings,
    ).toEqual([]);
    const [tally] = await recordAs([total('2021-05-05', 142)], planner);
    expect(tally?.warnings).toEqual([
      {
        code: 'total-below-team-reports',
        field: 'reports[0].dossiers',
        message:
          "reports[0].dossiers: area T7301's own total on 2021-05-05, 142 dossiers, is counted and its team's report of 300 dossiers set aside (an area's own total wins over its teams' reports): check the total and the teams' figures (1 of the day's reports recorded before this batch)",
      },
    ]);
    // 6 May: the tally of 138 first, then A's corrected 450: the phone's report is warned.
    expect((await recordAs([total('2021-05-06', 138)], planner))[0]?.warnings).toEqual([]);
    const [corrected] = await recordAs([{ date: '2021-05-06', areaCode: 'T7301', dossiers: 450 }], phoneOfA);
    expect(corrected?.warnings.map((w) => [w.code, w.field])).toEqual([
      ['total-below-team-reports', 'reports[0].dossiers'],
    ]);
    // 7 May, one batch: A's 200 and B's 150 beside a total of 300: 350 set aside, named on the last.
    const oneBatch = await recordAs([
      team('2021-05-07', 'T7301-A', 200),
      total('2021-05-07', 300),
      team('2021-05-07', 'T7301-B', 150),
    ]);
    expect(oneBatch.map((r) => r.warnings.map((w) => w.code))).toEqual([
      [],
      [],
      ['total-below-team-reports'],
    ]);
    // 8 May: a total of 400 above A's 250: nothing.
    const above = await recordAs([team('2021-05-08', 'T7301-A', 250), total('2021-05-08', 400)]);
    expect(above.map((r) => r.warnings)).toEqual([[], []]);

    const compared = await data<Below>(BELOW, { scenarioId, areaCode: 'T7301' });
    expect(
      compared.planVsActual.days.filter((d) => d.actual !== null).map((d) => [d.date, d.actual]),
    ).toEqual([
      ['2021-05-05', 142],
      ['2021-05-06', 138],
      ['2021-05-07', 300],
      ['2021-05-08', 400],
    ]);
    expect(compared.planVsActual.warnings.filter((w) => 'totalDossiers' in w)).toEqual([
      { areaCode: 'T7301', date: '2021-05-05', totalDossiers: 142, teamDossiers: 300, teamReports: 1 },
      { areaCode: 'T7301', date: '2021-05-06', totalDossiers: 138, teamDossiers: 450, teamReports: 1 },
      { areaCode: 'T7301', date: '2021-05-07', totalDossiers: 300, teamDossiers: 350, teamReports: 2 },
    ]);
  });

  it('is warned in a file imported after the team’s report of the same day', async () => {
    await campaignOver('T7302');
    await teamsIn('T7302', ['T7302-A']);
    await recordAs([{ date: '2021-05-10', areaCode: 'T7302', teamCode: 'T7302-A', dossiers: 300 }]);
    const imported = await importActuals(
      database.prisma,
      [
        { date: '2021-05-10', areaCode: 'T7302', dossiers: 120 },
        { date: '2021-05-11', areaCode: 'T7302', dossiers: 120 },
      ],
      ADMIN,
      { maxReports: 10 },
    );
    expect(imported.ok && imported.warnings.map((w) => [w.index, w.code, w.path])).toEqual([
      [0, 'total-below-team-reports', 'reports[0].dossiers'],
    ]);
  });
});

describe('a report above the planned machines alone', () => {
  it('is warned once, as its own figure, though its day’s team reports add up to more', async () => {
    const scenarioId = await campaignOver('T7204');
    await teamsIn('T7204', ['T7204-A', 'T7204-B']);
    // Each team's 500 is above the 480 alone: the day's 1,000 says nothing more of either report.
    const recorded = await recordAs([
      { date: '2021-05-06', areaCode: 'T7204', teamCode: 'T7204-A', dossiers: 500 },
      { date: '2021-05-06', areaCode: 'T7204', teamCode: 'T7204-B', dossiers: 500 },
    ]);
    expect(recorded.map((r) => r.warnings.map((w) => w.code))).toEqual([
      ['above-service-capacity'],
      ['above-service-capacity'],
    ]);
    const compared = await data<{ planVsActual: { reportWarnings: Warned[] } }>(WARNINGS, {
      scenarioId,
      areaCode: 'T7204',
    });
    expect(compared.planVsActual.reportWarnings.map((w) => w.code)).toEqual([
      'above-service-capacity',
      'above-service-capacity',
    ]);
  });
});
