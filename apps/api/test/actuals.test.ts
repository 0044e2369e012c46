import { describe, expect, it } from 'vitest';
import { data, database, gql, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

const RECORD = `mutation ($reports: [ActualReportInput!]!) {
  recordActuals(reports: $reports) {
    __typename
    ... on RecordActualsPayload { created corrected unchanged reports { outcome report { id version dossiers history { version dossiers machinesWorking } } } }
    ... on InputError { field code message }
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
    expect(result).toMatchObject({
      __typename: 'InputError',
      field: 'reports[1].areaCode',
      code: 'unknown-reference',
    });
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
        __typename ... on QueryActualReportsConnection { edges { node { areaCode dossiers date } } } } }`,
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
