// Issue 15 item 1: GraphiQL works with no internet at all.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { type Browser, openBrowser } from './_browser.ts';

const { origin } = inject('server');
let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser.close();
});

it('a developer without internet opens GraphiQL and runs a query', async () => {
  const page = await browser.newPage();
  const query = '{ areas(roots: true) { edges { node { code name } } } }';
  // GraphiQL opens the query named in its URL, as a shared link would.
  await page.goto(`${origin}/graphql?query=${encodeURIComponent(query)}`);
  const run = page.locator('.graphiql-execute-button');
  await run.waitFor({ timeout: 30_000 });
  await run.click();
  await expect
    .poll(() => page.locator('.graphiql-response').textContent(), { timeout: 20_000 })
    .toMatch(/"code":\s+"67"/);
  expect(browser.outsideAttempts).toEqual([]);
});

it('a developer opening GraphiQL for the first time reads what Muster’s API is and how to send a token', async () => {
  // First time: a browser of its own, with none of the tabs GraphiQL keeps on the device (the story
  // above left one, and a GraphiQL page writes its tabs back as it goes).
  const fresh = await openBrowser();
  try {
    const page = await fresh.newPage();
    await page.goto(`${origin}/graphql`);
    const run = page.locator('.graphiql-execute-button');
    await run.waitFor({ timeout: 30_000 });
    // Monaco draws each line in .view-lines, spaces as no-break spaces.
    const lines = page.locator('.graphiql-query-editor .view-lines', { hasText: 'Muster' });
    await lines.waitFor({ timeout: 30_000 });
    const opening = ((await lines.textContent()) ?? '').replaceAll('\u00a0', ' ');
    expect(opening).toContain('"Authorization": "Bearer <the token you sign in to Muster with>"');
    expect(opening).not.toContain('in-browser tool');
    // Its query runs as it stands, with no token.
    await run.click();
    await expect
      .poll(() => page.locator('.graphiql-response').textContent(), { timeout: 20_000 })
      .toMatch(/"code":\s+"67"/);
    expect(fresh.outsideAttempts).toEqual([]);
  } finally {
    await fresh.close();
  }
});
