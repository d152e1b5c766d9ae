import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, tokenFor, type GraphQLClient } from '@hub/common/testing';
import { standInPost, startStandIn, type StandIn, type StandInPage, type StandInPost } from '@hub/monitoring/standin';
import { crawlJobName, startMonitoringWorker } from '@hub/monitoring/worker';
import { createLogger } from '@hub/common';
import { addOfficialPage, distributedMaterial, registerOrganization } from './support/fixtures.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { CorrectPlacementDocument, PagePostsDocument, PlacementEvidenceDocument, ReportPlacementsDocument } from './generated/contract.js';

// Friday 4 December 2026, 18:00 in Khabarovsk: a crawl reads back to Monday 23 November.
let now = new Date('2026-12-04T08:00:00Z');
let hub: TestHub;
let standIn: StandIn;
let admin: GraphQLClient;
let operator: GraphQLClient;
let editor: GraphQLClient;
let forestryOperator: GraphQLClient;
let material: string;
const org: Record<string, string> = {};
const page: Record<string, string> = {};

const post = (id: string, publishedAt: string, text: string, extra: Partial<StandInPost> = {}) =>
  standInPost(id, publishedAt, text, { views: 100, likes: 5, reposts: 1, ...extra });

const forestryPosts = [
  post('101', '2026-12-03T01:00:00Z', 'В крае стартовала акция «Ёлочка, живи!». Подробности: https://khabkrai.ru/news/1', { views: 1200 }),
  post('100', '2026-11-30T02:00:00Z', 'Лесничества края подвели итоги пожароопасного сезона.'),
  post('90', '2026-11-10T02:00:00Z', 'Старая новость, до окна обхода.'),
];
const pages = (): StandInPage[] => [
  { platform: 'VK', handle: 'minles_kgku14', platformPageId: '210000014', title: 'Минлесхоз края', status: 'OK', posts: forestryPosts },
  {
    platform: 'TELEGRAM',
    handle: 'minzdrav27',
    platformPageId: 'minzdrav27',
    title: 'Минздрав края',
    status: 'OK',
    posts: [
      post('555', '2026-12-02T03:00:00Z', 'Вакцинация от гриппа: где привиться'),
      post('554', '2026-11-25T03:00:00Z', 'Диспансеризация'),
    ],
  },
  { platform: 'VK', handle: 'closed_club27', platformPageId: '210000099', title: 'Закрытая группа', status: 'PRIVATE', posts: [] },
];

const CRAWL = `mutation($pageId: ID!) { crawlPage(pageId: $pageId) { pageId status lastCrawledAt lastPostAt postsLast7Days error } }`;
const PAGES = `query($id: ID!) { organization(id: $id) { pages { id url crawl { status lastCrawledAt postsLast7Days error } } } }`;
const TEXTS = `query($id: ID!) { organization(id: $id) { pages { id posts(first: 10) { edges { node { url text } } } } } }`;

type Crawl = {
  pageId: string;
  status: string;
  lastCrawledAt: string | null;
  lastPostAt: string | null;
  postsLast7Days: number;
  error: string | null;
};
const crawl = async (client: GraphQLClient, pageId: string) => (await client.data<{ crawlPage: Crawl }>(CRAWL, { pageId })).crawlPage;
const postsOf = async (client: GraphQLClient, orgId: string, pageId: string) => {
  const data = await client.data(PagePostsDocument, { id: orgId, first: 10 });
  return data.organization!.pages.find((p) => p.id === pageId)!.posts!;
};

