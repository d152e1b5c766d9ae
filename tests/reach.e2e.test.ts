import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, tokenFor, type GraphQLClient } from '@hub/common/testing';
import { startStandIn, type StandIn, type StandInPage, type StandInPost } from '@hub/monitoring/standin';
import { addOfficialPage, distributedMaterial, registerOrganization } from './support/fixtures.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { ContentUptakeDocument, ReportPlacementsDocument, WithdrawPlacementDocument } from './generated/contract.js';

// Friday 11 December 2026, 18:00 in Khabarovsk (week 2026-W50): a crawl reads back to Monday 30 November.
const FRIDAY = new Date('2026-12-11T08:00:00Z');
let now = FRIDAY;
let hub: TestHub;
let standIn: StandIn;
let adminToken: string;
let admin: GraphQLClient;
const org: Record<string, string> = {};
const page: Record<string, string> = {};
const material: Record<string, string> = {};
const placement: Record<string, string> = {};

const TITLES: Record<string, string> = {
  a: 'Открыт приём заявок на краевые гранты для НКО',
  b: 'В краевом музее открылась выставка амурских художников',
  c: 'Диспансеризацию можно пройти бесплатно по записи на госуслугах',
};
/** Each material's body is what its placements' posts say, so monitoring matches each post to its material. */
const BODIES: Record<string, string> = {
  a: 'В Хабаровском крае открылся приём заявок на региональные гранты для социально ориентированных некоммерческих организаций. Заявки принимаются до конца января.',
  b: 'Краевой музей представил выставку работ амурских художников прошлого века. Экспозиция открыта для посетителей ежедневно кроме понедельника.',
  c: 'Жители края могут записаться на бесплатную диспансеризацию через портал госуслуг. Обследование проводится в поликлиниках по месту прикрепления.',
};

type Counters = Pick<StandInPost, 'views' | 'likes' | 'reposts' | 'comments'>;
/** [views, likes, reposts, comments] */
const counters = ([views, likes, reposts, comments]: [number, number, number, number]): Counters => ({ views, likes, reposts, comments });

/** One post per placement, where the placement says: id, the material it places, when (local), its counters. */
const POSTS: Record<string, { page: string; id: string; material: string; at: string; counters: Counters; text?: string }> = {
  // Monday 30 November: week 49, but still November.
  p1: { page: 'cultureVk', id: '1', material: 'a', at: '2026-11-30T12:00:00+10:00', counters: counters([1000, 50, 10, 5]) },
  p2: { page: 'museumVk', id: '2', material: 'a', at: '2026-12-02T10:00:00+10:00', counters: counters([300, 20, 2, 1]) },
  // Telegram's preview shows views and reactions (likes) only: no reposts or comments.
  p3: { page: 'museumTg', id: '3', material: 'a', at: '2026-12-02T12:00:00+10:00', counters: counters([200, 7, 9, 9]) },
  p4: { page: 'districtVk', id: '4', material: 'a', at: '2026-12-03T10:00:00+10:00', counters: counters([500, 30, 5, 2]) },
  p5: { page: 'districtVk', id: '5', material: 'b', at: '2026-12-03T12:00:00+10:00', counters: counters([800, 40, 4, 3]) },
  // Week 50.
  p6: { page: 'libraryVk', id: '6', material: 'b', at: '2026-12-09T10:00:00+10:00', counters: counters([150, 5, 0, 1]) },
  p7: { page: 'museumVk', id: '7', material: 'c', at: '2026-12-08T10:00:00+10:00', counters: counters([2000, 100, 20, 10]) },
  // The district was not sent c: its placement counts in reach, not in c's uptake.
  p10: { page: 'districtVk', id: '10', material: 'c', at: '2026-12-08T12:00:00+10:00', counters: counters([400, 4, 0, 0]) },
  // Withdrawn below (the post places nothing): counts nowhere.
  p9: {
    page: 'libraryVk',
    id: '9',
    material: 'a',
    at: '2026-12-04T10:00:00+10:00',
    counters: counters([9999, 999, 99, 9]),
    text: 'Библиотека закрыта на санитарный день в последнюю пятницу месяца.',
  },
};
/** Reported, but the page never shows it: not seen. */
const UNSEEN = { page: 'cultureVk', id: '8', material: 'c', at: '2026-12-09T12:00:00+10:00' };

