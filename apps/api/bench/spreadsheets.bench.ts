// `pnpm --filter @muster/api bench spreadsheets`: spreadsheets in and out at the sizes.
// Reading 100,000 field reports from XLSX (the target is the whole import, parse and
// store, under 10 s on PGlite: the parse's share of it is printed) and writing a national plan
// (11,371 areas) as XLSX (target under 3 s). Medians; baselines timed in this same process:
// exceljs's bare streaming read of the same file, and the same view written as CSV.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type AreaInput, planCampaign } from '@muster/planning';
import ExcelJS from 'exceljs';
import { readCountryAreas } from '../src/data/vietnam-areas.ts';
import { csvText, planView, REPORT_SHEET, readSpreadsheet, xlsxBuffer } from '../src/spreadsheets/index.ts';
import { seededRandom } from '../test/_support.ts';
import type { SpreadsheetServerReady } from './spreadsheet-server.ts';

const REPORT_ROWS = 100_000;
const IMPORT_TARGET_SECONDS = 10;
const EXPORT_TARGET_SECONDS = 3;
const RUNS = 3;
const SEED = 20_210_320;

async function medianSeconds(fn: () => Promise<unknown>, runs = RUNS): Promise<number> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await fn();
    samples.push((performance.now() - started) / 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

/**
 * 100,000 reports over the communes of the country and 10 days from 20 March 2021 plus `firstDay`,
 * as a reporting office would send them.
 */
export async function reportWorkbook(firstDay = 0): Promise<Buffer> {
  const random = seededRandom(SEED + firstDay);
  const communes = readCountryAreas().filter((area) => area.level === 'commune');
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useSharedStrings: true,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('Báo cáo');
  sheet.columns = [
    { key: 'date', width: 12, style: { numFmt: 'dd/mm/yyyy' } },
    { key: 'area', width: 10 },
    { key: 'team', width: 12 },
    { key: 'dossiers', width: 10 },
    { key: 'machines', width: 10 },
    { key: 'hours', width: 10 },
    { key: 'downtime', width: 10 },
    { key: 'note', width: 20 },
    { key: 'key', width: 24 },
  ];
  sheet
    .addRow([
      'Ngày',
      'Mã địa bàn',
      'Mã tổ',
      'Số hồ sơ',
      'Số máy hoạt động',
      'Số giờ mở cửa',
      'Số phút ngừng máy',
      'Ghi chú',
      'Mã báo cáo',
    ])
    .commit();
  for (let i = 0; i < REPORT_ROWS; i += 1) {
    const commune = communes[i % communes.length] as (typeof communes)[number];
    const date = new Date(Date.UTC(2021, 2, 20 + firstDay + Math.floor(i / communes.length)));
    sheet
      .addRow([
        date,
        commune.code,
        null,
        Math.floor(random() * 1200),
        1 + Math.floor(random() * 4),
        19,
        random() < 0.1 ? Math.floor(random() * 120) : null,
        random() < 0.05 ? 'máy hỏng, sửa xong' : null,
        `${commune.code}-${date.toISOString().slice(0, 10)}`,
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** Vietnam's 2021 tree (11,371 areas); figures on the leaves, parents are their sums. */
function nationalInput() {
  const rows = readCountryAreas();
  const parents = new Set(rows.flatMap((row) => (row.parentCode ? [row.parentCode] : [])));
  const areas: AreaInput[] = rows.map((row) => ({
    code: row.code,
    name: row.name,
    level: row.level,
    ...(row.parentCode ? { parentCode: row.parentCode } : {}),
    ...(parents.has(row.code) ? {} : { population: row.population, eligible: row.eligible }),
  }));
  return {
    areas,
    calendar: { start: '2021-03-22', deadline: '2021-06-30', timeZone: 'Asia/Ho_Chi_Minh' },
    hours: { open: '05:00', close: '24:00' },
    service: { minutesPerDossier: 1440 / 278 },
  };
}

export type SpreadsheetBenchRow = { name: string; measured: string; target: string; meets: boolean | null };

/** The bench's API process on a fresh PGlite with the whole country; stopped by `stop`. */
async function startServer(): Promise<SpreadsheetServerReady & { stop: () => void }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'muster-sheets-bench-'));
  const here = path.dirname(fileURLToPath(import.meta.url));
  const { DATABASE_URL: _url, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'spreadsheet-server.ts')], {
    env: { ...env, PGLITE_DATA_DIR: dataDir, MUSTER_DEMO: '0' },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const ready = await new Promise<SpreadsheetServerReady>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bench API exited early (${code})`)));
    lines.on('line', (line) => {
      if (line.startsWith('{')) resolve(JSON.parse(line) as SpreadsheetServerReady);
    });
  });
  return {
    ...ready,
    stop: () => {
      child.kill('SIGTERM');
      child.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
    },
  };
}

/** One upload of `file` to `importReports` over HTTP; the answer's counts. */
async function importOverHttp(
  server: SpreadsheetServerReady,
  file: Buffer,
): Promise<Record<string, unknown>> {
  const form = new FormData();
  form.set(
    'operations',
    JSON.stringify({
      query:
        'mutation ($file: File!) { importReports(file: $file) { __typename ... on ImportReportsPayload { rows created unchanged } ... on Error { message } } }',
      variables: { file: null },
    }),
  );
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  form.set('0', new File([Uint8Array.from(file)], 'bao-cao.xlsx'));
  const response = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}` },
    body: form,
  });
  const body = (await response.json()) as { data?: { importReports: Record<string, unknown> } };
  const answer = body.data?.importReports;
  if (answer?.__typename !== 'ImportReportsPayload')
    throw new Error(`import refused: ${JSON.stringify(body)}`);
  return answer;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { seconds: (performance.now() - started) / 1000, value };
}