beforeAll(async () => {
  standIn = await startStandIn(pages());
  // OK without its credentials: its pages are NOT_CONFIGURED and the stand-in never hears from the hub.
  hub = await startTestHub({ clock: () => now, worker: true, env: { ...standIn.env(), OK_APP_KEY: '' } });
  const adminToken = await tokenFor('ADMIN');
  admin = hub.client(adminToken);
  editor = hub.client(await tokenFor('EDITOR'));
  const head = (key: string) => ({ fullName: 'Иванов Иван Иванович', position: 'Министр', email: `${key}@khv-region.test` });
  for (const [key, name] of [
    ['forestry', 'Министерство лесного хозяйства Хабаровского края'],
    ['health', 'Министерство здравоохранения Хабаровского края'],
  ] as const) {
    org[key] = await registerOrganization(hub.gatewayUrl, adminToken, { name, kind: 'EXECUTIVE_BODY', head: head(key) });
  }
  const add = async (key: string, orgKey: string, platform: string, url: string) => {
    page[key] = await addOfficialPage(hub.gatewayUrl, adminToken, { organizationId: org[orgKey]!, platform, url });
  };
  await add('forestryVk', 'forestry', 'VK', 'https://vk.com/minles_kgku14');
  await add('forestryOk', 'forestry', 'OK', 'https://ok.ru/group/70000000000001');
  await add('forestrySite', 'forestry', 'WEBSITE', 'https://mlh.khabkrai.ru');
  await add('closedVk', 'forestry', 'VK', 'https://vk.com/closed_club27');
  await add('healthTg', 'health', 'TELEGRAM', 'https://t.me/minzdrav27');
  await add('goneTg', 'health', 'TELEGRAM', 'https://t.me/no_such_channel27');
  operator = hub.client(await tokenFor('OPERATOR', org.health));
  forestryOperator = hub.client(await tokenFor('OPERATOR', org.forestry));
  material = await distributedMaterial(hub.gatewayUrl, await tokenFor('EDITOR'), {
    title: 'Акция «Ёлочка, живи!» стартовала в крае',
    body: 'В Хабаровском крае стартовала ежегодная акция по защите хвойных деревьев. Подробности на сайте правительства края.',
    topic: 'SOCIAL',
  });
}, 120_000);

afterAll(async () => {
  await hub?.stop();
  await standIn?.close();
});

