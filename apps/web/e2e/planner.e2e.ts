// The Đắk Nông planner's stories (issue 16), in Vietnamese as the app opens, against the demo data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overflowX, server, signInAs } from './_app.ts';
import { type Browser, openBrowser, screenshot } from './_browser.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser();
  const page = await browser.newPage();
  await signInAs(page, 'planner');
  await page.close();
});
afterAll(async () => {
  expect(browser.outsideAttempts).toEqual([]);
  await browser.close();
});

describe('the Đắk Nông planner', () => {
  it('opens the province and sees plan against actual with the 19–20 March figures', async () => {
    const page = await browser.newPage(1440, 900);
    await page.goto(`${server.origin}/`);
    await page.getByRole('link', { name: /Đắk Nông, March 2021/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /Đắk Nông/ }).waitFor();
    // Field report: 15,574 dossiers province-wide on 19–20 March, split evenly (7,787 a day) in the demo.
    await expect.poll(() => page.getByTestId('total-actual').textContent()).toBe('15.574');
    const reported = page.locator('table.reported-days tbody tr');
    expect(await reported.count()).toBe(2);
    expect(await page.locator('table.reported-days tr[data-date="2021-03-19"] td').nth(1).textContent()).toBe('7.787');
    expect(await page.locator('table.reported-days tr[data-date="2021-03-20"] td').nth(1).textContent()).toBe('7.787');
    // The chart has its table and the map its own.
    expect(await page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'plan-1440');
    // Down the tree: Đắk Song's own report of 20 March, 1,085 dossiers.
    await page.getByRole('link', { name: /Đắk Song/ }).first().click();
    await expect.poll(() => page.getByTestId('total-actual').textContent()).toBe('1.085');
    await page.close();
  });

  it('sorts the districts by completion and by status from the keyboard', async () => {
    const page = await browser.newPage(1440, 900);
    await page.goto(`${server.origin}/scenarios/dak-nong-2021`);
    const sortByCompletion = page.getByRole('button', { name: /Ngày hoàn thành/ });
    await sortByCompletion.focus();
    await page.keyboard.press('Enter');
    const dates = await page.locator('table.plan-areas tbody tr td:nth-child(6)').allTextContents();
    expect(dates.length).toBeGreaterThan(1);
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('Ngày hoàn thành');
    await page.close();
  });

  it('reads the plan on a 360 px phone without sideways scrolling of the page', async () => {
    const page = await browser.newPage(360, 740);
    await page.goto(`${server.origin}/scenarios/dak-nong-2021`);
    await page.getByTestId('total-actual').waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'plan-360');
    await page.close();
  });
});
