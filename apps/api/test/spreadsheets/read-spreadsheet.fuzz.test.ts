// Broken and hostile files: every one gets a typed refusal (or, when a change happens to leave a
// readable file, rows), never a throw, a crash or a hang.

import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  REPORT_SHEET,
  readSpreadsheet,
  type SpreadsheetRead,
  type SpreadsheetRefusalCode,
} from '../../src/spreadsheets/index.ts';
import { d, excelWorkbook, n, s } from './_excel-xml.ts';
import { MARCH_20, xlsxOf } from './_files.ts';

const SEED = Number(process.env.FC_SEED ?? 20_210_320);
/** Each run reads a small workbook (a few milliseconds); 60 keep the file under ten seconds. */
const RUNS = Number(process.env.FC_RUNS ?? 60);
console.info(`fast-check seed ${SEED} (FC_SEED), ${RUNS} runs per property (FC_RUNS)`);

const REFUSAL_CODES: readonly SpreadsheetRefusalCode[] = [
  'file-too-large',
  'unzipped-too-large',
  'too-many-rows',
  'not-a-spreadsheet',
  'unsupported-format',
  'corrupt',
  'no-header',
  'duplicate-column',
  'empty',
  'invalid-cells',
];

function expectTyped(read: SpreadsheetRead<unknown>): void {
  if (read.ok) {
    expect(read.rows.length).toBeGreaterThan(0);
  } else {
    expect(REFUSAL_CODES).toContain(read.refusal.code);
    expect(read.refusal.message.length).toBeGreaterThan(0);
  }
}

async function reportWorkbook(): Promise<Buffer> {
  const rows: (string | number | Date)[][] = [['Ngày', 'Mã địa bàn', 'Mã tổ', 'Số hồ sơ', 'Ghi chú']];
  for (let i = 0; i < 40; i += 1)
    rows.push([MARCH_20, String(24_700 + i), `T${i % 4}`, 1000 + i, `ghi chú ${i}`]);
  return xlsxOf({ 'Báo cáo': rows, 'Hướng dẫn': [['…']] });
}

/** A workbook whose one sheet unzips to about `bytes` (rows of the same text compress ~1000:1). */
function paddedWorkbook(rowCount: number): Uint8Array {
  const rows = [[s('A1', 0), s('B1', 1), s('C1', 2)]];
  for (let r = 2; r <= rowCount + 1; r += 1) rows.push([d(`A${r}`, 44275), s(`B${r}`, 3), n(`C${r}`, 1085)]);
  return excelWorkbook([{ name: 'Sheet1', rows }], ['Ngày', 'Mã địa bàn', 'Số hồ sơ', '665']);
}

describe('readSpreadsheet on broken files', () => {
  it('refuses a workbook cut short at any length with a typed refusal', async () => {
    const whole = await reportWorkbook();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: whole.length - 1 }), async (length) => {
        const read = await readSpreadsheet(whole.subarray(0, length), REPORT_SHEET);
        expect(read.ok).toBe(false);
        expectTyped(read);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('answers a workbook with damaged bytes with rows or a typed refusal', async () => {
    const whole = await reportWorkbook();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: whole.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        async (changes) => {
          const damaged = Buffer.from(whole);
          for (const [at, byte] of changes) damaged[at] = byte;
          expectTyped(await readSpreadsheet(damaged, REPORT_SHEET));
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('answers any bytes, and any text, with rows or a typed refusal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        expectTyped(await readSpreadsheet(bytes, REPORT_SHEET));
      }),
      { seed: SEED, numRuns: RUNS },
    );
    const csvish = fc
      .array(
        fc.constantFrom(
          'Ngày',
          'Mã địa bàn',
          'Số hồ sơ',
          '665',
          '1085',
          '"',
          ',',
          ';',
          '\n',
          '\r',
          '\t',
          ' ',
          'x',
          '20/03/2021',
        ),
        {
          maxLength: 200,
        },
      )
      .map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(csvish, async (text) => {
        expectTyped(await readSpreadsheet(Buffer.from(text), REPORT_SHEET));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('refuses a zip bomb at the unzipped limit before parsing it', async () => {
    const bomb = paddedWorkbook(20_000);
    const read = await readSpreadsheet(bomb, REPORT_SHEET, { limits: { maxUnzippedBytes: 2 ** 20 } });
    expect(read.ok ? null : read.refusal.code).toBe('unzipped-too-large');
    // The same file within the default limits is read whole.
    const ok = await readSpreadsheet(bomb, REPORT_SHEET);
    expect(ok.ok ? ok.rows.length : ok.refusal.message).toBe(20_000);
  });

  it('refuses a zip whose parts unzip to more than their directory declares', async () => {
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${'<row r="1"/>'.repeat(200_000)}</sheetData></worksheet>`;
    const honest = zipSync({
      'xl/workbook.xml': Buffer.from(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
      ),
      'xl/worksheets/sheet1.xml': Buffer.from(sheet),
    });
    const lying = Buffer.from(honest);
    // Rewrite the declared size of the sheet (local header +22, central directory +24) to 100 bytes.
    for (let at = 0; at < lying.length - 4; at += 1) {
      const signature = lying.readUInt32LE(at);
      if (
        signature === 0x04034b50 &&
        lying.toString('utf8', at + 30, at + 30 + 24) === 'xl/worksheets/sheet1.xml'
      ) {
        lying.writeUInt32LE(100, at + 22);
      }
      if (
        signature === 0x02014b50 &&
        lying.toString('utf8', at + 46, at + 46 + 24) === 'xl/worksheets/sheet1.xml'
      ) {
        lying.writeUInt32LE(100, at + 24);
      }
    }
    expect(deflateRawSync(Buffer.from(sheet)).length).toBeLessThan(sheet.length / 100);
    const read = await readSpreadsheet(lying, REPORT_SHEET);
    expect(read.ok ? null : read.refusal.code).toBe('corrupt');
  });

  it('stops reading a huge sheet at the row limit', async () => {
    const read = await readSpreadsheet(paddedWorkbook(5000), REPORT_SHEET, { limits: { maxRows: 1000 } });
    expect(read.ok ? null : read.refusal).toMatchObject({ code: 'too-many-rows' });
  });

  it('reads a sheet with a cell in its last column and row', async () => {
    const file = excelWorkbook(
      [
        {
          name: 'Sheet1',
          rows: [
            [s('A1', 0), s('B1', 1), s('C1', 2)],
            [d('A2', 44275), s('B2', 3), n('C2', 1085)],
            [n('XFD1048576', 1)],
          ],
        },
      ],
      ['Ngày', 'Mã địa bàn', 'Số hồ sơ', '665'],
    );
    const read = await readSpreadsheet(file, REPORT_SHEET);
    expect(read.ok ? read.rows.map((row) => row.value.dossiers) : read.refusal.message).toEqual([1085]);
  });
});
