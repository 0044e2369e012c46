// Hourly staffing of a site on its own figures, in Vietnamese as the app opens, against the demo
// data: Hưng Nguyên town (Nghệ An, March 2021: 2 fingerprint scanners, 07:30–22:00, over 500
// dossiers a day, the field report) on its own minutes a dossier, and what one site may ask.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overflowX, server, signInAs } from './_app.ts';
import { type Browser, openBrowser, screenshot } from './_browser.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser();
  const page = await browser.newPage();
  // Nghệ An's scenario is rooted at the province: the demo's planner is Đắk Nông's, so the admin.
  await signInAs(page, 'admin');
  await page.close();
});
afterAll(async () => {
  expect(browser.outsideAttempts).toEqual([]);
  await browser.close();
});

/** Hưng Nguyên district (431 in the units of 2021), whose town holds the site. */
const HUNG_NGUYEN = `${server.origin}/scenarios/nghe-an-2021/staffing?area=431`;

/** No typing waits for its pause and no answer is on its way: what was typed has been asked, or never will be. */
function settled(page: Page): Promise<void> {
  return page
    .locator('section.staffing-view[data-asking="settled"] section.staffing-result[aria-busy="false"]')
    .waitFor();
}

/** A figure as the page writes it in Vietnamese (`82,9`, `1.085`), as a number. */
function figure(text: string | null): number {
  return Number((text ?? '').replace(/\./g, '').replace(',', '.'));
}

describe('a site’s own minutes a dossier', () => {
  it('a planner on a 360 px phone gives Hưng Nguyên its own 3,48 minutes a dossier and reads the waits of its 2 scanners', async () => {
    const page = await browser.newPage(360, 740);
    await page.goto(HUNG_NGUYEN);
    await expect.poll(() => page.getByLabel('Điểm cấp').inputValue()).toBe('431');
    const minutesBox = page.getByLabel('Số phút mỗi hồ sơ');
    // Blank, the scenario's: 278 dossiers a machine-day round the clock (the field report), 5.18 minutes.
    await expect.poll(() => minutesBox.getAttribute('placeholder')).toBe('5,18');
    // The site's own day: 500 a day from 07:30 to 22:00 on its 2 scanners, 3.48 minutes a dossier
    // (14.5 h × 2 scanners × 60 / 500).
    await page.getByLabel('Người đến trong ngày').fill('500');
    await page.getByLabel('Giờ mở (HH:mm)').fill('07:30');
    await page.getByLabel('Giờ đóng (HH:mm)').fill('22:00');
    await page.getByLabel('Số máy của điểm').fill('2');
    await minutesBox.fill('3,48');
    await expect.poll(() => page.getByTestId('minutes-per-dossier').textContent()).toBe('3,48');
    expect(await page.getByTestId('visitors').textContent()).toBe('500');
    const rows = page.locator('table.staffing-hours tbody tr');
    // 07:30–08:00, then fourteen whole hours to 22:00.
    await expect.poll(() => rows.count()).toBe(15);
    await settled(page);
    // Both scanners open every hour, as the site worked.
    const boxes = page.getByRole('spinbutton', { name: /^Số máy mở từ \d\d:\d\d theo lịch của bạn$/ });
    expect(await boxes.count()).toBe(15);
    for (let hour = 0; hour < 15; hour += 1) await boxes.nth(hour).fill('2');
    await settled(page);
    // The README's table for Hưng Nguyên open 07:30–22:00 on 2 scanners at 3.48 minutes: those
    // arriving 18:00–19:00 wait 83 min on average, 124 min at the 90th percentile; 94 people are
    // still waiting at closing. (On the scenario's 5.18 minutes the page said 223 min and 171.7.)
    const evening = rows.filter({ has: page.locator('th', { hasText: '18:00–19:00' }) });
    const own = evening.locator('td.own');
    await expect.poll(() => own.nth(1).textContent()).toMatch(/^\d+(,\d)?$/);
    expect(Math.round(figure(await own.nth(1).textContent()))).toBe(83);
    expect(Math.round(figure(await own.nth(2).textContent()))).toBe(124);
    expect(Math.round(figure(await page.getByTestId('own-waiting-at-close').textContent()))).toBe(94);
    expect(await page.locator('[data-problem]').count()).toBe(0);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'staffing-hung-nguyen-360-vi', { docs: false });
    await page.close();
  });
});