const VK_IDS: Record<string, string> = { cultureVk: '210000101', museumVk: '210000102', districtVk: '210000103', libraryVk: '210000104' };
const HANDLES: Record<string, string> = {
  cultureVk: 'minkult27',
  museumVk: 'museum27',
  museumTg: 'museum27',
  districtVk: 'bikin_adm',
  libraryVk: 'bikin_lib',
};
const postUrl = (pageKey: string, id: string) =>
  pageKey.endsWith('Tg') ? `https://t.me/${HANDLES[pageKey]}/${id}` : `https://vk.com/wall-${VK_IDS[pageKey]}_${id}`;

function standInPages(): StandInPage[] {
  return Object.keys(HANDLES).map((key) => ({
    platform: key.endsWith('Tg') ? 'TELEGRAM' : 'VK',
    handle: HANDLES[key]!,
    platformPageId: key.endsWith('Tg') ? HANDLES[key]! : VK_IDS[key]!,
    title: key,
    status: 'OK',
    posts: Object.values(POSTS)
      .filter((p) => p.page === key)
      .map((p) => ({ id: p.id, publishedAt: new Date(p.at), text: p.text ?? BODIES[p.material]!, links: [], images: [], ...p.counters })),
  }));
}

const REACH = `query($period: String!, $groupBy: ReachGrouping!) {
  reach(period: $period, groupBy: $groupBy) {
    key material { id title } topic organization { id name } week
    reach { placements placementsSeen views likes reposts comments }
  } }`;
const UPTAKE_REACH = `query($week: String!) {
  contentUptake(week: $week) { material { id } placedBy reach { placements placementsSeen views likes reposts comments } }
  topicUptake(week: $week) { topic placedBy reach { placements placementsSeen views likes reposts comments } } }`;
const PLACEMENT_REACH = `query($id: ID!, $period: String) { organization(id: $id) { placements(period: $period) { id reach { views } } } }`;

type Sums = { placements: number; placementsSeen: number; views: number; likes: number; reposts: number; comments: number };
type ReachRow = {
  key: string;
  material: { id: string; title: string } | null;
  topic: string | null;
  organization: { id: string; name: string } | null;
  week: string | null;
  reach: Sums;
};
type UptakeReach = {
  contentUptake: { material: { id: string }; placedBy: number; reach: Sums }[];
  topicUptake: { topic: string; placedBy: number; reach: Sums }[];
};

/** [placements, placementsSeen, views, likes, reposts, comments] */
const sums = ([placements, placementsSeen, views, likes, reposts, comments]: number[]): Sums => ({
  placements: placements!,
  placementsSeen: placementsSeen!,
  views: views!,
  likes: likes!,
  reposts: reposts!,
  comments: comments!,
});
const reachOf = async (period: string, groupBy: string, client = admin) =>
  (await client.data<{ reach: ReachRow[] }>(REACH, { period, groupBy })).reach;
const byKey = (rows: ReachRow[]) => rows.map((r) => [r.key, r.reach]);
const crawl = (pageKey: string) =>
  admin.data('mutation($pageId: ID!) { crawlPage(pageId: $pageId) { status } }', { pageId: page[pageKey] }) as Promise<{
    crawlPage: { status: string };
  }>;

