// Issue 15 item 1: GraphiQL works with no internet at all.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { graphqlAs, signInAs } from './_app.ts';
import { type Browser, openBrowser } from './_browser.ts';

const server = inject('server');
const { origin } = server;
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

it('a planner opens GraphiQL from the app and runs a query as themselves, the token in its headers and never in an address', async () => {
  // The API's own answer for the planner's token: who GraphiQL must say is asking.
  const asked = await graphqlAs<{ viewer: { name: string; role: string } }>(
    server,
    'planner',
    '{ viewer { name role } }',
  );
  const planner = asked.data?.viewer as { name: string; role: string };
  expect(planner.role).toBe('PLANNER');
  const own = await openBrowser();
  try {
    const app = await own.newPage();
    const addresses: string[] = [];
    own.context.on('request', (request) => addresses.push(request.url()));
    await signInAs(app, 'planner');
    // GraphiQL opens in a tab of its own; the app stays where it was in this one.
    const [page] = await Promise.all([
      own.context.waitForEvent('page'),
      app.getByRole('navigation').getByRole('link', { name: 'GraphiQL' }).click(),
    ]);
    await page.waitForURL(`${origin}/graphql`);
    expect(app.url()).toBe(`${origin}/`);
    const run = page.locator('.graphiql-execute-button');
    await run.waitFor({ timeout: 30_000 });
    // A query that needs the token, typed over the opening text; what Monaco closes by itself
    // after the cursor (a brace) is deleted.
    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('{ viewer { name role } }');
    await page.keyboard.press('Shift+Control+End');
    await page.keyboard.press('Delete');
    await run.click();
    // Monaco draws spaces as no-break spaces.
    const response = async () =>
      ((await page.locator('.graphiql-response').textContent()) ?? '').replaceAll('\u00a0', ' ');
    await expect.poll(response, { timeout: 20_000 }).toContain(`"name": "${planner.name}"`);
    expect(await response()).toContain('"role": "PLANNER"');
    expect(addresses.filter((address) => address.includes(server.tokens.planner))).toEqual([]);
    expect(page.url()).not.toContain(server.tokens.planner);

    // Signed out in the app's tab, the device keeps the token nowhere, GraphiQL's storage included.
    await page.close();
    await app.getByRole('button', { name: 'Đăng xuất' }).click();
    await app.getByRole('link', { name: 'Đăng nhập' }).first().waitFor();
    const stored = await app.evaluate(() => Object.values(localStorage).join('\n'));
    expect(stored).not.toContain(server.tokens.planner);
    expect(own.outsideAttempts).toEqual([]);
  } finally {
    await own.close();
  }
});
