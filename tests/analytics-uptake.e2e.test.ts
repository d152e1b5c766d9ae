import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, tokenFor, type GraphQLClient } from '@hub/common/testing';
import { addOfficialPage, distributedMaterial, registerOrganization } from './support/fixtures.js';
import { startTestHub, type TestHub } from './support/hub.js';
import {
  ContentSupplyDocument,
  ContentUptakeDocument,
  MarkFeedbackWidgetDocument,
  ReportPlacementsDocument,
} from './generated/contract.js';

// Friday 27 November 2026, 18:00 in Khabarovsk: week 2026-W48 is being reported.
const FRIDAY = new Date('2026-11-27T08:00:00Z');
let now = FRIDAY;
let hub: TestHub;
let adminToken: string;
let editorToken: string;
let admin: GraphQLClient;
const org: Record<string, string> = {};
const page: Record<string, string> = {};
const material: Record<string, string> = {};

const TOPICS = 'query($week: String!) { topicUptake(week: $week) { topic materials recipients placedBy uptakeRate } }';
const PAGES = `query($form: FeedbackWidgetForm, $kind: OrganizationKind, $under: ID, $first: Int, $after: String) {
  pagesWithoutWidget(form: $form, kind: $kind, underOrganizationId: $under, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id url organization { id } } } } }`;
const COVERAGE = `query($kind: OrganizationKind, $under: ID) {
  widgetCoverage(kind: $kind, underOrganizationId: $under) { pages withBoth missingReportProblem missingShareOpinion missingBoth } }`;
const HISTORY = 'query($weeks: Int!) { contentSupplyHistory(weeks: $weeks) { week from until distributed required met } }';

type TopicUptake = { topic: string; materials: number; recipients: number; placedBy: number; uptakeRate: number | null };
/** pagesWithoutWidget as PAGES selects it. */
type PagesWithoutWidget = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string; url: string; organization: { id: string } } }[];
};
type WidgetCoverage = { pages: number; withBoth: number; missingReportProblem: number; missingShareOpinion: number; missingBoth: number };
type SupplyWeek = { week: string; from: string; until: string; distributed: number; required: number; met: boolean };

async function register(key: string, name: string, kind: string, parentId?: string) {
  const head = { fullName: 'Петрова Анна Сергеевна', position: 'Руководитель', email: `${key}@khv-region.test` };
  org[key] = await registerOrganization(hub.gatewayUrl, adminToken, { name, kind, parentId, head });
}
async function addPage(key: string, orgKey: string, platform: string, url: string) {
  now = new Date(now.getTime() + 60_000); // pages are listed oldest first: one a minute
  page[key] = await addOfficialPage(hub.gatewayUrl, adminToken, { organizationId: org[orgKey]!, platform, url });
}
async function distribute(key: string, topic: string, at: string, to: string[]) {
  now = new Date(at);
  material[key] = await distributedMaterial(
    hub.gatewayUrl,
    editorToken,
    { title: `Новость района ${key}`, body: 'Текст новости района.', topic },
    { organizationIds: to.map((k) => org[k]!) },
  );
}
const placed = (m: string, p: string, n: number) => ({
  materialId: material[m]!,
  pageId: page[p]!,
  url: `${postBase[p]}${n}`,
  publishedAt: '2026-11-26T12:00:00+10:00',
});
const postBase: Record<string, string> = {
  cultureVk: 'https://vk.com/wall-101_',
  museumVk: 'https://vk.com/wall-102_',
  museumTg: 'https://t.me/museum27/',
  districtVk: 'https://vk.com/wall-103_',
  libraryVk: 'https://vk.com/wall-104_',
};

