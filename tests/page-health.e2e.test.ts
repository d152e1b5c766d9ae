import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql } from '@hub/common';
import { errorCodes, tokenFor, type GraphQLClient } from '@hub/common/testing';
import { standInPost, startStandIn, type StandIn } from '@hub/monitoring/standin';
import { addOfficialPage, registerOrganization } from './support/fixtures.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { TestSmtpServer } from './support/smtp.js';
import { RunComplianceCheckDocument } from './generated/contract.js';

/**
 * Which official pages went quiet, and the heads hearing of it. Timeline (Asia/Vladivostok): the
 * bodies registered Sunday 15 November 2026; the forestry community is read on Saturday 21
 * November (its newest post of Friday 20 November is stored); everything else is read on Monday
 * 7 December, 10:05, when 2026-W49 (30 November – 6 December) is the last complete week.
 */
let now = new Date('2026-11-15T00:00:00Z');
let hub: TestHub;
let standIn: StandIn;
let smtp: TestSmtpServer;
let admin: GraphQLClient;
const org: Record<'forestry' | 'fishery', string> = { forestry: '', fishery: '' };
const page: Record<'silent' | 'quiet' | 'closed' | 'site' | 'busy' | 'later', string> = {
  silent: '',
  quiet: '',
  closed: '',
  site: '',
  busy: '',
  later: '',
};
const HEAD = { forestry: 'health-forestry-head@khv-region.test', fishery: 'health-fishery-head@khv-region.test' };

const post = (id: string, publishedAt: string, text: string) => standInPost(id, publishedAt, text);

const crawl = async (id: string) =>
  (await admin.data<{ crawlPage: { status: string } }>('mutation($id: ID!) { crawlPage(pageId: $id) { status } }', { id })).crawlPage
    .status;

const HEALTH = `query($filter: PageHealthFilter, $first: Int, $after: String) {
  pageHealth(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { page { id url platform organization { id } } status lastCrawledAt lastPostAt daysSinceLastPost postsLast7Days error } }
  } }`;
interface Health {
  page: { id: string; url: string; platform: string; organization: { id: string } };
  status: string | null;
  lastCrawledAt: string | null;
  lastPostAt: string | null;
  daysSinceLastPost: number | null;
  postsLast7Days: number;
  error: string | null;
}
type HealthPage = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: Health }[];
};
const health = async (client: GraphQLClient, variables: Record<string, unknown> = {}) =>
  (await client.data<{ pageHealth: HealthPage }>(HEALTH, variables)).pageHealth;
/** The page keys ("silent", "busy") in the order listed. */
const keysOf = (connection: HealthPage) => {
  const byId = new Map(Object.entries(page).map(([key, id]) => [id, key]));
  return connection.edges.map((e) => byId.get(e.node.page.id));
};

beforeAll(async () => {
  smtp = await TestSmtpServer.start();
  standIn = await startStandIn([
    {
      platform: 'VK',
      handle: 'silent_forest27',
      platformPageId: '210000031',
      title: 'Лесничество',
      status: 'OK',
      posts: [post('1', '2026-11-20T03:00:00Z', 'Итоги пожароопасного сезона в лесничествах края.')],
    },
    { platform: 'TELEGRAM', handle: 'quiet_forest27', platformPageId: 'quiet_forest27', title: 'Тихий канал', status: 'OK', posts: [] },
    { platform: 'VK', handle: 'closed_forest27', platformPageId: '210000032', title: 'Закрытая группа', status: 'PRIVATE', posts: [] },
    {
      platform: 'TELEGRAM',
      handle: 'busy_fish27',
      platformPageId: 'busy_fish27',
      title: 'Минрыбхоз',
      status: 'OK',
      posts: [
        post('11', '2026-12-05T02:00:00Z', 'Лососёвая путина: итоги года.'),
        post('12', '2026-12-06T02:00:00Z', 'Рыбоводные заводы края выпустили молодь.'),
      ],
    },
  ]);
  hub = await startTestHub({ clock: () => now, worker: true, smtpUrl: smtp.url, env: standIn.env() });
  const adminToken = await tokenFor('ADMIN');
  admin = hub.client(adminToken);
  const register = (name: string, email: string) =>
    registerOrganization(hub.gatewayUrl, adminToken, {
      name,
      kind: 'EXECUTIVE_BODY',
      head: { fullName: 'Сидорова Мария Павловна', position: 'Министр', email },
    });
  org.forestry = await register('Министерство лесного хозяйства края (страницы)', HEAD.forestry);
  org.fishery = await register('Министерство рыбного хозяйства края (страницы)', HEAD.fishery);
  const add = (organizationId: string, platform: string, url: string) =>
    addOfficialPage(hub.gatewayUrl, adminToken, { organizationId, platform, url });
  page.silent = await add(org.forestry, 'VK', 'https://vk.com/silent_forest27');
  page.quiet = await add(org.forestry, 'TELEGRAM', 'https://t.me/quiet_forest27');
  page.closed = await add(org.forestry, 'VK', 'https://vk.com/closed_forest27');
  page.site = await add(org.forestry, 'WEBSITE', 'https://lesa.khabkrai.ru');
  page.busy = await add(org.fishery, 'TELEGRAM', 'https://t.me/busy_fish27');
  page.later = await add(org.fishery, 'VK', 'https://vk.com/later_fish27');

  now = new Date('2026-11-21T00:00:00Z'); // Saturday 21 November, 10:00
  expect(await crawl(page.silent)).toBe('OK');
  now = new Date('2026-12-07T00:05:00Z'); // Monday 7 December, 10:05
  expect(await crawl(page.silent)).toBe('OK');
  expect(await crawl(page.quiet)).toBe('OK');
  expect(await crawl(page.closed)).toBe('PRIVATE');
  expect(await crawl(page.busy)).toBe('OK');
  // page.site is on a platform the hub does not read; page.later waits for its first crawl.
}, 120_000);

