// Helpers the stories share: sign in with a link as `pnpm start` prints it, check a page fits, ask
// the API directly (from the test process, which keeps its network when the browser loses it).
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import type { DemoServer } from './_server.ts';

/** The demo API every story file shares (a file that writes much may start its own). */
export const server = inject('server');

type Role = keyof DemoServer['tokens'];

/** Opens the sign-in link of `role` and waits for the start page. */
export async function signInAs(page: Page, role: Role, on: DemoServer = server): Promise<void> {
  await page.goto(`${on.origin}/sign-in#token=${on.tokens[role]}`);
  await page.waitForURL(`${on.origin}/`);
  await page.locator('.viewer').waitFor();
}

/** Width of the page's content beyond the window (0 when nothing scrolls sideways). */
export function overflowX(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * How the page's charts read: the height of their smallest label as drawn, in CSS px, and how many
 * pairs of neighbouring time-axis labels overlap.
 */
export function chartLabels(page: Page): Promise<{ charts: number; smallestPx: number; overlaps: number }> {
  return page.evaluate(() => {
    const charts = [...document.querySelectorAll('svg.chart')];
    const heights = charts.flatMap((chart) =>
      [...chart.querySelectorAll('text')].map((text) => text.getBoundingClientRect().height),
    );
    let overlaps = 0;
    for (const chart of charts) {
      const boxes = [...chart.querySelectorAll('text.x-tick')].map((text) => text.getBoundingClientRect());
      boxes.sort((a, b) => a.left - b.left);
      for (let i = 1; i < boxes.length; i += 1) {
        if ((boxes[i]?.left ?? 0) < (boxes[i - 1]?.right ?? 0)) overlaps += 1;
      }
    }
    return { charts: charts.length, smallestPx: Math.min(...heights), overlaps };
  });
}

/** The language of the app on this device: Vietnamese by default, English by its button. */
export async function chooseLanguage(page: Page, locale: 'vi' | 'en'): Promise<void> {
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current === locale) return;
  await page.getByRole('button', { name: locale === 'en' ? 'English' : 'Tiếng Việt' }).click();
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, locale);
}

/** Waits until the page's service worker is active, its cache filled (it installs before it activates). */
export async function serviceWorkerReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** A GraphQL request to the demo API as `role`; the parsed answer. */
export async function graphqlAs<T>(
  on: DemoServer,
  role: Role,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: T; errors?: { message: string }[] }> {
  const response = await fetch(`${on.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${on.tokens[role]}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: { message: string }[] };
}