describe('the hub reads the official pages itself', () => {
  it('crawls a VK community registered by its short name: the window of posts, newest first, with their counters', async () => {
    const result = await crawl(admin, page.forestryVk!);
    expect(result).toMatchObject({ pageId: page.forestryVk, status: 'OK', error: null, postsLast7Days: 2 });
    expect(new Date(result.lastPostAt!).toISOString()).toBe('2026-12-03T01:00:00.000Z');
    const posts = await postsOf(admin, org.forestry!, page.forestryVk!);
    // The post of 10 November lies before the window (the previous week's Monday): not stored.
    expect(posts.totalCount).toBe(2);
    expect(posts.edges.map((e) => [e.node.url, e.node.views, e.node.deletedAt])).toEqual([
      ['https://vk.com/wall-210000014_101', 1200, null],
      ['https://vk.com/wall-210000014_100', 100, null],
    ]);
    expect(posts.edges.every((e) => e.node.matches.length === 0)).toBe(true);
  });

  it('lets the officer crawl its own Telegram channel, and marks a post deleted when it is gone on the next crawl', async () => {
    expect(await crawl(operator, page.healthTg!)).toMatchObject({ status: 'OK', postsLast7Days: 1 });
    const tg = standIn.pages.find((p) => p.handle === 'minzdrav27')!;
    tg.posts = tg.posts.filter((p) => p.id !== '554');
    const before = standIn.requests.length;
    expect(await crawl(operator, page.healthTg!)).toMatchObject({ status: 'OK' });
    // The channel known from the first crawl is not resolved again: one read of its preview, not two.
    expect(standIn.requests.slice(before)).toEqual(['telegram /s/minzdrav27']);
    const posts = await postsOf(operator, org.health!, page.healthTg!);
    expect(posts.edges.map((e) => [e.node.url.replace(/^.*\/minzdrav27\//, ''), e.node.deletedAt !== null])).toEqual([
      ['555', false],
      ['554', true],
    ]);
  });

  it('says why a page cannot be read: private, not found, a platform without credentials, a platform the hub does not read', async () => {
    expect(await crawl(admin, page.closedVk!)).toMatchObject({ status: 'PRIVATE' });
    expect(await crawl(admin, page.goneTg!)).toMatchObject({ status: 'NOT_FOUND' });
    // Before any crawl the page already says the hub cannot read it.
    const before = await admin.data<{ organization: { pages: { id: string; crawl: { status: string; error: string } | null }[] } }>(PAGES, {
      id: org.forestry,
    });
    expect(before.organization.pages.find((p) => p.id === page.forestryOk)!.crawl).toMatchObject({ status: 'NOT_CONFIGURED' });
    expect(await crawl(admin, page.forestryOk!)).toMatchObject({ status: 'NOT_CONFIGURED', lastPostAt: null });
    expect(await crawl(admin, page.forestrySite!)).toMatchObject({ status: 'NOT_CONFIGURED' });
    expect(standIn.requests.filter((r) => r.startsWith('ok '))).toEqual([]);
    const after = await admin.data<{ organization: { pages: { id: string; crawl: { status: string; error: string | null } | null }[] } }>(
      PAGES,
      { id: org.forestry },
    );
    const statusOf = (id: string) => after.organization.pages.find((p) => p.id === id)!.crawl!.status;
    expect([statusOf(page.forestryVk!), statusOf(page.closedVk!), statusOf(page.forestryOk!), statusOf(page.forestrySite!)]).toEqual([
      'OK',
      'PRIVATE',
      'NOT_CONFIGURED',
      'NOT_CONFIGURED',
    ]);
  });

  it("shows a post's text to the region's overseers and the page's own scope only", async () => {
    const textsFor = async (client: GraphQLClient, orgId: string) =>
      (
        await client.data<{ organization: { pages: { posts: { edges: { node: { text: string | null } }[] } | null }[] } }>(TEXTS, {
          id: orgId,
        })
      ).organization.pages.flatMap((p) => p.posts?.edges.map((e) => e.node.text) ?? []);
    expect((await textsFor(admin, org.health!)).every((t) => typeof t === 'string' && t.length > 0)).toBe(true);
    expect((await textsFor(operator, org.health!)).every((t) => typeof t === 'string')).toBe(true);
    const editorTexts = await textsFor(editor, org.health!);
    expect(editorTexts.length).toBeGreaterThan(0);
    expect(editorTexts.every((t) => t === null)).toBe(true);
  });

  it('refuses a crawl to whoever may not ask, and bad page ids, changing nothing', async () => {
    const crawlsBefore = await admin.data<{ organization: { pages: { crawl: { lastCrawledAt: string | null } | null }[] } }>(PAGES, {
      id: org.forestry,
    });
    expect(errorCodes(await editor.request(CRAWL, { pageId: page.forestryVk }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await operator.request(CRAWL, { pageId: page.forestryVk }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.client(await tokenFor('HEAD', org.forestry)).request(CRAWL, { pageId: page.forestryVk }))).toEqual([
      'FORBIDDEN',
    ]);
    const bad = await admin.request(CRAWL, { pageId: 'not-an-id' });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.extensions!.field).toBe('pageId');
    expect(errorCodes(await admin.request(CRAWL, { pageId: '00000000-0000-4000-8000-000000000000' }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await hub.client(null).request(CRAWL, { pageId: page.forestryVk }))).toEqual(['UNAUTHENTICATED']);
    const crawlsAfter = await admin.data<{ organization: { pages: { crawl: { lastCrawledAt: string | null } | null }[] } }>(PAGES, {
      id: org.forestry,
    });
    expect(crawlsAfter).toEqual(crawlsBefore);
  });
});

describe("a page's identity on its platform", () => {
  const report = (url: string) =>
    forestryOperator.request(ReportPlacementsDocument, {
      input: [{ materialId: material, pageId: page.forestryVk!, url, publishedAt: '2026-12-04T08:30:00Z' }],
    });
  const PLATFORM_ID = 'query($id: ID!) { organization(id: $id) { pages { id platformId } } }';

  it("is told to organizations by the crawl (as SYSTEM), and a post on another community's wall is refused on report", async () => {
    // The page was registered by its short name; the crawl resolved it to community 210000014.
    const { organization } = await admin.data<{ organization: { pages: { id: string; platformId: string | null }[] } }>(PLATFORM_ID, {
      id: org.forestry,
    });
    expect(organization.pages.find((p) => p.id === page.forestryVk)!.platformId).toBe('210000014');
    now = new Date(now.getTime() + 3_600_000); // an hour after the distribution: the officer reports
    const foreign = await report('https://vk.com/wall-1_1');
    expect(errorCodes(foreign)).toEqual(['BAD_USER_INPUT']);
    expect(foreign.errors![0]!.extensions).toMatchObject({ field: 'url', index: 0 });
    expect(foreign.errors![0]!.message).toContain('210000014');
    const own = await report('https://vk.com/wall-210000014_101');
    expect(own.errors).toBeUndefined();
    expect(own.data!.reportPlacements.accepted).toBe(1);
    // Recorded in the audit log under the service's identity, like any caller's change.
    const audit = await admin.data<{ auditLog: { edges: { node: { actor: string; role: string; succeeded: boolean } }[] } }>(
      '{ auditLog(first: 10, operation: "recordPageIdentity") { edges { node { actor role succeeded } } } }',
    );
    expect(audit.auditLog.edges.map((e) => e.node)).toContainEqual({ actor: 'monitoring', role: 'SYSTEM', succeeded: true });
  });

  it('is only ever recorded by the service identity, and checked', async () => {
    const RECORD =
      'mutation($pageId: ID!, $platformId: String!) { recordPageIdentity(pageId: $pageId, platformId: $platformId) { platformId } }';
    expect(errorCodes(await admin.request(RECORD, { pageId: page.forestryVk, platformId: '1' }))).toEqual(['FORBIDDEN']);
    const system = hub.client(await tokenFor('SYSTEM'));
    const bad = await system.request(RECORD, { pageId: page.forestryVk, platformId: 'club 1' });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.extensions!.field).toBe('platformId');
    expect(errorCodes(await system.request(RECORD, { pageId: '00000000-0000-4000-8000-000000000000', platformId: '1' }))).toEqual([
      'NOT_FOUND',
    ]);
    const { organization } = await admin.data<{ organization: { pages: { id: string; platformId: string | null }[] } }>(PLATFORM_ID, {
      id: org.forestry,
    });
    expect(organization.pages.find((p) => p.id === page.forestryVk)!.platformId).toBe('210000014');
  });
});

describe('matching posts to the materials the organization received', () => {
  it('links a post that reposts a material (shortened, with its own intro) to it, AUTO, and leaves same-topic news alone', async () => {
    const vk = standIn.pages.find((p) => p.handle === 'minles_kgku14')!;
    const at = new Date(now.getTime() - 10 * 60_000); // after the material was distributed
    vk.posts = [
      post(
        '102',
        at.toISOString(),
        'Делимся важной новостью! 🌲\nВ Хабаровском крае стартовала ежегодная акция по защите хвойных деревьев. #Хабаровскийкрай',
      ),
      post(
        '103',
        at.toISOString(),
        'В лесничествах края продолжается заготовка хвойных деревьев для праздничного оформления городских площадей.',
      ),
      ...vk.posts,
    ];
    await crawl(admin, page.forestryVk!);
    const posts = await postsOf(forestryOperator, org.forestry!, page.forestryVk!);
    const matchesOf = (id: string) => posts.edges.find((e) => e.node.url.endsWith(`_${id}`))!.node.matches;
    const [match] = matchesOf('102');
    expect(match).toMatchObject({ material: { id: material }, evidence: 'TEXT', decision: 'AUTO' });
    expect(match!.score).toBeGreaterThanOrEqual(0.6);
    expect(matchesOf('103')).toEqual([]);
    // Posts published before the material was distributed cannot place it.
    expect(matchesOf('101')).toEqual([]);
  });

  it("says of each reported placement whether its post is on its page and places its material, with the post's reach", async () => {
    const evidence = async () => {
      const data = await forestryOperator.data(PlacementEvidenceDocument, { id: org.forestry!, week: '2026-W49' });
      return new Map(data.organization!.placements.map((p) => [p.url, p]));
    };
    const before = await evidence();
    // The post of 101 is on the page but was published before the material existed: it places something else.
    const wrong = before.get('https://vk.com/wall-210000014_101')!;
    expect(wrong).toMatchObject({ source: 'REPORTED', verification: 'MISMATCH', reach: { views: 1200 } });
    // The officer puts the address right: 102, crawled and matched to the material already.
    const corrected = await forestryOperator.request(CorrectPlacementDocument, {
      id: wrong.id,
      url: 'https://vk.com/wall-210000014_102',
      publishedAt: '2026-12-04T08:50:00Z',
    });
    expect(corrected.errors).toBeUndefined();
    expect((await evidence()).get('https://vk.com/wall-210000014_102')).toMatchObject({ verification: 'VERIFIED', reach: { views: 100 } });
    // Deleted from the page: the next crawl finds it gone.
    const vk = standIn.pages.find((p) => p.handle === 'minles_kgku14')!;
    vk.posts = vk.posts.filter((p) => p.id !== '102');
    await crawl(admin, page.forestryVk!);
    expect((await evidence()).get('https://vk.com/wall-210000014_102')).toMatchObject({ verification: 'NOT_FOUND' });
  });
});

describe('the scheduled crawl', () => {
  it('crawls every page of a read platform that is due, once per interval, and leaves the others to later', async () => {
    const worker = hub.monitoringWorker!;
    // The pages crawled above were crawled "now": none is due until the interval has passed.
    const first = await worker.crawlDue();
    expect(first.crawled).toBe(0);
    now = new Date(now.getTime() + 6 * 3_600_000 + 60_000);
    const requestsBefore = standIn.requests.length;
    const second = await worker.crawlDue();
    // Every VK and Telegram page (OK has no credentials here, a website is not read).
    expect(second.crawled).toBe(4);
    expect(standIn.requests.slice(requestsBefore).some((r) => r.startsWith('ok '))).toBe(false);
    expect((await worker.crawlDue()).crawled).toBe(0);
    const after = await admin.data<{ organization: { pages: { id: string; crawl: { status: string; lastCrawledAt: string } | null }[] } }>(
      PAGES,
      { id: org.forestry },
    );
    const vk = after.organization.pages.find((p) => p.id === page.forestryVk)!;
    expect(vk.crawl).toMatchObject({ status: 'OK' });
    expect(new Date(vk.crawl!.lastCrawledAt).getTime()).toBe(now.getTime());
  });

  it('marks a page UNREACHABLE on the third failing crawl in a row, in the views of its officer and the admin, and OK once it answers', async () => {
    const worker = hub.monitoringWorker!;
    const status = async (client: GraphQLClient) => {
      const data = await client.data<{
        organization: { pages: { id: string; crawl: { status: string; error: string | null; lastCrawledAt: string | null } | null }[] };
      }>(PAGES, { id: org.health });
      return data.organization.pages.find((p) => p.id === page.healthTg)!.crawl!;
    };
    standIn.outage.add('telegram');
    const seen: string[] = [];
    for (let run = 0; run < 3; run++) {
      now = new Date(now.getTime() + 6 * 3_600_000 + 60_000);
      await worker.crawlDue();
      seen.push((await status(operator)).status);
    }
    // Passing trouble keeps the page's last status twice, with the error; the third failure in a row is UNREACHABLE.
    expect(seen).toEqual(['OK', 'OK', 'UNREACHABLE']);
    expect(await status(admin)).toMatchObject({ status: 'UNREACHABLE', error: 'TELEGRAM: HTTP 503' });
    standIn.outage.delete('telegram');
    now = new Date(now.getTime() + 6 * 3_600_000 + 60_000);
    await worker.crawlDue();
    const back = await status(operator);
    expect(back).toMatchObject({ status: 'OK', error: null });
    expect(new Date(back.lastCrawledAt!).getTime()).toBe(now.getTime());
  });

  it('splits the pages among shards: workers of different shards crawl at once, each page by exactly one', async () => {
    now = new Date(now.getTime() + 6 * 3_600_000 + 60_000);
    const shards = await Promise.all(
      [1, 2].map((index) =>
        startMonitoringWorker({
          databaseUrl: hub.databaseUrl,
          timezone: 'Asia/Vladivostok',
          logger: createLogger('shard-test', 'silent'),
          clock: () => now,
          platforms: standIn.settings(),
          intervalMs: 6 * 3_600_000,
          runOnSchedule: false,
          workerName: `shard-${index}`,
          shard: { index, count: 2 },
        }),
      ),
    );
    try {
      const runs = await Promise.all(shards.map((worker) => worker.crawlDue()));
      // Every page of a read platform (OK has no credentials in the hub, but the stand-in's settings give it some).
      expect(runs.reduce((sum, run) => sum + run.crawled, 0)).toBe(5);
      expect(runs.every((run) => run.crawled > 0)).toBe(true);
      expect((await hub.monitoringWorker!.crawlDue()).crawled).toBe(0);
    } finally {
      await Promise.all(shards.map((worker) => worker.stop()));
    }
    expect(crawlJobName({ index: 2, count: 3 })).toBe('monitoring.crawl.2-of-3');
    expect(crawlJobName({ index: 1, count: 1 })).toBe('monitoring.crawl');
  });

  it("is listed with the hub's other scheduled jobs, after compliance's", async () => {
    const { scheduledJobs } = await admin.data<{ scheduledJobs: { name: string; schedule: string }[] }>(
      '{ scheduledJobs { name schedule } }',
    );
    // The shards' workers of the test above have their own jobs.
    expect(scheduledJobs.slice(-3)).toEqual(
      ['monitoring.crawl', 'monitoring.crawl.1-of-2', 'monitoring.crawl.2-of-2'].map((name) => ({ name, schedule: '*/15 * * * *' })),
    );
    expect(scheduledJobs.length).toBeGreaterThan(1);
  });
});
