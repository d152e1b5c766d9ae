import { expect } from 'vitest';
import type * as AxeCore from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { queryRows, sql } from '@hub/common';
import { openPage, type BrowserPage } from './browser.js';
import type { TestHub } from './hub.js';

/** How the dashboard writes figures and rates, in the reader's locale. */
export const count = (n: number) => new Intl.NumberFormat('ru-RU').format(n);
export const percent = (r: number) =>
  new Intl.NumberFormat('ru-RU', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(r);

export const cardValue = (page: Page, name: string) => page.locator(`[data-card="${name}"] .card-value`).textContent();

/** Opens a dashboard address in a fresh tab (signed out, as a letter's reader is) and signs in with the token there. */
export async function openSignedIn(
  browser: Browser,
  url: string,
  token: string,
  viewport?: { width: number; height: number },
): Promise<BrowserPage> {
  const opened = await openPage(browser);
  if (viewport) await opened.page.setViewportSize(viewport);
  await opened.page.goto(url);
  await signInWithToken(opened.page, token);
  await opened.page.locator('[data-card="evaluated"]').waitFor();
  return opened;
}

/** The sign-in page's token form (folded under the e-mail one, for developers and API users), filled and sent. */
export async function signInWithToken(page: Page, token: string): Promise<void> {
  await page.getByText('Вход по токену').click();
  await page.getByLabel('Токен доступа').fill(token);
  await page.getByRole('button', { name: 'Войти' }).click();
}

/** The heatmap shows a page at a time, most misses first: «Показать ещё» until the organization's row is there. */
export async function heatmapRow(page: Page, organizationId: string) {
  const row = page.locator(`#heatmap tr[data-organization-id="${organizationId}"]`);
  const more = page.locator('#heatmap').getByRole('button', { name: 'Показать ещё' });
  await page.locator('#heatmap tbody tr').first().waitFor();
  while ((await row.count()) === 0 && (await more.count()) > 0) {
    const shown = await page.locator('#heatmap tbody tr').count();
    await more.click();
    await expect.poll(() => page.locator('#heatmap tbody tr').count()).toBeGreaterThan(shown);
  }
  return row;
}

/**
 * What axe-core finds against WCAG 2.1 A and AA on the page as it is now: one line per rule
 * broken, with the elements that break it. Evaluated through the browser's debugging protocol,
 * so the dashboard's Content-Security-Policy (script-src 'self') stays as it is served.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const { default: axe } = await import('axe-core');
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    // Without a context axe checks the whole document.
    const { axe: inPage } = globalThis as unknown as { axe: typeof AxeCore };
    const result = await inPage.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return violations.map((v) => `${v.id}: ${v.help} — ${v.targets.join(', ')}`);
}

/**
 * A person's path in: the sign-in page's e-mail form, the letter the outbox holds for the address
 * (read where the hub keeps it), and the letter's button. Lands on the page the form was on.
 */
export async function signInByLetter(page: Page, hub: TestHub, email: string): Promise<void> {
  await page.getByLabel('Электронная почта').fill(email);
  await page.getByRole('button', { name: 'Получить ссылку' }).click();
  await page.getByRole('status').filter({ hasText: email }).waitFor();
  const [letter] = await queryRows<{ text: string }>(
    hub.subgraphs.compliance.orm.em.fork(),
    sql`select text from compliance.notification where kind = 'SIGN_IN' and "to" = ${email} order by created_at desc limit 1`,
  );
  const token = /\/sign-in\/([A-Za-z0-9_-]{43})/u.exec(letter!.text)![1]!;
  const origin = new URL(page.url()).origin;
  await page.goto(`${origin}/sign-in/${token}`);
  await page.getByRole('button', { name: 'Войти' }).click();
}
