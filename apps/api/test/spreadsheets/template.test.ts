import { describe, expect, it } from 'vitest';
import {
  AREA_SHEET,
  MACHINE_SHEET,
  REPORT_SHEET,
  readSpreadsheet,
  type SheetKind,
  spreadsheetTemplate,
} from '../../src/spreadsheets/index.ts';
import { openWorkbook } from './_files.ts';

const KINDS = [AREA_SHEET, MACHINE_SHEET, REPORT_SHEET] as SheetKind<Record<string, unknown>>[];

describe('spreadsheetTemplate', () => {
  for (const kind of KINDS) {
    for (const format of ['xlsx', 'csv'] as const) {
      for (const language of ['vi', 'en'] as const) {
        it(`gives a ${language} ${format} template of ${kind.name} that reads back as its example row`, async () => {
          const read = await readSpreadsheet(await spreadsheetTemplate(kind, format, language), kind);
          if (!read.ok) throw new Error(read.refusal.message);
          expect(read.rows).toHaveLength(1);
          const value = read.rows[0]?.value as Record<string, unknown>;
          // An area's latitude and longitude come back as its location.
          const location = (value.location ?? {}) as Record<string, unknown>;
          for (const column of kind.columns) {
            expect([column.key, value[column.key] ?? location[column.key]]).toEqual([
              column.key,
              column.example,
            ]);
          }
          expect(read.sheets[0]?.columns.map((c) => c.header)).toEqual(
            kind.columns.map((c) => c.header[language]),
          );
        });
      }
    }
  }

  it('writes a note on every header and a sheet of column notes in the chosen language', async () => {
    const workbook = await openWorkbook(await spreadsheetTemplate(REPORT_SHEET, 'xlsx', 'vi'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Báo cáo', 'Hướng dẫn']);
    const header = workbook.worksheets[0]?.getRow(1);
    expect(header?.getCell(4).value).toBe('Số hồ sơ');
    expect(String(header?.getCell(4).note)).toContain('Số hồ sơ thu nhận trong ngày');
    expect(workbook.worksheets[0]?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const notes = workbook.getWorksheet('Hướng dẫn');
    expect(notes?.getRow(5).values).toEqual([
      undefined,
      'Số hồ sơ',
      'có',
      'Số hồ sơ thu nhận trong ngày (số nguyên ≥ 0). A whole number ≥ 0.',
      'Dossiers; dossiers; hồ sơ; số hồ sơ thu nhận; số lượng hồ sơ; dossiers collected',
    ]);
  });

  it('says which columns are required in words of the chosen language', async () => {
    // A report's date, area code and dossiers are required; its team, machines, hours, downtime,
    // note and key are not.
    const required = async (language: 'vi' | 'en') => {
      const workbook = await openWorkbook(await spreadsheetTemplate(REPORT_SHEET, 'xlsx', language));
      const notes = workbook.worksheets[1];
      return Array.from({ length: 9 }, (_, i) => notes?.getRow(i + 2).getCell(2).value);
    };
    expect(await required('vi')).toEqual([
      'có',
      'có',
      'không',
      'có',
      'không',
      'không',
      'không',
      'không',
      'không',
    ]);
    expect(await required('en')).toEqual(['yes', 'yes', 'no', 'yes', 'no', 'no', 'no', 'no', 'no']);
  });
});
