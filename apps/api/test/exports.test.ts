// Spreadsheets out over HTTP: `GET /export/<view>.<xlsx|csv>` for a bearer token. The figures are
// checked against the GraphQL answers the views mirror (a plan exported and read back as an area
// list gives the plan's own population figures), the demo's field report (Đắk Song 1,085 on 20
// March 2021, docs/architecture.md §6) shows in plan vs actual, and the workbook is formatted.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { clearSharedCache } from '../src/cache/shared-cache.ts';
import { DEMO_SCENARIO_IDS } from '../src/data/seed-demo.ts';
import { AREA_SHEET, readSpreadsheet } from '../src/spreadsheets/index.ts';
import { yoga } from '../src/yoga.ts';
import { data, database, tokenFor, useDatabase } from './graphql.ts';
import { openWorkbook } from './spreadsheets/_files.ts';

useDatabase({ demo: true });

const SCENARIO = DEMO_SCENARIO_IDS.dakNong;

async function download(path: string, token: string | null): Promise<Response> {
  return yoga.fetch(`http://muster.test${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

const admin = () => tokenFor({ role: 'ADMIN', name: 'export admin' });

function csvRows(text: string): string[][] {
  return parse(text.replace(/^\ufeff/, ''), { relaxColumnCount: false }) as string[][];
}

/** A sheet's rows, each its cells from the first (exceljs numbers them from 1). */
function sheetRows(sheet: ExcelJS.Worksheet | undefined): unknown[][] {
  if (!sheet) throw new Error('no such sheet');
  return sheet
    .getSheetValues()
    .slice(1)
    .map((row) => (row as unknown[]).slice(1));
}

/** A refused download's status, code, field, limit, message and English detail. */
async function refusalOf(response: Response) {
  const body = (await response.json()) as {
    errors: {
      message: string;
      extensions: { code: string; field?: string; limit?: string; detail?: string };
    }[];
  };
  const error = body.errors[0];
  return {
    status: response.status,
    code: error?.extensions.code,
    field: error?.extensions.field,
    limit: error?.extensions.limit,
    message: error?.message,
    detail: error?.extensions.detail,
  };
}

describe('GET /export/plan', () => {
  it('exports the Đắk Nông plan as a workbook that reads back as its areas with the same figures', async () => {
    const response = await download(
      `/export/plan.xlsx?scenarioId=${SCENARIO}&areaCode=67&lang=en`,
      await admin(),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('muster-plan-dak-nong-2021-67.xlsx');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const expected = await data<{
      plan: {
        areas: {
          code: string;
          parentCode: string | null;
          population: number;
          eligible: number;
          location: { latitude: number } | null;
        }[];
      };
    }>(
      `{ plan(scenarioId: "${SCENARIO}", areaCode: "67") { ... on CampaignPlan { areas { code parentCode population eligible location { latitude } } } } }`,
    );
    const read = await readSpreadsheet(bytes, AREA_SHEET);
    if (!read.ok) throw new Error(read.refusal.message);
    expect(
      read.rows.map(({ value }) => [
        value.code,
        value.parentCode,
        value.population,
        value.eligible,
        value.location?.latitude ?? null,
      ]),
    ).toEqual(
      expected.plan.areas.map((row) => [
        row.code,
        row.parentCode,
        row.population,
        row.eligible,
        row.location?.latitude ?? null,
      ]),
    );
    // Formatted: the header bold and frozen, numbers with digit groups, one sheet for the view.
    const workbook = await openWorkbook(bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Plan', 'About']);
    const sheet = workbook.getWorksheet('Plan');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    expect(sheet?.getColumn(5).numFmt).toBe('#,##0');
  });

  it('exports the same plan as CSV, one line per area under the header', async () => {
    const response = await download(`/export/plan.csv?scenarioId=${SCENARIO}&areaCode=665`, await admin());
    expect(response.headers.get('content-type')).toContain('text/csv');
    const rows = csvRows(await response.text());
    expect(rows[0]?.[0]).toBe('Mã địa bàn');
    expect(rows.slice(1).map((row) => row[0])[0]).toBe('665');
  });
});

describe('GET /export of the other views', () => {
  it('exports the daily targets of Đắk Song and its communes as the daily field answers them', async () => {
    const token = await admin();
    const rows = csvRows(
      await (await download(`/export/daily.csv?scenarioId=${SCENARIO}&areaCode=665&lang=en`, token)).text(),
    );
    expect(rows[0]).toEqual(['Area code', 'Area name', 'Date', 'Planned (dossiers)', 'Cumulative planned']);
    const expected = await data<{ plan: { daily: { date: string; planned: number }[] } }>(
      `{ plan(scenarioId: "${SCENARIO}", areaCode: "665") { ... on CampaignPlan { daily(areaCode: "665") { date planned } } } }`,
    );
    expect(rows.filter((row) => row[0] === '665').map((row) => [row[2], Number(row[3])])).toEqual(
      expected.plan.daily.map((day) => [day.date, day.planned]),
    );
    expect(new Set(rows.slice(1).map((row) => row[0])).size).toBeGreaterThan(1);
  });

  it('shows the field report of 20 March (Đắk Song 1,085) in plan vs actual, an unreported day empty', async () => {
    const text = await (
      await download(
        `/export/plan-vs-actual.csv?scenarioId=${SCENARIO}&areaCode=665&from=2021-03-20&to=2021-03-21`,
        await admin(),
      )
    ).text();
    const [header, ...rows] = csvRows(text);
    const actual = header?.indexOf('Thực hiện') ?? -1;
    expect(rows.filter((row) => row[0] === '665').map((row) => [row[1], row[actual]])).toEqual([
      ['2021-03-20', '1085'],
      ['2021-03-21', ''],
    ]);
  });

  it('says how many communes reported a partial day and the plan its variance is against, as the web table does', async () => {
    // On 21 March only Đắk Môl (24718) of Đắk Song's nine communes reports, 250 dossiers. The
    // export had neither how much reported nor the plan the variance is measured against.
    const token = await admin();
    const report = await database.prisma.actualReport.create({
      data: { date: '2021-03-21', areaCode: '24718', dossiers: 250 },
    });
    try {
      const daily = await data<{
        dakSong: { daily: { date: string; planned: number }[] };
        dakMol: { daily: { date: string; planned: number }[] };
      }>(
        `{ dakSong: plan(scenarioId: "${SCENARIO}", areaCode: "665") { ... on CampaignPlan { daily(areaCode: "665") { date planned } } }
           dakMol: plan(scenarioId: "${SCENARIO}", areaCode: "665") { ... on CampaignPlan { daily(areaCode: "24718") { date planned } } } }`,
      );
      const plannedOn = (days: { date: string; planned: number }[]) =>
        days.find((day) => day.date === '2021-03-21')?.planned ?? Number.NaN;
      const dakSong = plannedOn(daily.dakSong.daily);
      const dakMol = plannedOn(daily.dakMol.daily);
      const response = await download(
        `/export/plan-vs-actual.xlsx?scenarioId=${SCENARIO}&areaCode=665&from=2021-03-21&to=2021-03-21&lang=vi`,
        token,
      );
      expect(response.status).toBe(200);
      const workbook = await openWorkbook(new Uint8Array(await response.arrayBuffer()));
      const [header, ...rows] = sheetRows(workbook.getWorksheet('Kế hoạch và thực hiện'));
      expect(header?.slice(0, 11)).toEqual([
        'Mã địa bàn',
        'Ngày',
        'Báo cáo',
        'Số xã đã báo cáo',
        'Tổng số xã',
        'Kế hoạch',
        'Thực hiện',
        'Chênh lệch',
        'Kế hoạch của các xã đã báo cáo',
        'Lũy kế kế hoạch',
        'Lũy kế thực hiện',
      ]);
      const row = (code: string) => rows.find((cells) => cells[0] === code)?.slice(2, 9);
      expect(row('665')).toEqual(['một phần', 1, 9, dakSong, 250, 250 - dakMol, dakMol]);
      expect(row('24718')).toEqual(['đầy đủ', 1, 1, dakMol, 250, 250 - dakMol, dakMol]);
      // Another commune of Đắk Song reported nothing: empty actual, variance and plan of those reporting.
      expect(row('24719')?.slice(0, 3)).toEqual(['chưa báo cáo', 0, 1]);
      expect(row('24719')?.slice(4)).toEqual([undefined, undefined, undefined]);

      const english = csvRows(
        await (
          await download(
            `/export/plan-vs-actual.csv?scenarioId=${SCENARIO}&areaCode=665&from=2021-03-21&to=2021-03-21&lang=en`,
            token,
          )
        ).text(),
      );
      expect(english[0]?.slice(0, 9)).toEqual([
        'Area code',
        'Date',
        'Reporting',
        'Communes reported',
        'Communes',
        'Planned',
        'Actual',
        'Variance',
        'Planned of communes reported',
      ]);
      expect(english.find((cells) => cells[0] === '665')?.slice(2, 9)).toEqual([
        'partial',
        '1',
        '9',
        String(dakSong),
        '250',
        String(250 - dakMol),
        String(dakMol),
      ]);
    } finally {
      await database.prisma.actualReport.delete({ where: { id: report.id } });
    }
  });

  it('exports a roster and the mobile teams’ calendar', async () => {
    const token = await admin();
    const roster = await download(
      `/export/roster.xlsx?scenarioId=${SCENARIO}&areaCode=665&days=7&lang=en`,
      token,
    );
    expect(roster.status).toBe(200);
    const workbook = await openWorkbook(new Uint8Array(await roster.arrayBuffer()));
    expect(workbook.getWorksheet('Roster')?.rowCount).toBeGreaterThan(7);
    // The scenario's roster names its shifts and teams by default: in Vietnamese, Ca n and Kíp n.
    const rosterVi = csvRows(
      await (
        await download(`/export/roster.csv?scenarioId=${SCENARIO}&areaCode=665&days=7&lang=vi`, token)
      ).text(),
    );
    expect(rosterVi[0]).toEqual(['Ngày', 'Ca', 'Bắt đầu', 'Kết thúc', 'Kíp']);
    expect(rosterVi.length).toBeGreaterThan(7);
    expect(
      rosterVi
        .slice(1)
        .every(([, shift, , , team]) => /^Ca \d+$/.test(shift ?? '') && /^Kíp \d+$/.test(team ?? '')),
    ).toBe(true);
    const visits = csvRows(
      await (await download(`/export/visits.csv?scenarioId=${SCENARIO}&areaCode=665&lang=en`, token)).text(),
    );
    expect(visits[0]?.[0]).toBe('Team');
    expect(visits.slice(1).every((row) => row[0] === 'DN-DAK-SONG-MOBILE')).toBe(true);
    expect(visits.length).toBeGreaterThan(1);
  });

  it('exports the roster over the campaign’s days when no days are asked, as the roster page shows them', async () => {
    // It ran 28 days by default (15 March to 11 April 2021) while the page showed the campaign.
    const rows = csvRows(
      await (
        await download(`/export/roster.csv?scenarioId=${SCENARIO}&areaCode=67&lang=en`, await admin())
      ).text(),
    );
    const dates = rows.slice(1).map(([date]) => date);
    // 15 March to 30 June 2021: 17 + 30 + 31 + 30 = 108 days; 05:00–24:00 cut into 3 shifts of
    // 6 h 20, one team on each: 324 rows.
    expect(rows[0]).toEqual(['Date', 'Shift', 'Start', 'End', 'Team']);
    expect(dates.length).toBe(324);
    expect(dates[0]).toBe('2021-03-15');
    expect(dates.at(-1)).toBe('2021-06-30');
    expect(new Set(dates).size).toBe(108);
    // The same teams on the same days as the GraphQL roster of those 108 days, which the page asks for.
    const answer = await data<{
      plan: { roster: { assignments: { date: string; team: string }[] } };
    }>(
      `query ($scenarioId: ID!) { plan(scenarioId: $scenarioId, areaCode: "67") { ... on CampaignPlan {
        roster(days: 108) { ... on Roster { assignments { date team } } } } } }`,
      { scenarioId: SCENARIO },
    );
    expect(rows.slice(1).map(([date, , , , team]) => [date, team])).toEqual(
      answer.plan.roster.assignments.map(({ date, team }) => [date, team]),
    );
  });

  it('ends the last shift of a 05:00–24:00 day at 24:00 of its own date, as the roster page shows it', async () => {
    // It read `2021-03-15,Ca 3,17:40,00:00`: no sign that 00:00 was that night's midnight.
    const token = await admin();
    const rows = csvRows(
      await (
        await download(`/export/roster.csv?scenarioId=${SCENARIO}&areaCode=67&days=1&lang=vi`, token)
      ).text(),
    );
    // 05:00–24:00 cut into three shifts of 6 h 20 (by hand: 05:00, 11:20, 17:40, 24:00).
    expect(rows.slice(1).map(([date, shift, start, end]) => [date, shift, start, end])).toEqual([
      ['2021-03-15', 'Ca 1', '05:00', '11:20'],
      ['2021-03-15', 'Ca 2', '11:20', '17:40'],
      ['2021-03-15', 'Ca 3', '17:40', '24:00'],
    ]);
    const workbook = await openWorkbook(
      new Uint8Array(
        await (
          await download(`/export/roster.xlsx?scenarioId=${SCENARIO}&areaCode=67&days=1&lang=en`, token)
        ).arrayBuffer(),
      ),
    );
    expect(sheetRows(workbook.getWorksheet('Roster')).map((row) => row.slice(1, 4))).toEqual([
      ['Shift', 'Start', 'End'],
      ['Shift 1', '05:00', '11:20'],
      ['Shift 2', '11:20', '17:40'],
      ['Shift 3', '17:40', '24:00'],
    ]);
  });

  it('exports at most the schema’s 366 days of roster for a longer campaign asked without days', async () => {
    // Đắk Nông's hours over 15 March 2021 to 30 June 2022 (473 days): the roster field takes 366.
    await database.prisma.scenario.create({
      data: {
        id: 'dak-nong-long',
        name: 'Đắk Nông over fifteen months',
        areaCode: '67',
        start: '2021-03-15',
        deadline: '2022-06-30',
        open: '05:00',
        close: '24:00',
        minutesPerDossier: 3.5,
      },
    });
    try {
      const rows = csvRows(
        await (
          await download('/export/roster.csv?scenarioId=dak-nong-long&areaCode=67&lang=en', await admin())
        ).text(),
      );
      const dates = rows.slice(1).map(([date]) => date);
      // 366 days from 15 March 2021 end on 15 March 2022 (2021 and 2022 have no 29 February); 3 shifts a day.
      expect(dates.length).toBe(1098);
      expect(dates[0]).toBe('2021-03-15');
      expect(dates.at(-1)).toBe('2022-03-15');
    } finally {
      await database.prisma.scenario.delete({ where: { id: 'dak-nong-long' } });
    }
  });

  it('exports the mobile teams’ calendar of a district with a village that has no centroid, visited at its commune’s', async () => {
    // A village stored without its centroid under a commune of Đắk Song. The export answered 400
    // with neither message nor field, then refused the whole calendar for the village; the village
    // is now placed at the centroid of Xã Đắk Môl (24718), the nearest area above it with one.
    const commune = await database.prisma.area.findUniqueOrThrow({ where: { code: '24718' } });
    await database.prisma.area.create({
      data: {
        code: 'X002',
        name: 'Thôn thử',
        level: 'village',
        parentCode: '24718',
        path: `${commune.path}/X002`,
        depth: commune.depth + 1,
        population: 100,
      },
    });
    try {
      const response = await download(
        `/export/visits.csv?scenarioId=${SCENARIO}&areaCode=665&lang=en`,
        await admin(),
      );
      expect(response.status).toBe(200);
      const [header, ...rows] = csvRows(await response.text());
      const code = header?.indexOf('Commune code') ?? -1;
      expect(rows.filter((row) => row[code] === 'X002').map((row) => row[0])).toEqual(['DN-DAK-SONG-MOBILE']);
    } finally {
      await database.prisma.area.delete({ where: { code: 'X002' } });
    }
  });

  it('refuses bad requests with the field named', async () => {
    const token = await admin();
    const refusal = async (path: string, init: RequestInit = {}) => {
      const response = await yoga.fetch(`http://muster.test${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await response.json()) as { errors: { extensions: { code: string; field?: string } }[] };
      return [response.status, body.errors[0]?.extensions.code, body.errors[0]?.extensions.field];
    };
    expect(await refusal(`/export/plan.xlsx?scenarioId=${SCENARIO}`)).toEqual([
      400,
      'BAD_USER_INPUT',
      'areaCode',
    ]);
    expect(await refusal(`/export/plan.xlsx?scenarioId=${SCENARIO}&areaCode=67&lang=fr`)).toEqual([
      400,
      'BAD_USER_INPUT',
      'lang',
    ]);
    expect(await refusal(`/export/plan.xlsx?scenarioId=${SCENARIO}&areaCode=40`)).toEqual([
      400,
      'BAD_USER_INPUT',
      'areaCode',
    ]);
    expect(await refusal(`/export/plan.xlsx?scenarioId=nope&areaCode=67`)).toEqual([
      404,
      'NOT_FOUND',
      'scenarioId',
    ]);
    expect(await refusal(`/export/roster.csv?scenarioId=${SCENARIO}&areaCode=67&days=x`)).toEqual([
      400,
      'BAD_USER_INPUT',
      'days',
    ]);
    expect((await refusal('/export/budget.xlsx?scenarioId=x&areaCode=67'))[0]).toBe(404);
    expect(
      (await refusal(`/export/plan.csv?scenarioId=${SCENARIO}&areaCode=67`, { method: 'POST' }))[0],
    ).toBe(405);
  });
});

