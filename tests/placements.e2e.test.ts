import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, tokenFor, type GraphQLClient } from '@hub/common/testing';
import { addOfficialPage, distributedMaterial, registerOrganization } from './support/fixtures.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { ReportMediaPublicationDocument, ReportPlacementsDocument } from './generated/contract.js';

// Friday 27 November 2026, 18:00 in Khabarovsk (week 2026-W48): the officer reports the week.
let now = new Date('2026-11-27T08:00:00Z');
let hub: TestHub;
let adminToken: string;
let admin: GraphQLClient;
let operator: GraphQLClient;
const org: Record<string, string> = {} as Record<string, string>;
const page: Record<string, string> = {};
const material: Record<string, string> = {};

const COUNT = 'query($id: ID!, $week: String) { organization(id: $id) { placementCount(week: $week) } }';
const countOf = async (id: string | undefined, week = '2026-W48') =>
  (await admin.request<{ organization: { placementCount: number } }>(COUNT, { id, week })).data!.organization.placementCount;
const stored = async () =>
  (
    await admin.request<{ organization: { placements: { id: string }[] } }>(
      'query($id: ID!) { organization(id: $id) { placements(period: "2026-11") { id } } }',
      { id: org.museum },
    )
  ).data!.organization.placements.length;

async function register(key: string, name: string, kind: string, parentId?: string) {
  const head = { fullName: 'Козлова Мария Андреевна', position: 'Директор', email: `${key}@khv-region.test` };
  org[key] = await registerOrganization(hub.gatewayUrl, adminToken, { name, kind, parentId, head });
}
async function addPage(key: string, orgKey: string, platform: string, url: string) {
  page[key] = await addOfficialPage(hub.gatewayUrl, adminToken, { organizationId: org[orgKey]!, platform, url });
}
async function distribute(key: string, title: string, at: Date) {
  now = at;
  material[key] = await distributedMaterial(hub.gatewayUrl, await tokenFor('EDITOR'), {
    title,
    body: 'Текст о событии культуры.',
    topic: 'CULTURE',
  });
}
const item = (m: string, p: string, url: string, publishedAt = '2026-11-26T12:00:00+10:00') => ({
  materialId: material[m]!,
  pageId: page[p]!,
  url,
  publishedAt,
});

beforeAll(async () => {
  hub = await startTestHub({ clock: () => now });
  adminToken = await tokenFor('ADMIN');
  admin = hub.client(adminToken);
  await register('culture', 'Министерство культуры Хабаровского края', 'EXECUTIVE_BODY');
  await register('museum', 'КГБУК «Краевой музей»', 'SUBORDINATE', org.culture);
  await register('sport', 'Министерство спорта Хабаровского края', 'EXECUTIVE_BODY');
  await addPage('museumVk', 'museum', 'VK', 'https://vk.com/museum27');
  await addPage('museumTg', 'museum', 'TELEGRAM', 'https://t.me/museum27');
  await addPage('sportVk', 'sport', 'VK', 'https://vk.com/minsport27');
  await distribute('a', 'Материал о выставке', new Date('2026-11-23T01:00:00Z'));
  await distribute('b', 'Материал о концерте', new Date('2026-11-23T02:00:00Z'));
  await distribute('c', 'Материал о спектакле', new Date('2026-11-24T01:00:00Z'));
  await distribute('late', 'Материал позже', new Date('2026-11-26T05:00:00Z'));
  now = new Date('2026-11-27T08:00:00Z');
  operator = hub.client(await tokenFor('OPERATOR', org.culture));
});
afterAll(() => hub?.stop());

