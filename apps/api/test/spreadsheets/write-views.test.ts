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
  scenario: { id: 'dak-nong-2021', name: 'Đắk Nông, spring 2021' },
  area: { code: '67', name: 'Tỉnh Đắk Nông' },
  timeZone: 'Asia/Ho_Chi_Minh',
  generatedAt: '2021-03-21T08:00:00.000Z',
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
    const lines = about
      .getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1));
    expect(lines).toContainEqual(['Scenario', 'Đắk Nông, spring 2021 (dak-nong-2021)']);
    expect(lines).toContainEqual(['Time zone', 'Asia/Ho_Chi_Minh']);
    expect(lines).toContainEqual(['machines.67', 24]);
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
      .map((row) => (row as unknown[]).slice(1, 5));
    expect(
      rows.map(([code, date, , actual]) => [code, (date as Date).toISOString().slice(0, 10), actual ?? null]),
    ).toEqual([
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
