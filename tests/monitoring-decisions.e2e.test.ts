import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql } from '@hub/common';
import { errorCodes, tokenFor, type GraphQLClient } from '@hub/common/testing';
import { standInPost, startStandIn, type StandIn } from '@hub/monitoring/standin';
import { addOfficialPage, distributedMaterial, registerOrganization } from './support/fixtures.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { PagePostsDocument } from './generated/contract.js';

// Friday 4 December 2026, 18:00 in Khabarovsk.
let now = new Date('2026-12-04T08:00:00Z');
let hub: TestHub;
let standIn: StandIn;
let admin: GraphQLClient;
/** The officer of the body the page's subordinate reports to: its scope holds the page. */
let bodyOperator: GraphQLClient;
const org: Record<string, string> = {};
let pageId: string;
let material: string;

const MATERIAL_BODY = 'В Хабаровском крае стартовала ежегодная акция по защите хвойных деревьев. Подробности на сайте правительства края.';
const post = (id: string, publishedAt: Date, text: string) => standInPost(id, publishedAt, text);

const DECIDE = `mutation($postId: ID!, $materialId: ID!, $confirmed: Boolean!) {
  decidePostMatch(postId: $postId, materialId: $materialId, confirmed: $confirmed) { material { id } score evidence decision } }`;
type Decided = { material: { id: string }; score: number; evidence: string; decision: string | null };
const decide = (client: GraphQLClient, postId: string, confirmed: boolean, materialId = material) =>
  client.request<{ decidePostMatch: Decided }>(DECIDE, { postId, materialId, confirmed });

const crawl = async () => {
  const res = await admin.request<{ crawlPage: { status: string } }>('mutation($id: ID!) { crawlPage(pageId: $id) { status } }', {
    id: pageId,
  });
  expect(res.data!.crawlPage.status).toBe('OK');
};
/** Each post of the page by its number on the wall ("201"), with its matches as PagePosts reads them. */
const posts = async (client: GraphQLClient = admin) => {
  const data = await client.data(PagePostsDocument, { id: org.sub!, first: 20 });
  const page = data.organization!.pages.find((p) => p.id === pageId)!;
  return new Map(page.posts!.edges.map((e) => [e.node.url.replace(/^.*_/, ''), e.node]));
};
const decisionOf = async (number: string) => (await posts()).get(number)!.matches.find((m) => m.material.id === material)?.decision;
/** The organization's placements as [post number, source]. */
const placements = async () =>
  (
    await admin.data<{ organization: { placements: { url: string; source: string }[] } }>(
      'query($id: ID!) { organization(id: $id) { id placements { id url source } } }',
      { id: org.sub },
    )
  ).organization.placements
    .map((p) => [p.url.replace(/^.*_/, ''), p.source])
    .sort();
const stored = () =>
  queryRows<{ post_id: string; decision: string | null; decided_by: string | null; decided_at: string | null }>(
    hub.subgraphs.monitoring.orm.em.fork(),
    sql`select post_id, decision, decided_by, decided_at::text from monitoring.post_match order by post_id, material_id`,
  );

beforeAll(async () => {
  standIn = await startStandIn([
    { platform: 'VK', handle: 'decide_forest27', platformPageId: '210000027', title: 'Лесничество', status: 'OK', posts: [] },
  ]);
  hub = await startTestHub({ clock: () => now, env: standIn.env() });
  const adminToken = await tokenFor('ADMIN');
  admin = hub.client(adminToken);
  const head = (key: string) => ({ fullName: 'Петров Пётр Петрович', position: 'Руководитель', email: `${key}@khv-region.test` });
  org.body = await registerOrganization(hub.gatewayUrl, adminToken, {
    name: 'Министерство лесного хозяйства края (решения)',
    kind: 'EXECUTIVE_BODY',
    head: head('body'),
  });
  org.sub = await registerOrganization(hub.gatewayUrl, adminToken, {
    name: 'КГКУ «Хабаровское лесничество» (решения)',
    kind: 'SUBORDINATE',
    parentId: org.body,
    head: head('sub'),
  });
  org.other = await registerOrganization(hub.gatewayUrl, adminToken, {
    name: 'Министерство здравоохранения края (решения)',
    kind: 'EXECUTIVE_BODY',
    head: head('other'),
  });
  pageId = await addOfficialPage(hub.gatewayUrl, adminToken, {
    organizationId: org.sub,
    platform: 'VK',
    url: 'https://vk.com/decide_forest27',
  });
  material = await distributedMaterial(
    hub.gatewayUrl,
    await tokenFor('EDITOR'),
    { title: 'Акция «Ёлочка, живи!» стартовала в крае', body: MATERIAL_BODY, topic: 'SOCIAL' },
    { organizationIds: [org.sub] },
  );
  bodyOperator = hub.client(await tokenFor('OPERATOR', org.body, '1h', 'officer-forestry'));
  now = new Date(now.getTime() + 3_600_000);
  const at = new Date(now.getTime() - 10 * 60_000);
  standIn.pages[0]!.posts = [
    // A repost under an intro of its own: AUTO.
    post('201', at, `Делимся новостью!\n${MATERIAL_BODY}`),
    // Half of it the material, half its own: a suggestion for the officer.
    post(
      '202',
      at,
      'В Хабаровском крае стартовала ежегодная акция по защите хвойных деревьев. Лесничества района проверят вырубки и рынки в декабре вместе с полицией.',
    ),
  ];
  await crawl();
}, 120_000);

