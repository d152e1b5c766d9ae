import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { withClient } from '@hub/common';
import { gqlData, tokenFor } from '@hub/common/testing';
import { launchBrowser, type BrowserPage } from './support/browser.js';
import { cardValue, count, heatmapRow, openSignedIn, percent } from './support/dashboard.js';
import { registerOrganization } from './support/fixtures.js';
import { startTestHub, type TestHub } from './support/hub.js';

// The dashboard opened from a letter's link, the monthly media rule, and the weeks before an
// organization was registered. Thursday 26 November 2026 in Khabarovsk, as in dashboard.e2e:
// 2026-W47 is the last complete week and October 2026 the last complete month.
const clock = () => new Date('2026-11-26T03:00:00Z');
const LAST_WEEK = '2026-W47';
const LAST_MONTH = '2026-10';
const PHONE = { width: 390, height: 844 };

let hub: TestHub;
let browser: Browser;
let analyst: string;
const pages: BrowserPage[] = [];

const api = <T = unknown>(query: string, variables: Record<string, unknown> = {}, token = analyst) =>
  gqlData<T>(hub.gatewayUrl, query, variables, token);

/** The organizations a report lists, as `edges { node { organization { id name } } }` selects them. */
type ReportOrganizations = { complianceReport: { edges: { node: { organization: { id: string; name: string } } }[] } };
type Counts = { rule: string; evaluated: number; met: number; missed: number; exempt: number; rate: number | null };
type History = { organization: { name: string; compliance: { period: string; status: string }[] } };
const dashboardUrl = (hash: string) => `${hub.gatewayUrl.replace(/\/graphql$/, '')}/dashboard/${hash}`;

/** Opens a link as a letter's reader would: in a new tab, so signed out, and signs in there. */
async function openLinkAndSignIn(hash: string, viewport?: { width: number; height: number }): Promise<BrowserPage> {
  const opened = await openSignedIn(browser, dashboardUrl(hash), analyst, viewport);
  pages.push(opened);
  return opened;
}

const historyOf = (page: Page) =>
  page
    .locator('.drilldown table.history tbody tr')
    .evaluateAll((rows) => rows.map((r) => ({ period: r.getAttribute('data-period'), status: r.getAttribute('data-status') })));

beforeAll(async () => {
  hub = await startTestHub({ seed: 'demo', worker: true, clock });
  analyst = await tokenFor('ANALYST');
  await vi.waitFor(
    async () => {
      for (const [rule, period] of [
        ['WEEKLY_PLACEMENTS', LAST_WEEK],
        ['MONTHLY_MEDIA_MENTION', LAST_MONTH],
      ]) {
        const { complianceRuns } = await api<{ complianceRuns: { status: string }[] }>(
          'query($r: RuleCode, $p: String) { complianceRuns(rule: $r, period: $p, first: 1) { status } }',
          { r: rule, p: period },
        );
        expect(complianceRuns[0]?.status).toBe('SUCCEEDED');
      }
    },
    { timeout: 90_000, interval: 500 },
  );
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  for (const { context } of pages) await context.close().catch(() => undefined);
  await browser?.close();
  await hub?.stop();
});

