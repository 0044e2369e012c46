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