beforeAll(async () => {
  hub = await startTestHub({ clock: () => now });
  adminToken = await tokenFor('ADMIN');
  editorToken = await tokenFor('EDITOR');
  admin = hub.client(adminToken);
  now = new Date('2026-11-16T00:00:00Z');
  await register('culture', 'Министерство культуры Хабаровского края', 'EXECUTIVE_BODY');
  await register('museum', 'КГБУК «Краевой музей»', 'SUBORDINATE', org.culture);
  await register('district', 'Бикинский муниципальный округ', 'MUNICIPALITY');
  await register('library', 'МБУК «Бикинская библиотека»', 'SUBORDINATE', org.district);
  await register('closed', 'МБУ «Закрытый центр»', 'SUBORDINATE', org.district);
  await addPage('cultureVk', 'culture', 'VK', 'https://vk.com/minkult27');
  await addPage('museumVk', 'museum', 'VK', 'https://vk.com/museum27');
  await addPage('museumTg', 'museum', 'TELEGRAM', 'https://t.me/museum27');
  await addPage('districtVk', 'district', 'VK', 'https://vk.com/bikin_adm');
  await addPage('libraryVk', 'library', 'VK', 'https://vk.com/bikin_lib');
  await addPage('closedVk', 'closed', 'VK', 'https://vk.com/closed_center');

  // Week 47: one material to everyone and ten to the ministry alone (the center's quota of 10 met).
  await distribute('old', 'SPORT', '2026-11-17T01:00:00Z', ['culture', 'museum', 'district', 'library']);
  for (let i = 0; i < 10; i++) await distribute(`quota${i}`, 'GOVERNOR', `2026-11-18T0${i}:00:00Z`, ['culture']);
  // Week 48.
  await distribute('a', 'SOCIAL', '2026-11-23T01:00:00Z', ['culture', 'museum', 'district', 'library']);
  await distribute('b', 'SOCIAL', '2026-11-24T01:00:00Z', ['culture', 'museum']);
  await distribute('c', 'CULTURE', '2026-11-25T01:00:00Z', ['district', 'library']);
  now = FRIDAY;

  const report = await admin.data(ReportPlacementsDocument, {
    input: [
      placed('a', 'cultureVk', 1),
      placed('a', 'museumVk', 2),
      placed('a', 'museumTg', 3),
      placed('a', 'districtVk', 4),
      placed('b', 'districtVk', 5), // the district was not sent b: no recipient placed it
      placed('c', 'districtVk', 6),
      placed('c', 'libraryVk', 7),
      placed('old', 'museumVk', 8),
    ],
  });
  expect(report.reportPlacements.accepted).toBe(8);

  await admin.data(MarkFeedbackWidgetDocument, { pageId: page.cultureVk!, placedAt: '2026-11-20T10:00:00+10:00' });
  const mark =
    'mutation($id: ID!, $forms: [FeedbackWidgetForm!]) { markFeedbackWidget(pageId: $id, placedAt: "2026-11-20T10:00:00+10:00", forms: $forms) { id } }';
  await admin.data(mark, { id: page.museumVk, forms: ['REPORT_PROBLEM'] });
  await admin.data(mark, { id: page.districtVk, forms: ['SHARE_OPINION'] });
  await admin.data('mutation($id: ID!) { deactivateOrganization(id: $id, reason: "Ликвидирован") { active } }', { id: org.closed });
}, 120_000);
afterAll(() => hub?.stop());

const uptakeOf = async (client: GraphQLClient, week = '2026-W48') =>
  (await client.data(ContentUptakeDocument, { week })).contentUptake.map((u) => ({
    id: u.material.id,
    recipients: u.recipients,
    placedBy: u.placedBy,
    uptakeRate: u.uptakeRate,
  }));
const row = (key: string, recipients: number, placedBy: number, uptakeRate: number | null) => ({
  id: material[key],
  recipients,
  placedBy,
  uptakeRate,
});

