import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { campaignOver } from './_commune-campaign.ts';
import { data, database, gql, tokenFor, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

const RECORD = `mutation ($reports: [ActualReportInput!]!) {
  recordActuals(reports: $reports) {
    __typename
    ... on RecordActualsPayload { created corrected unchanged reports { outcome report { id: reportId version dossiers history { version dossiers machinesWorking } } } }
    ... on InputError { field code message }
    ... on NotFoundError { field }
  }
}`;

type Payload = {
  __typename: string;
  created: number;
  corrected: number;
  unchanged: number;
  reports: {
    outcome: string;
    report: {
      id: string;
      version: number;
      dossiers: number;
      history: { version: number; dossiers: number }[];
    };
  }[];
  field: string;
  code: string;
  message: string;
};

const record = async (reports: unknown[]) =>
  (await data<{ recordActuals: Payload }>(RECORD, { reports })).recordActuals;

// Đắk Mil (663) and two of its communes; figures are made up for these tests.
const krongNo = { date: '2021-03-22', areaCode: '664', dossiers: 900, machinesWorking: 3, hoursOpen: 19 };

describe('recordActuals', () => {
  it('counts the same report sent twice once', async () => {
    const first = await record([krongNo]);
    expect([first.created, first.corrected, first.unchanged]).toEqual([1, 0, 0]);
    const again = await record([krongNo]);
    expect([again.created, again.corrected, again.unchanged]).toEqual([0, 0, 1]);
    expect(again.reports[0]?.report.id).toBe(first.reports[0]?.report.id);
    expect(await database.prisma.actualReport.count({ where: { areaCode: '664', date: '2021-03-22' } })).toBe(
      1,
    );
  });

  it('keeps the earlier value in the history when a report is corrected', async () => {
    const sent = { ...krongNo, date: '2021-03-23', idempotencyKey: 'krong-no-23' };
    await record([sent]);
    const corrected = await record([{ ...sent, dossiers: 950 }]);
    expect(corrected.corrected).toBe(1);
    expect(corrected.reports[0]?.report).toMatchObject({
      version: 2,
      dossiers: 950,
      history: [{ version: 1, dossiers: 900 }],
    });
    const twice = await record([{ ...sent, dossiers: 955, machinesWorking: 4 }]);
    expect(twice.reports[0]?.report).toMatchObject({
      version: 3,
      dossiers: 955,
      history: [
        { version: 1, dossiers: 900, machinesWorking: 3 },
        { version: 2, dossiers: 950, machinesWorking: 3 },
      ],
    });
  });

  it('answers each report of a batch as stored, whether created, corrected or unchanged', async () => {
    const FULL = `mutation ($reports: [ActualReportInput!]!) {
      recordActuals(reports: $reports) {
        ... on RecordActualsPayload { reports { outcome report {
          id: reportId date areaCode teamCode dossiers machinesWorking hoursOpen downtimeMinutes note
          version recordedBy voided changeReason createdAt updatedAt
          history { version date dossiers machinesWorking hoursOpen downtimeMinutes note recordedBy voided changeReason } } } }
      }
    }`;
    type Answered = { outcome: string; report: Record<string, unknown> & { id: string } };
    const send = async (reports: unknown[]) =>
      (await data<{ recordActuals: { reports: Answered[] } }>(FULL, { reports })).recordActuals.reports;
    const day = (date: string, dossiers: number, note: string | null = null) => ({
      date,
      areaCode: '665',
      dossiers,
      machinesWorking: 2,
      hoursOpen: 12.5,
      downtimeMinutes: 30,
      note,
    });
    await send([day('2021-04-02', 500), day('2021-04-03', 600)]);
    // In input order: a correction, a new report, an unchanged one.
    const answered = await send([
      day('2021-04-03', 650, 'recount'),
      day('2021-04-01', 400),
      day('2021-04-02', 500),
    ]);
    expect(answered.map((each) => each.outcome)).toEqual(['CORRECTED', 'CREATED', 'UNCHANGED']);
    for (const { report } of answered) {
      // Read back through Prisma's model queries: another path than the one that wrote and answered.
      const stored = await database.prisma.actualReport.findUniqueOrThrow({
        where: { id: report.id },
        include: { revisions: { orderBy: { version: 'asc' } } },
      });
      expect(report).toEqual({
        id: stored.id,
        date: stored.date,
        areaCode: stored.areaCode,
        teamCode: stored.teamCode,
        dossiers: stored.dossiers,
        machinesWorking: stored.machinesWorking,
        hoursOpen: stored.hoursOpen,
        downtimeMinutes: stored.downtimeMinutes,
        note: stored.note,
        version: stored.version,
        recordedBy: stored.recordedBy,
        voided: stored.voided,
        changeReason: stored.changeReason,
        createdAt: stored.createdAt.toISOString(),
        updatedAt: stored.updatedAt.toISOString(),
        history: stored.revisions.map((revision) => ({
          version: revision.version,
          date: revision.date,
          dossiers: revision.dossiers,
          machinesWorking: revision.machinesWorking,
          hoursOpen: revision.hoursOpen,
          downtimeMinutes: revision.downtimeMinutes,
          note: revision.note,
          recordedBy: revision.recordedBy,
          voided: revision.voided,
          changeReason: revision.changeReason,
        })),
      });
    }
    expect(answered[0]?.report).toMatchObject({
      date: '2021-04-03',
      dossiers: 650,
      note: 'recount',
      version: 2,
    });
    expect(answered[0]?.report.history).toMatchObject([
      { version: 1, dossiers: 600, note: null, hoursOpen: 12.5 },
    ]);
  });

  it('treats a team report and the area-wide report of the same day as two reports', async () => {
    const result = await record([
      { date: '2021-03-24', areaCode: '665', dossiers: 1000 },
      { date: '2021-03-24', areaCode: '665', teamCode: 'DN-DAK-SONG-MOBILE', dossiers: 300 },
    ]);
    expect([result.created, result.unchanged]).toEqual([2, 0]);
  });

  it('stores nothing of a batch when one report in it is refused, naming that report', async () => {
    const before = await database.prisma.actualReport.count();
    const result = await record([
      { date: '2021-03-25', areaCode: '664', dossiers: 800 },
      { date: '2021-03-25', areaCode: 'no-such-area', dossiers: 10 },
    ]);
    // An unknown area is not found, as on every field that names one.
    expect(result).toMatchObject({ __typename: 'NotFoundError', field: 'reports[1].areaCode' });
    expect(await database.prisma.actualReport.count()).toBe(before);
  });

  it('rolls back the reports already written when a later one fails inside the transaction', async () => {
    await record([{ date: '2021-03-26', areaCode: '662', dossiers: 100, idempotencyKey: 'cu-jut-26' }]);
    const before = await database.prisma.actualReport.count();
    // The key belongs to another day's report: found only while writing, after the first report.
    const result = await record([
      { date: '2021-03-27', areaCode: '664', dossiers: 700 },
      { date: '2021-03-27', areaCode: '662', dossiers: 120, idempotencyKey: 'cu-jut-26' },
    ]);
    expect(result).toMatchObject({
      __typename: 'InputError',
      field: 'reports[1].idempotencyKey',
      code: 'conflict',
    });
    expect(await database.prisma.actualReport.count()).toBe(before);
    expect(await database.prisma.actualReport.count({ where: { date: '2021-03-27' } })).toBe(0);
  });

  it('refuses negative and fractional counts with the field named', async () => {
    const negative = await record([{ date: '2021-03-28', areaCode: '664', dossiers: -5 }]);
    expect(negative).toMatchObject({ field: 'reports[0].dossiers', code: 'range' });
    expect(negative.message).toBe('reports[0].dossiers must be a non-negative integer, got -5');
    const downtime = await record([
      { date: '2021-03-28', areaCode: '664', dossiers: 5, downtimeMinutes: 2000 },
    ]);
    expect(downtime).toMatchObject({ field: 'reports[0].downtimeMinutes' });
  });

  it('refuses a report with two bad figures in one InputError naming both, storing nothing', async () => {
    const before = await database.prisma.actualReport.count();
    const report = { date: '2021-03-29', areaCode: '664', dossiers: -1, hoursOpen: 30 };
    // The sentences of each figure alone (the tests above and a file's hours open of 25).
    const dossiers = 'reports[0].dossiers must be a non-negative integer, got -1';
    const hoursOpen = 'reports[0].hoursOpen must be a number at least 0 and at most 24, got 30';
    // A client that reads the first field only (the phone's outbox) is answered as before.
    expect(await record([report])).toMatchObject({
      __typename: 'InputError',
      field: 'reports[0].dossiers',
      code: 'range',
      message: `2 problems: ${dossiers}; ${hoursOpen}`,
    });
    const answer = await data<{ recordActuals: Record<string, unknown> }>(
      `mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) {
        __typename ... on InputError { field problems { field code expected received message } } } }`,
      { reports: [report] },
    );
    expect(answer.recordActuals).toEqual({
      __typename: 'InputError',
      field: 'reports[0].dossiers',
      problems: [
        {
          field: 'reports[0].dossiers',
          code: 'range',
          expected: 'a non-negative integer',
          received: '-1',
          message: dossiers,
        },
        {
          field: 'reports[0].hoursOpen',
          code: 'range',
          expected: 'a number at least 0 and at most 24',
          received: '30',
          message: hoursOpen,
        },
      ],
    });
    expect(await database.prisma.actualReport.count()).toBe(before);
  });

  it('names every problem of a batch at once, figures, areas and dates, in the order of the reports', async () => {
    const before = await database.prisma.actualReport.count();
    const answer = await data<{ recordActuals: Record<string, unknown> }>(
      `mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) {
        __typename ... on InputError { problems { field code } } } }`,
      {
        reports: [
          { date: '2021-03-29', areaCode: '664', dossiers: 10, hoursOpen: 30, downtimeMinutes: 2000 },
          { date: '2021-03-29', areaCode: '662', dossiers: 10 },
          { date: '2019-12-31', areaCode: 'no-such-area', dossiers: 10 },
        ],
      },
    );
    expect(answer.recordActuals).toEqual({
      __typename: 'InputError',
      problems: [
        { field: 'reports[0].hoursOpen', code: 'range' },
        { field: 'reports[0].downtimeMinutes', code: 'range' },
        { field: 'reports[2].areaCode', code: 'unknown-reference' },
        { field: 'reports[2].date', code: 'range' },
      ],
    });
    expect(await database.prisma.actualReport.count()).toBe(before);
  });

  it('names impossible figures beside malformed ones, those of a report with a malformed figure too', async () => {
    const before = await database.prisma.actualReport.count();
    const answer = await data<{ recordActuals: Record<string, unknown> }>(
      `mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) {
        __typename ... on InputError { field problems { field code expected received } } } }`,
      {
        reports: [
          // Hours open of 25 are malformed; 40 dossiers on no machine are impossible whatever the hours.
          { date: '2021-03-29', areaCode: '664', dossiers: 40, machinesWorking: 0, hoursOpen: 25 },
          { date: '2021-03-29', areaCode: '662', dossiers: 10, hoursOpen: 0 },
        ],
      },
    );
    expect(answer.recordActuals).toEqual({
      __typename: 'InputError',
      field: 'reports[0].hoursOpen',
      problems: [
        {
          field: 'reports[0].hoursOpen',
          code: 'range',
          expected: 'a number at least 0 and at most 24',
          received: '25',
        },
        // Why in `expected`, whole; the figure refused as `received`.
        {
          field: 'reports[0].machinesWorking',
          code: 'conflict',
          expected: 'figures that can be true together: 40 dossiers cannot be taken with 0 machines working',
          received: '0',
        },
        {
          field: 'reports[1].hoursOpen',
          code: 'conflict',
          expected: 'figures that can be true together: 10 dossiers cannot be taken in 0 hours open',
          received: '0',
        },
      ],
    });
    expect(await database.prisma.actualReport.count()).toBe(before);
  });

  it('refuses a malformed date before anything runs', async () => {
    const result = await gql(RECORD, { reports: [{ date: '2021-02-30', areaCode: '664', dossiers: 5 }] });
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toContain('Date must be an ISO date yyyy-MM-dd');
  });

  it('lists the reports of a subtree with their history', async () => {
    const result = await data<{
      actualReports: {
        __typename: string;
        edges: { node: { areaCode: string; dossiers: number; date: string } }[];
      };
    }>(
      `{ actualReports(areaCode: "67", from: "2021-03-20", to: "2021-03-20") {
        __typename ... on ActualReportConnection { edges { node { areaCode dossiers date } } } } }`,
    );
    // The field reports of 20 March 2021: Đắk Song 1,085, Đắk Glong 1,123, and half the province's two-day total.
    const figures = result.actualReports.edges.map((edge) => [edge.node.areaCode, edge.node.dossiers]);
    expect(figures).toEqual(
      expect.arrayContaining([
        ['665', 1085],
        ['661', 1123],
        ['67', 7787],
      ]),
    );
  });
});

const REPORT_FIELDS = `id date dossiers voided changeReason version recordedBy
  history { version date dossiers voided changeReason recordedBy }`;

describe('reports that cannot poison a forecast', () => {
  const tomorrow = (days = 1) =>
    DateTime.now().setZone('Asia/Ho_Chi_Minh').plus({ days }).toISODate() as string;

  it('refuses dates before 2020-01-01 or after tomorrow in the campaign’s zone, naming reports[i].date', async () => {
    for (const date of ['9999-12-31', '0000-01-01', '2019-12-31', tomorrow(2)]) {
      const refused = await record([
        { date: '2021-04-01', areaCode: '664', dossiers: 5 },
        { date, areaCode: '664', dossiers: 5 },
      ]);
      expect(refused, date).toMatchObject({
        __typename: 'InputError',
        field: 'reports[1].date',
        code: 'range',
      });
    }
    const accepted = await record([{ date: tomorrow(), areaCode: '664', dossiers: 5 }]);
    expect(accepted.created).toBe(1);
  });

  it('counts a report stored with a far date as served after the deadline only, warned about, until it is voided', async () => {
    // As the issue found it: a report of 9999-12-31 stored before dates were checked. It stretched
    // the days compared past ten years, and plan vs actual was refused until it was voided.
    const stored = await database.prisma.actualReport.create({
      data: { date: '9999-12-31', areaCode: '67', dossiers: 1, recordedBy: 'the past' },
    });
    type Pva = {
      __typename: string;
      to: string;
      servedAfterCampaign: number;
      reportWarnings: { field: string; code: string }[];
    };
    const PVA = `{ planVsActual(scenarioId: "dak-nong-2021", areaCode: "67") { __typename
      ... on PlanVsActual { to servedAfterCampaign reportWarnings { field code } } } }`;
    const before = (await data<{ planVsActual: Pva }>(PVA)).planVsActual;
    expect(before.__typename).toBe('PlanVsActual');
    // The days end with the campaign (deadline 2021-06-30), not in 9999.
    expect(before.to <= '2021-06-30').toBe(true);
    expect(before.reportWarnings).toContainEqual({ field: `${stored.id}.date`, code: 'outside-campaign' });
    const voided = await data<{ voidActualReport: { voided: boolean; changeReason: string } }>(
      `mutation { voidActualReport(id: "${stored.id}", reason: "a date that cannot be") { ... on ActualReport { voided changeReason } } }`,
    );
    expect(voided.voidActualReport).toEqual({ voided: true, changeReason: 'a date that cannot be' });
    const after = (await data<{ planVsActual: Pva }>(PVA)).planVsActual;
    // The days asked end where they end without it: the far report stretched nothing.
    expect(after.to).toBe(before.to);
    // Its one dossier is no longer served after the campaign, nor is it warned about.
    expect(before.servedAfterCampaign - after.servedAfterCampaign).toBe(1);
    expect(after.reportWarnings.map((warning) => warning.field)).not.toContain(`${stored.id}.date`);
  });

  it('voids a report for its reporter and a planner of its area, keeping who and why in the history, never deleting it', async () => {
    const reporter = await tokenFor({
      role: 'REPORTER',
      name: 'void reporter',
      teamCode: 'DN-DAK-SONG-MOBILE',
    });
    const planner = await tokenFor({ role: 'PLANNER', name: 'void planner', areaCode: '665' });
    const sent = await data<{ recordActuals: { reports: { report: { id: string } }[] } }>(
      RECORD,
      { reports: [{ date: '2021-04-02', areaCode: '24718', dossiers: 321, machinesWorking: 2 }] },
      { token: reporter },
    );
    const id = sent.recordActuals.reports[0]?.report.id as string;
    const VOID = `mutation ($id: ID!, $reason: String!) { voidActualReport(id: $id, reason: $reason) {
      __typename ... on ActualReport { ${REPORT_FIELDS} } ... on Error { message } } }`;
    const byReporter = await data<{ voidActualReport: Record<string, unknown> }>(
      VOID,
      { id, reason: 'sent twice by mistake' },
      { token: reporter },
    );
    expect(byReporter.voidActualReport).toMatchObject({
      voided: true,
      version: 2,
      recordedBy: 'void reporter',
      changeReason: 'sent twice by mistake',
      history: [
        { version: 1, date: '2021-04-02', dossiers: 321, voided: false, recordedBy: 'void reporter' },
      ],
    });
    // Voiding again changes nothing; a planner of the area may too.
    const again = await data<{ voidActualReport: { version: number } }>(
      VOID,
      { id, reason: 'again' },
      { token: planner },
    );
    expect(again.voidActualReport.version).toBe(2);
    expect(await database.prisma.actualReport.count({ where: { id } })).toBe(1);
    // Counted nowhere: not listed by default, not in plan vs actual.
    const listed = await data<{ actualReports: { edges: { node: { id: string } }[] } }>(
      `{ actualReports(areaCode: "24718", from: "2021-04-02", to: "2021-04-02") { ... on ActualReportConnection { edges { node { id: reportId } } } } }`,
    );
    expect(listed.actualReports.edges).toEqual([]);
    const compared = await data<{ planVsActual: { days: { date: string; actual: number | null }[] } }>(
      `{ planVsActual(scenarioId: "dak-nong-2021", areaCode: "24718", from: "2021-04-02", to: "2021-04-02") { ... on PlanVsActual { days { date actual } } } }`,
    );
    expect(compared.planVsActual.days).toEqual([{ date: '2021-04-02', actual: null }]);
  });

  it('corrects a report’s date as a new version, and refuses a date another report of its area and team holds', async () => {
    await record([
      { date: '2021-04-03', areaCode: '663', dossiers: 70 },
      { date: '2021-04-05', areaCode: '663', dossiers: 90 },
    ]);
    const id = (
      await database.prisma.actualReport.findFirstOrThrow({ where: { date: '2021-04-03', areaCode: '663' } })
    ).id;
    const MOVE = `mutation ($id: ID!, $date: Date!) { correctActualReportDate(id: $id, date: $date, reason: "sent with the wrong day") {
      __typename ... on ActualReport { ${REPORT_FIELDS} } ... on InputError { field code } } }`;
    const moved = await data<{ correctActualReportDate: Record<string, unknown> }>(MOVE, {
      id,
      date: '2021-04-04',
    });
    expect(moved.correctActualReportDate).toMatchObject({
      date: '2021-04-04',
      version: 2,
      changeReason: 'sent with the wrong day',
      history: [{ version: 1, date: '2021-04-03', dossiers: 70 }],
    });
    const taken = await data<{ correctActualReportDate: Record<string, unknown> }>(MOVE, {
      id,
      date: '2021-04-05',
    });
    expect(taken.correctActualReportDate).toEqual({
      __typename: 'InputError',
      field: 'date',
      code: 'conflict',
    });
    // Voiding the one in the way does not free its day (it keeps its history there), and the
    // refusal says what does: it advised voiding it first.
    const inTheWay = (
      await database.prisma.actualReport.findFirstOrThrow({ where: { date: '2021-04-05', areaCode: '663' } })
    ).id;
    await data(`mutation { voidActualReport(id: "${inTheWay}", reason: "duplicate") { __typename } }`);
    const stillTaken = await data<{ correctActualReportDate: { __typename: string; message: string } }>(
      `mutation ($id: ID!) { correctActualReportDate(id: $id, date: "2021-04-05", reason: "wrong day") {
        __typename ... on InputError { message } } }`,
      { id },
    );
    expect(stillTaken.correctActualReportDate.__typename).toBe('InputError');
    expect(stillTaken.correctActualReportDate.message).toContain(
      'the one on 2021-04-05, voided, keeps its day: record the figures for 2021-04-05 again, which corrects it, and void this one',
    );
    // Followed, the advice brings the figures to that day.
    await record([{ date: '2021-04-05', areaCode: '663', dossiers: 70 }]);
    const restored = await database.prisma.actualReport.findUniqueOrThrow({ where: { id: inTheWay } });
    expect(restored).toMatchObject({ date: '2021-04-05', dossiers: 70, voided: false });
    const tooLate = await data<{ correctActualReportDate: Record<string, unknown> }>(MOVE, {
      id,
      date: '9999-12-31',
    });
    expect(tooLate.correctActualReportDate).toMatchObject({ field: 'date', code: 'range' });
  });

  it('refuses dossiers with no machine working or with the site closed all day, naming the figure', async () => {
    const noMachines = await record([
      { date: '2021-04-06', areaCode: '664', dossiers: 500, machinesWorking: 0 },
    ]);
    expect(noMachines).toMatchObject({
      __typename: 'InputError',
      field: 'reports[0].machinesWorking',
      code: 'conflict',
    });
    const closed = await record([{ date: '2021-04-06', areaCode: '664', dossiers: 500, hoursOpen: 0 }]);
    expect(closed).toMatchObject({
      __typename: 'InputError',
      field: 'reports[0].hoursOpen',
      code: 'conflict',
    });
  });

  it('accepts unlikely figures with a warning, in the answer and in plan vs actual', async () => {
    // Đắk Nông's scenario: 3.5 minutes a dossier, so at most 1440 / 3.5 = 411 a machine-day.
    const WARNED = `mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) {
      ... on RecordActualsPayload { created reports { warnings { field severity code } } } } }`;
    const result = await data<{
      recordActuals: {
        created: number;
        reports: { warnings: { field: string; severity: string; code: string }[] }[];
      };
    }>(WARNED, {
      reports: [
        { date: '2021-04-07', areaCode: '662', dossiers: 50_000, machinesWorking: 1 },
        { date: '2021-04-07', areaCode: '661', dossiers: 400, machinesWorking: 1 },
      ],
    });
    expect(result.recordActuals.created).toBe(2);
    expect(result.recordActuals.reports.map((r) => r.warnings)).toEqual([
      [{ field: 'reports[0].dossiers', severity: 'unlikely', code: 'above-service-capacity' }],
      [],
    ]);
    const compared = await data<{ planVsActual: { reportWarnings: { code: string; message: string }[] } }>(
      `{ planVsActual(scenarioId: "dak-nong-2021", areaCode: "67", from: "2021-04-07", to: "2021-04-07") { ... on PlanVsActual { reportWarnings { code message } } } }`,
    );
    expect(compared.planVsActual.reportWarnings).toEqual([
      {
        code: 'above-service-capacity',
        message:
          'report of 2021-04-07, area 662: 50000 dossiers on 1 machine is 50000 a machine-day, above the 411 that 3.5 minutes a dossier allow in 24 hours',
      },
    ]);
  });

  it('accepts a report dated outside every campaign over its area with a warning saying so', async () => {
    // Đắk Nông's only campaign runs 2021-03-15 to 2021-06-30; a phone left on a later day moved the
    // province's forecast by years without a word.
    const WARNED = `mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) {
      ... on RecordActualsPayload { reports { warnings { field code message } } } } }`;
    const result = await data<{
      recordActuals: { reports: { warnings: { field: string; code: string; message: string }[] }[] };
    }>(WARNED, {
      reports: [
        { date: '2021-07-02', areaCode: '24718', dossiers: 50 },
        { date: '2021-06-30', areaCode: '24718', dossiers: 50 },
        { date: '2021-03-14', areaCode: '24718', dossiers: 50 },
      ],
    });
    expect(result.recordActuals.reports.map((r) => r.warnings)).toEqual([
      [
        {
          field: 'reports[0].date',
          code: 'outside-campaign',
          message:
            'reports[0].date: 2021-07-02 is after the deadline of every campaign over area 24718 (the latest 2021-06-30): a campaign running late, or the wrong day?',
        },
      ],
      [],
      [
        {
          field: 'reports[2].date',
          code: 'outside-campaign',
          message:
            'reports[2].date: 2021-03-14 is before the start of every campaign over area 24718 (the earliest 2021-03-15)',
        },
      ],
    ]);
    // A second campaign over Đắk Song in the autumn: a day of August is between the two.
    const autumn = await database.prisma.scenario.create({
      data: {
        name: 'Đắk Song, autumn',
        areaCode: '665',
        start: '2021-09-01',
        deadline: '2021-10-31',
        open: '07:00',
        close: '17:00',
        minutesPerDossier: 3.5,
      },
    });
    try {
      const between = await data<{
        recordActuals: { reports: { warnings: { field: string; code: string; message: string }[] }[] };
      }>(WARNED, {
        reports: [
          { date: '2021-08-02', areaCode: '24718', dossiers: 50 },
          { date: '2021-09-02', areaCode: '24718', dossiers: 50 },
        ],
      });
      expect(between.recordActuals.reports.map((r) => r.warnings.map((w) => w.message))).toEqual([
        [
          'reports[0].date: 2021-08-02 is between the campaigns over area 24718, in none of their days: the wrong day?',
        ],
        [],
      ]);
    } finally {
      await database.prisma.scenario.delete({ where: { id: autumn.id } });
    }
  });

  it('compares a day’s team reports summed, an area’s own total over its teams’, voided reports nowhere, impossible ones named', async () => {
    // Four communes of Đắk Song (665) on 14 April, stored as they might have been before the checks
    // of recordActuals existed (an impossible figure among them).
    const [a, b, c, d] = (
      await database.prisma.area.findMany({ where: { parentCode: '665' }, orderBy: { code: 'asc' }, take: 4 })
    ).map((area) => area.code);
    await database.prisma.team.create({
      data: { code: 'DN-DAK-SONG-2', name: 'Đắk Song 2', kind: 'MOBILE', homeAreaCode: '665', machines: 1 },
    });
    const day = { date: '2021-04-14', recordedBy: 'the past' };
    const [one, two] = ['DN-DAK-SONG-MOBILE', 'DN-DAK-SONG-2'];
    await database.prisma.actualReport.createMany({
      data: [
        // a: two teams, one not saying its machines: 120 + 80 = 200 dossiers, machines unknown.
        { ...day, areaCode: a as string, teamCode: one, teamKey: one, dossiers: 120, machinesWorking: 1 },
        { ...day, areaCode: a as string, teamCode: two, teamKey: two, dossiers: 80 },
        // b: its own total (300 on 2 machines) wins over a team's 50.
        { ...day, areaCode: b as string, dossiers: 300, machinesWorking: 2 },
        { ...day, areaCode: b as string, teamCode: one, teamKey: one, dossiers: 50, machinesWorking: 1 },
        // c: voided, so nothing reported.
        { ...day, areaCode: c as string, dossiers: 90, machinesWorking: 1, voided: true },
        // d: 40 dossiers with no machine working (impossible), and a team's 30 while closed.
        { ...day, areaCode: d as string, dossiers: 40, machinesWorking: 0 },
        { ...day, areaCode: d as string, teamCode: one, teamKey: one, dossiers: 30, hoursOpen: 0 },
      ],
    });
    const at = (code: string | undefined) =>
      `planVsActual(scenarioId: "dak-nong-2021", areaCode: "${code}", from: "2021-04-14", to: "2021-04-14") { ... on PlanVsActual { days { actual machinesWorking reporting } } }`;
    const compared = await data<
      Record<string, { days: { actual: number | null; machinesWorking: number | null }[] }>
    >(
      `{ a: ${at(a)} b: ${at(b)} c: ${at(c)} d: ${at(d)}
        district: planVsActual(scenarioId: "dak-nong-2021", areaCode: "665", from: "2021-04-14", to: "2021-04-14") {
          ... on PlanVsActual { reportWarnings { code message } } } }`,
    );
    expect(['a', 'b', 'c', 'd'].map((alias) => compared[alias]?.days)).toEqual([
      [{ actual: 200, machinesWorking: null, reporting: 'COMPLETE' }],
      [{ actual: 300, machinesWorking: 2, reporting: 'COMPLETE' }],
      [{ actual: null, machinesWorking: null, reporting: 'NONE' }],
      // Its own total wins over the team's, impossible as it is.
      [{ actual: 40, machinesWorking: 0, reporting: 'COMPLETE' }],
    ]);
    expect(
      (compared.district as unknown as { reportWarnings: { code: string; message: string }[] })
        .reportWarnings,
    ).toEqual([
      {
        code: 'dossiers-without-machines',
        message: `report of 2021-04-14, area ${d}: 40 dossiers cannot be taken with 0 machines working`,
      },
      {
        code: 'dossiers-while-closed',
        message: `report of 2021-04-14, area ${d}, team ${one}: 30 dossiers cannot be taken in 0 hours open`,
      },
    ]);
  });

  it('refuses a key reused for another date, area or team, leaving the report it belongs to as it was', async () => {
    await record([{ date: '2021-04-08', areaCode: '664', dossiers: 10, idempotencyKey: 'phone-7-0408' }]);
    const reused = await record([
      { date: '2021-04-09', areaCode: '664', dossiers: 99, idempotencyKey: 'phone-7-0408' },
    ]);
    expect(reused).toMatchObject({
      __typename: 'InputError',
      field: 'reports[0].idempotencyKey',
      code: 'conflict',
    });
    const owner = await database.prisma.actualReport.findUniqueOrThrow({
      where: { idempotencyKey: 'phone-7-0408' },
    });
    expect([owner.date, owner.dossiers, owner.version]).toEqual(['2021-04-08', 10, 1]);
  });

  it('refuses a team reporting outside its home area, even from an admin', async () => {
    const outside = await record([
      { date: '2021-04-10', areaCode: '661', teamCode: 'DN-DAK-SONG-MOBILE', dossiers: 5 },
    ]);
    expect(outside).toMatchObject({
      __typename: 'InputError',
      field: 'reports[0].areaCode',
      code: 'conflict',
    });
  });
});

describe('a retired team', () => {
  it('records nothing more, from its own reporter or an admin, the refusal naming the team', async () => {
    await database.prisma.team.create({
      data: {
        code: 'DN-MIL-RETIRING',
        name: 'Đắk Mil, retiring',
        kind: 'MOBILE',
        homeAreaCode: '663',
        machines: 1,
      },
    });
    const phone = await tokenFor({ role: 'REPORTER', name: 'retiring phone', teamCode: 'DN-MIL-RETIRING' });
    const send = (token?: string) =>
      gql<{ recordActuals: Payload }>(
        RECORD,
        { reports: [{ date: '2021-04-12', areaCode: '663', teamCode: 'DN-MIL-RETIRING', dossiers: 7 }] },
        token === undefined ? {} : { token },
      );
    // In service, its reporter records.
    expect((await send(phone)).data?.recordActuals.created).toBe(1);
    await data(`mutation { retireTeam(code: "DN-MIL-RETIRING") { __typename } }`);
    const before = await database.prisma.actualReport.count();
    for (const token of [phone, undefined]) {
      const refused = (await send(token)).data?.recordActuals;
      expect(refused).toMatchObject({
        __typename: 'InputError',
        field: 'reports[0].teamCode',
        code: 'conflict',
      });
      expect(refused?.message).toContain('team DN-MIL-RETIRING is retired');
    }
    // A report without a team from its reporter is the team's: refused too.
    const areaWide = await gql<{ recordActuals: Payload }>(
      RECORD,
      { reports: [{ date: '2021-04-13', areaCode: '663', dossiers: 3 }] },
      { token: phone },
    );
    expect(areaWide.data?.recordActuals).toMatchObject({
      __typename: 'InputError',
      field: 'reports[0].teamCode',
    });
    expect(await database.prisma.actualReport.count()).toBe(before);
    // Nor is a new token issued for it.
    const issued = await gql<{ issueToken: { __typename: string; field?: string } }>(
      `mutation { issueToken(input: { role: REPORTER, name: "new phone", teamCode: "DN-MIL-RETIRING" }) {
        __typename ... on InputError { field }
      } }`,
    );
    expect(issued.data?.issueToken).toEqual({ __typename: 'InputError', field: 'input.teamCode' });
  });
});

describe('a team’s machines', () => {
  it('warns of more machines working than the reporting team has, naming both, and records the report all the same', async () => {
    await database.prisma.team.create({
      data: {
        code: 'DN-MIL-THREE',
        name: 'Đắk Mil, three machines',
        kind: 'FIXED',
        homeAreaCode: '663',
        machines: 3,
      },
    });
    const phone = await tokenFor({ role: 'REPORTER', name: 'three-machine phone', teamCode: 'DN-MIL-THREE' });
    const WARNED = `mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) {
      __typename ... on RecordActualsPayload { created reports { report { teamCode machinesWorking } warnings { field severity code message } } } } }`;
    type Warned = {
      recordActuals: {
        __typename: string;
        created: number;
        reports: {
          report: { teamCode: string | null; machinesWorking: number | null };
          warnings: { field: string; severity: string; code: string; message: string }[];
        }[];
      };
    };
    // The reporter names no team: its token's. 5 machines borrowed; then 3, as many as it has.
    const fromPhone = await gql<Warned>(
      WARNED,
      {
        reports: [
          { date: '2021-04-20', areaCode: '663', dossiers: 600, machinesWorking: 5 },
          { date: '2021-04-21', areaCode: '663', dossiers: 600, machinesWorking: 3 },
        ],
      },
      { token: phone },
    );
    expect(fromPhone.data?.recordActuals.created).toBe(2);
    expect(fromPhone.data?.recordActuals.reports).toEqual([
      {
        report: { teamCode: 'DN-MIL-THREE', machinesWorking: 5 },
        warnings: [
          {
            field: 'reports[0].machinesWorking',
            severity: 'unlikely',
            code: 'machines-above-team',
            message:
              'reports[0].machinesWorking: 5 machines working, more than the 3 team DN-MIL-THREE works with: machines borrowed, or a typing error?',
          },
        ],
      },
      { report: { teamCode: 'DN-MIL-THREE', machinesWorking: 3 }, warnings: [] },
    ]);
    // An admin typing up the team's tally is warned alike; an area's own total has no team to judge by.
    const fromAdmin = await data<Warned>(WARNED, {
      reports: [
        { date: '2021-04-22', areaCode: '663', teamCode: 'DN-MIL-THREE', dossiers: 400, machinesWorking: 4 },
        { date: '2021-04-22', areaCode: '663', dossiers: 400, machinesWorking: 40 },
      ],
    });
    expect(fromAdmin.recordActuals.reports.map((r) => r.warnings.map((w) => w.message))).toEqual([
      [
        'reports[0].machinesWorking: 4 machines working, more than the 3 team DN-MIL-THREE works with: machines borrowed, or a typing error?',
      ],
      [],
    ]);
  });
  it('quotes no machines of a team outside the sender’s area: a district planner typing up a province team’s tally is not warned by them', async () => {
    // A team of Đắk Nông (67), the province, working in its district Đắk Mil (663): the district's
    // planner may record its tally but may not see the team, nor so its 3 machines.
    await database.prisma.team.create({
      data: {
        code: 'DN-PROVINCE-THREE',
        name: 'Đắk Nông, three machines',
        kind: 'MOBILE',
        homeAreaCode: '67',
        machines: 3,
      },
    });
    const WARNED = `mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) {
      __typename ... on RecordActualsPayload { created reports { warnings { field code message } } } } }`;
    type Warned = {
      recordActuals: {
        __typename: string;
        created: number;
        reports: { warnings: { field: string; code: string; message: string }[] }[];
      };
    };
    const tally = (date: string) => ({
      date,
      areaCode: '663',
      teamCode: 'DN-PROVINCE-THREE',
      dossiers: 400,
      machinesWorking: 5,
    });
    const district = await tokenFor({ role: 'PLANNER', name: 'Đắk Mil planner', areaCode: '663' });
    const teamsSeen = async (token: string) =>
      (await data<{ teams: { code: string }[] }>('{ teams { code } }', {}, { token })).teams.map(
        (t) => t.code,
      );
    expect(await teamsSeen(district)).not.toContain('DN-PROVINCE-THREE');
    const fromDistrict = await gql<Warned>(WARNED, { reports: [tally('2021-04-23')] }, { token: district });
    expect(fromDistrict.data?.recordActuals).toEqual({
      __typename: 'RecordActualsPayload',
      created: 1,
      reports: [{ warnings: [] }],
    });
    // The province's planner sees the team, and is warned with its machines.
    const province = await tokenFor({ role: 'PLANNER', name: 'Đắk Nông planner', areaCode: '67' });
    expect(await teamsSeen(province)).toContain('DN-PROVINCE-THREE');
    const fromProvince = await gql<Warned>(WARNED, { reports: [tally('2021-04-24')] }, { token: province });
    expect(fromProvince.data?.recordActuals.reports).toEqual([
      {
        warnings: [
          {
            field: 'reports[0].machinesWorking',
            code: 'machines-above-team',
            message:
              'reports[0].machinesWorking: 5 machines working, more than the 3 team DN-PROVINCE-THREE works with: machines borrowed, or a typing error?',
          },
        ],
      },
    ]);
  });
});

describe('plan vs actual keeps to the campaign’s days', () => {
  // A commune of its own per test (`campaignOver`): 2,000 eligible, 3–16 May 2021 at 100 a
  // machine-day (240 in 24 hours); with 2 machines 200 a day, so the plan finishes on 12 May, on time.
  // The reporter's form puts today's date (in the campaign's zone) on a new report.
  const today = DateTime.now().setZone('Asia/Ho_Chi_Minh').toISODate() as string;
  type Warning = { field: string; code: string; message: string };
  type Recorded = { report: { id: string }; warnings: Warning[] };
  const send = async (reports: unknown[]) =>
    (
      await data<{ recordActuals: { reports: Recorded[] } }>(
        `mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) {
          ... on RecordActualsPayload { reports { report { id: reportId } warnings { field code message } } } } }`,
        { reports },
      )
    ).recordActuals.reports;
  type Compared = {
    to: string;
    campaignLastDay: string;
    totalActual: number;
    servedAfterCampaign: number;
    days: { date: string; actual: number | null }[];
    forecast: { remaining: number; expected: string; earliest: string; latest: string; basedOnDays: number };
    reportWarnings: Warning[];
  };
  const compare = async (scenarioId: string, areaCode: string, from?: string, to?: string) =>
    (
      await data<{ planVsActual: Compared }>(
        `query ($scenarioId: ID!, $areaCode: String!, $from: Date, $to: Date) {
          planVsActual(scenarioId: $scenarioId, areaCode: $areaCode, from: $from, to: $to) {
            ... on PlanVsActual { to campaignLastDay totalActual servedAfterCampaign days { date actual }
              forecast { remaining expected earliest latest basedOnDays }
              reportWarnings { field code message } } } }`,
        { scenarioId, areaCode, from: from ?? null, to: to ?? null },
      )
    ).planVsActual;

  it('counts a report on the form’s default date as served after the deadline, moving neither actuals nor forecast', async () => {
    const scenarioId = await campaignOver('T7001');
    const day = (date: string, dossiers: number) => ({
      date,
      areaCode: 'T7001',
      dossiers,
      machinesWorking: 2,
    });
    const [beforeStart, , , late] = await send([
      day('2021-05-02', 80),
      day('2021-05-03', 150),
      day('2021-05-04', 250),
      day(today, 300),
    ]);
    const compared = await compare(scenarioId, 'T7001');
    // The campaign's days: 150 + 250. The days run to the plan's last, the deadline, not to today.
    expect(compared.totalActual).toBe(400);
    expect(compared.to).toBe('2021-05-16');
    expect(compared.campaignLastDay).toBe('2021-05-16');
    expect(compared.days.map((d) => d.actual)).toEqual([150, 250, ...Array<null>(12).fill(null)]);
    expect(compared.servedAfterCampaign).toBe(300);
    // 2,000 − 400 = 1,600 left after 4 May at 200 a day (best 250, worst 150), every day open from
    // 5 May: ⌈1,600 / 200⌉ = 8th day → 12 May; ⌈1,600 / 250⌉ = 7th → 11 May; ⌈1,600 / 150⌉ = 11th → 15 May.
    expect(compared.forecast).toEqual({
      remaining: 1600,
      expected: '2021-05-12',
      earliest: '2021-05-11',
      latest: '2021-05-15',
      basedOnDays: 2,
    });
    expect(compared.reportWarnings).toEqual([
      {
        field: `${late?.report.id}.date`,
        code: 'outside-campaign',
        message: `report of ${today}, area T7001: ${today} is after the deadline of this scenario (the latest 2021-05-16): a campaign running late, or the wrong day? Counted as served after the campaign (servedAfterCampaign), not in the days, pace or forecast.`,
      },
    ]);
    // Asked from before the start: the day before is shown with nothing counted, and its report
    // is named as counted nowhere.
    const wider = await compare(scenarioId, 'T7001', '2021-05-01');
    expect(wider.days.slice(0, 3)).toEqual([
      { date: '2021-05-01', actual: null },
      { date: '2021-05-02', actual: null },
      { date: '2021-05-03', actual: 150 },
    ]);
    expect(wider.totalActual).toBe(400);
    expect(wider.reportWarnings[0]).toEqual({
      field: `${beforeStart?.report.id}.date`,
      code: 'outside-campaign',
      message:
        'report of 2021-05-02, area T7001: 2021-05-02 is before the start of this scenario (the earliest 2021-05-03). Counted nowhere in this scenario.',
    });
    // Asked to a day after the deadline, what was served up to that day only.
    expect((await compare(scenarioId, 'T7001', '2021-05-03', '2021-05-20')).servedAfterCampaign).toBe(0);
  });

  it('compares the days a late plan plans after its deadline, and a campaign later still, counting apart only what comes long after', async () => {
    // One machine: 100 a day, so the plan needs 20 days, 3–22 May, six past its deadline (16 May).
    // Reported: 3 May 100, 18 May 120 (a day the late plan plans), 30 May 130 (after the plan, 8
    // days after the day before: the campaign running later still), 14 June 90 (15 days after 30
    // May: not the campaign's) and today 50.
    const scenarioId = await campaignOver('T7004', 1);
    const day = (date: string, dossiers: number) => ({
      date,
      areaCode: 'T7004',
      dossiers,
      machinesWorking: 1,
    });
    const [, lateButPlanned, , longAfter, onToday] = await send([
      day('2021-05-03', 100),
      day('2021-05-18', 120),
      day('2021-05-30', 130),
      day('2021-06-14', 90),
      day(today, 50),
    ]);
    // Recording warns of a day after the deadline all the same: the deadline is what it judges by.
    expect(lateButPlanned?.warnings.map((w) => w.code)).toEqual(['outside-campaign']);
    const compared = await compare(scenarioId, 'T7004');
    expect(compared.to).toBe('2021-05-30');
    expect(compared.campaignLastDay).toBe('2021-05-30');
    expect(compared.days).toHaveLength(28);
    expect(compared.days.filter((d) => d.actual !== null)).toEqual([
      { date: '2021-05-03', actual: 100 },
      { date: '2021-05-18', actual: 120 },
      { date: '2021-05-30', actual: 130 },
    ]);
    expect(compared.totalActual).toBe(350);
    expect(compared.servedAfterCampaign).toBe(90 + 50);
    // 2,000 − 350 = 1,650 left after 30 May at 350 / 3 a day (best 130, worst 100), from 31 May:
    // ⌈1,650 · 3 / 350⌉ = 15th day → 14 June; ⌈1,650 / 130⌉ = 13th → 12 June; ⌈1,650 / 100⌉ = 17th → 16 June.
    expect(compared.forecast).toEqual({
      remaining: 1650,
      expected: '2021-06-14',
      earliest: '2021-06-12',
      latest: '2021-06-16',
      basedOnDays: 3,
    });
    expect(compared.reportWarnings.map((w) => w.field)).toEqual([
      `${longAfter?.report.id}.date`,
      `${onToday?.report.id}.date`,
    ]);
    expect(compared.reportWarnings[0]?.message).toBe(
      "report of 2021-06-14, area T7004: 2021-06-14 is after the deadline of this scenario's campaign as planned and reported (the latest 2021-05-30): a campaign running late, or the wrong day? Counted as served after the campaign (servedAfterCampaign), not in the days, pace or forecast.",
    );
  });

  it('lists the warnings about the reports of the days asked, and no others', async () => {
    const scenarioId = await campaignOver('T7002');
    const [beforeStart, unlikely, late] = await send([
      { date: '2021-05-02', areaCode: 'T7002', dossiers: 80, machinesWorking: 2 },
      // 500 on one machine, above the 240 it does in 24 hours.
      { date: '2021-05-06', areaCode: 'T7002', dossiers: 500, machinesWorking: 1 },
      { date: today, areaCode: 'T7002', dossiers: 50, machinesWorking: 2 },
    ]);
    const fields = async (from?: string, to?: string) =>
      (await compare(scenarioId, 'T7002', from, to)).reportWarnings.map((w) => [w.field, w.code]);
    expect(await fields('2021-05-03', '2021-05-05')).toEqual([]);
    expect(await fields('2021-05-06', '2021-05-06')).toEqual([
      [`${unlikely?.report.id}.dossiers`, 'above-service-capacity'],
    ]);
    expect(await fields('2021-05-07', '2021-05-16')).toEqual([]);
    // By default from the scenario's start, with no end.
    expect(await fields()).toEqual([
      [`${unlikely?.report.id}.dossiers`, 'above-service-capacity'],
      [`${late?.report.id}.date`, 'outside-campaign'],
    ]);
    expect(await fields('2021-05-01')).toEqual([
      [`${beforeStart?.report.id}.date`, 'outside-campaign'],
      [`${unlikely?.report.id}.dossiers`, 'above-service-capacity'],
      [`${late?.report.id}.date`, 'outside-campaign'],
    ]);
  });

  it('reads a report of more machines than an area may be given as giving none, naming it, its dossiers still counted', async () => {
    // As the field stored it before recording refused more than 100,000 machines: 20,000,000 on
    // 4 May set the pace at (180 + 190) ÷ 20,000,002 machine-days, some 0.00002 dossiers a machine-day.
    // Read as giving none, it counts on the 2 machines the plan puts in the commune, as any report
    // without machines does.
    const scenarioId = await campaignOver('T7005');
    await database.prisma.actualReport.create({
      data: {
        date: '2021-05-03',
        areaCode: 'T7005',
        dossiers: 180,
        machinesWorking: 2,
        recordedBy: 'the past',
      },
    });
    const stored = await database.prisma.actualReport.create({
      data: {
        date: '2021-05-04',
        areaCode: 'T7005',
        dossiers: 190,
        machinesWorking: 20_000_000,
        recordedBy: 'the past',
      },
    });
    type Paced = {
      totalActual: number;
      observedDossiersPerMachineDay: number | null;
      observedMachineDays: number;
      days: { date: string; actual: number | null; machinesWorking: number | null }[];
      reportWarnings: { field: string; severity: string; code: string; message: string }[];
    };
    const compared = (
      await data<{ planVsActual: Paced }>(
        `query ($scenarioId: ID!) { planVsActual(scenarioId: $scenarioId, areaCode: "T7005", to: "2021-05-05") {
          ... on PlanVsActual { totalActual observedDossiersPerMachineDay observedMachineDays
            days { date actual machinesWorking } reportWarnings { field severity code message } } } }`,
        { scenarioId },
      )
    ).planVsActual;
    // 180 dossiers on the 2 machines of 3 May and 190 on the 2 planned on 4 May: 370 ÷ 4 = 92.5 a
    // machine-day; both days' dossiers served.
    expect(compared.observedDossiersPerMachineDay).toBe(92.5);
    expect(compared.observedMachineDays).toBe(4);
    expect(compared.totalActual).toBe(370);
    expect(compared.days).toEqual([
      { date: '2021-05-03', actual: 180, machinesWorking: 2 },
      { date: '2021-05-04', actual: 190, machinesWorking: null },
      { date: '2021-05-05', actual: null, machinesWorking: null },
    ]);
    expect(compared.reportWarnings).toEqual([
      {
        field: `${stored.id}.machinesWorking`,
        severity: 'impossible',
        code: 'machines-above-bound',
        message:
          'report of 2021-05-04, area T7005: 20,000,000 machines working is more than the 100,000 an area may be given; read as not given, so the pace counts the report on the machines planned in its area, as one that gives none (its dossiers still count)',
      },
    ]);
    // The replan reads the reports as plan vs actual does: at the observed pace, 92.5 a machine-day.
    const replanned = await data<{
      replan: {
        areas: { observedDossiersPerMachineDay: number | null; paceDossiersPerMachineDay: number }[];
      };
    }>(
      `query ($scenarioId: ID!) { replan(scenarioId: $scenarioId, areaCode: "T7005", asOf: "2021-05-04", pace: OBSERVED) {
        ... on Replan { areas { observedDossiersPerMachineDay paceDossiersPerMachineDay } } } }`,
      { scenarioId },
    );
    expect(replanned.replan.areas).toEqual([
      { observedDossiersPerMachineDay: 92.5, paceDossiersPerMachineDay: 92.5 },
    ]);
  });

  it('warns about a report without machines against those planned in its area, alike at recording and in plan vs actual', async () => {
    const scenarioId = await campaignOver('T7003');
    // The plan puts its 2 machines in the commune: 480 dossiers in 24 hours. 600 are above, 400 not.
    const sent = [
      { date: '2021-05-04', areaCode: 'T7003', dossiers: 600 },
      { date: '2021-05-05', areaCode: 'T7003', dossiers: 400 },
      { date: today, areaCode: 'T7003', dossiers: 50 },
    ];
    const recorded = await send(sent);
    expect(recorded.map((r) => r.warnings)).toEqual([
      [
        {
          field: 'reports[0].dossiers',
          code: 'above-service-capacity',
          message:
            'reports[0].dossiers: 600 dossiers on the 2 machines planned there (none reported) is 300 a machine-day, above the 240 that 6 minutes a dossier allow in 24 hours',
        },
      ],
      [],
      [
        {
          field: 'reports[2].date',
          code: 'outside-campaign',
          message: `reports[2].date: ${today} is after the deadline of every campaign over area T7003 (the latest 2021-05-16): a campaign running late, or the wrong day?`,
        },
      ],
    ]);
    const compared = await compare(scenarioId, 'T7003');
    expect(compared.reportWarnings[0]?.message).toBe(
      'report of 2021-05-04, area T7003: 600 dossiers on the 2 machines planned there (none reported) is 300 a machine-day, above the 240 that 6 minutes a dossier allow in 24 hours',
    );
    // Report by report, the same codes on the same figures.
    const atRecording = recorded.flatMap((r, i) =>
      r.warnings.map((w) => [r.report.id, w.code, w.field.replace(`reports[${i}]`, '')]),
    );
    const inComparison = compared.reportWarnings.map((w) => {
      const [id, ...figure] = w.field.split('.');
      return [id, w.code, `.${figure.join('.')}`];
    });
    expect(inComparison).toEqual(atRecording);
  });

  it('warns about a day of team reports without machines whose sum is above what the planned machines do in 24 hours', async () => {
    const scenarioId = await campaignOver('T7006');
    for (const code of ['T7006-A', 'T7006-B']) {
      await database.prisma.team.create({
        data: { code, name: `Team ${code}`, kind: 'FIXED', homeAreaCode: 'T7006', machines: 1 },
      });
    }
    // The plan puts 2 machines in the commune: 2 × 1,440 ÷ 6 = 480 dossiers in 24 hours. On 4 May
    // the two teams' 300 and 250, none giving machines, add up to 550: above, though each is within.
    // On 5 May 200 + 200 = 400 are within.
    const recorded = await send([
      { date: '2021-05-04', areaCode: 'T7006', teamCode: 'T7006-A', dossiers: 300 },
      { date: '2021-05-04', areaCode: 'T7006', teamCode: 'T7006-B', dossiers: 250 },
      { date: '2021-05-05', areaCode: 'T7006', teamCode: 'T7006-A', dossiers: 200 },
      { date: '2021-05-05', areaCode: 'T7006', teamCode: 'T7006-B', dossiers: 200 },
    ]);
    expect(recorded.map((r) => r.warnings.map((w) => w.code))).toEqual([
      [],
      ['day-above-planned-machines'],
      [],
      [],
    ]);
    const compared = await compare(scenarioId, 'T7006');
    expect(compared.reportWarnings).toEqual([
      {
        field: `${recorded[1]?.report.id}.dossiers`,
        code: 'day-above-planned-machines',
        message:
          'report of 2021-05-04, area T7006, team T7006-B: the 2 reports of area T7006 on 2021-05-04, none giving machines working, add up to 550 dossiers, above the 480 that the 2 machines planned there do in 24 hours at 6 minutes a dossier',
      },
    ]);
  });
});

describe('what the Đắk Nông demo’s tester found plan vs actual and recording did not say', () => {
  const WARNED = `mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) {
    __typename
    ... on RecordActualsPayload { reports { report { id: reportId } warnings { field severity code message } } }
    ... on InputError { field code message } } }`;
  type Warning = { field: string; severity: string; code: string; message: string };
  type Warned = {
    recordActuals: {
      __typename: string;
      reports: { report: { id: string }; warnings: Warning[] }[];
      field: string;
      code: string;
      message: string;
    };
  };
  const send = async (reports: unknown[], token?: string) =>
    (await data<Warned>(WARNED, { reports }, token === undefined ? {} : { token })).recordActuals;
  const COMPARED = `query ($areaCode: String!, $from: Date, $to: Date) {
    planVsActual(scenarioId: "dak-nong-2021", areaCode: $areaCode, from: $from, to: $to) {
      __typename
      ... on PlanVsActual {
        observedDossiersPerMachineDay
        days { date actual machinesWorking }
        reportWarnings { field severity code message }
        warnings {
          __typename
          ... on TotalBelowTeamReportsWarning { areaCode date totalDossiers teamDossiers teamReports message }
          ... on MachinesAbovePlannedWarning { areaCode date machinesReported machinesPlanned message }
          ... on PaceDiffersWarning { areaCode observedDossiersPerMachineDay }
        }
      }
    } }`;
  type Compared = {
    planVsActual: {
      __typename: string;
      observedDossiersPerMachineDay: number | null;
      days: { date: string; actual: number | null; machinesWorking: number | null }[];
      reportWarnings: Warning[];
      warnings: ({ __typename: string } & Record<string, unknown>)[];
    };
  };
  const compare = async (areaCode: string, from: string, to: string, token?: string) =>
    (await data<Compared>(COMPARED, { areaCode, from, to }, token === undefined ? {} : { token }))
      .planVsActual;

  it('says a commune’s tally below the team’s phone report is counted and the team’s figure set aside, at recording and in plan vs actual', async () => {
    // Finding 8, 23 March 2021: the Đắk Song team's phone says 300 for Xã Nam Bình (24721), then
    // the district planner types the commune's tally, 142. For Xã Thuận Hà (24722) the tally of 138
    // came first and the team's corrected 450 after. The tallies win (an area's own total wins over
    // its teams'): Đắk Song's day is 142 + 138 = 280 (no other report of its that day).
    const phone = await tokenFor({
      role: 'REPORTER',
      name: 'Đắk Song phone',
      teamCode: 'DN-DAK-SONG-MOBILE',
    });
    const planner = await tokenFor({ role: 'PLANNER', name: 'Đắk Song planner', areaCode: '665' });
    const day = '2021-03-23';
    expect(
      (await send([{ date: day, areaCode: '24721', dossiers: 300 }], phone)).reports[0]?.warnings,
    ).toEqual([]);
    const tally = await send([{ date: day, areaCode: '24721', dossiers: 142 }], planner);
    expect(tally.reports[0]?.warnings).toEqual([
      {
        field: 'reports[0].dossiers',
        severity: 'unlikely',
        code: 'total-below-team-reports',
        message:
          "reports[0].dossiers: area 24721's own total on 2021-03-23, 142 dossiers, is counted and its team's report of 300 dossiers set aside (an area's own total wins over its teams' reports): check the total and the teams' figures (1 of the day's reports recorded before this batch)",
      },
    ]);
    await send([{ date: day, areaCode: '24722', dossiers: 138 }], planner);
    const corrected = await send([{ date: day, areaCode: '24722', dossiers: 450 }], phone);
    expect(corrected.reports[0]?.warnings.map((w) => [w.field, w.code])).toEqual([
      ['reports[0].dossiers', 'total-below-team-reports'],
    ]);
    expect(corrected.reports[0]?.warnings[0]?.message).toContain('138 dossiers, is counted');

    const song = await compare('665', day, day, planner);
    expect(song.days).toEqual([{ date: day, actual: 280, machinesWorking: null }]);
    expect(song.warnings.filter((w) => w.__typename === 'TotalBelowTeamReportsWarning')).toEqual([
      {
        __typename: 'TotalBelowTeamReportsWarning',
        areaCode: '24721',
        date: day,
        totalDossiers: 142,
        teamDossiers: 300,
        teamReports: 1,
        message:
          "Xã Nam Bình (24721) on 2021-03-23: its own total of 142 dossiers is counted and its team's report of 300 dossiers is set aside (an area's own total wins over its teams' reports): check the total and the teams' figures",
      },
      expect.objectContaining({ areaCode: '24722', totalDossiers: 138, teamDossiers: 450, teamReports: 1 }),
    ]);
    // Said once, by the comparison: not again among the reports' warnings.
    expect(song.reportWarnings.map((w) => w.code)).not.toContain('total-below-team-reports');
    // Đắk Glong's planner compares Đắk Glong: nothing of Đắk Song's communes or team.
    const glongPlanner = await tokenFor({ role: 'PLANNER', name: 'Đắk Glong planner', areaCode: '661' });
    const glong = await compare('661', day, day, glongPlanner);
    expect(glong.warnings.filter((w) => w.__typename === 'TotalBelowTeamReportsWarning')).toEqual([]);
    expect((await compare('665', day, day, glongPlanner)).__typename).not.toBe('PlanVsActual');
  });

  it('says 71 commune rows of 1 machine each are more machines than the province’s 24, its pace still counting them', async () => {
    // Finding 9, 20 May 2021: each of Đắk Nông's 71 communes reports 1 machine working and 110
    // dossiers: 71 machines reported against the 24 the plan stations in the province. The pace
    // counts the machines reported (they can be true): 71 × 110 ÷ 71 = 110 a machine-day.
    const communes = await database.prisma.area.findMany({
      where: { level: 'commune', path: { startsWith: '67/' } },
      select: { code: true },
    });
    expect(communes).toHaveLength(71);
    const day = '2021-05-20';
    const sent = await send(
      communes.map(({ code }) => ({ date: day, areaCode: code, dossiers: 110, machinesWorking: 1 })),
    );
    expect(sent.__typename).toBe('RecordActualsPayload');
    const province = await compare('67', day, day);
    expect(province.days).toEqual([{ date: day, actual: 7_810, machinesWorking: 71 }]);
    expect(province.observedDossiersPerMachineDay).toBe(110);
    expect(province.warnings.filter((w) => w.__typename === 'MachinesAbovePlannedWarning')).toEqual([
      {
        __typename: 'MachinesAbovePlannedWarning',
        areaCode: '67',
        date: day,
        machinesReported: 71,
        machinesPlanned: 24,
        message:
          'Tỉnh Đắk Nông (67) reported 71 machines working on 2021-05-20, more than the 24 the plan stations there: a machine counted in several reports, or machines added beyond the plan? The pace counts the 71 reported',
      },
    ]);
    // Đắk Song's 9 communes against its 3 of the 24.
    const song = await compare('665', day, day);
    expect(
      song.warnings.flatMap((w) =>
        w.__typename === 'MachinesAbovePlannedWarning'
          ? [[w.areaCode, w.machinesReported, w.machinesPlanned]]
          : [],
      ),
    ).toEqual([['665', 9, 3]]);
  });

  it('refuses more downtime than the machines working were open, naming both figures, and warns of more than the hours open', async () => {
    // Finding 13: 600 minutes of downtime with the site open 4 hours on 2 machines. 4 × 60 = 240
    // minutes open; even counting each machine's minutes, 2 × 240 = 480 < 600.
    const report = {
      date: '2021-03-24',
      areaCode: '24717',
      teamCode: 'DN-DAK-SONG-MOBILE',
      dossiers: 200,
      machinesWorking: 2,
      hoursOpen: 4,
    };
    const refused = await send([{ ...report, downtimeMinutes: 600 }]);
    expect(refused).toMatchObject({
      __typename: 'InputError',
      field: 'reports[0].downtimeMinutes',
      code: 'conflict',
      message:
        "reports[0].downtimeMinutes must be figures that can be true together: 600 minutes of downtime cannot fit in 4 hours open (240 minutes) on 2 machines, even counting each machine's minutes (2 × 240 = 480 machine-minutes), got 600",
    });
    expect(
      await database.prisma.actualReport.count({ where: { areaCode: '24717', date: '2021-03-24' } }),
    ).toBe(0);
    // 300 minutes: more than the 240 open, within the two machines' 480: recorded, warned.
    const warned = await send([{ ...report, downtimeMinutes: 300 }]);
    expect(warned.reports[0]?.warnings).toEqual([
      {
        field: 'reports[0].downtimeMinutes',
        severity: 'unlikely',
        code: 'downtime-above-hours-open',
        message:
          'reports[0].downtimeMinutes: 300 minutes of downtime are more than the 4 hours open (240 minutes): only as the minutes of the 2 machines added up (480 at most)',
      },
    ]);
    // One stored before recording refused it is named impossible in plan vs actual.
    await database.prisma.actualReport.create({
      data: {
        date: '2021-03-24',
        areaCode: '24718',
        dossiers: 200,
        machinesWorking: 2,
        hoursOpen: 4,
        downtimeMinutes: 600,
        recordedBy: 'the past',
      },
    });
    const song = await compare('665', '2021-03-24', '2021-03-24');
    expect(song.reportWarnings.map((w) => [w.severity, w.code, w.message])).toEqual([
      [
        'unlikely',
        'downtime-above-hours-open',
        'report of 2021-03-24, area 24717, team DN-DAK-SONG-MOBILE: 300 minutes of downtime are more than the 4 hours open (240 minutes): only as the minutes of the 2 machines added up (480 at most)',
      ],
      [
        'impossible',
        'downtime-above-hours-open',
        "report of 2021-03-24, area 24718: 600 minutes of downtime cannot fit in 4 hours open (240 minutes) on 2 machines, even counting each machine's minutes (2 × 240 = 480 machine-minutes)",
      ],
    ]);
  });

  it('records a whole day of downtime on each of 3 machines, 4,320 minutes, and refuses a minute more naming the bound with the machines', async () => {
    // Đắk Hòa (24719) open 24 hours, its 3 machines standing still all day: 3 × 24 × 60 = 4,320
    // machine-minutes. A day of one machine, 1,440, is the bound when no machines are given.
    const report = { date: '2021-03-25', areaCode: '24719', dossiers: 0, machinesWorking: 3, hoursOpen: 24 };
    const { machinesWorking: _, ...noMachines } = report;
    const before = await database.prisma.actualReport.count();
    const answer = await data<{ recordActuals: Record<string, unknown> }>(
      `mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) {
        __typename ... on InputError { problems { field code expected received } } } }`,
      {
        reports: [
          { ...report, downtimeMinutes: 4321 },
          { ...noMachines, date: '2021-03-26', downtimeMinutes: 1441 },
        ],
      },
    );
    expect(answer.recordActuals).toEqual({
      __typename: 'InputError',
      problems: [
        {
          field: 'reports[0].downtimeMinutes',
          code: 'range',
          expected: 'an integer at least 0 and at most 4320 (1440 minutes a day × 3 machines working)',
          received: '4321',
        },
        {
          field: 'reports[1].downtimeMinutes',
          code: 'range',
          expected: 'an integer at least 0 and at most 1440',
          received: '1441',
        },
      ],
    });
    expect(await database.prisma.actualReport.count()).toBe(before);
    // 4,320: recorded, warned as more than the 1,440 minutes open (possible only as machine-minutes).
    const recorded = await send([{ ...report, downtimeMinutes: 4320 }]);
    expect(recorded.reports[0]?.warnings).toEqual([
      {
        field: 'reports[0].downtimeMinutes',
        severity: 'unlikely',
        code: 'downtime-above-hours-open',
        message:
          'reports[0].downtimeMinutes: 4320 minutes of downtime are more than the 24 hours open (1440 minutes): only as the minutes of the 3 machines added up (4320 at most)',
      },
    ]);
    const stored = await database.prisma.actualReport.findMany({
      where: { areaCode: '24719', date: '2021-03-25', teamCode: null },
      select: { downtimeMinutes: true },
    });
    expect(stored).toEqual([{ downtimeMinutes: 4320 }]);
  });
});