describe('GET /export in the reader’s language', () => {
  it('says on the About sheet what the file is of, when and by whom it was made, never the scenario’s global id', async () => {
    // It showed `<name> (<the scenario's base64 Relay id>)`, the instant in UTC, and no dates, maker or version.
    const { scenario } = await data<{ scenario: { id: string } }>(`{ scenario(id: "${SCENARIO}") { id } }`);
    const response = await download(
      `/export/plan.xlsx?scenarioId=${SCENARIO}&areaCode=67&lang=vi`,
      await admin(),
    );
    const workbook = await openWorkbook(new Uint8Array(await response.arrayBuffer()));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Kế hoạch', 'Thông tin']);
    const lines = sheetRows(workbook.getWorksheet('Thông tin'));
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(lines.slice(0, 4)).toEqual([
      ['Kịch bản', 'Đắk Nông, tháng 3/2021: làm từ 05:00 đến 24:00 mọi ngày'],
      ['Địa bàn', 'Tỉnh Đắk Nông (mã 67)'],
      ['Chiến dịch', 'từ 15/03/2021 đến 30/06/2021'],
      ['Múi giờ', 'Asia/Ho_Chi_Minh'],
    ]);
    expect(lines[4]?.[0]).toBe('Thời điểm tạo');
    expect(lines[4]?.[1]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(giờ Asia\/Ho_Chi_Minh\)$/);
    expect(lines.slice(5, 9)).toEqual([
      ['Người tạo', 'export admin'],
      ['Phần mềm', `Muster ${version}`],
      ['Mã kịch bản (scenarioId dùng với API)', SCENARIO],
      ['Dữ liệu đầu vào'],
    ]);
    expect(JSON.stringify(lines)).not.toContain(scenario.id);
  });

  it('writes why an area is late in Vietnamese in a Vietnamese plan, with the figures of the English sentence', async () => {
    // Đắk Song on one machine is late. The Vietnamese file's `Lý do` was the library's English.
    await database.prisma.scenario.create({
      data: {
        id: 'dak-song-one-machine',
        name: 'Đắk Song, one machine',
        areaCode: '665',
        start: '2021-03-15',
        deadline: '2021-06-30',
        open: '05:00',
        close: '24:00',
        minutesPerDossier: 3.5,
        machines: { create: [{ areaCode: '665', machines: 1 }] },
      },
    });
    try {
      const token = await admin();
      const path = '/export/plan.csv?scenarioId=dak-song-one-machine&areaCode=665';
      const english = parse(
        (await (await download(`${path}&lang=en`, token)).text()).replace(/^\ufeff/, ''),
        {
          columns: true,
        },
      ) as Record<string, string>[];
      const vietnamese = parse(
        (await (await download(`${path}&lang=vi`, token)).text()).replace(/^\ufeff/, ''),
        {
          columns: true,
        },
      ) as Record<string, string>[];
      const late = english.filter((row) => row.Status === 'late');
      expect(late.length).toBeGreaterThan(0);
      for (const row of late) {
        const said =
          /^finishes on (\d{4})-(\d{2})-(\d{2}), (\d+) open days? after the deadline; (\d+) machines finish by the deadline$/.exec(
            row.Reason ?? '',
          );
        if (!said) throw new Error(`an English reason not worded as expected: ${row.Reason}`);
        const [, year, month, day, daysLate, machines] = said;
        expect(vietnamese.find((vi) => vi['Mã địa bàn'] === row.Code)?.['Lý do'], row.Code).toBe(
          `hoàn thành ngày ${day}/${month}/${year}, trễ ${daysLate} ngày mở cửa so với hạn chót; cần ${machines} máy để kịp hạn`,
        );
      }
      // The GraphQL field the export mirrors says the code.
      const codes = await data<{
        plan: { areas: { code: string; status: string; reasonCode: string | null }[] };
      }>(
        `{ plan(scenarioId: "dak-song-one-machine", areaCode: "665") { ... on CampaignPlan { areas { code status reasonCode } } } }`,
      );
      expect(
        codes.plan.areas.filter((row) => row.status === 'LATE').map((row) => [row.code, row.reasonCode]),
      ).toEqual(late.map((row) => [row.Code, 'LATE']));
    } finally {
      await database.prisma.scenario.delete({ where: { id: 'dak-song-one-machine' } });
    }
  });

  it('refuses in the language asked, the code and field kept, the English sentence as the detail', async () => {
    const token = await admin();
    const refused = async (path: string, caller: string | null = token) =>
      refusalOf(await download(path, caller));
    expect(await refused(`/export/plan.xlsx?scenarioId=nope&areaCode=67&lang=vi`)).toEqual({
      status: 404,
      code: 'NOT_FOUND',
      field: 'scenarioId',
      message: 'Không tìm thấy kịch bản đã ghi (scenarioId), hoặc bạn không được xem kịch bản này.',
      detail: 'scenarioId: no scenario "nope"',
    });
    expect(await refused(`/export/plan.xlsx?scenarioId=nope&areaCode=67&lang=en`)).toEqual({
      status: 404,
      code: 'NOT_FOUND',
      field: 'scenarioId',
      message: 'scenarioId: no scenario "nope"',
      detail: undefined,
    });
    // Vietnamese is the default, as for the file itself.
    expect(await refused(`/export/plan.csv?scenarioId=${SCENARIO}`)).toMatchObject({
      status: 400,
      code: 'BAD_USER_INPUT',
      field: 'areaCode',
      message: 'Cần ghi mã địa bàn (areaCode).',
    });
    expect(await refused(`/export/plan.csv?scenarioId=${SCENARIO}&lang=en`)).toMatchObject({
      message: 'areaCode is required',
    });
    expect(await refused(`/export/plan.csv?scenarioId=${SCENARIO}&areaCode=67&lang=vi`, null)).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      message: 'Cần đăng nhập để tải tệp này: gửi mã truy cập (Authorization: Bearer <token>).',
    });
    // A district's planner asks for the province.
    const district = await tokenFor({ role: 'PLANNER', name: 'Đắk Song planner', areaCode: '665' });
    const forbidden = await refused(`/export/plan.csv?scenarioId=${SCENARIO}&areaCode=67&lang=vi`, district);
    expect(forbidden).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(forbidden.message).toMatch(/^Vai trò của bạn không được tải tệp này/);
    expect(forbidden.detail).toBeTruthy();
    expect(
      await refused(`/export/roster.csv?scenarioId=${SCENARIO}&areaCode=67&days=x&lang=vi`),
    ).toMatchObject({
      status: 400,
      field: 'days',
      message: 'days phải là số nguyên, không phải "x"',
    });
    // A bound the schema checks: said by its code and field, the schema's English sentence kept as the detail.
    const days = `/export/roster.csv?scenarioId=${SCENARIO}&areaCode=67&days=3000`;
    const tooManyDays = await refused(`${days}&lang=vi`);
    expect(tooManyDays).toMatchObject({
      status: 400,
      code: 'BAD_USER_INPUT',
      field: 'days',
      message: 'Số ngày không hợp lệ (days).',
    });
    expect(tooManyDays.detail).toBe((await refused(`${days}&lang=en`)).message);
    const posted = await yoga.fetch(
      `http://muster.test/export/plan.csv?scenarioId=${SCENARIO}&areaCode=67&lang=vi`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(await refusalOf(posted)).toMatchObject({
      status: 405,
      code: 'METHOD_NOT_ALLOWED',
      message: 'Tải tệp chỉ nhận yêu cầu GET.',
    });
    expect(await refused('/templates/plan.xlsx?lang=vi', null)).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      message: 'Mẫu tải về là /templates/<areas|machines|reports>.<xlsx|csv>.',
    });
    expect(await refused(`/export/plan.csv?scenarioId=${SCENARIO}&areaCode=67&lang=fr`)).toMatchObject({
      status: 400,
      field: 'lang',
      message: 'lang phải là vi (tiếng Việt) hoặc en (English) / lang must be vi or en',
    });
  });
});

