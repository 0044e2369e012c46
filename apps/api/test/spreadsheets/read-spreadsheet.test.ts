import { describe, expect, it } from 'vitest';
import {
  AREA_SHEET,
  issueAtInputPath,
  MACHINE_SHEET,
  REPORT_SHEET,
  readSpreadsheet,
  type SpreadsheetRead,
} from '../../src/spreadsheets/index.ts';
import { d, e, excelWorkbook, f, n, s, t } from './_excel-xml.ts';
import { csvOf, MARCH_20, xlsxOf } from './_files.ts';

function refusalOf<T>(read: SpreadsheetRead<T>) {
  if (read.ok) throw new Error(`expected a refusal, got ${read.rows.length} rows`);
  return read.refusal;
}

function rowsOf<T>(read: SpreadsheetRead<T>) {
  if (!read.ok) throw new Error(`expected rows, got: ${read.refusal.message}`);
  return read;
}

// The field reports of 20 March 2021 (DESIGN.md §2): Đắk Song (district 665) 1,085 dossiers and
// Đắk Glong (district 661) 1,123; codes from data/vietnam/demo_nghean_daknong_2021.csv.
const FIELD_REPORTS = [
  {
    date: '2021-03-20',
    areaCode: '665',
    teamCode: 'DN-DAK-SONG-MOBILE',
    idempotencyKey: null,
    dossiers: 1085,
    machinesWorking: null,
    hoursOpen: 19,
    downtimeMinutes: null,
    note: 'Đắk Song, báo cáo ngày 20/3',
  },
  {
    date: '2021-03-20',
    areaCode: '661',
    teamCode: 'DN-DAK-GLONG-MOBILE',
    idempotencyKey: null,
    dossiers: 1123,
    machinesWorking: null,
    hoursOpen: 19,
    downtimeMinutes: null,
    note: null,
  },
];

describe('readSpreadsheet: the field reports', () => {
  it('reads Đắk Song’s 1,085 and Đắk Glong’s 1,123 of 20 March from an XLSX with Vietnamese headers', async () => {
    const file = await xlsxOf({
      'Báo cáo': [
        ['Ngày', 'Mã địa bàn', 'Mã tổ', 'Số hồ sơ', 'Số giờ mở cửa', 'Ghi chú'],
        [MARCH_20, '665', 'DN-DAK-SONG-MOBILE', 1085, 19, 'Đắk Song, báo cáo ngày 20/3'],
        [MARCH_20, '661', 'DN-DAK-GLONG-MOBILE', 1123, 19, null],
      ],
    });
    const read = rowsOf(await readSpreadsheet(file, REPORT_SHEET));
    expect(read.format).toBe('xlsx');
    expect(read.rows.map((row) => row.value)).toEqual(FIELD_REPORTS);
    expect(read.rows.map((row) => [row.sheet, row.row])).toEqual([
      ['Báo cáo', 2],
      ['Báo cáo', 3],
    ]);
  });

  it('reads the same reports from a CSV Excel saved in a Vietnamese locale (semicolons, decimal commas, dd/mm/yyyy)', async () => {
    const file = csvOf(
      'NGAY;ma dia ban;Mã tổ;Số hồ sơ;Số giờ mở cửa (giờ);Ghi chú\r\n' +
        '20/03/2021;665;DN-DAK-SONG-MOBILE;1.085;19,0;Đắk Song, báo cáo ngày 20/3\r\n' +
        '20/03/2021;661;DN-DAK-GLONG-MOBILE;1.123;19;\r\n',
      true,
    );
    const read = rowsOf(await readSpreadsheet(file, REPORT_SHEET));
    expect(read.format).toBe('csv');
    expect(read.rows.map((row) => row.value)).toEqual(FIELD_REPORTS);
  });

  it('reads English camelCase headers and an Excel serial date from a comma-separated CSV', async () => {
    const file = csvOf(
      'date,areaCode,teamCode,dossiers,hoursOpen,note\n44275,665,DN-DAK-SONG-MOBILE,1085,19,"Đắk Song, báo cáo ngày 20/3"\n2021-03-20,661,DN-DAK-GLONG-MOBILE,1123,19,\n',
    );
    expect(rowsOf(await readSpreadsheet(file, REPORT_SHEET)).rows.map((row) => row.value)).toEqual(
      FIELD_REPORTS,
    );
  });
});

