// Spreadsheets out over HTTP: `GET /export/<view>.<xlsx|csv>` for a bearer token. The figures are
// checked against the GraphQL answers the views mirror (a plan exported and read back as an area
// list gives the plan's own population figures), the demo's field report (Đắk Song 1,085 on 20
// March 2021, docs/architecture.md §6) shows in plan vs actual, and the workbook is formatted.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
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
    const rows = csvRows(text).filter((row) => row[0] === '665');
    expect(rows.map((row) => [row[1], row[3]])).toEqual([
      ['2021-03-20', '1085'],
      ['2021-03-21', ''],
    ]);
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

  it('refuses the mobile teams’ calendar of a district with a village that has no centroid, saying why', async () => {
    // A village imported without its centroid under a commune of Đắk Song: the plan cannot time a
    // drive to it. The export answered 400 with neither message nor field.
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
      const body = (await response.json()) as {
        errors: { message?: string; extensions: { field?: string } }[];
      };
      expect(response.status).toBe(400);
      expect(body.errors[0]?.message).toMatch(/X002 has none/);
      expect(body.errors[0]?.extensions.field).toBeTruthy();
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