afterAll(async () => {
  await hub?.stop();
  await standIn?.close();
  await smtp?.down();
});

describe('the health of the official pages', () => {
  it('lists the pages most troubled first: unreadable, then the longest silent, then those not read, then those not crawled yet', async () => {
    const all = await health(admin);
    expect(all.totalCount).toBe(6);
    expect(keysOf(all)).toEqual(['closed', 'quiet', 'silent', 'busy', 'site', 'later']);
    const node = (key: keyof typeof page) => all.edges.find((e) => e.node.page.id === page[key])!.node;
    expect(node('silent')).toMatchObject({
      page: { url: 'https://vk.com/silent_forest27', platform: 'VK', organization: { id: org.forestry } },
      status: 'OK',
      daysSinceLastPost: 16,
      postsLast7Days: 0,
      error: null,
    });
    expect(new Date(node('silent').lastPostAt!).toISOString()).toBe('2026-11-20T03:00:00.000Z');
    expect(new Date(node('silent').lastCrawledAt!).getTime()).toBe(now.getTime());
    expect(node('quiet')).toMatchObject({ status: 'OK', lastPostAt: null, daysSinceLastPost: null, postsLast7Days: 0 });
    expect(node('busy')).toMatchObject({ status: 'OK', daysSinceLastPost: 0, postsLast7Days: 2 });
    expect(node('closed')).toMatchObject({ status: 'PRIVATE', daysSinceLastPost: null });
    expect(node('closed').error).toBeTruthy();
    expect(node('site')).toMatchObject({ status: 'NOT_CONFIGURED', lastCrawledAt: null });
    expect(node('site').error).toContain('WEBSITE');
    expect(node('later')).toMatchObject({ status: null, lastCrawledAt: null, lastPostAt: null, error: null });
  });

  it('pages through the same order with stable cursors', async () => {
    const all = keysOf(await health(admin));
    const seen: (string | undefined)[] = [];
    let after: string | null = null;
    for (let i = 0; i < 4; i++) {
      const slice = await health(admin, { first: 2, after });
      expect(slice.totalCount).toBe(6);
      seen.push(...keysOf(slice));
      after = slice.pageInfo.endCursor;
      if (!slice.pageInfo.hasNextPage) break;
    }
    expect(seen).toEqual(all);
  });

  it('filters by organization, status and silence', async () => {
    expect(keysOf(await health(admin, { filter: { organizationId: org.fishery } }))).toEqual(['busy', 'later']);
    expect(keysOf(await health(admin, { filter: { statuses: ['PRIVATE', 'NOT_CONFIGURED'] } }))).toEqual(['closed', 'site']);
    // Silent for 14 days: a post that old, or read and never seen posting; not a page the hub cannot read.
    expect(keysOf(await health(admin, { filter: { silentForDays: 14 } }))).toEqual(['quiet', 'silent']);
    expect(keysOf(await health(admin, { filter: { silentForDays: 17 } }))).toEqual(['quiet']);
    expect(keysOf(await health(admin, { filter: { organizationId: org.forestry, statuses: ['OK'], silentForDays: 1 } }))).toEqual([
      'quiet',
      'silent',
    ]);
  });

  it('shows the officers and heads their own tree, refuses a filter outside it and the content center', async () => {
    const operator = hub.client(await tokenFor('OPERATOR', org.fishery));
    expect(keysOf(await health(operator))).toEqual(['busy', 'later']);
    expect(errorCodes(await operator.request(HEALTH, { filter: { organizationId: org.forestry } }))).toEqual(['FORBIDDEN']);
    const head = hub.client(await tokenFor('HEAD', org.forestry));
    expect(keysOf(await health(head, { filter: { organizationId: org.forestry } }))).toEqual(['closed', 'quiet', 'silent', 'site']);
    expect(errorCodes(await head.request(HEALTH, { filter: { organizationId: org.fishery } }))).toEqual(['FORBIDDEN']);
    expect((await health(hub.client(await tokenFor('ANALYST')))).totalCount).toBe(6);
    expect(errorCodes(await hub.client(await tokenFor('EDITOR')).request(HEALTH, {}))).toEqual(['FORBIDDEN']);
  });

  it('names the argument it cannot take', async () => {
    const told = async (variables: Record<string, unknown>) =>
      (await admin.request(HEALTH, variables)).errors!.map((e) => [e.extensions!.code, e.extensions!.field]);
    expect(await told({ filter: { organizationId: 'not-an-id' } })).toEqual([['BAD_USER_INPUT', 'filter.organizationId']]);
    expect(await told({ filter: { organizationId: '00000000-0000-4000-8000-000000000000' } })).toEqual([
      ['NOT_FOUND', 'filter.organizationId'],
    ]);
    expect(await told({ filter: { silentForDays: 0 } })).toEqual([['BAD_USER_INPUT', 'filter.silentForDays']]);
    expect(await told({ after: 'not a cursor' })).toEqual([['BAD_USER_INPUT', 'after']]);
  });

  it('is read by other subgraphs through the monitoring.page_health contract', async () => {
    const rows = await queryRows<{ page_id: string; status: string | null; last_post_at: string | null; last_crawled_at: string | null }>(
      hub.subgraphs.compliance.orm.em.fork(),
      sql`select page_id, status, last_post_at, last_crawled_at from monitoring.page_health(${[org.forestry]}::uuid[]) order by page_id`,
    );
    const byPage = new Map(rows.map((r) => [r.page_id, r]));
    expect(rows).toHaveLength(4);
    expect(byPage.get(page.silent)).toMatchObject({ status: 'OK' });
    expect(
      new Date(
        byPage
          .get(page.silent)!
          .last_post_at!.replace(' ', 'T')
          .replace(/([+-]\d{2})$/, '$1:00'),
      ).toISOString(),
    ).toBe('2026-11-20T03:00:00.000Z');
    // The contract says what was read: a page not crawled yet has no status (pageHealth shows the site NOT_CONFIGURED).
    expect(byPage.get(page.site)).toMatchObject({ status: null, last_crawled_at: null });
  });
});