afterAll(async () => {
  await hub?.stop();
  await standIn?.close();
});

describe("the officer's decision on the hub's matches", () => {
  it("confirms a suggestion: CONFIRMED in the page's posts, stored with who and when, and kept by the next crawl", async () => {
    const before = await posts();
    expect(before.get('201')!.matches).toMatchObject([{ material: { id: material }, decision: 'AUTO' }]);
    const suggestion = before.get('202')!;
    expect(suggestion.matches).toMatchObject([{ material: { id: material }, evidence: 'TEXT', decision: null }]);
    expect(suggestion.matches[0]!.score).toBeGreaterThanOrEqual(0.4);
    expect(suggestion.matches[0]!.score).toBeLessThan(0.6);

    now = new Date(now.getTime() + 60_000);
    const res = await decide(bodyOperator, suggestion.id, true);
    expect(res.errors).toBeUndefined();
    expect(res.data!.decidePostMatch).toEqual({
      material: { id: material },
      score: suggestion.matches[0]!.score,
      evidence: 'TEXT',
      decision: 'CONFIRMED',
    });
    expect(await decisionOf('202')).toBe('CONFIRMED');
    const row = (await stored()).find((r) => r.post_id === suggestion.id)!;
    expect(row.decided_by).toBe('officer-forestry');
    expect(new Date(row.decided_at!.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')).getTime()).toBe(now.getTime());

    now = new Date(now.getTime() + 3_600_000);
    await crawl();
    expect(await decisionOf('202')).toBe('CONFIRMED');
    expect(await decisionOf('201')).toBe('AUTO');
  });

  it('rejects an AUTO match the officer disputes, keeps it through a crawl, and lets the officer change it again', async () => {
    const auto = (await posts()).get('201')!;
    const rejected = await decide(bodyOperator, auto.id, false);
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data!.decidePostMatch.decision).toBe('REJECTED');
    await crawl();
    expect(await decisionOf('201')).toBe('REJECTED');
    // The committee (ADMIN) may decide too, and a decision may be changed.
    const confirmed = await decide(admin, auto.id, true);
    expect(confirmed.data!.decidePostMatch.decision).toBe('CONFIRMED');
    expect(await decisionOf('201')).toBe('CONFIRMED');
    const row = (await stored()).find((r) => r.post_id === auto.id)!;
    expect(row.decided_by).toBe('test-admin');
  });

  it('refuses whoever does not answer for the page, changing nothing', async () => {
    const suggestion = (await posts()).get('202')!;
    const before = [await posts(), await stored()];
    const callers = [
      hub.client(await tokenFor('OPERATOR', org.other)),
      hub.client(await tokenFor('ANALYST')),
      hub.client(await tokenFor('HEAD', org.body)),
      hub.client(await tokenFor('EDITOR')),
    ];
    for (const caller of callers) {
      expect(errorCodes(await decide(caller, suggestion.id, false))).toEqual(['FORBIDDEN']);
    }
    expect(errorCodes(await decide(hub.client(null), suggestion.id, false))).toEqual(['UNAUTHENTICATED']);
    expect([await posts(), await stored()]).toEqual(before);
  });

  it('names the argument of a bad or unknown id, changing nothing', async () => {
    const suggestion = (await posts()).get('202')!;
    const before = await stored();
    const told = async (postId: string, materialId: string) =>
      (await decide(bodyOperator, postId, false, materialId)).errors!.map((e) => [e.extensions!.code, e.extensions!.field]);
    expect(await told('not-an-id', material)).toEqual([['BAD_USER_INPUT', 'postId']]);
    expect(await told(suggestion.id, '')).toEqual([['BAD_USER_INPUT', 'materialId']]);
    expect(await told('00000000-0000-4000-8000-000000000000', material)).toEqual([['NOT_FOUND', 'postId']]);
    // A material the post was never matched to.
    expect(await told(suggestion.id, org.sub!)).toEqual([['NOT_FOUND', 'materialId']]);
    expect(await stored()).toEqual(before);
  });

  it('reports a confirmed post nobody reported as a DISCOVERED placement at once, not at the next crawl', async () => {
    const body = 'Жителей края приглашают на ярмарку вакансий лесной отрасли: работодатели предложат более ста мест в лесничествах.';
    const second = await distributedMaterial(
      hub.gatewayUrl,
      await tokenFor('EDITOR'),
      { title: 'Ярмарка вакансий лесной отрасли', body, topic: 'SOCIAL' },
      { organizationIds: [org.sub!] },
    );
    now = new Date(now.getTime() + 3_600_000);
    const at = new Date(now.getTime() - 10 * 60_000);
    standIn.pages[0]!.posts = [
      ...standIn.pages[0]!.posts,
      post('203', at, 'Жителей края приглашают на ярмарку вакансий лесной отрасли. Наше лесничество тоже ищет мастеров леса и водителей.'),
    ];
    await crawl();
    const suggestion = (await posts()).get('203')!;
    expect(suggestion.matches).toMatchObject([{ material: { id: second }, decision: null }]);
    expect(await placements()).toEqual([['201', 'DISCOVERED']]);

    const res = await decide(bodyOperator, suggestion.id, true, second);
    expect(res.data!.decidePostMatch.decision).toBe('CONFIRMED');
    expect(await placements()).toEqual([
      ['201', 'DISCOVERED'],
      ['203', 'DISCOVERED'],
    ]);
  });
});