describe('an operator reports a week of placements', () => {
  it('stores the batch and counts distinct materials for the week', async () => {
    const res = await operator.request(ReportPlacementsDocument, {
      input: [
        item('a', 'museumVk', 'https://vk.com/wall-100_1'),
        item('a', 'museumTg', 'https://t.me/museum27/11'),
        item('b', 'museumVk', 'https://vk.com/museum27?w=wall-100_2'),
      ],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportPlacements).toMatchObject({ accepted: 3, duplicates: 0 });
    expect(res.data!.reportPlacements.placements).toHaveLength(3);
    expect(res.data!.reportPlacements.placements[0]).toMatchObject({
      material: { title: expect.stringMatching(/^Материал/) },
      page: { platform: expect.any(String) },
    });
    // One material on two pages of one organization counts once (docs/DESIGN.md, "The rules").
    expect(await countOf(org.museum)).toBe(2);
  });

  it('stores the same material on the same page once and counts it in duplicates', async () => {
    const res = await operator.request(ReportPlacementsDocument, {
      input: [
        item('a', 'museumVk', 'https://vk.com/wall-100_1'),
        item('c', 'museumVk', 'https://vk.com/wall-100_3'),
        item('c', 'museumVk', 'https://vk.com/wall-100_3'),
      ],
    });
    expect(res.data!.reportPlacements).toMatchObject({ accepted: 1, duplicates: 2 });
    expect(await countOf(org.museum)).toBe(3);
  });

  it('counts a post at Sunday 23:59:59 local in that week and Monday 00:00 local in the next', async () => {
    now = new Date('2026-12-01T00:00:00Z');
    await operator.request(ReportPlacementsDocument, {
      input: [
        item('late', 'museumVk', 'https://vk.com/wall-100_9', '2026-11-29T23:59:59+10:00'),
        item('b', 'museumTg', 'https://t.me/museum27/12', '2026-11-30T00:00:00+10:00'),
      ],
    });
    expect(await countOf(org.museum, '2026-W48')).toBe(4);
    expect(await countOf(org.museum, '2026-W49')).toBe(1);
    now = new Date('2026-11-27T08:00:00Z');
  });

  it("answers the contract's count on the organization and on the material", async () => {
    const res = await admin.request<{
      material: {
        title: string;
        placementCount: number;
        placements: { totalCount: number; edges: { node: { url: string; organization: { name: string } } }[] };
      };
    }>(
      'query($id: ID!) { material(id: $id) { title placementCount placements(first: 10) { totalCount edges { node { url organization { name } } } } } }',
      { id: material.a },
    );
    expect(res.data!.material.placementCount).toBe(2);
    expect(res.data!.material.placements.totalCount).toBe(2);
    expect(res.data!.material.placements.edges[0]!.node.organization.name).toBe('КГБУК «Краевой музей»');
  });
});

describe('a bad item rejects the whole call, naming its index and field', () => {
  it.each([
    ['a page URL instead of a post', 1, { url: 'https://vk.com/museum27' }, 'url'],
    ['a post on another platform', 1, { url: 'https://t.me/museum27/5' }, 'url'],
    ['a material never distributed', 1, { materialId: '00000000-0000-4000-8000-000000000001' }, 'materialId'],
    ['a publication in the future', 1, { publishedAt: '2026-11-28T18:00:00+10:00' }, 'publishedAt'],
    ['a publication before the material was sent', 1, { publishedAt: '2026-11-20T12:00:00+10:00' }, 'publishedAt'],
    ['an unknown page', 1, { pageId: '00000000-0000-4000-8000-000000000002' }, 'pageId'],
  ])('refuses %s', async (_label, index, patch, field) => {
    const before = await stored();
    const good = item('c', 'museumTg', 'https://t.me/museum27/40');
    const res = await operator.request(ReportPlacementsDocument, {
      input: [good, { ...item('b', 'museumVk', 'https://vk.com/wall-100_50'), ...patch }],
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions).toMatchObject({ index, field });
    expect(await stored()).toBe(before);
  });

  it('refuses more than 500 items', async () => {
    const many = Array.from({ length: 501 }, (_, i) => item('a', 'museumVk', `https://vk.com/wall-100_${1000 + i}`));
    expect(errorCodes(await operator.request(ReportPlacementsDocument, { input: many }))).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses placements published after the material was withdrawn', async () => {
    now = new Date('2026-11-26T06:00:00Z');
    await hub
      .client(await tokenFor('EDITOR'))
      .request('mutation($id: ID!) { withdrawMaterial(id: $id, reason: "Ошибка в тексте") { status } }', { id: material.late });
    now = new Date('2026-11-27T08:00:00Z');
    const res = await operator.request(ReportPlacementsDocument, {
      input: [item('late', 'museumTg', 'https://t.me/museum27/77', '2026-11-26T18:00:00+10:00')],
    });
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', index: 0, field: 'publishedAt' });
  });
});

describe('who may report and read', () => {
  it('refuses an operator reporting for a page outside its tree, storing nothing', async () => {
    const before = await countOf(org.sport);
    const res = await hub
      .client(await tokenFor('OPERATOR', org.museum))
      .request(ReportPlacementsDocument, { input: [item('a', 'sportVk', 'https://vk.com/wall-200_1')] });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(await countOf(org.sport)).toBe(before);
  });

  it('lets only ADMIN and OPERATOR report', async () => {
    for (const role of ['EDITOR', 'ANALYST'] as const) {
      expect(
        errorCodes(
          await hub
            .client(await tokenFor(role))
            .request(ReportPlacementsDocument, { input: [item('a', 'sportVk', 'https://vk.com/wall-200_1')] }),
        ),
      ).toEqual(['FORBIDDEN']);
    }
    expect(
      errorCodes(
        await hub
          .client(await tokenFor('HEAD', org.sport))
          .request(ReportPlacementsDocument, { input: [item('a', 'sportVk', 'https://vk.com/wall-200_1')] }),
      ),
    ).toEqual(['FORBIDDEN']);
    const res = await admin.request(ReportPlacementsDocument, { input: [item('a', 'sportVk', 'https://vk.com/wall-200_1')] });
    expect(res.data!.reportPlacements.accepted).toBe(1);
  });

  it('keeps HEAD and OPERATOR to their tree when reading placements', async () => {
    const head = await tokenFor('HEAD', org.sport);
    expect(errorCodes(await hub.client(head).request(COUNT, { id: org.museum }))).toEqual(['FORBIDDEN']);
    const own = await hub
      .client(head)
      .request<{ material: { placements: { totalCount: number } } }>(
        'query($id: ID!) { material(id: $id) { placements { totalCount } } }',
        { id: material.a },
      );
    expect(own.data!.material.placements.totalCount).toBe(1);
  });
});

describe('mass-media publications', () => {
  it('records a publication once, however often it is reported', async () => {
    const input = {
      organizationId: org.culture!,
      outlet: 'Тихоокеанская звезда',
      url: 'https://www.toz.khv-region.test/news/123/',
      publishedAt: '2026-11-20T09:00:00+10:00',
    };
    const first = await operator.request(ReportMediaPublicationDocument, { input });
    expect(first.errors).toBeUndefined();
    const again = await operator.request(ReportMediaPublicationDocument, {
      input: { ...input, url: 'https://toz.khv-region.test/news/123' },
    });
    expect(again.data!.reportMediaPublication.id).toBe(first.data!.reportMediaPublication.id);
    const print = await operator.request(ReportMediaPublicationDocument, {
      input: {
        organizationId: org.culture!,
        outlet: 'Приамурские ведомости',
        issueReference: '№ 45',
        publishedAt: '2026-11-18T09:00:00+10:00',
      },
    });
    expect(print.errors).toBeUndefined();
    const month = await admin.request<{ organization: { mediaPublications: { outlet: string }[] } }>(
      'query($id: ID!) { organization(id: $id) { mediaPublications(month: "2026-11") { outlet } } }',
      { id: org.culture },
    );
    expect(month.data!.organization.mediaPublications).toEqual([{ outlet: 'Тихоокеанская звезда' }, { outlet: 'Приамурские ведомости' }]);
  });

  it('refuses a publication without a URL or issue, from the future, or outside scope', async () => {
    const base = { organizationId: org.culture!, outlet: 'Губерния', publishedAt: '2026-11-20T09:00:00+10:00' };
    expect((await operator.request(ReportMediaPublicationDocument, { input: base })).errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'url',
    });
    expect(
      (
        await operator.request(ReportMediaPublicationDocument, {
          input: { ...base, url: 'https://g.test/1', publishedAt: '2026-12-20T09:00:00+10:00' },
        })
      ).errors![0]!.extensions!.field,
    ).toBe('publishedAt');
    expect(
      errorCodes(
        await operator.request(ReportMediaPublicationDocument, { input: { ...base, organizationId: org.sport!, url: 'https://g.test/2' } }),
      ),
    ).toEqual(['FORBIDDEN']);
  });
});