describe("a letter's link to the dashboard", () => {
  it('opens the organization it names once the reader signs in, and keeps the address', async () => {
    const { complianceReport } = await api<ReportOrganizations>(
      '{ complianceReport(period: "2026-W47", rule: WEEKLY_PLACEMENTS, status: MISSED, first: 1) { edges { node { organization { id } } } } }',
    );
    const id: string = complianceReport.edges[0]!.node.organization.id;
    const { organization } = await api<History>(
      'query($id: ID!) { organization(id: $id) { name compliance(last: 12, rule: WEEKLY_PLACEMENTS) { period status } } }',
      { id },
    );

    const { page, problems } = await openLinkAndSignIn(`#/organizations/${id}`);
    const panel = page.getByRole('dialog', { name: organization.name });
    await panel.locator('table.history tbody tr').first().waitFor();
    expect(await panel.getAttribute('data-organization-id')).toBe(id);
    // Every week the page shows: the evaluated ones as the API has them; the demo's weeks before the
    // worker's catch-up horizon were never checked, a gap in the data rather than a week before registration.
    const history = await historyOf(page);
    expect(history).toHaveLength(12);
    expect(history.filter((r) => r.status !== 'NONE')).toEqual(organization.compliance);
    expect(history.slice(organization.compliance.length).every((r) => r.status === 'NONE')).toBe(true);
    expect(new URL(page.url()).hash).toBe(`#/organizations/${id}`);

    // Closed, it goes back to the front page's address; the back button opens it again.
    await panel.getByRole('button', { name: 'Закрыть подробности' }).click();
    await panel.waitFor({ state: 'detached' });
    expect(new URL(page.url()).hash).toBe('#/');
    await page.goBack();
    await panel.locator('table.history tbody tr').first().waitFor();
    expect(problems).toEqual([]);
  });

  it('opens a row the user clicks at its own address', async () => {
    const { page, problems } = await openLinkAndSignIn('');
    const first = page.locator('#heatmap tbody tr').first();
    await first.waitFor();
    const id = await first.getAttribute('data-organization-id');
    await first.click();
    await page.locator(`.drilldown[data-organization-id="${id}"]`).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/organizations/${id}`);
    await page.goBack();
    await page.locator('.drilldown').waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
  });

  it("opens a week's report at that week, and the back button returns to it after another is chosen", async () => {
    const { complianceSummary: w46 } = await api<{ complianceSummary: Counts }>(
      '{ complianceSummary(period: "2026-W46") { evaluated met missed } }',
    );
    const { page, problems } = await openLinkAndSignIn('#/report/WEEKLY_PLACEMENTS/2026-W46');
    await page.locator('#summary h2', { hasText: '9–15 нояб.' }).waitFor();
    await page.locator('#summary[aria-busy="false"]').waitFor();
    expect(await page.locator('select[name="week"]').inputValue()).toBe('2026-W46');
    expect(await cardValue(page, 'evaluated')).toBe(count(w46.evaluated));
    expect(await cardValue(page, 'missed')).toBe(count(w46.missed));

    await page.locator('select[name="week"]').selectOption(LAST_WEEK);
    await page.locator('#summary h2', { hasText: '16–22 нояб.' }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/report/WEEKLY_PLACEMENTS/${LAST_WEEK}`);
    await page.goBack();
    await page.locator('#summary h2', { hasText: '9–15 нояб.' }).waitFor();
    expect(await page.locator('select[name="week"]').inputValue()).toBe('2026-W46');
    expect(problems).toEqual([]);
  });

  it("fits a phone's width, the organization's panel too", async () => {
    const { complianceReport } = await api<ReportOrganizations>(
      '{ complianceReport(period: "2026-W47", rule: WEEKLY_PLACEMENTS, first: 1) { edges { node { organization { id name } } } } }',
    );
    const { id, name } = complianceReport.edges[0]!.node.organization;
    const { page, problems } = await openLinkAndSignIn(`#/organizations/${id}`, PHONE);
    await page.getByRole('dialog', { name }).locator('table.history').waitFor();
    await page.locator('#media[aria-busy="false"]').waitFor();
    const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });
});