describe('readSpreadsheet: a file is checked whole', () => {
  it('refuses the whole file for one bad row, naming its row and column', async () => {
    const rows: (string | number | Date)[][] = [['Ngày', 'Mã địa bàn', 'Số hồ sơ']];
    for (let i = 0; i < 15; i += 1) rows.push([MARCH_20, String(24_700 + i), i === 12 ? '12a' : 100 + i]);
    const refusal = refusalOf(await readSpreadsheet(await xlsxOf({ 'Báo cáo': rows }), REPORT_SHEET));
    expect(refusal.code).toBe('invalid-cells');
    expect(refusal.issueCount).toBe(1);
    expect(refusal.issues[0]).toMatchObject({
      row: 14,
      column: 'dossiers',
      header: 'Số hồ sơ',
      cell: 'C14',
      code: 'format',
      message: 'row 14, column dossiers: must be a whole number ≥ 0, got "12a"',
    });
  });

  it('names every bad cell, not only the first', async () => {
    const file = csvOf('date,area code,dossiers,downtime\n2021-03-20,,-1,5\n20/13/2021,665,7.5,ten\n');
    const refusal = refusalOf(await readSpreadsheet(file, REPORT_SHEET));
    expect(refusal.issues.map((issue) => issue.message)).toEqual([
      'row 2, column areaCode: must be a code (text of at most 100 characters), got an empty cell',
      'row 2, column dossiers: must be a whole number ≥ 0, got "-1"',
      'row 3, column date: must be a date (a date cell, yyyy-mm-dd or dd/mm/yyyy), got "20/13/2021"',
      'row 3, column dossiers: must be a whole number ≥ 0, got "7.5"',
      'row 3, column downtimeMinutes: must be a whole number of minutes ≥ 0, got "ten"',
    ]);
    expect(refusal.message).toMatch(/^nothing was read: the file has 5 problems: row 2, column areaCode/);
  });

  it('gives back the rows read whole beside the bad cells, and none for a file refused as a whole', async () => {
    // Rows 2 and 4 have a bad cell; row 3 reads whole, so that who may send it is checked too.
    const file = csvOf('date,area code,dossiers\n2021-03-20,24718,12a\n2021-03-20,661,10\n2021-03-20,663,\n');
    const read = await readSpreadsheet(file, REPORT_SHEET);
    if (read.ok) throw new Error('expected a refusal');
    expect(read.refusal.issues.map((issue) => [issue.row, issue.column, issue.code])).toEqual([
      [2, 'dossiers', 'format'],
      [4, 'dossiers', 'required'],
    ]);
    expect(read.readable?.rows.map(({ row, value }) => [row, value.areaCode, value.dossiers])).toEqual([
      [3, '661', 10],
    ]);
    expect(await readSpreadsheet(csvOf('a,b\n1,2\n'), REPORT_SHEET)).toMatchObject({
      ok: false,
      refusal: { code: 'no-header' },
      readable: null,
    });
  });

  it('lists at most the limit of problems and counts the rest', async () => {
    const lines = ['date,area code,dossiers', ...Array.from({ length: 30 }, () => '2021-03-20,665,x')];
    const refusal = refusalOf(
      await readSpreadsheet(csvOf(lines.join('\n')), REPORT_SHEET, { limits: { maxListedIssues: 10 } }),
    );
    expect(refusal.issues).toHaveLength(10);
    expect(refusal.issueCount).toBe(30);
  });
});