describe('GET /export over a limit of its request', () => {
  it('says a file stopped when the request’s time ran out is the service being busy, to try again (limit TIME)', async () => {
    const token = await admin();
    const plan = `/export/plan.csv?scenarioId=${SCENARIO}&areaCode=67`;
    vi.stubEnv('COMPUTE_BUDGET_MS', '1');
    try {
      // The plan asked for earlier in this file is kept across requests: forget it, so it is computed.
      clearSharedCache();
      expect(await refusalOf(await download(`${plan}&lang=vi`, token))).toEqual({
        status: 422,
        code: 'LIMIT_EXCEEDED',
        field: undefined,
        limit: 'TIME',
        message:
          'Máy chủ đang bận nên chưa tạo xong tệp này trong thời gian cho phép của một yêu cầu: hãy thử lại sau giây lát.',
        detail:
          "planCampaign was stopped: the computations of one request may take 1 ms and this request's are spent.",
      });
      clearSharedCache();
      expect(await refusalOf(await download(`${plan}&lang=en`, token))).toMatchObject({
        status: 422,
        code: 'LIMIT_EXCEEDED',
        limit: 'TIME',
        message:
          'The service is busy and could not make this file in the time one request may take: try again in a moment.',
      });
    } finally {
      vi.unstubAllEnvs();
    }
    // Asked again with the request's time to spare, the same file is made.
    expect((await download(`${plan}&lang=en`, token)).status).toBe(200);
  });

  it('says a file over the request’s cost is too large, to ask for less (limit COST)', async () => {
    const token = await admin();
    // A year of one-hour shifts: refused by its estimated cost before anything runs (bounded-work.test.ts).
    const roster = `/export/roster.csv?scenarioId=${SCENARIO}&areaCode=67&days=366&shiftHours=1`;
    const said = await refusalOf(await download(`${roster}&lang=vi`, token));
    expect(said).toMatchObject({
      status: 422,
      code: 'LIMIT_EXCEEDED',
      field: 'CampaignPlan.roster',
      limit: 'COST',
      message: 'Tệp này quá lớn để tạo một lần: chọn địa bàn nhỏ hơn hoặc ít ngày hơn.',
    });
    expect(said.detail).toMatch(/^The request's estimated cost is [\d,]+ points, over the limit of 20,000/);
    expect(await refusalOf(await download(`${roster}&lang=en`, token))).toMatchObject({
      status: 422,
      limit: 'COST',
      message: 'This file is too large to make at once: choose a smaller area or fewer days.',
    });
  });
});