beforeAll(async () => {
  standIn = await startStandIn(standInPages());
  hub = await startTestHub({ clock: () => now, env: standIn.env() });
  adminToken = await tokenFor('ADMIN');
  admin = hub.client(adminToken);
  const editorToken = await tokenFor('EDITOR');
  now = new Date('2026-11-20T00:00:00Z');
  const register = async (key: string, name: string, kind: string, parentId?: string) => {
    const head = { fullName: 'Петрова Анна Сергеевна', position: 'Руководитель', email: `${key}@khv-region.test` };
    org[key] = await registerOrganization(hub.gatewayUrl, adminToken, { name, kind, parentId, head });
  };
  await register('culture', 'Министерство культуры Хабаровского края', 'EXECUTIVE_BODY');
  await register('museum', 'КГБУК «Краевой музей»', 'SUBORDINATE', org.culture);
  await register('district', 'Бикинский муниципальный округ', 'MUNICIPALITY');
  await register('library', 'МБУК «Бикинская библиотека»', 'SUBORDINATE', org.district);
  const owner: Record<string, string> = {
    cultureVk: 'culture',
    museumVk: 'museum',
    museumTg: 'museum',
    districtVk: 'district',
    libraryVk: 'library',
  };
  for (const [key, orgKey] of Object.entries(owner)) {
    const url = key.endsWith('Tg') ? `https://t.me/${HANDLES[key]}` : `https://vk.com/${HANDLES[key]}`;
    page[key] = await addOfficialPage(hub.gatewayUrl, adminToken, {
      organizationId: org[orgKey]!,
      platform: key.endsWith('Tg') ? 'TELEGRAM' : 'VK',
      url,
    });
  }
  const distribute = async (key: string, topic: string, at: string, to: string[]) => {
    now = new Date(at);
    material[key] = await distributedMaterial(
      hub.gatewayUrl,
      editorToken,
      { title: TITLES[key]!, body: BODIES[key]!, topic },
      { organizationIds: to.map((k) => org[k]!) },
    );
  };
  await distribute('a', 'SOCIAL', '2026-11-30T01:00:00Z', ['culture', 'museum', 'district', 'library']); // week 49
  await distribute('b', 'CULTURE', '2026-12-01T01:00:00Z', ['district', 'library']); // week 49
  await distribute('c', 'SOCIAL', '2026-12-07T01:00:00Z', ['culture', 'museum']); // week 50
  now = FRIDAY;

  const items = [...Object.entries(POSTS), ['p8', UNSEEN] as const].map(([key, p]) => ({
    key,
    input: { materialId: material[p.material]!, pageId: page[p.page]!, url: postUrl(p.page, p.id), publishedAt: p.at },
  }));
  const report = await admin.data(ReportPlacementsDocument, { input: items.map((i) => i.input) });
  expect(report.reportPlacements.accepted).toBe(items.length);
  for (const item of items) placement[item.key] = report.reportPlacements.placements.find((p) => p.url === item.input.url)!.id;
  await admin.data(WithdrawPlacementDocument, { id: placement.p9!, reason: 'Отчитались по ошибке' });
}, 120_000);

afterAll(async () => {
  await hub?.stop();
  await standIn?.close();
});

describe('reach before any crawl', () => {
  it('counts the placements with nothing seen and zero reach', async () => {
    expect(byKey(await reachOf('2026-12', 'MATERIAL'))).toEqual(
      expect.arrayContaining([
        [material.a, sums([3, 0, 0, 0, 0, 0])],
        [material.b, sums([2, 0, 0, 0, 0, 0])],
        [material.c, sums([3, 0, 0, 0, 0, 0])],
      ]),
    );
    expect(byKey(await reachOf('2026-12', 'WEEK'))).toEqual(
      expect.arrayContaining([
        ['2026-W49', sums([4, 0, 0, 0, 0, 0])],
        ['2026-W50', sums([4, 0, 0, 0, 0, 0])],
      ]),
    );
    const uptake = (await admin.data<UptakeReach>(UPTAKE_REACH, { week: '2026-W49' })).contentUptake;
    expect(uptake.map((u) => [u.material.id, u.reach])).toEqual(
      expect.arrayContaining([
        [material.a, sums([4, 0, 0, 0, 0, 0])],
        [material.b, sums([2, 0, 0, 0, 0, 0])],
      ]),
    );
  });
});