describe('readSpreadsheet: what Excel writes', () => {
  // Shared strings of the hand-written workbooks below.
  const STRINGS = ['Ngày', 'Mã địa bàn', 'Số hồ sơ', '665', '661', 'BÁO CÁO KẾT QUẢ THU NHẬN HỒ SƠ', 'Tổng'];

  it('reads date cells, serials in General cells, text dates and formulas’ saved results', async () => {
    const file = excelWorkbook(
      [
        {
          name: 'Sheet1',
          rows: [
            [s('A1', 5)],
            [s('A2', 0), s('B2', 1), s('C2', 2)],
            [d('A3', 44275), s('B3', 3), f('C3', '1000+85', 1085)],
            [n('A4', 44275), s('B4', 4), f('C4', 'C3+38', 1123)],
            [t('A5', '21/03/2021'), s('B5', 3), n('C5', 900)],
          ],
          merges: ['A1:C1'],
        },
      ],
      STRINGS,
    );
    const read = rowsOf(await readSpreadsheet(file, REPORT_SHEET));
    expect(read.rows.map(({ row, value }) => [row, value.date, value.areaCode, value.dossiers])).toEqual([
      [3, '2021-03-20', '665', 1085],
      [4, '2021-03-20', '661', 1123],
      [5, '2021-03-21', '665', 900],
    ]);
  });

  it('counts serials from 1904 in a workbook that says so', async () => {
    const file = excelWorkbook(
      [
        {
          name: 'Sheet1',
          rows: [
            [s('A1', 0), s('B1', 1), s('C1', 2)],
            [n('A2', 42813), s('B2', 3), n('C2', 1)],
          ],
        },
      ],
      STRINGS,
      { date1904: true },
    );
    expect(rowsOf(await readSpreadsheet(file, REPORT_SHEET)).rows[0]?.value.date).toBe('2021-03-20');
  });

  it('refuses a formula without a saved value and a cell holding an error, and says why', async () => {
    const file = excelWorkbook(
      [
        {
          name: 'Sheet1',
          rows: [
            [s('A1', 0), s('B1', 1), s('C1', 2)],
            [d('A2', 44275), s('B2', 3), f('C2', 'SUM(D2:F2)')],
            [d('A3', 44275), s('B3', 4), e('C3', 'VLOOKUP(B3,X:Y,2,0)', '#N/A')],
            [d('A4', 44275), s('B4', 4), '<c r="C4" t="e"><v>#DIV/0!</v></c>'],
          ],
        },
      ],
      STRINGS,
    );
    const refusal = refusalOf(await readSpreadsheet(file, REPORT_SHEET));
    // exceljs's streaming reader drops a formula's error result: it reads as a formula without a value.
    expect(refusal.issues.map((issue) => [issue.cell, issue.code])).toEqual([
      ['C2', 'formula'],
      ['C3', 'formula'],
      ['C4', 'cell-error'],
    ]);
    expect(refusal.issues[0]?.message).toBe(
      'row 2, column dossiers: must be a whole number ≥ 0, got the formula =SUM(D2:F2) without a saved value (an error, or never computed: open and save the file in a spreadsheet program, or paste values)',
    );
    expect(refusal.issues[2]?.message).toBe(
      'row 4, column dossiers: must be a whole number ≥ 0, got the error #DIV/0!',
    );
  });

  it('refuses merged cells among the data, naming the range, but not a merged title above the header', async () => {
    const file = excelWorkbook(
      [
        {
          name: 'Sheet1',
          rows: [
            [s('A1', 5)],
            [s('A2', 0), s('B2', 1), s('C2', 2)],
            [d('A3', 44275), s('B3', 3), n('C3', 1085)],
            [s('B4', 4), n('C4', 1123)],
          ],
          merges: ['A1:C1', 'A3:A4'],
        },
      ],
      STRINGS,
    );
    const refusal = refusalOf(await readSpreadsheet(file, REPORT_SHEET));
    expect(refusal.issues.map((issue) => issue.message)).toEqual([
      'row 3, column date: must be one value per cell (unmerge A3:A4 and fill each row), got merged cells A3:A4',
      'row 4, column date: must be a date (a date cell, yyyy-mm-dd or dd/mm/yyyy), got an empty cell',
    ]);
  });

  it('names the columns it does not read and skips empty rows, trailing or not', async () => {
    const file = await xlsxOf({
      Sheet1: [
        ['Date', 'Area code', 'Người báo cáo', 'Dossiers', 'Tổng lũy kế'],
        [MARCH_20, '665', 'Anh Tuấn', 1085, 5000],
        [],
        [null, null, 'only an ignored cell'],
        [MARCH_20, '661', null, 1123, null],
        [],
        [],
      ],
    });
    const read = rowsOf(await readSpreadsheet(file, REPORT_SHEET));
    expect(read.rows.map((row) => row.row)).toEqual([2, 5]);
    expect(read.notes).toEqual([
      {
        kind: 'columns-not-read',
        sheet: 'Sheet1',
        columns: [
          { header: 'Người báo cáo', letter: 'C' },
          { header: 'Tổng lũy kế', letter: 'E' },
        ],
        message: 'sheet "Sheet1": columns not read: "Người báo cáo" (C), "Tổng lũy kế" (E)',
      },
    ]);
  });

  it('reads every sheet with a header, names the sheet in problems, and notes the sheets it skipped', async () => {
    const file = await xlsxOf({
      'Hướng dẫn': [['Điền mỗi ngày một dòng.']],
      'Thứ Sáu': [
        ['Ngày', 'Mã địa bàn', 'Số hồ sơ'],
        [new Date(Date.UTC(2021, 2, 19)), '665', 1000],
      ],
      'Thứ Bảy': [
        ['Ngày', 'Mã địa bàn', 'Số hồ sơ'],
        [MARCH_20, '665', 'nhiều'],
      ],
    });
    const refusal = refusalOf(await readSpreadsheet(file, REPORT_SHEET));
    expect(refusal.issues.map((issue) => issue.message)).toEqual([
      'sheet "Thứ Bảy", row 2, column dossiers: must be a whole number ≥ 0, got "nhiều"',
    ]);
  });

  it('finds the header below title rows, and refuses a file whose header it cannot find', async () => {
    const titled = await xlsxOf({
      S: [['SỞ CÔNG AN TỈNH ĐẮK NÔNG'], [], ['Ngày', 'Mã địa bàn', 'Số hồ sơ'], [MARCH_20, '665', 1085]],
    });
    expect(rowsOf(await readSpreadsheet(titled, REPORT_SHEET)).sheets[0]?.headerRow).toBe(3);
    const headless = await xlsxOf({
      S: [
        ['Ngày', 'Số hồ sơ'],
        [MARCH_20, 1085],
      ],
    });
    const refusal = refusalOf(await readSpreadsheet(headless, REPORT_SHEET));
    expect(refusal.code).toBe('no-header');
    expect(refusal.message).toContain('Area code (Mã địa bàn)');
  });

  it('refuses two columns that stand for one field, and a header with no row under it', async () => {
    const twice = refusalOf(
      await readSpreadsheet(csvOf('Ngày,Mã địa bàn,Số hồ sơ,Dossiers\n'), REPORT_SHEET),
    );
    expect(twice).toMatchObject({ code: 'duplicate-column' });
    expect(twice.message).toBe('columns C ("Số hồ sơ") and D ("Dossiers") are both dossiers; keep one');
    expect(refusalOf(await readSpreadsheet(csvOf('Ngày,Mã địa bàn,Số hồ sơ\n,,\n'), REPORT_SHEET)).code).toBe(
      'empty',
    );
  });
});

