// Helpers the stories share: sign in with a link as `pnpm start` prints it, check a page fits, ask
// the API directly (from the test process, which keeps its network when the browser loses it).
import type { Locator, Page } from 'playwright-core';
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

/** A token the admin issues through the API (`issueToken`), as for a district's planner. */
export async function issueToken(
  on: DemoServer,
  input: { role: 'PLANNER' | 'REPORTER'; name: string; areaCode: string; teamCode?: string },
): Promise<string> {
  const issued = await graphqlAs<{ issueToken: { token?: string } }>(
    on,
    'admin',
    `mutation Issue($input: TokenInput!) { issueToken(input: $input) { ... on IssuedToken { token } } }`,
    { input },
  );
  const token = issued.data?.issueToken.token;
  if (!token) throw new Error(`issueToken refused: ${JSON.stringify(issued)}`);
  return token;
}

/** Opens the sign-in link of `token` and waits for the start page. */
export async function signInWithToken(page: Page, token: string, on: DemoServer = server): Promise<void> {
  await page.goto(`${on.origin}/sign-in#token=${token}`);
  await page.waitForURL(`${on.origin}/`);
  await page.locator('.viewer').waitFor();
}

/**
 * Each element's text and whether its separator dot (`·`) is drawn on the same line as the first
 * letter after it, measured on the glyphs as laid out (a dot ending a line stands alone above its name).
 */
export function separatorsDrawn(elements: Locator): Promise<{ text: string; withNextWord: boolean }[]> {
  return elements.evaluateAll((found) =>
    found.map((element) => {
      const glyphs: { node: Text; offset: number; char: string }[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = node as Text;
        for (let offset = 0; offset < text.data.length; offset += 1) {
          glyphs.push({ node: text, offset, char: text.data[offset] as string });
        }
      }
      const top = (glyph: { node: Text; offset: number } | undefined) => {
        if (!glyph) return Number.NaN;
        const range = document.createRange();
        range.setStart(glyph.node, glyph.offset);
        range.setEnd(glyph.node, glyph.offset + 1);
        return range.getClientRects()[0]?.top ?? Number.NaN;
      };
      const dot = glyphs.findIndex((glyph) => glyph.char === '·');
      const next = glyphs.slice(dot + 1).find((glyph) => glyph.char.trim() !== '');
      return {
        text: element.textContent ?? '',
        withNextWord: dot >= 0 && Math.abs(top(glyphs[dot]) - top(next)) < 1,
      };
    }),
  );
}
