import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenFor, type GraphQLClient } from '@hub/common/testing';
import { startTestHub, type TestHub } from './support/hub.js';

// As `npm start` runs without platform credentials: the demo region, and a local stand-in serving
// its pages' posts in each platform's format, read by the monitoring worker.
const now = new Date('2026-12-04T08:00:00Z');
let hub: TestHub;
let admin: GraphQLClient;

type Page = {
  platform: string;
  url: string;
  crawl: { status: string; postsLast7Days: number } | null;
  posts: {
    totalCount: number;
    edges: { node: { url: string; views: number | null; matches: { material: { id: string }; decision: string | null }[] } }[];
  } | null;
};
type Org = {
  id: string;
  pages: Page[];
  placements: { url: string; source: string; material: { id: string }; page: { url: string }; verification: string }[];
};
const ORGANIZATIONS = `query($after: String) { organizations(first: 4, after: $after) { pageInfo { hasNextPage endCursor }
  edges { node { id pages { platform url crawl { status postsLast7Days } posts(first: 40) { totalCount edges { node { url views matches { material { id } decision } } } } }
    placements(period: "2026-W49") { url source material { id } page { url } verification } } } } }`;

async function everyOrganization(): Promise<Org[]> {
  const all: Org[] = [];
  let after: string | null = null;
  for (;;) {
    type Answer = { organizations: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Org }[] } };
    const data: Answer = await admin.data<Answer>(ORGANIZATIONS, { after });
    all.push(...data.organizations.edges.map((e) => e.node));
    if (!data.organizations.pageInfo.hasNextPage) return all;
    after = data.organizations.pageInfo.endCursor;
  }
}

beforeAll(async () => {
  hub = await startTestHub({ seed: 'demo', clock: () => now, worker: true, platformStandIn: true });
  admin = hub.client(await tokenFor('ADMIN'));
}, 240_000);

afterAll(async () => {
  await hub?.stop();
});

describe('the embedded default without platform credentials', () => {
  it('crawls every demo page on VK, Telegram, OK and MAX from the stand-in, and finds the reported posts where they were reported', async () => {
    expect(hub.platformStandInUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { crawled } = await hub.monitoringWorker!.crawlDue();
    const organizations = await everyOrganization();
    const read = organizations.flatMap((o) => o.pages).filter((p) => ['VK', 'TELEGRAM', 'OK', 'MAX'].includes(p.platform));
    expect(crawled).toBe(read.length);
    expect(read.every((p) => p.crawl?.status === 'OK')).toBe(true);
    expect(read.every((p) => (p.posts?.totalCount ?? 0) > 0)).toBe(true);
    expect(read.some((p) => (p.crawl?.postsLast7Days ?? 0) > 0)).toBe(true);
    // A placement reported this week on VK, Telegram, OK or MAX is a post the crawl saw on that very page.
    const seen = new Set(read.flatMap((p) => p.posts!.edges.map((e) => e.node.url)));
    const onPlatforms = organizations
      .flatMap((o) => o.placements)
      .filter((p) => /^https:\/\/(vk\.com|t\.me|ok\.ru|max\.ru)\//.test(p.page.url));
    const reported = onPlatforms.filter((p) => p.source === 'REPORTED');
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.filter((p) => !seen.has(p.url))).toEqual([]);
    // And each is matched to the material it was reported for: the post is the material, shortened.
    const matched = new Map(read.flatMap((p) => p.posts!.edges.map((e) => [e.node.url, e.node.matches] as const)));
    const unmatched = reported.filter((p) => !matched.get(p.url)!.some((m) => m.material.id === p.material.id && m.decision === 'AUTO'));
    expect(unmatched).toEqual([]);
    expect(reported.filter((p) => p.verification !== 'VERIFIED')).toEqual([]);
    // Posts of received materials that nobody reported are found and counted, on every platform the hub reads.
    const discovered = onPlatforms.filter((p) => p.source === 'DISCOVERED');
    expect(new Set(discovered.map((p) => new URL(p.page.url).host))).toEqual(new Set(['vk.com', 't.me', 'ok.ru', 'max.ru']));
    expect(discovered.filter((p) => p.verification !== 'VERIFIED' || !seen.has(p.url))).toEqual([]);
    const websites = organizations.flatMap((o) => o.pages).filter((p) => p.platform === 'WEBSITE');
    expect(websites.every((p) => p.crawl?.status === 'NOT_CONFIGURED')).toBe(true);
  }, 180_000);
});