describe('what one site may ask of the service', () => {
  it('opens from the scenarios’ list on a choice of site, not on a refusal of the whole province', async () => {
    const page = await browser.newPage(1440, 900);
    await page.goto(`${server.origin}/scenarios/nghe-an-2021/staffing`);
    await page
      .getByText('Chọn một điểm cấp (một xã, hay một huyện tính như một điểm) để xem số máy theo giờ.')
      .waitFor();
    const site = page.getByLabel('Điểm cấp');
    expect(await site.inputValue()).toBe('');
    expect(await page.locator('[data-problem]').count()).toBe(0);
    expect(await page.locator('table.staffing-hours').count()).toBe(0);
    await site.selectOption('431');
    await expect.poll(() => page.locator('table.staffing-hours tbody tr').count()).toBeGreaterThan(0);
    // The province as one site: about 49,000 a day (176 machines of 278 dossiers), said with the limit.
    await site.selectOption('40');
    const refusal = page.locator('[data-problem="tooLarge"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(
      'Ngày của điểm này có hơn 8.000 người đến, nhiều hơn mức máy chủ tính được cho một điểm cấp: chọn địa bàn nhỏ hơn (một xã) hoặc nhập số người đến của điểm.',
    );
    await page.close();
  });

  it('is told under the visitors box the most people the service plans for one site, and the service is not asked', async () => {
    const page = await browser.newPage(360, 740);
    await page.goto(HUNG_NGUYEN);
    await expect.poll(() => page.locator('table.staffing-hours tbody tr').count()).toBeGreaterThan(0);
    await settled(page);
    const asks: string[] = [];
    page.on('request', (request) => {
      const body = request.postData() ?? '';
      if (request.url().endsWith('/graphql') && body.includes('"operationName":"Staffing"')) asks.push(body);
    });
    const visitors = page.getByLabel('Người đến trong ngày');
    // 20,000 on 100 machines was taken by the box (0 to 10,000,000) and refused by the service.
    await visitors.fill('20000');
    await page.getByLabel('Số máy của điểm').fill('100');
    await expect.poll(() => visitors.getAttribute('aria-invalid')).toBe('true');
    const problemId = await visitors.getAttribute('aria-describedby');
    expect(await page.locator(`#${problemId}`).textContent()).toBe(
      'Nhập số nguyên từ 0 đến 8.000: số người đến trong một ngày tối đa mà máy chủ tính cho một điểm cấp.',
    );
    await settled(page);
    expect(asks).toEqual([]);
    expect(await page.locator('[data-problem]').count()).toBe(0);
    // The most it plans is taken and asked.
    await visitors.fill('8000');
    await expect.poll(() => page.getByTestId('visitors').textContent(), { timeout: 30_000 }).toBe('8.000');
    expect(asks.length).toBeGreaterThan(0);
    await page.close();
  });
});

describe('a busy service', () => {
  it('is said to be busy when a site’s staffing runs out of the time one request has, and Thử lại asks again', async () => {
    const page = await browser.newPage(360, 740);
    // The first answer for the site is stopped by the time budget, as the API answers it; the
    // next goes through.
    let stopped = 0;
    await page.route('**/graphql', async (route) => {
      if (stopped > 0 || !route.request().postData()?.includes('"operationName":"Staffing"')) {
        return route.continue();
      }
      stopped += 1;
      const answer = (await (await route.fetch()).json()) as { data: { plan: Record<string, unknown> } };
      answer.data.plan.staffing = {
        __typename: 'LimitExceededError',
        limit: 'TIME',
        message:
          "CampaignPlan.staffing was stopped: the computations of one request may take 1500 ms and this request's are spent.",
      };
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify(answer) });
    });
    await page.goto(HUNG_NGUYEN);
    const busy = page.locator('[data-problem="busy"]');
    await busy.waitFor();
    expect(await busy.locator('p').first().textContent()).toBe(
      'Máy chủ đang bận: việc này mất nhiều thời gian hơn mức cho phép của một yêu cầu. Hãy thử lại sau giây lát.',
    );
    await busy.getByRole('button', { name: 'Thử lại' }).click();
    await expect.poll(() => page.locator('table.staffing-hours tbody tr').count()).toBeGreaterThan(0);
    expect(stopped).toBe(1);
    expect(await page.locator('[data-problem]').count()).toBe(0);
    await page.close();
  });
});