describe('readSpreadsheet: areas and machines', () => {
  it('reads a province’s own area list with shares as percentages and centroids', async () => {
    const file = csvOf(
      'Mã địa bàn,Tên địa bàn,Mã cấp trên,Cấp,Dân số,Tỷ lệ đủ tuổi,Vĩ độ,Kinh độ\n' +
        '665,Huyện Đắk Song,67,district,,69.6%,,\n' +
        '24718,Xã Đắk Môl,665,xã,7354,,12.24,107.79\n',
    );
    expect(rowsOf(await readSpreadsheet(file, AREA_SHEET)).rows.map((row) => row.value)).toEqual([
      {
        code: '665',
        name: 'Huyện Đắk Song',
        parentCode: '67',
        level: 'district',
        population: null,
        eligibleShare: 0.696,
        eligible: null,
        alreadyServed: null,
        turnout: null,
        location: null,
        areaKm2: null,
        urbanShare: null,
        communeType: null,
      },
      {
        code: '24718',
        name: 'Xã Đắk Môl',
        parentCode: '665',
        level: 'commune',
        population: 7354,
        eligibleShare: null,
        eligible: null,
        alreadyServed: null,
        turnout: null,
        location: { latitude: 12.24, longitude: 107.79 },
        areaKm2: null,
        urbanShare: null,
        // No type column: a commune's name says it (Xã …).
        communeType: 'commune',
      },
    ]);
  });

  it('refuses a code given twice and a latitude without its longitude', async () => {
    const file = csvOf(
      'code,name,latitude,longitude\n665,Đắk Song,,\n661,Đắk Glong,12.1,\n665,Đắk Song again,,\n',
    );
    const { issues } = refusalOf(await readSpreadsheet(file, AREA_SHEET));
    expect(issues.map((issue) => issue.message)).toEqual([
      'row 3, column longitude: must be given with the latitude, got an empty cell',
      'row 4, column code: must be given on one row only (already on row 2), got "665"',
    ]);
    // The row it is first on, as a number: the web app says it in the reader's language.
    expect(issues.map((issue) => [issue.code, issue.firstRow ?? null])).toEqual([
      ['conflict', null],
      ['duplicate', 2],
    ]);
  });

  it('reads machines per area and notes codes typed as numbers', async () => {
    const file = await xlsxOf({
      'Số máy': [
        ['Mã địa bàn', 'Số máy'],
        [67, 24],
        ['40', 176],
      ],
    });
    const read = rowsOf(await readSpreadsheet(file, MACHINE_SHEET));
    expect(read.rows.map((row) => row.value)).toEqual([
      { areaCode: '67', machines: 24 },
      { areaCode: '40', machines: 176 },
    ]);
    expect(read.notes).toEqual([
      {
        kind: 'codes-as-numbers',
        sheet: null,
        column: { key: 'areaCode', header: { vi: 'Mã địa bàn', en: 'Area code' } },
        cellCount: 1,
        message:
          'column areaCode: 1 cell holds a number, read as its digits; a code with leading zeros (01, 001) must be written as text',
      },
    ]);
  });

  it('names the file’s cell behind a later refusal of the rows read', async () => {
    const read = rowsOf(
      await readSpreadsheet(
        csvOf('Ngày,Mã địa bàn,Số hồ sơ\n2021-03-20,665,1085\n2021-03-20,999,5\n'),
        REPORT_SHEET,
      ),
    );
    const issue = issueAtInputPath(read.rows, read.sheets, {
      path: 'reports[1].areaCode',
      expected: 'the code of a known area',
      received: '"999"',
    });
    expect(issue?.message).toBe('row 3, column areaCode: must be the code of a known area, got "999"');
    expect(issue?.cell).toBe('B3');
  });
});