describe('the monthly media rule (decree 3.3)', () => {
  it('shows the last complete month as the API counts it, and the bodies that missed', async () => {
    // A month's label: the rule defaults to MONTHLY_MEDIA_MENTION.
    const { complianceSummary: month } = await api<{ complianceSummary: Counts }>(
      'query($p: String!) { complianceSummary(period: $p) { rule evaluated met missed exempt rate } }',
      { p: LAST_MONTH },
    );
    expect(month.rule).toBe('MONTHLY_MEDIA_MENTION');
    expect(month.evaluated).toBeGreaterThan(0);
    const { complianceReport } = await api<ReportOrganizations>(
      'query($p: String!) { complianceReport(period: $p, rule: MONTHLY_MEDIA_MENTION, status: MISSED, first: 100) { edges { node { organization { id name } } } } }',
      { p: LAST_MONTH },
    );
    const missed = complianceReport.edges.map((e) => e.node.organization.id).sort();
    expect(missed.length).toBe(month.missed);

    const { page, problems } = await openLinkAndSignIn('');
    const panel = page.locator('#media');
    await panel.locator('h2', { hasText: 'октябрь 2026' }).waitFor();
    await page.locator('#media[aria-busy="false"]').waitFor();
    expect(await cardValue(page, 'media-evaluated')).toBe(count(month.evaluated));
    expect(await cardValue(page, 'media-met')).toBe(count(month.met));
    expect(await cardValue(page, 'media-missed')).toBe(count(month.missed));
    expect(await cardValue(page, 'media-exempt')).toBe(count(month.exempt));
    expect(await cardValue(page, 'media-rate')).toBe(month.rate === null ? '—' : percent(month.rate));
    const shown = await panel
      .locator('table.media-missed tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-organization-id')));
    expect(shown.sort()).toEqual(missed);

    // A body that missed opens like any other organization.
    if (missed.length > 0) {
      await panel.locator('table.media-missed tbody tr').first().click();
      await page.locator('.drilldown table.history').waitFor();
      expect(new URL(page.url()).hash).toMatch(/^#\/organizations\//);
    }
    expect(problems).toEqual([]);
  });

  it('opens at the month a report link names', async () => {
    const { page, problems } = await openLinkAndSignIn('#/report/MONTHLY_MEDIA_MENTION/2026-09');
    const { complianceSummary: september } = await api<{ complianceSummary: Counts }>(
      '{ complianceSummary(period: "2026-09") { evaluated missed } }',
    );
    await page.locator('#media h2', { hasText: 'сентябрь 2026' }).waitFor();
    await page.locator('#media[aria-busy="false"]').waitFor();
    expect(await cardValue(page, 'media-evaluated')).toBe(count(september.evaluated));
    expect(await cardValue(page, 'media-missed')).toBe(count(september.missed));
    expect(problems).toEqual([]);
  });
});

describe('an organization registered within the twelve weeks', () => {
  it('is drawn as not evaluated before it was registered, not as missing, in the heatmap and its history', async () => {
    const id = await registerOrganization(hub.gatewayUrl, hub.adminToken, {
      name: 'Комитет по делам молодёжи края (новый)',
      kind: 'EXECUTIVE_BODY',
      head: { fullName: 'Сидорова Анна Петровна', position: 'Председатель', email: 'youth.head@khv-region.test' },
    });
    // Registered on Wednesday of 2026-W44: the weekly norm applies from W45, its first full week.
    await withClient(hub.databaseUrl, (db) =>
      db.query('update organizations.organization set registered_at = $1 where id = $2', ['2026-10-28T02:00:00Z', id]),
    );
    for (const period of ['2026-W45', '2026-W46', LAST_WEEK]) {
      const { runComplianceCheck } = await api<{ runComplianceCheck: { status: string } }>(
        'mutation($p: String!) { runComplianceCheck(rule: WEEKLY_PLACEMENTS, period: $p) { status } }',
        { p: period },
        hub.adminToken,
      );
      expect(runComplianceCheck.status).toBe('SUCCEEDED');
    }
    const { organization } = await api<History>(
      'query($id: ID!) { organization(id: $id) { compliance(last: 12, rule: WEEKLY_PLACEMENTS) { period status } } }',
      { id },
    );
    expect(organization.compliance.map((r) => r.period)).toEqual([LAST_WEEK, '2026-W46', '2026-W45']);

    const { page, problems } = await openLinkAndSignIn('');
    const row = await heatmapRow(page, id);
    const cells = await row
      .locator('td[data-period]')
      .evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-period'), td.getAttribute('data-status')]));
    expect(cells).toHaveLength(12);
    for (const [period, status] of cells) {
      expect(status, period!).toBe(period! >= '2026-W45' ? 'MISSED' : 'NOT_EVALUATED');
    }
    expect(await row.locator('td[data-period="2026-W44"]').getAttribute('title')).toContain('не оценивалась');
    expect(await page.locator('#heatmap .legend [data-status="NOT_EVALUATED"]').textContent()).toContain('не оценивалась');

    await row.click();
    await page.locator('.drilldown table.history tbody tr').first().waitFor();
    const history = await historyOf(page);
    expect(history).toHaveLength(12);
    expect(history.slice(0, 3)).toEqual([LAST_WEEK, '2026-W46', '2026-W45'].map((period) => ({ period, status: 'MISSED' })));
    expect(history.slice(3).every((r) => r.status === 'NOT_EVALUATED')).toBe(true);
    expect(problems).toEqual([]);
  });
});