describe("the head's letter names the pages that went quiet", () => {
  it('lists the pages read OK with no post for 14 days or more, with the last post date, and only for the head who answers for them', async () => {
    const res = await admin.request(RunComplianceCheckDocument, { rule: 'WEEKLY_PLACEMENTS', period: '2026-W49' });
    expect(res.errors).toBeUndefined();
    await hub.worker!.dispatch();
    await expect.poll(() => smtp.to(HEAD.forestry).length, { timeout: 10_000 }).toBe(1);
    const [forestry] = smtp.to(HEAD.forestry);
    expect(forestry!.text).toContain('Страницы без публикаций 14 дней и более:');
    expect(forestry!.text).toContain('t.me/quiet_forest27 (публикаций не найдено)');
    expect(forestry!.text).toContain('vk.com/silent_forest27 (последняя публикация 20.11.2026)');
    expect(forestry!.text).not.toContain('closed_forest27');
    expect(forestry!.text).not.toContain('lesa.khabkrai.ru');
    expect(String(forestry!.html)).toContain('<a href="https://vk.com/silent_forest27"');
    // The fishery's pages posted this week (or were not read yet): nothing to name.
    await expect.poll(() => smtp.to(HEAD.fishery).length, { timeout: 10_000 }).toBe(1);
    expect(smtp.to(HEAD.fishery)[0]!.text).not.toContain('Страницы без публикаций');
  });
});