describe('readSpreadsheet: limits and other files', () => {
  it('refuses a file over the size limit and over the row limit, each with its bound', async () => {
    const lines = ['date,area code,dossiers', ...Array.from({ length: 6 }, () => '2021-03-20,665,1')].join(
      '\n',
    );
    const big = refusalOf(
      await readSpreadsheet(csvOf(lines), REPORT_SHEET, { limits: { maxFileBytes: 50 } }),
    );
    expect(big.code).toBe('file-too-large');
    const many = refusalOf(await readSpreadsheet(csvOf(lines), REPORT_SHEET, { limits: { maxRows: 5 } }));
    expect(many).toMatchObject({ code: 'too-many-rows', message: 'the file has more than 5 rows; split it' });
    const xlsx = await xlsxOf({ S: lines.split('\n').map((line) => line.split(',')) });
    expect(refusalOf(await readSpreadsheet(xlsx, REPORT_SHEET, { limits: { maxRows: 5 } })).code).toBe(
      'too-many-rows',
    );
  });

  it('refuses an old .xls, an OpenDocument file, a zip that is no workbook and binary bytes', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect(refusalOf(await readSpreadsheet(xls, REPORT_SHEET)).code).toBe('unsupported-format');
    const { zipSync } = await import('fflate');
    const ods = zipSync({
      mimetype: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'),
      'content.xml': Buffer.from('<x/>'),
    });
    expect(refusalOf(await readSpreadsheet(ods, REPORT_SHEET)).code).toBe('unsupported-format');
    const zip = zipSync({ 'readme.txt': Buffer.from('hello') });
    expect(refusalOf(await readSpreadsheet(zip, REPORT_SHEET)).code).toBe('not-a-spreadsheet');
    const binary = Buffer.from([0xff, 0x00, 0x9c, 0xfe, 0x80, 0x81]);
    expect(refusalOf(await readSpreadsheet(binary, REPORT_SHEET)).code).toBe('not-a-spreadsheet');
    const named = refusalOf(
      await readSpreadsheet(csvOf('date,area,dossiers'), REPORT_SHEET, { fileName: 'báo cáo.xlsx' }),
    );
    expect(named.code).toBe('not-a-spreadsheet');
  });

  it('reads UTF-16 text with a BOM, as Excel saves "Unicode text" (tab-separated)', async () => {
    const text = 'Ngày\tMã địa bàn\tSố hồ sơ\r\n20/03/2021\t665\t1085\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(rowsOf(await readSpreadsheet(bytes, REPORT_SHEET)).rows[0]?.value).toMatchObject({
      areaCode: '665',
      dossiers: 1085,
    });
  });
});