describe('contentUptake', () => {
  it('answers the contract operation: each material of the week with its recipients and those that placed it, least picked up first', async () => {
    const res = await hub.client(await tokenFor('ANALYST')).data(ContentUptakeDocument, { week: '2026-W48' });
    expect(res.contentUptake).toEqual([
      { material: { id: material.b, title: 'Новость района b', topic: 'SOCIAL' }, recipients: 2, placedBy: 0, uptakeRate: 0 },
      { material: { id: material.a, title: 'Новость района a', topic: 'SOCIAL' }, recipients: 4, placedBy: 3, uptakeRate: 0.75 },
      { material: { id: material.c, title: 'Новость района c', topic: 'CULTURE' }, recipients: 2, placedBy: 2, uptakeRate: 1 },
    ]);
  });

  it('reads another week on its own, and an empty week as empty', async () => {
    const w47 = await uptakeOf(admin, '2026-W47');
    expect(w47).toHaveLength(11);
    expect(w47.at(-1)).toEqual(row('old', 4, 1, 0.25));
    expect(await uptakeOf(admin, '2026-W40')).toEqual([]);
  });

  it('is the same for ADMIN, ANALYST and EDITOR', async () => {
    const expected = [row('b', 2, 0, 0), row('a', 4, 3, 0.75), row('c', 2, 2, 1)];
    for (const token of [adminToken, editorToken, await tokenFor('ANALYST')]) expect(await uptakeOf(hub.client(token))).toEqual(expected);
  });

  it("counts only the recipients in an OPERATOR's or a HEAD's tree, leaving out what none of them received", async () => {
    expect(await uptakeOf(hub.client(await tokenFor('OPERATOR', org.culture)))).toEqual([row('b', 2, 0, 0), row('a', 2, 2, 1)]);
    expect(await uptakeOf(hub.client(await tokenFor('HEAD', org.district)))).toEqual([row('a', 2, 1, 0.5), row('c', 2, 2, 1)]);
    expect(await uptakeOf(hub.client(await tokenFor('OPERATOR', org.library)))).toEqual([row('a', 1, 0, 0), row('c', 1, 1, 1)]);
    expect(await uptakeOf(hub.client(await tokenFor('HEAD', org.closed)))).toEqual([]);
  });

  it.each(['2026-W54', '2026-11', '2026-11-23', 'last week', ''])('refuses the week %j naming the argument', async (week) => {
    for (const res of [await admin.request(ContentUptakeDocument, { week }), await admin.request(TOPICS, { week })]) {
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0]!.extensions).toMatchObject({ field: 'week' });
    }
  });

  it('answers UNAUTHENTICATED without a token', async () => {
    const anonymous = hub.client(null);
    for (const res of [
      await anonymous.request(ContentUptakeDocument, { week: '2026-W48' }),
      await anonymous.request(TOPICS, { week: '2026-W48' }),
    ])
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('topicUptake', () => {
  it('sums the week by topic, least picked up first', async () => {
    expect((await admin.data<{ topicUptake: TopicUptake[] }>(TOPICS, { week: '2026-W48' })).topicUptake).toEqual([
      { topic: 'SOCIAL', materials: 2, recipients: 6, placedBy: 3, uptakeRate: 0.5 },
      { topic: 'CULTURE', materials: 1, recipients: 2, placedBy: 2, uptakeRate: 1 },
    ]);
  });

  it('agrees with contentUptake for every role and week', async () => {
    const tokens = [
      adminToken,
      await tokenFor('OPERATOR', org.culture),
      await tokenFor('HEAD', org.district),
      await tokenFor('HEAD', org.library),
    ];
    for (const token of tokens) {
      for (const week of ['2026-W47', '2026-W48']) {
        const materials = (await hub.client(token).data(ContentUptakeDocument, { week })).contentUptake;
        const sums: Record<string, { topic: string; materials: number; recipients: number; placedBy: number }> = {};
        for (const m of materials) {
          const sum = (sums[m.material.topic] ??= { topic: m.material.topic, materials: 0, recipients: 0, placedBy: 0 });
          sum.materials += 1;
          sum.recipients += m.recipients;
          sum.placedBy += m.placedBy;
        }
        const topics = (await hub.client(token).data<{ topicUptake: TopicUptake[] }>(TOPICS, { week })).topicUptake;
        expect(topics.map(({ uptakeRate: _rate, ...t }) => t)).toEqual(expect.arrayContaining(Object.values(sums)));
        expect(topics).toHaveLength(Object.keys(sums).length);
        for (const t of topics) expect(t.uptakeRate).toBeCloseTo(t.placedBy / t.recipients, 10);
      }
    }
  });
});

const listed = async (variables: Record<string, unknown>, client = admin) => {
  const res = (await client.data<{ pagesWithoutWidget: PagesWithoutWidget }>(PAGES, variables)).pagesWithoutWidget;
  return { totalCount: res.totalCount, pages: res.edges.map((e) => pageKey(e.node.id)) };
};
const pageKey = (id: string) => Object.keys(page).find((k) => page[k] === id);

describe('pagesWithoutWidget and widgetCoverage', () => {
  it('lists the pages of active organizations lacking a form, oldest first', async () => {
    expect(await listed({})).toEqual({ totalCount: 4, pages: ['museumVk', 'museumTg', 'districtVk', 'libraryVk'] });
    expect(await listed({ form: 'REPORT_PROBLEM' })).toEqual({ totalCount: 3, pages: ['museumTg', 'districtVk', 'libraryVk'] });
    expect(await listed({ form: 'SHARE_OPINION' })).toEqual({ totalCount: 3, pages: ['museumVk', 'museumTg', 'libraryVk'] });
  });

  it('filters by kind and by an organization with those below it', async () => {
    expect(await listed({ kind: 'SUBORDINATE' })).toEqual({ totalCount: 3, pages: ['museumVk', 'museumTg', 'libraryVk'] });
    expect(await listed({ under: org.culture })).toEqual({ totalCount: 2, pages: ['museumVk', 'museumTg'] });
    expect(await listed({ under: org.district, form: 'SHARE_OPINION' })).toEqual({ totalCount: 1, pages: ['libraryVk'] });
  });

  it('pages with cursors', async () => {
    const seen: (string | undefined)[] = [];
    let after: string | null = null;
    for (;;) {
      const res: PagesWithoutWidget = (await admin.data<{ pagesWithoutWidget: PagesWithoutWidget }>(PAGES, { first: 1, after }))
        .pagesWithoutWidget;
      expect(res.totalCount).toBe(4);
      seen.push(...res.edges.map((e) => pageKey(e.node.id)));
      if (!res.pageInfo.hasNextPage) break;
      after = res.pageInfo.endCursor;
    }
    expect(seen).toEqual(['museumVk', 'museumTg', 'districtVk', 'libraryVk']);
  });

  it('counts the coverage of the same pages', async () => {
    expect((await admin.data<{ widgetCoverage: WidgetCoverage }>(COVERAGE, {})).widgetCoverage).toEqual({
      pages: 5,
      withBoth: 1,
      missingReportProblem: 3,
      missingShareOpinion: 3,
      missingBoth: 2,
    });
    expect((await admin.data<{ widgetCoverage: WidgetCoverage }>(COVERAGE, { under: org.culture })).widgetCoverage).toEqual({
      pages: 3,
      withBoth: 1,
      missingReportProblem: 1,
      missingShareOpinion: 2,
      missingBoth: 1,
    });
  });

  it("agrees with the list's totals for each form, filter and role", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{}, adminToken],
      [{ kind: 'SUBORDINATE' }, adminToken],
      [{ kind: 'MUNICIPALITY' }, editorToken],
      [{ under: org.district }, adminToken],
      [{}, await tokenFor('OPERATOR', org.museum)],
      [{}, await tokenFor('HEAD', org.district)],
      [{ under: org.library }, await tokenFor('HEAD', org.district)],
    ];
    for (const [filter, token] of cases) {
      const coverage = (await hub.client(token).data<{ widgetCoverage: WidgetCoverage }>(COVERAGE, filter)).widgetCoverage;
      const total = async (form?: string) =>
        (await hub.client(token).data<{ pagesWithoutWidget: PagesWithoutWidget }>(PAGES, { ...filter, form, first: 0 })).pagesWithoutWidget
          .totalCount;
      expect(await total('REPORT_PROBLEM')).toBe(coverage.missingReportProblem);
      expect(await total('SHARE_OPINION')).toBe(coverage.missingShareOpinion);
      expect(await total()).toBe(coverage.pages - coverage.withBoth);
    }
  });

  it('keeps OPERATOR and HEAD to their tree', async () => {
    const operator = await tokenFor('OPERATOR', org.museum);
    expect(await listed({}, hub.client(operator))).toEqual({ totalCount: 2, pages: ['museumVk', 'museumTg'] });
    expect(
      (await hub.client(await tokenFor('HEAD', org.district)).data<{ widgetCoverage: WidgetCoverage }>(COVERAGE, {})).widgetCoverage,
    ).toEqual({
      pages: 2,
      withBoth: 0,
      missingReportProblem: 2,
      missingShareOpinion: 1,
      missingBoth: 1,
    });
    for (const under of [org.culture, org.district]) {
      expect(errorCodes(await hub.client(operator).request(PAGES, { under }))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await hub.client(operator).request(COVERAGE, { under }))).toEqual(['FORBIDDEN']);
    }
    expect(await listed({ under: org.museum }, hub.client(await tokenFor('HEAD', org.culture)))).toEqual({
      totalCount: 2,
      pages: ['museumVk', 'museumTg'],
    });
  });

  it('refuses an unknown organization, a bad cursor or page size, and no token', async () => {
    for (const under of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      for (const query of [PAGES, COVERAGE]) {
        const res = await admin.request(query, { under });
        expect(errorCodes(res)).toEqual(['NOT_FOUND']);
        expect(res.errors![0]!.extensions).toMatchObject({ field: 'underOrganizationId' });
      }
    }
    const cursor = await admin.request(PAGES, { after: 'bm90IGEgY3Vyc29y' });
    expect(errorCodes(cursor)).toEqual(['BAD_USER_INPUT']);
    expect(cursor.errors![0]!.extensions).toMatchObject({ field: 'after' });
    expect((await admin.request(PAGES, { first: 501 })).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(errorCodes(await hub.client(null).request(PAGES, {}))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await hub.client(null).request(COVERAGE, {}))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('contentSupplyHistory', () => {
  it('answers the last weeks up to the current one, oldest first, with the quota compliance adds', async () => {
    const res = await hub.client(await tokenFor('ANALYST')).data<{ contentSupplyHistory: SupplyWeek[] }>(HISTORY, { weeks: 4 });
    expect(res.contentSupplyHistory).toEqual([
      { week: '2026-W45', from: '2026-11-02T00:00:00+10:00', until: '2026-11-09T00:00:00+10:00', distributed: 0, required: 10, met: false },
      { week: '2026-W46', from: '2026-11-09T00:00:00+10:00', until: '2026-11-16T00:00:00+10:00', distributed: 0, required: 10, met: false },
      { week: '2026-W47', from: '2026-11-16T00:00:00+10:00', until: '2026-11-23T00:00:00+10:00', distributed: 11, required: 10, met: true },
      { week: '2026-W48', from: '2026-11-23T00:00:00+10:00', until: '2026-11-30T00:00:00+10:00', distributed: 3, required: 10, met: false },
    ]);
  });

  it('agrees with contentSupply week by week, for any role', async () => {
    const history = (
      await hub.client(await tokenFor('HEAD', org.district)).data<{ contentSupplyHistory: SupplyWeek[] }>(HISTORY, { weeks: 6 })
    ).contentSupplyHistory;
    expect(history.map((w) => w.week)).toEqual(['2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    for (const week of history) {
      const single = (await admin.data(ContentSupplyDocument, { week: week.week })).contentSupply;
      expect(single).toMatchObject({ week: week.week, distributed: week.distributed, met: week.met });
    }
  });

  it('follows the clock into the next week', async () => {
    now = new Date('2026-11-29T14:00:00Z'); // Monday 00:00 local
    try {
      const res = await admin.data<{ contentSupplyHistory: SupplyWeek[] }>(HISTORY, { weeks: 1 });
      expect(res.contentSupplyHistory).toMatchObject([{ week: '2026-W49', distributed: 0 }]);
    } finally {
      now = FRIDAY;
    }
  });

  it.each([0, -1, 105])('refuses weeks = %i naming the argument', async (weeks) => {
    const res = await admin.request(HISTORY, { weeks });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions).toMatchObject({ field: 'weeks' });
  });

  it('answers UNAUTHENTICATED without a token', async () => {
    expect(errorCodes(await hub.client(null).request(HISTORY, { weeks: 4 }))).toEqual(['UNAUTHENTICATED']);
  });
});
