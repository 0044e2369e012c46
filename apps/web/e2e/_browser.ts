// Debian's Chromium driven by playwright-core (never a browser download), headless, with a fresh
// profile per story file, and every request to anything but loopback aborted and written down, so
// a story can assert the app needed nothing from outside.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const web = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The stories' screenshots of a test run: git-ignored artifacts, so a run leaves the tree clean. */
const ARTIFACTS = path.join(web, 'test-results', 'screenshots');
/** The committed screenshots the README shows, refreshed only by `pnpm --filter @muster/web screenshots`. */
const DOCS = path.join(web, '..', '..', 'docs', 'screenshots');
const REFRESHING_DOCS = process.env.MUSTER_SCREENSHOTS === 'docs';

export type Browser = {
  context: BrowserContext;
  /** Requests to anything but loopback, all aborted. */
  outsideAttempts: string[];
  newPage(width?: number, height?: number): Promise<Page>;
  close(): Promise<void>;
};

function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

export async function openBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'muster-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Europe/London',
  });
  const outsideAttempts: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    outsideAttempts.push(url);
    return route.abort('internetdisconnected');
  });
  return {
    context,
    outsideAttempts,
    async newPage(width = 1440, height = 900) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The whole page as `<name>.png` among the run's artifacts, or in docs/screenshots when the docs
 * are being refreshed (`MUSTER_SCREENSHOTS=docs`) and the shot is one of theirs (`docs`, default).
 */
export async function screenshot(page: Page, name: string, { docs = true } = {}): Promise<void> {
  const folder = REFRESHING_DOCS && docs ? DOCS : ARTIFACTS;
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true });
}
