import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import ExcelJS from 'exceljs';
import { createLogger, freePort, queryRows, sql, type HttpService } from '@hub/common';
import { gqlData, tokenFor } from '@hub/common/testing';
import { createGateway } from '@hub/gateway';
import { DashboardHeatmapDocument, type DashboardHeatmapQuery } from '../gateway/dashboard/src/generated/graphql.js';
import { launchBrowser, openPage, type BrowserPage } from './support/browser.js';
import { accessibilityViolations, cardValue, count, heatmapRow, openSignedIn, percent, signInWithToken } from './support/dashboard.js';
import { startTestHub, type TestHub } from './support/hub.js';

// Thursday 26 November 2026, 13:00 in Khabarovsk: 2026-W47 is the last complete week, and the
// worker's start-up catch-up evaluates it and the demo's earlier weeks.
const clock = () => new Date('2026-11-26T03:00:00Z');
const LAST_WEEK = '2026-W47';
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const EXPIRED_MESSAGE = 'Срок действия токена истёк или токен недействителен. Войдите снова.';

let hub: TestHub;
let browser: Browser;
let analyst: string;
const pages: BrowserPage[] = [];

const api = <T = unknown>(query: string, variables: Record<string, unknown> = {}) => gqlData<T>(hub.gatewayUrl, query, variables, analyst);
const firstWith = async (status: 'MET' | 'MISSED') =>
  (
    await api<{ complianceReport: { edges: { node: { organization: { id: string; name: string } } }[] } }>(
      'query($p: String!, $s: ComplianceStatus) { complianceReport(period: $p, rule: WEEKLY_PLACEMENTS, status: $s, first: 1) { edges { node { organization { id name } } } } }',
      { p: LAST_WEEK, s: status },
    )
  ).complianceReport.edges[0]!.node.organization;
const base = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '');

async function signedIn(baseUrl: string, token: string): Promise<BrowserPage> {
  const opened = await openSignedIn(browser, `${baseUrl}/dashboard`, token);
  pages.push(opened);
  return opened;
}

beforeAll(async () => {
  // The demo's pages served by the platforms' stand-in, as `npm start` does: a crawl verifies the
  // week's placements, discovers posts nobody reported and reads the pages' health.
  hub = await startTestHub({ seed: 'demo', worker: true, clock, platformStandIn: true });
  analyst = await tokenFor('ANALYST');
  await vi.waitFor(
    async () => {
      const { complianceRuns } = await api<{ complianceRuns: { status: string }[] }>(
        'query($p: String) { complianceRuns(rule: WEEKLY_PLACEMENTS, period: $p, first: 1) { status } }',
        { p: LAST_WEEK },
      );
      expect(complianceRuns[0]?.status).toBe('SUCCEEDED');
    },
    { timeout: 60_000, interval: 500 },
  );
  // After the evaluation: what the crawl discovers makes the week stale, but nothing runs it again here.
  await hub.monitoringWorker!.crawlDue();
  browser = await launchBrowser();
  await mkdir(ARTIFACTS, { recursive: true });
}, 240_000);
afterAll(async () => {
  for (const { context } of pages) await context.close().catch(() => undefined);
  await browser?.close();
  await hub?.stop();
});