/** Files of 100,000 reports each on days of their own, imported after the first as new reports. */
const OTHER_FILES_FIRST_DAYS = [10, 20, 30];

/**
 * The two targets through the API: the whole import of 100,000 new reports (the median of
 * three files on days of their own, after a warm-up import of a fourth, as a running service meets
 * them: its files thread and database already used), the first file again (all unchanged), and a
 * national plan exported.
 */
async function throughApi(reports: Buffer): Promise<SpreadsheetBenchRow[]> {
  const [warmUp, ...others] = await Promise.all(
    [...OTHER_FILES_FIRST_DAYS].reverse().map((firstDay) => reportWorkbook(firstDay)),
  );
  const server = await startServer();
  try {
    await importOverHttp(server, warmUp as Buffer);
    const imports = [];
    for (const file of [reports, ...others]) imports.push(await timed(() => importOverHttp(server, file)));
    const runs = imports.map((run) => run.seconds).sort((a, b) => a - b);
    const median = runs[Math.floor(runs.length / 2)] as number;
    const again = await timed(() => importOverHttp(server, reports));
    const rows: SpreadsheetBenchRow[] = [
      {
        name: `importReports over HTTP on PGlite: ${Number(imports[0]?.value.created).toLocaleString('en')} new reports from XLSX (upload, parse, checks, one transaction; median of ${imports.length} files after a warm-up file)`,
        measured: `${median.toFixed(2)} s (${((median / IMPORT_TARGET_SECONDS) * 100).toFixed(0)} % of the target; runs ${runs.map((run) => run.toFixed(2)).join(', ')} s); the first file again, ${Number(again.value.unchanged).toLocaleString('en')} unchanged: ${again.seconds.toFixed(2)} s`,
        target: `< ${IMPORT_TARGET_SECONDS} s`,
        meets: median < IMPORT_TARGET_SECONDS,
      },
    ];
    let bytes = 0;
    const exportPlan = async () => {
      const response = await fetch(
        `http://127.0.0.1:${server.port}/export/plan.xlsx?scenarioId=${server.scenarioId}&areaCode=${server.rootCode}`,
        { headers: { authorization: `Bearer ${server.token}` } },
      );
      if (response.status !== 200) throw new Error(`export refused: ${await response.text()}`);
      bytes = (await response.arrayBuffer()).byteLength;
    };
    const seconds = await medianSeconds(exportPlan);
    rows.push({
      name: `GET /export/plan.xlsx on PGlite: national plan, 11,372 areas (${(bytes / 2 ** 20).toFixed(1)} MiB)`,
      measured: `${seconds.toFixed(2)} s (plan asked through GraphQL, written in the files thread)`,
      target: `< ${EXPORT_TARGET_SECONDS} s`,
      meets: seconds < EXPORT_TARGET_SECONDS,
    });
    return rows;
  } finally {
    server.stop();
  }
}

export async function run(): Promise<SpreadsheetBenchRow[]> {
  const rows: SpreadsheetBenchRow[] = [];
  const reports = await reportWorkbook();
  rows.push(...(await throughApi(reports)));
  let read = 0;
  const parse = await medianSeconds(async () => {
    const result = await readSpreadsheet(reports, REPORT_SHEET);
    if (!result.ok) throw new Error(result.refusal.message);
    read = result.rows.length;
  });
  const bare = await medianSeconds(async () => {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([reports]), {});
    for await (const sheet of reader)
      for await (const _row of sheet) {
      }
  });
  rows.push({
    name: `readSpreadsheet: ${read.toLocaleString('en')} reports from XLSX (${(reports.length / 2 ** 20).toFixed(1)} MiB)`,
    measured: `${parse.toFixed(2)} s (${((parse / IMPORT_TARGET_SECONDS) * 100).toFixed(0)} % of the target; ×${(parse / bare).toFixed(2)} exceljs's bare read, ${bare.toFixed(2)} s)`,
    target: `whole import < ${IMPORT_TARGET_SECONDS} s on PGlite (parse share printed)`,
    meets: parse < IMPORT_TARGET_SECONDS,
  });

  const input = nationalInput();
  const plan = planCampaign(input);
  const about = {
    scenario: { scenarioId: 'bench', name: 'Vietnam 2021' },
    area: null,
    campaign: null,
    timeZone: 'Asia/Ho_Chi_Minh',
    generatedAt: '2021-03-22T00:00:00.000Z',
    generatedBy: 'bench',
    software: 'Muster (bench)',
    inputs: [{ name: 'areas', value: input.areas.length }],
  };
  let bytes = 0;
  const xlsx = await medianSeconds(async () => {
    bytes = (await xlsxBuffer([planView(plan.areas)], { language: 'vi', about })).length;
  });
  const csv = await medianSeconds(() => csvText(planView(plan.areas), { language: 'vi' }));
  rows.push({
    name: `writeXlsx: national plan, ${plan.areas.length.toLocaleString('en')} areas (${(bytes / 2 ** 20).toFixed(1)} MiB)`,
    measured: `${xlsx.toFixed(2)} s (×${(xlsx / csv).toFixed(1)} the same view as CSV, ${csv.toFixed(2)} s)`,
    target: `< ${EXPORT_TARGET_SECONDS} s`,
    meets: xlsx < EXPORT_TARGET_SECONDS,
  });
  return rows;
}
