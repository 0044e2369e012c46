// Helpers the stories share: sign in with a link as `pnpm start` prints it, and check a page fits.
import type { Page } from 'playwright-core';
import { inject } from 'vitest';

export const server = inject('server');

/** Opens the sign-in link of `role` and waits for the start page. */
export async function signInAs(page: Page, role: keyof typeof server.tokens): Promise<void> {
  await page.goto(`${server.origin}/sign-in#token=${server.tokens[role]}`);
  await page.waitForURL(`${server.origin}/`);
  await page.locator('.viewer').waitFor();
}

/** Width of the page's content beyond the window (0 when nothing scrolls sideways). */
export function overflowX(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
