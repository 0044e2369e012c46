// What a refused report file says of each cell, as the web app words it in the reader's language:
// the code (and the column) carry the reason, and `received` is what the cell holds, never the
// service's English sentence; a count written with groups of three as a Vietnamese clerk writes
// it (1.085) is read as the README says, not refused as "below 0".
import { describe, expect, it } from 'vitest';
import { database, type UploadFile, upload, useDatabase } from './graphql.ts';
import { csvOf, MARCH_20, xlsxOf } from './spreadsheets/_files.ts';

useDatabase({ demo: true });

const IMPORT_REPORTS = `mutation ($file: File!) { importReports(file: $file) {
  __typename
  ... on ImportReportsPayload { rows created corrected unchanged }
  ... on SpreadsheetError { code issues { row column header code expected received } }
} }`;

type Answer = {
  importReports: {
    __typename: string;
    rows?: number;
    code?: string;
    issues?: {
      row: number;
      column: string | null;
      header: string | null;
      code: string;
      expected: string;
      received: string;
    }[];
  };
};

async function importReports(file: UploadFile) {
  const { body } = await upload<Answer>(IMPORT_REPORTS, {}, { file });
  expect(body.errors).toBeUndefined();
  return (body.data as Answer).importReports;
}

describe('a refused report file’s cells', () => {
  it('says 300 dossiers on 0 machines by its code and column, the cell’s 0 as received', async () => {
    // Row 9 read `nhận được "300 dossiers cannot be taken with 0 mach…"`: the service's English
    // sentence in place of what the cell holds.
    const rows = ['Ngày,Mã địa bàn,Số hồ sơ,Số máy hoạt động'];
    for (let day = 13; day <= 19; day++) rows.push(`2021-03-${day},661,100,2`);
    rows.push('2021-03-20,665,300,0');
    const answer = await importReports({ bytes: csvOf(`${rows.join('\n')}\n`), name: 'bao-cao.csv' });
    expect(answer.__typename).toBe('SpreadsheetError');
    const issues = (answer.issues ?? []).filter((issue) => issue.row === 9);
    expect(issues).toEqual([
      {
        row: 9,
        column: 'machinesWorking',
        header: 'Số máy hoạt động',
        code: 'conflict',
        expected: expect.any(String),
        received: '0',
      },
    ]);
    for (const issue of answer.issues ?? []) expect(issue.received).not.toMatch(/cannot|dossiers/);
  });

  it('reads a text cell of 1.085 dossiers in a workbook as 1,085, and says 1.5 dossiers is no count', async () => {
    const sheet = (dossiers: string) =>
      xlsxOf({
        'Báo cáo': [
          ['Ngày', 'Mã địa bàn', 'Số hồ sơ'],
          [MARCH_20, '663', dossiers],
        ],
      });
    const read = await importReports({ bytes: await sheet('1.085'), name: 'bao-cao.xlsx' });
    expect(read).toMatchObject({ __typename: 'ImportReportsPayload', rows: 1 });
    const stored = await database.prisma.actualReport.findFirstOrThrow({
      where: { areaCode: '663', date: '2021-03-20', teamCode: null },
    });
    expect(stored.dossiers).toBe(1085);

    const refused = await importReports({ bytes: await sheet('1.5'), name: 'bao-cao.xlsx' });
    expect(refused.issues).toEqual([
      {
        row: 2,
        column: 'dossiers',
        header: 'Số hồ sơ',
        code: 'format',
        expected: 'a whole number ≥ 0',
        received: '"1.5"',
      },
    ]);
  });
});