describe('reach after the pages were crawled', () => {
  beforeAll(async () => {
    for (const key of Object.keys(HANDLES)) expect((await crawl(key)).crawlPage.status).toBe('OK');
  });

  it("sums each material's placements of the month, most viewed first, with the material resolved from content", async () => {
    const rows = await reachOf('2026-12', 'MATERIAL');
    expect(rows).toEqual([
      // p7, p8 (never seen), p10
      {
        key: material.c,
        material: { id: material.c, title: TITLES.c },
        topic: null,
        organization: null,
        week: null,
        reach: sums([3, 2, 2400, 104, 20, 10]),
      },
      // p2, p3 (Telegram: views and likes only), p4; p1 was published in November, p9 was withdrawn
      {
        key: material.a,
        material: { id: material.a, title: TITLES.a },
        topic: null,
        organization: null,
        week: null,
        reach: sums([3, 3, 1000, 57, 7, 3]),
      },
      {
        key: material.b,
        material: { id: material.b, title: TITLES.b },
        topic: null,
        organization: null,
        week: null,
        reach: sums([2, 2, 950, 45, 4, 4]),
      },
    ]);
  });

  it('sums by topic, by organization and by week of publication', async () => {
    const topics = await reachOf('2026-12', 'TOPIC');
    expect(topics.map((r) => [r.key, r.topic, r.material, r.reach])).toEqual([
      ['SOCIAL', 'SOCIAL', null, sums([6, 5, 3400, 161, 27, 13])],
      ['CULTURE', 'CULTURE', null, sums([2, 2, 950, 45, 4, 4])],
    ]);
    const organizations = await reachOf('2026-12', 'ORGANIZATION');
    expect(organizations.map((r) => [r.organization?.name, r.key === r.organization?.id, r.reach])).toEqual([
      ['КГБУК «Краевой музей»', true, sums([3, 3, 2500, 127, 22, 11])],
      ['Бикинский муниципальный округ', true, sums([3, 3, 1700, 74, 9, 5])],
      ['МБУК «Бикинская библиотека»', true, sums([1, 1, 150, 5, 0, 1])],
      ['Министерство культуры Хабаровского края', true, sums([1, 0, 0, 0, 0, 0])],
    ]);
    const weeks = await reachOf('2026-12', 'WEEK');
    expect(weeks.map((r) => [r.key, r.week, r.organization, r.reach])).toEqual([
      ['2026-W50', '2026-W50', null, sums([4, 3, 2550, 109, 20, 11])],
      // From Tuesday 1 December: Monday's p1 belongs to November.
      ['2026-W49', '2026-W49', null, sums([4, 4, 1800, 97, 11, 6])],
    ]);
    // The week itself, Monday included.
    expect(byKey(await reachOf('2026-W49', 'WEEK'))).toEqual([['2026-W49', sums([5, 5, 2800, 147, 21, 11])]]);
    expect(await reachOf('2026-10', 'MATERIAL')).toEqual([]);
  });

  it('agrees with each placement’s own reach and the placements listed per organization', async () => {
    for (const row of await reachOf('2026-12', 'ORGANIZATION')) {
      const { organization } = await admin.data<{ organization: { placements: { reach: { views: number } | null }[] } }>(PLACEMENT_REACH, {
        id: row.key,
        period: '2026-12',
      });
      expect(organization.placements).toHaveLength(row.reach.placements);
      expect(organization.placements.filter((p) => p.reach).length).toBe(row.reach.placementsSeen);
      expect(organization.placements.reduce((sum, p) => sum + (p.reach?.views ?? 0), 0)).toBe(row.reach.views);
    }
  });

  it("adds to each material's and topic's uptake what the placements of its recipients reached", async () => {
    const w49 = await admin.data<UptakeReach>(UPTAKE_REACH, { week: '2026-W49' });
    expect(w49.contentUptake.map((u) => [u.material.id, u.placedBy, u.reach])).toEqual([
      // a: p1 to p4, whenever published (the library withdrew p9: 3 of 4 placed it); b: the district and the library.
      [material.a, 3, sums([4, 4, 2000, 107, 17, 8])],
      [material.b, 2, sums([2, 2, 950, 45, 4, 4])],
    ]);
    expect(w49.topicUptake.map((t) => [t.topic, t.reach])).toEqual([
      ['SOCIAL', sums([4, 4, 2000, 107, 17, 8])],
      ['CULTURE', sums([2, 2, 950, 45, 4, 4])],
    ]);
    // c: culture's (not seen) and the museum's; the district was not sent it.
    const w50 = await admin.data<UptakeReach>(UPTAKE_REACH, { week: '2026-W50' });
    expect(w50.contentUptake.map((u) => [u.material.id, u.reach])).toEqual([[material.c, sums([2, 1, 2000, 100, 20, 10])]]);
    expect(w50.topicUptake.map((t) => [t.topic, t.reach])).toEqual([['SOCIAL', sums([2, 1, 2000, 100, 20, 10])]]);
  });

  it("keeps OPERATOR and HEAD to their tree's placements, in reach and in uptake", async () => {
    const operator = hub.client(await tokenFor('OPERATOR', org.culture));
    expect((await reachOf('2026-12', 'ORGANIZATION', operator)).map((r) => [r.key, r.reach])).toEqual([
      [org.museum, sums([3, 3, 2500, 127, 22, 11])],
      [org.culture, sums([1, 0, 0, 0, 0, 0])],
    ]);
    const head = hub.client(await tokenFor('HEAD', org.district));
    expect(byKey(await reachOf('2026-12', 'MATERIAL', head))).toEqual([
      [material.b, sums([2, 2, 950, 45, 4, 4])],
      [material.a, sums([1, 1, 500, 30, 5, 2])],
      [material.c, sums([1, 1, 400, 4, 0, 0])],
    ]);
    const uptake = (await head.data<UptakeReach>(UPTAKE_REACH, { week: '2026-W49' })).contentUptake;
    expect(uptake.map((u) => [u.material.id, u.reach])).toEqual([
      [material.a, sums([1, 1, 500, 30, 5, 2])],
      [material.b, sums([2, 2, 950, 45, 4, 4])],
    ]);
    const library = hub.client(await tokenFor('OPERATOR', org.library));
    expect(byKey(await reachOf('2026-12', 'TOPIC', library))).toEqual([['CULTURE', sums([1, 1, 150, 5, 0, 1])]]);
    for (const role of ['ANALYST', 'EDITOR'] as const) {
      expect(await reachOf('2026-12', 'TOPIC', hub.client(await tokenFor(role)))).toEqual(await reachOf('2026-12', 'TOPIC'));
    }
  });

  it('leaves out a post found deleted on the next crawl', async () => {
    const library = standIn.pages.find((p) => p.handle === 'bikin_lib')!;
    library.posts = library.posts.filter((p) => p.id !== '6');
    expect((await crawl('libraryVk')).crawlPage.status).toBe('OK');
    const rows = await reachOf('2026-12', 'ORGANIZATION');
    expect(rows.find((r) => r.key === org.library)!.reach).toEqual(sums([1, 0, 0, 0, 0, 0]));
    const uptake = (await admin.data<UptakeReach>(UPTAKE_REACH, { week: '2026-W49' })).contentUptake;
    expect(uptake.find((u) => u.material.id === material.b)!.reach).toEqual(sums([2, 1, 800, 40, 4, 3]));
  });

  it("leaves the dashboard's uptake as it was: the contract's operation, without reach", async () => {
    const res = await admin.data(ContentUptakeDocument, { week: '2026-W49' });
    expect(res.contentUptake.map((u) => [u.material.id, u.recipients, u.placedBy])).toEqual([
      [material.a, 4, 3],
      [material.b, 2, 2],
    ]);
  });
});

describe('reach refuses', () => {
  it.each(['2026-W54', '2026-12-01', '2026-13', 'last week', ''])('the period %j, naming the argument', async (period) => {
    const res = await admin.request(REACH, { period, groupBy: 'MATERIAL' });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions).toMatchObject({ field: 'period' });
  });

  it('a caller without a token', async () => {
    expect(errorCodes(await hub.client(null).request(REACH, { period: '2026-12', groupBy: 'WEEK' }))).toEqual(['UNAUTHENTICATED']);
  });
});
