// `pnpm bench` for the web app (`pnpm bench web` alone): the size of its JavaScript as served
// (gzip), and the Nghệ An scenario view drawn with its data (482 areas, 480 communes on the map)
// in headless Chromium against a demo API on loopback: from navigation to the plan's table, chart
// and map on screen, median of several loads. Each target is printed beside its figure.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { openBrowser } from '../e2e/_browser.ts';
import { buildWebApp, startDemoServer } from '../e2e/_server.ts';

const filters = process.argv.slice(2).map((word) => word.toLowerCase());
if (filters.length > 0 && !filters.some((word) => 'web app'.includes(word))) process.exit(0);

const TARGET_JS_GZIP_KB = 300;
const TARGET_VIEW_MS = 1500;
/** Loads timed after one warm-up load (the API computes the plan once per request either way). */
const RUNS = 7;
const LIFETIME_MS = 5 * 60_000;

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');

function row(what: string, measured: string, target: string, met?: boolean): void {
  const verdict = met === undefined ? '' : met ? ' met' : ' MISSED';
  console.log(`  ${what.padEnd(58)} ${measured.padStart(22)}   target ${target}${verdict}`);
}

console.log('\nWeb app (issues 16, 17)');
buildWebApp();
// Every script the app serves: its chunks under assets/ and the service worker at the root.
const scripts = [
  ...readdirSync(path.join(dist, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `assets/${name}`),
  'sw.js',
];
const gzipKb = (file: string) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;
const allKb = scripts.reduce((sum, file) => sum + gzipKb(file), 0);
const page = readFileSync(path.join(dist, 'index.html'), 'utf8');
const entry = scripts.filter((file) => page.includes(file));
const entryKb = entry.reduce((sum, file) => sum + gzipKb(file), 0);
row(
  'JavaScript, every chunk and the service worker (gzip)',
  `${allKb.toFixed(1)} KB`,
  `< ${TARGET_JS_GZIP_KB} KB`,
  allKb < TARGET_JS_GZIP_KB,
);
row('JavaScript loaded by the first page (gzip)', `${entryKb.toFixed(1)} KB`, 'none (reported)');

const server = await startDemoServer(LIFETIME_MS);
const browser = await openBrowser();
try {
  const signIn = await browser.newPage();
  await signIn.goto(`${server.origin}/sign-in#token=${server.tokens.admin}`);
  await signIn.waitForURL(`${server.origin}/`);
  await signIn.close();
  const timings: number[] = [];
  let communes = 0;
  for (let run = 0; run <= RUNS; run += 1) {
    const view = await browser.newPage(1440, 900);
    const started = performance.now();
    await view.goto(`${server.origin}/scenarios/nghe-an-2021`);
    await view.locator('table.plan-areas tbody tr').first().waitFor({ timeout: 60_000 });
    await view.locator('svg.chart path').first().waitFor();
    await view.waitForFunction(() => document.querySelectorAll('svg.map circle').length > 400, null, {
      timeout: 60_000,
    });
    const elapsed = performance.now() - started;
    communes = await view.locator('svg.map circle').count();
    if (run > 0) timings.push(elapsed);
    await view.close();
  }
  timings.sort((a, b) => a - b);
  const median = timings[Math.floor(timings.length / 2)] ?? Number.NaN;
  row(
    `Nghệ An scenario view drawn (${communes} communes), median of ${RUNS}`,
    `${Math.round(median)} ms (${Math.round(timings[0] ?? 0)}–${Math.round(timings.at(-1) ?? 0)})`,
    `< ${TARGET_VIEW_MS} ms`,
    median < TARGET_VIEW_MS,
  );
  if (browser.outsideAttempts.length > 0)
    console.log(`  requests outside loopback: ${browser.outsideAttempts.join(', ')}`);
} finally {
  await browser.close();
  await server.stop();
}