describe('the dashboard', () => {
  let dashboard: BrowserPage;

  it('is served by the gateway: a page that is never cached stale, a script and styles cached by version', async () => {
    const page = await fetch(`${base(hub.gatewayUrl)}/dashboard/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    const script = /src="(\/dashboard\/app\.js\?v=\w+)"/.exec(html)?.[1];
    const styles = /href="(\/dashboard\/app\.css\?v=\w+)"/.exec(html)?.[1];
    expect(script && styles).toBeTruthy();
    for (const [path, type] of [
      [script!, /^text\/javascript/],
      [styles!, /^text\/css/],
    ] as const) {
      const asset = await fetch(`${base(hub.gatewayUrl)}${path}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(type);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    expect((await fetch(`${base(hub.gatewayUrl)}/dashboard/app.js`)).headers.get('cache-control')).toBe('no-cache');
  });

  it("signs in an analyst and shows last week's summary and the heatmap with the evaluated statuses", async () => {
    dashboard = await signedIn(base(hub.gatewayUrl), analyst);
    const { page } = dashboard;
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Хабаровский край — региональный контент');

    type Counts = { evaluated: number; met: number; missed: number; exempt: number; rate: number | null };
    const { complianceSummary: summary } = await api<{
      complianceSummary: Counts & { bySeverity: { severity: string; rate: number | null }[] };
    }>('query($p: String!) { complianceSummary(period: $p) { evaluated met missed exempt rate bySeverity { severity rate } } }', {
      p: LAST_WEEK,
    });
    expect(summary.evaluated).toBeGreaterThan(0);
    expect(await page.locator('select[name="week"]').inputValue()).toBe(LAST_WEEK);
    expect(await page.locator('select[name="week"] option:checked').textContent()).toBe(`16–22 нояб. (${LAST_WEEK})`);
    expect(await cardValue(page, 'evaluated')).toBe(count(summary.evaluated));
    expect(await cardValue(page, 'met')).toBe(count(summary.met));
    expect(await cardValue(page, 'missed')).toBe(count(summary.missed));
    expect(await cardValue(page, 'exempt')).toBe(count(summary.exempt));
    // Mandatory and recommended results are two rates, never one.
    expect(summary.rate).toBeNull();
    const rate = (severity: string) => summary.bySeverity.find((s) => s.severity === severity)!.rate;
    expect(await cardValue(page, 'rate-mandatory')).toBe(percent(rate('MANDATORY')!));
    expect(await cardValue(page, 'rate-recommended')).toBe(percent(rate('RECOMMENDED')!));
    expect(rate('MANDATORY')).not.toBe(rate('RECOMMENDED'));

    const lastWeekCell = async (orgId: string) => (await heatmapRow(page, orgId)).locator(`td[data-period="${LAST_WEEK}"]`);
    const missed = await firstWith('MISSED');
    const met = await firstWith('MET');
    expect(await (await lastWeekCell(missed.id)).getAttribute('data-status')).toBe('MISSED');
    expect(await (await lastWeekCell(met.id)).getAttribute('data-status')).toBe('MET');
    expect(await page.locator('#heatmap thead th[title]').evaluateAll((ths) => ths.map((th) => th.getAttribute('title')))).toContain(
      LAST_WEEK,
    );
    expect(dashboard.problems).toEqual([]);
  });

  it("keeps the heatmap's first hundred rows when «Показать ещё» brings the next hundred", async () => {
    const { page } = await signedIn(base(hub.gatewayUrl), analyst);
    const heatmap = async (after: string | null) =>
      (await api<DashboardHeatmapQuery>(String(DashboardHeatmapDocument), { after })).complianceHeatmap;
    const first = await heatmap(null);
    const second = await heatmap(first.pageInfo.endCursor);
    expect([first.rows.length, second.rows.length]).toEqual([100, 100]);
    const rows = page.locator('#heatmap tbody tr');
    const shown = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-organization-id')));
    await rows.nth(99).waitFor();
    expect(await shown()).toEqual(first.rows.map((row) => row.organization.id));

    await page.locator('#heatmap').getByRole('button', { name: 'Показать ещё' }).click();
    await expect.poll(() => rows.count()).toBe(200);
    expect(await shown()).toEqual([...first.rows, ...second.rows].map((row) => row.organization.id));
    await expect(page.locator('#heatmap p.muted').first().textContent()).resolves.toBe(
      `Показано ${count(200)} из ${count(first.totalCount)}`,
    );
  });

  it('shows another week when it is chosen', async () => {
    const { page } = dashboard;
    const { complianceSummary: before } = await api<{ complianceSummary: { evaluated: number; missed: number } }>(
      '{ complianceSummary(period: "2026-W46") { evaluated missed } }',
    );
    await page.locator('select[name="week"]').selectOption('2026-W46');
    await page.locator('#summary h2', { hasText: '9–15 нояб.' }).waitFor();
    await page.locator('#summary[aria-busy="false"]').waitFor();
    expect(await cardValue(page, 'evaluated')).toBe(count(before.evaluated));
    expect(await cardValue(page, 'missed')).toBe(count(before.missed));
    await page.locator('select[name="week"]').selectOption(LAST_WEEK);
    await page.locator('#summary h2', { hasText: '16–22 нояб.' }).waitFor();
    expect(dashboard.problems).toEqual([]);
  });

  it("shows the week's evidence from the pages, its reach by topic and the pages' health, as the API gives them", async () => {
    const { page } = dashboard;
    type Evidence = Record<'placements' | 'reported' | 'discovered' | 'verified' | 'disproved', number> & { verifiedShare: number | null };
    const { placementEvidence: evidence } = await api<{ placementEvidence: Evidence }>(
      'query($w: String!) { placementEvidence(week: $w) { placements reported discovered verified disproved verifiedShare } }',
      { w: LAST_WEEK },
    );
    expect(evidence.verified).toBeGreaterThan(0);
    await page.locator('#evidence[aria-busy="false"] [data-card="verified-share"]').waitFor();
    expect(await cardValue(page, 'verified-share')).toBe(percent(evidence.verifiedShare!));
    expect(await cardValue(page, 'discovered')).toBe(count(evidence.discovered));
    expect(await cardValue(page, 'reported')).toBe(count(evidence.reported));
    expect(await cardValue(page, 'disproved')).toBe(count(evidence.disproved));

    const { reach } = await api<{ reach: { topic: string; reach: { placements: number; views: number } }[] }>(
      'query($w: String!) { reach(period: $w, groupBy: TOPIC) { topic reach { placements views } } }',
      { w: LAST_WEEK },
    );
    expect(reach.length).toBeGreaterThan(0);
    expect(reach.some((r) => r.reach.views > 0)).toBe(true);
    const topicRows = page.locator('#evidence table[data-table="reach-by-topic"] tbody tr');
    await topicRows.first().waitFor();
    const shownTopics = await topicRows.evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-topic'), ...[...r.querySelectorAll('td')].map((td) => td.textContent)]),
    );
    expect(shownTopics.map((r) => r[0])).toEqual(reach.map((r) => r.topic));
    expect(shownTopics.map((r) => [r[1], r[3]])).toEqual(reach.map((r) => [count(r.reach.placements), count(r.reach.views)]));
    expect(await page.locator('#evidence tbody th').first().textContent()).toMatch(/^[А-ЯЁ]/);

    const { pageHealth } = await api<{
      pageHealth: { totalCount: number; edges: { node: { page: { id: string }; status: string | null } }[] };
    }>('{ pageHealth(first: 10) { totalCount edges { node { page { id } status } } } }');
    const { ok } = await api<{ ok: { totalCount: number } }>('{ ok: pageHealth(filter: { statuses: [OK] }, first: 0) { totalCount } }');
    expect(ok.totalCount).toBeGreaterThan(0);
    await page.locator('#page-health [data-card="pages-total"]').waitFor();
    expect(await cardValue(page, 'pages-total')).toBe(count(pageHealth.totalCount));
    expect(await cardValue(page, 'pages-ok')).toBe(count(ok.totalCount));
    expect(await page.locator('#page-health tr[data-status="OK"] th').textContent()).toBe('читается');
    expect(await page.locator('#page-health tr[data-status="OK"] td').textContent()).toBe(count(ok.totalCount));
    const troubled = page.locator('#page-health table[data-table="troubled-pages"] tbody tr');
    expect(await troubled.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-page-id')))).toEqual(
      pageHealth.edges.map((e) => e.node.page.id),
    );
    expect(dashboard.problems).toEqual([]);
  });

  it('fits the new panels on a phone: no section wider than the screen', async () => {
    const phone = await openSignedIn(browser, `${base(hub.gatewayUrl)}/dashboard`, analyst, { width: 375, height: 812 });
    pages.push(phone);
    await phone.page.locator('#evidence [data-card="verified-share"]').waitFor();
    await phone.page.locator('#page-health [data-card="pages-total"]').waitFor();
    // The phone of tests/dashboard-links.e2e.test.ts. What sticks out past the screen's right edge,
    // outside the tables' own scrolling boxes.
    const wider = await phone.page.locator('main').evaluate((main) => {
      const width = main.ownerDocument.documentElement.clientWidth;
      return [...main.querySelectorAll('*')]
        .filter((el) => !el.closest('.table-scroll, .heatmap-scroll') && el.getBoundingClientRect().right > width + 0.5)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}: ${el.textContent?.slice(0, 40)}`,
        );
    });
    expect(wider).toEqual([]);
    expect(await phone.page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth)).toBeLessThanOrEqual(0);
    expect(phone.problems).toEqual([]);
  });

  it('drills into an organization and shows its weekly history, newest first', async () => {
    const { page } = dashboard;
    const missed = await firstWith('MISSED');
    const { organization } = await api<{ organization: { name: string; compliance: { period: string; status: string }[] } }>(
      'query($id: ID!) { organization(id: $id) { name compliance(last: 12, rule: WEEKLY_PLACEMENTS) { period status } } }',
      { id: missed.id },
    );
    await (await heatmapRow(page, missed.id)).click();
    const panel = page.locator('.drilldown');
    await panel.locator('table.history tbody tr').first().waitFor();
    expect(await panel.getByRole('heading', { level: 2 }).textContent()).toBe(organization.name);
    const shown = await panel
      .locator('table.history tbody tr')
      .evaluateAll((rows) => rows.map((r) => ({ period: r.getAttribute('data-period'), status: r.getAttribute('data-status') })));
    // A row for each of the page's weeks: the weeks the demo's catch-up never checked have no data.
    expect(shown.filter((r) => r.status !== 'NONE')).toEqual(organization.compliance);
    expect(shown.slice(organization.compliance.length).every((r) => r.status === 'NONE')).toBe(true);
    expect(shown[0]).toEqual({ period: LAST_WEEK, status: 'MISSED' });
    await page.screenshot({ path: `${ARTIFACTS}dashboard-drilldown.png` });

    await panel.getByRole('button', { name: 'Закрыть подробности' }).click();
    await panel.waitFor({ state: 'detached' });
    expect(dashboard.problems).toEqual([]);
  });

  it("downloads the week's compliance workbook", async () => {
    const { page } = dashboard;
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="xlsx"]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.length).toBeGreaterThan(100);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    // The selected week's file, as the server names it, with a row per result of each weekly rule.
    expect(await page.locator('select[name="week"]').inputValue()).toBe(LAST_WEEK);
    expect(download.suggestedFilename()).toBe(`compliance-${LAST_WEEK}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const sheet = workbook.worksheets[0]!;
    const { complianceRules } = await api<{ complianceRules: { code: string; periodKind: string }[] }>(
      '{ complianceRules { code periodKind } }',
    );
    const weekly: string[] = complianceRules.filter((r) => r.periodKind === 'WEEK').map((r) => r.code);
    expect(weekly).toContain('WEEKLY_PLACEMENTS');
    let expected = 0;
    for (const rule of weekly) {
      const { complianceReport } = await api<{ complianceReport: { totalCount: number } }>(
        'query($p: String!, $r: RuleCode!) { complianceReport(period: $p, rule: $r, first: 0) { totalCount } }',
        { p: LAST_WEEK, r: rule },
      );
      expected += complianceReport.totalCount;
    }
    expect(expected).toBeGreaterThan(0);
    expect(sheet.actualRowCount - 1).toBe(expected);
    const periods = sheet
      .getSheetValues()
      .slice(2)
      .map((row) => (row as unknown[])[6]);
    expect(new Set(periods)).toEqual(new Set([LAST_WEEK]));
    expect(dashboard.problems).toEqual([]);
  });

  it('saves a screenshot of the whole page', async () => {
    const { page } = dashboard;
    await page.locator('#trend canvas').first().waitFor();
    await page.locator('#uptake table, #uptake .muted').first().waitFor();
    const png = await page.screenshot({ path: `${ARTIFACTS}dashboard.png`, fullPage: true });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(dashboard.problems).toEqual([]);
  });

  it("breaks no WCAG 2.1 A or AA rule that axe-core checks: the sign-in form, the front page, an organization's panel", async () => {
    const signIn = await openPage(browser).then((p) => (pages.push(p), p));
    await signIn.page.goto(`${base(hub.gatewayUrl)}/dashboard`);
    await signIn.page.getByLabel('Электронная почта').waitFor();
    expect(await accessibilityViolations(signIn.page)).toEqual([]);
    await signIn.page.getByText('Вход по токену').click();
    expect(await accessibilityViolations(signIn.page)).toEqual([]);

    const { page } = dashboard;
    await page.locator('#uptake table, #uptake .muted').first().waitFor();
    await page.locator('#evidence table[data-table="reach-by-topic"]').waitFor();
    await page.locator('#page-health table[data-table="troubled-pages"]').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    for (const status of ['MISSED', 'MET'] as const) {
      await (await heatmapRow(page, (await firstWith(status)).id)).click();
      await page.locator('.drilldown table.history tbody tr').first().waitFor();
      expect(await accessibilityViolations(page), status).toEqual([]);
      await page.locator('.drilldown').getByRole('button', { name: 'Закрыть подробности' }).click();
      await page.locator('.drilldown').waitFor({ state: 'detached' });
    }
    expect(dashboard.problems).toEqual([]);
  });

  it("signs in by a link sent by e-mail from a letter's page, lands on that page, shows who is signed in, and signs out for good", async () => {
    // A head's letter links to its organization: opened without a session, the page asks for an address.
    const { organizations } = await api<{ organizations: { edges: { node: { id: string; name: string } }[] } }>(
      '{ organizations(kind: MUNICIPALITY, first: 1) { edges { node { id name } } } }',
    );
    const { id, name } = organizations.edges[0]!.node;
    const { page, problems } = await openPage(browser).then((p) => (pages.push(p), p));
    await page.goto(`${base(hub.gatewayUrl)}/dashboard/#/organizations/${id}`);
    await page.getByLabel('Электронная почта').fill('analyst2@khv-region.test');
    await page.getByRole('button', { name: 'Получить ссылку' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('analyst2@khv-region.test');
    const [letter] = await queryRows<{ text: string }>(
      hub.subgraphs.compliance.orm.em.fork(),
      sql`select text from compliance.notification where kind = 'SIGN_IN' and "to" = 'analyst2@khv-region.test'`,
    );
    const token = /\/sign-in\/([A-Za-z0-9_-]{43})/u.exec(letter!.text)![1]!;

    await page.goto(`${base(hub.gatewayUrl)}/sign-in/${token}`);
    await page.getByRole('button', { name: 'Войти' }).click();
    const panel = page.locator('.drilldown');
    await panel.locator('table.history tbody tr').first().waitFor();
    expect(new URL(page.url()).hash).toBe(`#/organizations/${id}`);
    expect(await panel.getByRole('heading', { level: 2 }).textContent()).toBe(name);
    expect(await page.locator('.who').textContent()).toMatch(/^аналитик ЦУР · \S+ \S+ \S+ \(analyst2@khv-region\.test\)$/u);
    await page.screenshot({ path: `${ARTIFACTS}signed-in-by-link.png` });

    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.getByLabel('Электронная почта').waitFor();
    await page.reload();
    await page.getByLabel('Электронная почта').waitFor();
    expect(problems).toEqual([]);
  });

  it('refuses an expired token with a clear message', async () => {
    const { page } = await openPage(browser).then((p) => (pages.push(p), p));
    await page.goto(`${base(hub.gatewayUrl)}/dashboard`);
    await signInWithToken(page, await tokenFor('ANALYST', null, Math.floor(Date.now() / 1000) - 60));
    await expect(page.getByRole('alert').textContent()).resolves.toBe(EXPIRED_MESSAGE);
  });

  it('goes back to sign-in when the token expires while the page is open', async () => {
    const expiresAt = Math.floor(Date.now() / 1000) + 8;
    const { page } = await signedIn(base(hub.gatewayUrl), await tokenFor('ANALYST', null, expiresAt));
    await new Promise((resolve) => setTimeout(resolve, expiresAt * 1000 - Date.now() + 1000));
    await page.getByRole('button', { name: 'Обновить' }).click();
    await page.getByLabel('Электронная почта').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toBe(EXPIRED_MESSAGE);
  });

  it('says the gateway is unavailable when it stops, keeps what it showed, and recovers on retry', async () => {
    const port = await freePort();
    const gateway = () =>
      createGateway({
        jwtSecret: hub.jwtSecret,
        subgraphUrls: hub.subgraphUrls,
        subgraphTimeoutMs: 10_000,
        production: false,
        logger: createLogger('dashboard-test', 'silent'),
      });
    let running: HttpService | null = await gateway();
    try {
      const url = await running.listen(port, '127.0.0.1');
      const { page } = await signedIn(url, analyst);
      const evaluated = await cardValue(page, 'evaluated');
      await running.stop();
      running = null;

      await page.getByRole('button', { name: 'Обновить' }).click();
      const banner = page.locator('.banner');
      await banner.waitFor();
      expect(await banner.textContent()).toContain('Шлюз недоступен');
      expect(await cardValue(page, 'evaluated')).toBe(evaluated);

      running = await gateway();
      await running.listen(port, '127.0.0.1');
      await banner.getByRole('button', { name: 'Повторить' }).click();
      await banner.waitFor({ state: 'detached' });
      await page.locator('#summary[aria-busy="false"]').waitFor();
      await expect(page.locator('.banner').count()).resolves.toBe(0);
      expect(await cardValue(page, 'evaluated')).toBe(evaluated);
    } finally {
      await running?.stop();
    }
  });

  it('shows what the other services give when compliance is down, and says what is missing', async () => {
    const { page } = dashboard;
    const missed = await firstWith('MISSED');
    const { organization } = await api<{ organization: { name: string } }>('query($id: ID!) { organization(id: $id) { name } }', {
      id: missed.id,
    });
    const distributed = (
      await api<{ contentSupply: { distributed: number } }>('query($w: String!) { contentSupply(week: $w) { distributed } }', {
        w: LAST_WEEK,
      })
    ).contentSupply.distributed;
    await (await heatmapRow(page, missed.id)).click();
    const panel = page.locator('.drilldown');
    await panel.locator('table.history').waitFor();

    await hub.subgraphs.compliance.service.stop();
    await page.getByRole('button', { name: 'Обновить' }).click();
    const summaryNote = page.locator('#summary .note-warning');
    await summaryNote.waitFor();
    expect(await summaryNote.textContent()).toContain('сервис проверок (compliance) не ответил');
    expect(await cardValue(page, 'supply')).toBe(`${count(distributed)} из —`);
    await panel.locator('.note-warning').waitFor();
    expect(await panel.locator('.note-warning').textContent()).toContain('сервис проверок (compliance) не ответил');
    expect(await panel.getByRole('heading', { level: 2 }).textContent()).toBe(organization.name);
    expect(await panel.locator('table.history').count()).toBe(0);
    expect(await page.locator('.banner').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}dashboard-compliance-down.png` });
  });
});
