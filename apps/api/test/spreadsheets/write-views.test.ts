import {
  type AreaInput,
  buildRoster,
  type CampaignInput,
  compareWithActuals,
  mobileCommunesFromPlan,
  planCampaign,
  planMobileTeams,
  plannedDailySeries,
} from '@muster/planning';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readDemoAreas } from '../../src/data/vietnam-areas.ts';
import { numberBetween, wholeNumber } from '../../src/spreadsheets/cell-rules.ts';
import {
  AREA_SHEET,
  csvText,
  dailyView,
  type ExportAbout,
  planView,
  planVsActualView,
  REPORT_SHEET,
  readSpreadsheet,
  rosterView,
  type SheetKind,
  visitsView,
  xlsxBuffer,
} from '../../src/spreadsheets/index.ts';
import { csvOf, openWorkbook } from './_files.ts';

/** Đắk Nông (67) from the demo data: the province, 8 districts and their communes. */
function dakNongAreas(): AreaInput[] {
  return readDemoAreas()
    .filter((row) => row.path === '67' || row.path.startsWith('67/'))
    .map((row) => ({
      code: row.code,
      name: row.name,
      level: row.level,
      ...(row.parentCode ? { parentCode: row.parentCode } : {}),
      // Figures on leaves only: parents are the sums of their children.
      ...(row.level === 'commune' ? { population: row.population, eligible: row.eligible } : {}),
      ...(row.latitude !== null && row.longitude !== null
        ? { location: { latitude: row.latitude, longitude: row.longitude } }
        : {}),
    }));
}

const INPUT: CampaignInput = {
  areas: dakNongAreas(),
  calendar: { start: '2021-03-19', deadline: '2021-06-30', timeZone: 'Asia/Ho_Chi_Minh' },
  hours: { open: '05:00', close: '24:00' },
  service: { minutesPerDossier: 3.5 },
  machines: [{ areaCode: '67', machines: 24 }],
};

const ABOUT: ExportAbout = {
  scenario: { scenarioId: 'dak-nong-2021', name: 'Đắk Nông, spring 2021' },
  area: { code: '67', name: 'Tỉnh Đắk Nông' },
  campaign: { start: '2021-03-19', deadline: '2021-06-30' },
  timeZone: 'Asia/Ho_Chi_Minh',
  // 08:00 UTC is 15:00 in Hồ Chí Minh City (UTC+7, no summer time).
  generatedAt: '2021-03-21T08:00:00.000Z',
  generatedBy: 'Phòng PC06 Đắk Nông',
  software: 'Muster 0.1.0',
  inputs: [
    { name: 'calendar.start', value: '2021-03-19' },
    { name: 'machines.67', value: 24 },
  ],
};

/** Reads the plan view's figures back with the view's own headers. */
const PLAN_FIGURES: SheetKind<{
  code: string;
  demand: number;
  machines: number | null;
  dailyTarget: number | null;
}> = {
  name: 'areas',
  title: { vi: 'Kế hoạch', en: 'Plan' },
  columns: [
    { ...AREA_SHEET.columns[0], key: 'code' } as (typeof AREA_SHEET.columns)[number],
    {
      key: 'demand',
      header: { vi: 'Nhu cầu', en: 'Demand' },
      aliases: [],
      required: true,
      rule: wholeNumber(),
      note: { vi: '', en: '' },
      example: 0,
    },
    {
      key: 'machines',
      header: { vi: 'Số máy', en: 'Machines' },
      aliases: [],
      required: false,
      rule: wholeNumber(),
      note: { vi: '', en: '' },
      example: 0,
    },
    {
      key: 'dailyTarget',
      header: { vi: 'Chỉ tiêu/ngày', en: 'Daily target' },
      aliases: [],
      required: false,
      rule: numberBetween(0, Number.MAX_SAFE_INTEGER, 'a number'),
      note: { vi: '', en: '' },
      example: 0,
    },
  ],
  toRow: (cells) => ({
    code: cells.code as string,
    demand: cells.demand as number,
    machines: cells.machines as number | null,
    dailyTarget: cells.dailyTarget as number | null,
  }),
};

/** The About sheet's lines, each its cells from the first. */
function aboutLines(sheet: ExcelJS.Worksheet): unknown[][] {
  return sheet
    .getSheetValues()
    .slice(1)
    .map((row) => (row as unknown[]).slice(1));
}

describe('views out and back', () => {
  const plan = planCampaign(INPUT);

  it('exports Đắk Nông’s plan as XLSX and reads back the same areas and figures', async () => {
    const file = await xlsxBuffer([planView(plan.areas)], { language: 'vi', about: ABOUT });
    const areas = await readSpreadsheet(file, AREA_SHEET);
    if (!areas.ok) throw new Error(areas.refusal.message);
    expect(areas.rows.map((row) => row.value.code)).toEqual(plan.areas.map((area) => area.code));
    expect(
      areas.rows.map(({ value }) => [value.name, value.parentCode, value.population, value.eligible]),
    ).toEqual(plan.areas.map((area) => [area.name, area.parentCode, area.population, area.eligible]));
    const figures = await readSpreadsheet(file, PLAN_FIGURES);
    if (!figures.ok) throw new Error(figures.refusal.message);
    expect(figures.rows.map(({ value }) => [value.demand, value.machines, value.dailyTarget])).toEqual(
      plan.areas.map((area) => [area.demand, area.machines, area.dailyTarget]),
    );
  });

  it('exports the plan as CSV with a BOM and reads back the same figures, in English headers too', async () => {
    const text = await csvText(planView(plan.areas), { language: 'en' });
    expect(text.startsWith('\ufeffCode,Name,Parent code,Level,Population,Eligible')).toBe(true);
    const records = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(records.map((r) => [r.Code, Number(r['Demand (dossiers)']), r['Completion date']])).toEqual(
      plan.areas.map((area) => [area.code, area.demand, area.completionDate ?? '']),
    );
    const back = await readSpreadsheet(csvOf(text), AREA_SHEET);
    if (!back.ok) throw new Error(back.refusal.message);
    expect(back.rows.map(({ value }) => [value.code, value.population, value.eligible])).toEqual(
      plan.areas.map((area) => [area.code, area.population, area.eligible]),
    );
  });

  it('writes levels and statuses in Vietnamese in a Vietnamese plan, which reads back as the same areas', async () => {
    // They were the library's English (district, on-time) under Vietnamese headers.
    const text = await csvText(planView(plan.areas, 'vi'), { language: 'vi' });
    const records = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    const levels = { province: 'tỉnh', district: 'huyện', commune: 'xã' } as Record<string, string>;
    const statuses = { 'on-time': 'kịp hạn', late: 'trễ hạn', sized: 'đã tính số máy' } as Record<
      string,
      string
    >;
    expect(records.map((r) => [r['Cấp'], r['Tình trạng']])).toEqual(
      plan.areas.map((area) => [levels[area.level ?? ''], statuses[area.status]]),
    );
    const back = await readSpreadsheet(csvOf(text), AREA_SHEET);
    if (!back.ok) throw new Error(back.refusal.message);
    expect(back.rows.map(({ value }) => [value.code, value.level])).toEqual(
      plan.areas.map((area) => [area.code, area.level]),
    );
  });

  it('writes computed decimals to 6 places in CSV, not every digit of the float', async () => {
    const text = await csvText(planView(plan.areas), { language: 'en' });
    const records = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    const machineDays = records.map((r) => r['Machine-days'] as string);
    // Đắk Nông's plan has machine-days that are not whole (the test would prove nothing otherwise).
    expect(plan.areas.some((area) => !Number.isInteger(area.machineDays))).toBe(true);
    for (const [i, written] of machineDays.entries()) {
      expect(written, written).toMatch(/^\d+(\.\d{1,6})?$/);
      expect(Math.abs(Number(written) - (plan.areas[i]?.machineDays ?? Number.NaN))).toBeLessThanOrEqual(
        5e-7,
      );
    }
  });

  it('formats the workbook: bold frozen header, number and date formats, widths, and an About sheet', async () => {
    const file = await xlsxBuffer(
      [
        planView(plan.areas),
        dailyView([{ areaCode: '665', areaName: 'Đắk Song', days: plannedDailySeries(INPUT, '665') }]),
      ],
      {
        language: 'en',
        about: ABOUT,
      },
    );
    const workbook = await openWorkbook(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Plan', 'Daily targets', 'About']);
    const sheet = workbook.getWorksheet('Plan') as ExcelJS.Worksheet;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    const population = sheet.getRow(2).getCell(5);
    expect([population.value, population.numFmt]).toEqual([plan.areas[0]?.population, '#,##0']);
    const completion = sheet.getRow(2).getCell(19);
    expect(completion.value).toEqual(new Date(`${plan.areas[0]?.completionDate}T00:00:00Z`));
    expect(completion.numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getColumn(2).width).toBe(28);
    const about = workbook.getWorksheet('About') as ExcelJS.Worksheet;
    expect(aboutLines(about)).toEqual([
      ['Scenario', 'Đắk Nông, spring 2021'],
      ['Area', 'Tỉnh Đắk Nông (code 67)'],
      ['Campaign', '2021-03-19 to 2021-06-30'],
      ['Time zone', 'Asia/Ho_Chi_Minh'],
      ['Generated at', '2021-03-21 15:00 (Asia/Ho_Chi_Minh time)'],
      ['Generated by', 'Phòng PC06 Đắk Nông'],
      ['Software', 'Muster 0.1.0'],
      ['Scenario key (scenarioId for the API)', 'dak-nong-2021'],
      ['Inputs'],
      ['calendar.start', '2021-03-19'],
      ['machines.67', 24],
    ]);
    expect(about.getRow(9).font?.bold).toBe(true);
  });

  it('says in Vietnamese on the About sheet what the figures are of, when and by whom they were made', async () => {
    // It showed `Đắk Nông, spring 2021 (<the scenario's global id>)` and the instant in UTC.
    const workbook = await openWorkbook(
      await xlsxBuffer([planView(plan.areas, 'vi')], { language: 'vi', about: ABOUT }),
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Kế hoạch', 'Thông tin']);
    expect(aboutLines(workbook.getWorksheet('Thông tin') as ExcelJS.Worksheet)).toEqual([
      ['Kịch bản', 'Đắk Nông, spring 2021'],
      ['Địa bàn', 'Tỉnh Đắk Nông (mã 67)'],
      ['Chiến dịch', 'từ 19/03/2021 đến 30/06/2021'],
      ['Múi giờ', 'Asia/Ho_Chi_Minh'],
      ['Thời điểm tạo', '21/03/2021 15:00 (giờ Asia/Ho_Chi_Minh)'],
      ['Người tạo', 'Phòng PC06 Đắk Nông'],
      ['Phần mềm', 'Muster 0.1.0'],
      ['Mã kịch bản (scenarioId dùng với API)', 'dak-nong-2021'],
      ['Dữ liệu đầu vào'],
      ['calendar.start', '2021-03-19'],
      ['machines.67', 24],
    ]);
  });

  it('carries the field reports read from a spreadsheet into plan vs actual: 1,085 and 1,123 on 20 March', async () => {
    const reports = await readSpreadsheet(
      csvOf('Ngày;Mã địa bàn;Số hồ sơ\n20/03/2021;665;1.085\n20/03/2021;661;1.123\n', true),
      REPORT_SHEET,
    );
    if (!reports.ok) throw new Error(reports.refusal.message);
    const values = reports.rows.map((row) => row.value);
    const comparisons = ['665', '661'].map((code) =>
      compareWithActuals(INPUT, code, values, { from: '2021-03-19', to: '2021-03-21' }),
    );
    const file = await xlsxBuffer([planVsActualView(comparisons)], { language: 'vi', about: ABOUT });
    const workbook = await openWorkbook(file);
    const sheet = workbook.getWorksheet('Kế hoạch và thực hiện') as ExcelJS.Worksheet;
    const rows = sheet
      .getSheetValues()
      .slice(2)
      .map((row) => row as unknown[]);
    // exceljs numbers a row's cells from 1: the area code, the date, then the actual as the 7th.
    expect(rows.map((row) => [row[1], (row[2] as Date).toISOString().slice(0, 10), row[7] ?? null])).toEqual([
      ['665', '2021-03-19', null],
      ['665', '2021-03-20', 1085],
      ['665', '2021-03-21', null],
      ['661', '2021-03-19', null],
      ['661', '2021-03-20', 1123],
      ['661', '2021-03-21', null],
    ]);
    const csv = parse(await csvText(planVsActualView(comparisons), { language: 'en' }), {
      bom: true,
      columns: true,
    });
    expect(
      (csv as Record<string, string>[]).filter((r) => r.Actual !== '').map((r) => Number(r.Actual)),
    ).toEqual([1085, 1123]);
  });

  it('writes the roster and the mobile-team calendar row for row', async () => {
    const rosterInput = {
      startDate: '2021-03-20',
      days: 7,
      timeZone: 'Asia/Ho_Chi_Minh',
      shifts: [
        { name: 'Day', start: '06:00', end: '14:00', crews: 1 },
        { name: 'Evening', start: '14:00', end: '22:00', crews: 1 },
        { name: 'Night', start: '22:00', end: '06:00', crews: 1 },
      ],
      teams: 4,
    };
    const roster = buildRoster(rosterInput);
    const rosterCsv = parse(
      await csvText(rosterView(roster.assignments, rosterInput.shifts, 'en'), { language: 'en' }),
      {
        bom: true,
        columns: true,
      },
    ) as Record<string, string>[];
    // 7 days × 3 shifts × 1 crew.
    expect(rosterCsv).toHaveLength(21);
    expect(rosterCsv.map((r) => [r.Date, r.Shift, r.Team])).toEqual(
      roster.assignments.map((a) => [a.date, a.shift, a.team]),
    );
    expect(rosterCsv.find((r) => r.Shift === 'Night')).toMatchObject({ Start: '22:00', End: '06:00' });
    // In Vietnamese the teams the library named `Team n` are `Kíp n`; shifts the input named keep their names.
    const rosterVi = parse(
      await csvText(rosterView(roster.assignments, rosterInput.shifts, 'vi'), { language: 'vi' }),
      { bom: true, columns: true },
    ) as Record<string, string>[];
    expect(rosterVi.map((r) => [r.Ngày, r.Ca, r.Kíp])).toEqual(
      roster.assignments.map((a) => [a.date, a.shift, a.team.replace(/^Team /, 'Kíp ')]),
    );

    const communes = mobileCommunesFromPlan(plan, { areaCode: '665' });
    // Home: the district town, Đức An (24717).
    const home = INPUT.areas.find((area) => area.code === '24717')?.location;
    const mobile = planMobileTeams({
      calendar: INPUT.calendar,
      communes,
      teams: [
        { id: 'DN-DAK-SONG-MOBILE', machines: 2 },
        { id: 'DN-DAK-SONG-MOBILE-2', machines: 2 },
      ],
      service: INPUT.service,
      ...(home ? { home } : {}),
    });
    if (mobile.status !== 'planned') throw new Error(mobile.status);
    const file = await xlsxBuffer([visitsView(mobile.teams)], { language: 'en', about: ABOUT });
    const workbook = await openWorkbook(file);
    const rows = (workbook.getWorksheet('Mobile teams') as ExcelJS.Worksheet).getSheetValues().slice(2);
    const visits = mobile.teams.flatMap((team) =>
      team.visits.map((visit) => [team.team, visit.communeId, visit.dossiers]),
    );
    expect(rows.map((row) => [(row as unknown[])[1], (row as unknown[])[3], (row as unknown[])[11]])).toEqual(
      visits,
    );
  });

  it('says how much of an area reported each day and the plan its variance is against, in the web table’s order', async () => {
    // Đắk Song's own total of 20 March covers its nine communes; on 21 March only Đắk Môl (24718)
    // reported, 250 dossiers: a partial day, its variance against Đắk Môl's plan alone.
    const reports = [
      { date: '2021-03-20', areaCode: '665', dossiers: 1085 },
      { date: '2021-03-21', areaCode: '24718', dossiers: 250 },
    ];
    const comparison = compareWithActuals(INPUT, '665', reports, { from: '2021-03-20', to: '2021-03-22' });
    const dakMol = plannedDailySeries(INPUT, '24718').find((day) => day.date === '2021-03-21')?.planned;
    const dakSong = plannedDailySeries(INPUT, '665');
    const planned = (date: string) => dakSong.find((day) => day.date === date)?.planned;
    if (dakMol === undefined) throw new Error('Đắk Môl has no plan on 21 March');

    const workbook = await openWorkbook(
      await xlsxBuffer([planVsActualView([comparison], 'vi')], { language: 'vi', about: ABOUT }),
    );
    const sheet = workbook.getWorksheet('Kế hoạch và thực hiện') as ExcelJS.Worksheet;
    const values = sheet.getSheetValues().map((row) => (row as unknown[]).slice(1, 10));
    expect(values[1]).toEqual([
      'Mã địa bàn',
      'Ngày',
      'Báo cáo',
      'Số xã đã báo cáo',
      'Tổng số xã',
      'Kế hoạch',
      'Thực hiện',
      'Chênh lệch',
      'Kế hoạch của các xã đã báo cáo',
    ]);
    const day = (date: string) => new Date(`${date}T00:00:00Z`);
    expect(values.slice(2)).toEqual([
      [
        '665',
        day('2021-03-20'),
        'đầy đủ',
        9,
        9,
        planned('2021-03-20'),
        1085,
        1085 - (planned('2021-03-20') ?? 0),
        planned('2021-03-20'),
      ],
      ['665', day('2021-03-21'), 'một phần', 1, 9, planned('2021-03-21'), 250, 250 - dakMol, dakMol],
      // A day nobody reported: its actual, variance and the plan of those reporting are empty cells.
      [
        '665',
        day('2021-03-22'),
        'chưa báo cáo',
        0,
        9,
        planned('2021-03-22'),
        undefined,
        undefined,
        undefined,
      ],
    ]);

    const csv = parse(await csvText(planVsActualView([comparison]), { language: 'en' }), {
      bom: true,
    }) as string[][];
    expect(csv[0]).toEqual([
      'Area code',
      'Date',
      'Reporting',
      'Communes reported',
      'Communes',
      'Planned',
      'Actual',
      'Variance',
      'Planned of communes reported',
      'Cumulative planned',
      'Cumulative actual',
      'Cumulative variance',
      'Machines working',
      'Dossiers per machine-day',
    ]);
    expect(csv.slice(1).map((row) => row.slice(2, 9))).toEqual([
      [
        'complete',
        '9',
        '9',
        `${planned('2021-03-20')}`,
        '1085',
        `${1085 - (planned('2021-03-20') ?? 0)}`,
        `${planned('2021-03-20')}`,
      ],
      ['partial', '1', '9', `${planned('2021-03-21')}`, '250', `${250 - dakMol}`, `${dakMol}`],
      ['none', '0', '9', `${planned('2021-03-22')}`, '', '', ''],
    ]);
  });

  describe('the reason an area is late or unserved', () => {
    const ngheAn = (
      eligible: number,
      /** Machines given to the province; null for none given (the plan sizes them). */
      machines: number | null,
      patch: Partial<CampaignInput> = {},
    ): CampaignInput => ({
      areas: [{ code: '40', name: 'Nghệ An', eligible }],
      calendar: { start: '2021-03-22', deadline: '2021-06-30', timeZone: 'Asia/Ho_Chi_Minh' },
      hours: { open: '00:00', close: '24:00' },
      // 278 dossiers per machine-day round the clock (Nghệ An's field report).
      service: { minutesPerDossier: 1440 / 278 },
      ...(machines === null ? {} : { machines: [{ areaCode: '40', machines }] }),
      ...patch,
    });
    const unserved: CampaignInput = {
      areas: [
        { code: 'P', name: 'Province' },
        { code: 'c1', name: 'Commune 1', parentCode: 'P', eligible: 1_000 },
        { code: 'c2', name: 'Commune 2', parentCode: 'P', eligible: 2_001 },
      ],
      calendar: { start: '2021-03-01', deadline: '2021-03-10' },
      hours: { open: '07:00', close: '17:00' },
      service: { minutesPerDossier: 6 },
      machines: [{ areaCode: 'c1', machines: 10 }],
    };

    // 6,000,000 dossiers at 176 machines take 123 of Nghệ An's open days (48,928 a day), the
    // 123rd being 22 July 2021, 22 after the 101 to 30 June; 214 machines would finish on time.
    // 2,000,000 at one machine need 7,195 days, beyond ten years; 72 machines finish on time.
    it.each([
      [
        'late',
        ngheAn(6_000_000, 176),
        '40',
        'hoàn thành ngày 22/07/2021, trễ 22 ngày mở cửa so với hạn chót; cần 214 máy để kịp hạn',
      ],
      [
        'beyond the horizon',
        ngheAn(2_000_000, 1),
        '40',
        'số máy đã giao cần hơn 10 năm; cần 72 máy để kịp hạn',
      ],
      [
        'unserved',
        unserved,
        'P',
        'có hồ sơ ở địa bàn không có máy nào phục vụ: giao máy cho các địa bàn đó hoặc cho địa bàn cấp trên',
      ],
      ['given zero machines', ngheAn(10_000, 0), '40', 'địa bàn có hồ sơ nhưng được giao 0 máy'],
      [
        'with a window of zero hours',
        ngheAn(10_000, 1, { hours: { open: '08:00', close: '08:00' } }),
        '40',
        'khung giờ mở cửa mỗi ngày dài 0 giờ (mở cả ngày thì ghi 00:00–24:00)',
      ],
      [
        'with the deadline before the start',
        ngheAn(10_000, null, { calendar: { start: '2021-06-30', deadline: '2021-06-01' } }),
        '40',
        'hạn chót trước ngày bắt đầu',
      ],
      [
        // 10,000 dossiers on 176 machines: done on the first day, 30 June, one open day after a
        // deadline before it; no number of machines makes that deadline (it is not "no open day").
        'late with the deadline before the start',
        ngheAn(10_000, 176, { calendar: { start: '2021-06-30', deadline: '2021-06-01' } }),
        '40',
        'hoàn thành ngày 30/06/2021, trễ 1 ngày mở cửa so với hạn chót; không số máy nào kịp hạn chót',
      ],
      [
        'with no open day',
        ngheAn(10_000, null, {
          calendar: {
            start: '2021-03-20',
            deadline: '2021-03-21',
            closedDates: ['2021-03-20', '2021-03-21'],
          },
        }),
        '40',
        'không có ngày mở cửa nào từ ngày bắt đầu đến hạn chót',
      ],
    ] as const)('is written in Vietnamese in a Vietnamese plan when %s', async (_, input, code, sentence) => {
      // It was the library's English sentence under the header `Lý do`.
      const areas = planCampaign(input as CampaignInput).areas;
      const records = parse(await csvText(planView(areas, 'vi'), { language: 'vi' }), {
        bom: true,
        columns: true,
      }) as Record<string, string>[];
      expect(records.find((r) => r['Mã địa bàn'] === code)?.['Lý do']).toBe(sentence);
    });

    it('says whether an area meets its deadline in the CSV’s language', async () => {
      // 6,000,000 dossiers at 176 machines finish on 22 July, after the deadline: no / false.
      const areas = planCampaign(ngheAn(6_000_000, 176)).areas;
      const cell = async (language: 'vi' | 'en', header: string) =>
        (
          parse(await csvText(planView(areas, language), { language }), {
            bom: true,
            columns: true,
          }) as Record<string, string>[]
        )[0]?.[header];
      expect(await cell('vi', 'Kịp hạn')).toBe('không');
      expect(await cell('en', 'Meets deadline')).toBe('false');
      const onTime = planCampaign(ngheAn(10_000, 176)).areas;
      const vi = parse(await csvText(planView(onTime, 'vi'), { language: 'vi' }), {
        bom: true,
        columns: true,
      }) as Record<string, string>[];
      expect(vi[0]?.['Kịp hạn']).toBe('có');
    });

    it('stays the library’s English sentence in an English plan', async () => {
      const areas = planCampaign(ngheAn(6_000_000, 176)).areas;
      const records = parse(await csvText(planView(areas, 'en'), { language: 'en' }), {
        bom: true,
        columns: true,
      }) as Record<string, string>[];
      expect(records[0]?.Reason).toBe(
        'finishes on 2021-07-22, 22 open days after the deadline; 214 machines finish by the deadline',
      );
    });
  });

  it('keeps a text that looks like a formula from running when the CSV is opened', async () => {
    const text = await csvText(
      planView([{ ...(plan.areas[0] as (typeof plan.areas)[number]), name: '=HYPERLINK("x")' }]),
      {
        language: 'en',
      },
    );
    expect(text).toContain(`'=HYPERLINK(""x"")`);
  });
});
