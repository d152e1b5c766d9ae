import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, tokenFor, type GraphQLClient } from '@hub/common/testing';
import {
  addOfficialPage,
  createMaterial,
  distributedMaterial,
  registerOrganization,
  reviewerToken,
  type AudienceInput,
} from './support/fixtures.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { operation } from './support/operations.js';
import {
  ApproveMaterialDocument,
  ContentSupplyDocument,
  CreateMaterialDocument,
  DistributeMaterialDocument,
  MaterialsDocument,
} from './generated/contract.js';

// Wednesday 25 November 2026, 10:00 in Khabarovsk: week 2026-W48.
let now = new Date('2026-11-25T00:00:00Z');
let hub: TestHub;
let adminToken: string;
let editorToken: string;
let admin: GraphQLClient;
let editor: GraphQLClient;
/** Approves the editor's materials: an author does not approve its own (four eyes). */
let reviewer: GraphQLClient;
const org: Record<string, string> = {};

const INBOX = `query($week: String, $org: ID) { inbox(week: $week, organizationId: $org) {
  receivedAt windowOpen material { id title status placementWindow { until } } organization { id name } } }`;

/** The inbox as INBOX selects it. */
type Inbox = {
  inbox: {
    receivedAt: string;
    windowOpen: boolean;
    material: { id: string; title: string; status: string; placementWindow: { until: string | null } | null };
    organization: { id: string; name: string };
  }[];
};

async function register(key: string, name: string, kind: string, parentId?: string, page?: string) {
  const head = { fullName: 'Сидоров Пётр Ильич', position: 'Руководитель', email: `${key}@khv-region.test` };
  const id = await registerOrganization(hub.gatewayUrl, adminToken, { name, kind, parentId, head });
  org[key] = id;
  if (page) await addOfficialPage(hub.gatewayUrl, adminToken, { organizationId: id, platform: 'VK', url: page });
}

const newsItem = (title: string, extra: Record<string, unknown>) => ({
  title,
  body: 'Текст новости.\n\nВторой абзац.',
  topic: 'SOCIAL',
  ...extra,
});
/** A draft. */
const material = (title: string, extra: Record<string, unknown> = {}) =>
  createMaterial(hub.gatewayUrl, editorToken, newsItem(title, extra));
/** Approved and distributed to `audience`: its id. */
const distributed = (title: string, audience: AudienceInput = {}, extra: Record<string, unknown> = {}) =>
  distributedMaterial(hub.gatewayUrl, editorToken, newsItem(title, extra), audience);

const materialCount = async () => (await admin.request(MaterialsDocument, { first: 0 })).data!.materials.totalCount;

beforeAll(async () => {
  hub = await startTestHub({ clock: () => now });
  adminToken = await tokenFor('ADMIN');
  editorToken = await tokenFor('EDITOR');
  admin = hub.client(adminToken);
  editor = hub.client(editorToken);
  reviewer = hub.client(await reviewerToken());
  await register('culture', 'Министерство культуры Хабаровского края', 'EXECUTIVE_BODY', undefined, 'https://vk.com/minkult27');
  await register('museum', 'КГБУК «Краевой музей»', 'SUBORDINATE', org.culture, 'https://vk.com/museum27');
  await register('bikin', 'Бикинский муниципальный округ', 'MUNICIPALITY', undefined, 'https://vk.com/bikin_adm');
  await register('nopage', 'Министерство финансов Хабаровского края', 'EXECUTIVE_BODY');
});
afterAll(() => hub?.stop());

describe('an editor creates, approves and distributes a material', () => {
  it('sends it to every organization with official pages and an operator finds it in the inbox', async () => {
    const id = await material('Губернатор наградил лучших работников культуры', {
      hashtags: ['#Хабаровскийкрай', 'Культура27'],
      mediaLinks: ['https://media.khv-region.test/2026/photo-1.jpg'],
      placementWindow: { until: '2026-11-27T18:00:00+10:00' },
      summary: 'Награды вручены в краевом музее.',
    });
    const approved = await reviewer.request(ApproveMaterialDocument, { id });
    expect(approved.data!.approveMaterial).toEqual({ id, status: 'APPROVED' });

    const sent = await editor.request(DistributeMaterialDocument, { id, audience: {} });
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.distributeMaterial).toEqual({
      id,
      status: 'DISTRIBUTED',
      distributedAt: '2026-11-25T10:00:00+10:00',
      recipientCount: 3,
    });

    const operator = await tokenFor('OPERATOR', org.museum);
    const inbox = await hub.client(operator).request<Inbox>(INBOX, {});
    expect(inbox.errors).toBeUndefined();
    expect(inbox.data!.inbox).toEqual([
      {
        receivedAt: '2026-11-25T10:00:00+10:00',
        windowOpen: true,
        material: {
          id,
          title: 'Губернатор наградил лучших работников культуры',
          status: 'DISTRIBUTED',
          placementWindow: { until: '2026-11-27T18:00:00+10:00' },
        },
        organization: { id: org.museum, name: 'КГБУК «Краевой музей»' },
      },
    ]);
  });

  it('resolves the recipients through federation: material → recipients → organizations', async () => {
    const id = await distributed('В крае открыли три новых ФАПа', { kinds: ['EXECUTIVE_BODY'] });
    const res = await admin.request<{
      material: { recipientCount: number; recipients: { name: string; kind: string }[]; audience: unknown };
    }>('query($id: ID!) { material(id: $id) { recipientCount recipients { name kind } audience { kinds everyOrganizationWithPages } } }', {
      id,
    });
    expect(res.data!.material.recipientCount).toBe(2);
    expect(res.data!.material.recipients.map((o) => o.name).sort()).toEqual([
      'Министерство культуры Хабаровского края',
      'Министерство финансов Хабаровского края',
    ]);
    expect(res.data!.material.audience).toEqual({ kinds: ['EXECUTIVE_BODY'], everyOrganizationWithPages: false });
  });

  it('keeps who received a material when the registry changes later', async () => {
    const id = await distributed('Стартовал приём заявок на гранты для НКО', { organizationIds: [org.bikin!] });
    await admin.request('mutation($id: ID!) { deactivateOrganization(id: $id, reason: "Преобразован") { active } }', { id: org.bikin });
    const res = await admin.request<{ material: { recipients: unknown[] } }>(
      'query($id: ID!) { material(id: $id) { recipients { id active } } }',
      { id },
    );
    expect(res.data!.material.recipients).toEqual([{ id: org.bikin, active: false }]);
    const again = await material('Ещё одна новость');
    await reviewer.request(ApproveMaterialDocument, { id: again });
    const refused = await editor.request(DistributeMaterialDocument, { id: again, audience: { organizationIds: [org.bikin!] } });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.message).toContain(org.bikin);
  });

  it('shows what an organization received in a week, on the organization itself', async () => {
    type Received = { organization: { receivedMaterials: { title: string }[] } };
    const res = await admin.request<Received>(
      'query($id: ID!) { organization(id: $id) { name receivedMaterials(week: "2026-W48") { title } } }',
      { id: org.culture },
    );
    expect(res.data!.organization.receivedMaterials.map((m) => m.title).sort()).toEqual([
      'В крае открыли три новых ФАПа',
      'Губернатор наградил лучших работников культуры',
    ]);
    const lastWeek = await admin.request<Received>(
      'query($id: ID!) { organization(id: $id) { receivedMaterials(week: "2026-W47") { title } } }',
      { id: org.culture },
    );
    expect(lastWeek.data!.organization.receivedMaterials).toEqual([]);
  });
});

describe('supply against the quota', () => {
  it("counts the week's distributed materials against CONTENT_CENTER_WEEKLY_SUPPLY", async () => {
    const res = await admin.request(ContentSupplyDocument, { week: '2026-W48' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.contentSupply).toEqual({ week: '2026-W48', distributed: 3, required: 10, met: false });
    const empty = await admin.request(ContentSupplyDocument, { week: '2026-W40' });
    expect(empty.data!.contentSupply).toMatchObject({ distributed: 0, met: false });
  });

  it("lists the week's materials newest first, filtered by status", async () => {
    const res = await admin.request(MaterialsDocument, { week: '2026-W48', status: 'DISTRIBUTED' });
    expect(res.data!.materials.totalCount).toBe(3);
    const dated = await admin.request<{ materials: { edges: { node: { createdAt: string } }[] } }>(
      '{ materials(first: 100) { edges { node { createdAt } } } }',
      {},
    );
    const times = dated.data!.materials.edges.map((e) => Date.parse(e.node.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const draft = await admin.request(MaterialsDocument, { week: '2026-W48', status: 'DRAFT' });
    expect(draft.data!.materials.totalCount).toBe(0); // a draft is never "distributed in" a week
  });

  it('refuses a period that is not a week', async () => {
    for (const week of ['2026-11', '2026-W99', 'вчера']) {
      const res = await admin.request(ContentSupplyDocument, { week });
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0]!.extensions!.field).toBe('week');
    }
  });
});

describe("what the editor's workspace asks", () => {
  const AUDIENCE_SIZE = 'query($a: AudienceInput!) { audienceSize(audience: $a) }';
  const size = async (audience: AudienceInput) =>
    (await editor.request<{ audienceSize: number }>(AUDIENCE_SIZE, { a: audience })).data!.audienceSize;

  it('counts the recipients an audience reaches before anything is sent, as distributing would store them', async () => {
    expect(await size({ kinds: ['EXECUTIVE_BODY'] })).toBe(2);
    expect(await size({ kinds: ['EXECUTIVE_BODY'], organizationIds: [org.culture!, org.museum!] })).toBe(3);
    const everyone = await size({});
    const id = await distributed('Новость для всех со страницами: счёт получателей', {});
    const sent = await admin.request<{ material: { recipientCount: number } }>('query($id: ID!) { material(id: $id) { recipientCount } }', {
      id,
    });
    expect(sent.data!.material.recipientCount).toBe(everyone);
  });

  it('refuses an audience naming an unknown organization, as distributing would, and only EDITOR and ADMIN may ask', async () => {
    const ghost = '00000000-0000-4000-8000-00000000abcd';
    const res = await editor.request(AUDIENCE_SIZE, { a: { organizationIds: [ghost] } });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.field).toBe('audience.organizationIds');
    const operator = hub.client(await tokenFor('OPERATOR', org.culture));
    expect(errorCodes(await operator.request(AUDIENCE_SIZE, { a: {} }))).toEqual(['FORBIDDEN']);
  });

  it("gives the week's supply per kind of recipient: how many received, the fewest and the most one received", async () => {
    const res = await admin.request<{
      contentSupply: { byRecipientGroup: { kind: string; recipients: number; fewest: number; most: number }[] };
      materials: { edges: { node: { recipients: { id: string; kind: string }[] } }[] };
    }>(
      `{ contentSupply(week: "2026-W48") { byRecipientGroup { kind recipients fewest most } }
         materials(week: "2026-W48", first: 100) { edges { node { recipients { id kind } } } } }`,
      {},
    );
    // The same figures counted here from each material's recipients.
    const received = new Map<string, { kind: string; count: number }>();
    for (const { node } of res.data!.materials.edges)
      for (const r of node.recipients) received.set(r.id, { kind: r.kind, count: (received.get(r.id)?.count ?? 0) + 1 });
    const kinds = [...new Set([...received.values()].map((r) => r.kind))].sort();
    const expected = kinds.map((kind) => {
      const counts = [...received.values()].filter((r) => r.kind === kind).map((r) => r.count);
      return { kind, recipients: counts.length, fewest: Math.min(...counts), most: Math.max(...counts) };
    });
    expect(expected.length).toBeGreaterThan(1);
    expect(res.data!.contentSupply.byRecipientGroup).toEqual(expected);
  });

  it('finds materials by words in the title, summary or text, whatever their case, taking % and _ literally', async () => {
    const id = await material('Заготовка дикоросов', { body: 'Сезон сбора ЧЕРЕМШИ в крае.', summary: 'Про 100% урожай' });
    const search = async (words: string) =>
      (
        await editor.request<{ materials: { edges: { node: { id: string } }[] } }>(
          'query($s: String) { materials(search: $s, first: 100) { edges { node { id } } } }',
          { s: words },
        )
      ).data!.materials.edges.map((e) => e.node.id);
    expect(await search('черемш')).toEqual([id]);
    expect(await search('дикоросов')).toEqual([id]);
    expect(await search('100%')).toEqual([id]);
    expect(await search('10_%')).toEqual([]);
    expect((await search('  ')).length).toBe(await materialCount());
  });
});

describe('bad input changes nothing', () => {
  it.each([
    ['an empty title', { title: '  ' }, 'title'],
    [
      'a window that ends before it starts',
      { placementWindow: { from: '2026-11-28T10:00:00+10:00', until: '2026-11-27T10:00:00+10:00' } },
      'placementWindow.until',
    ],
    ['a hashtag of two words', { hashtags: ['два слова'] }, 'hashtags.0'],
    ['a media link over http', { mediaLinks: ['http://media.khv-region.test/1.jpg'] }, 'mediaLinks.0'],
  ])('refuses %s', async (_label, patch, field) => {
    const before = await materialCount();
    const res = await editor.request(CreateMaterialDocument, {
      input: { title: 'Стартовала краевая спартакиада', body: 'Текст новости о спартакиаде.', topic: 'SPORT', ...patch },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.field).toBe(field);
    expect(await materialCount()).toBe(before);
  });

  it('refuses an unknown topic', async () => {
    const before = await materialCount();
    const res = await editor.request(operation('CreateMaterial'), {
      input: { title: 'Прогноз погоды на выходные', body: 'Текст прогноза погоды.', topic: 'WEATHER' },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(await materialCount()).toBe(before);
  });

  it('refuses to edit or approve a material that is no longer a draft (CONFLICT)', async () => {
    const id = await distributed('Новость для проверки правок');
    const edit = await editor.request(
      'mutation($id: ID!) { updateMaterial(id: $id, input: { title: "Другой заголовок новости" }) { title } }',
      { id },
    );
    expect(errorCodes(edit)).toEqual(['CONFLICT']);
    expect(errorCodes(await editor.request(ApproveMaterialDocument, { id }))).toEqual(['CONFLICT']);
    const read = await admin.request<{ material: unknown }>('query($id: ID!) { material(id: $id) { title status } }', { id });
    expect(read.data!.material).toEqual({ title: 'Новость для проверки правок', status: 'DISTRIBUTED' });
  });

  it('refuses to distribute a material that is not approved (CONFLICT), storing no recipients', async () => {
    const id = await material('Черновик без одобрения');
    const res = await editor.request(DistributeMaterialDocument, { id, audience: {} });
    expect(errorCodes(res)).toEqual(['CONFLICT']);
    const read = await admin.request<{ material: unknown }>(
      'query($id: ID!) { material(id: $id) { status recipientCount recipients { id } } }',
      { id },
    );
    expect(read.data!.material).toEqual({ status: 'DRAFT', recipientCount: 0, recipients: [] });
  });

  it('refuses unknown organization ids in the audience, naming them, and stores nothing', async () => {
    const id = await material('Новость для неизвестных получателей');
    await reviewer.request(ApproveMaterialDocument, { id });
    const ghost = '00000000-0000-4000-8000-00000000abcd';
    const res = await editor.request(DistributeMaterialDocument, { id, audience: { organizationIds: [org.culture!, ghost] } });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.field).toBe('audience.organizationIds');
    expect(res.errors![0]!.message).toContain(ghost);
    const read = await admin.request<{ material: unknown }>('query($id: ID!) { material(id: $id) { status recipientCount } }', { id });
    expect(read.data!.material).toEqual({ status: 'APPROVED', recipientCount: 0 });
  });

  it('answers NOT_FOUND for an unknown material', async () => {
    expect(errorCodes(await editor.request(ApproveMaterialDocument, { id: '00000000-0000-4000-8000-000000000000' }))).toEqual([
      'NOT_FOUND',
    ]);
  });
});

describe('edits, withdrawal and the placement window', () => {
  it('edits a draft and records who did it', async () => {
    const id = await material('Черновик новости о выставке');
    const res = await admin.request<{ updateMaterial: unknown }>(
      'mutation($id: ID!) { updateMaterial(id: $id, input: { title: "Исправленный заголовок", topic: CULTURE }) { title topic author } }',
      { id },
    );
    expect(res.data!.updateMaterial).toEqual({ title: 'Исправленный заголовок', topic: 'CULTURE', author: 'test-editor' });
  });

  it('withdraws a distributed material: the inbox shows it closed', async () => {
    const id = await distributed('Концерт переносится', { organizationIds: [org.museum!] });
    now = new Date('2026-11-25T02:00:00Z');
    const res = await editor.request<{ withdrawMaterial: unknown }>(
      'mutation($id: ID!) { withdrawMaterial(id: $id, reason: "Мероприятие перенесено") { status withdrawnAt withdrawalReason } }',
      { id },
    );
    expect(res.data!.withdrawMaterial).toEqual({
      status: 'WITHDRAWN',
      withdrawnAt: '2026-11-25T12:00:00+10:00',
      withdrawalReason: 'Мероприятие перенесено',
    });
    const inbox = await admin.request<Inbox>(INBOX, { org: org.museum });
    expect(inbox.data!.inbox.find((i) => i.material.id === id)!.windowOpen).toBe(false);
    expect(
      errorCodes(await editor.request('mutation($id: ID!) { withdrawMaterial(id: $id, reason: "ещё раз") { status } }', { id })),
    ).toEqual(['CONFLICT']);
  });

  it('closes the window once its end has passed', async () => {
    now = new Date('2026-11-28T00:00:00Z'); // Saturday 10:00, after the Friday 18:00 deadline
    const inbox = await admin.request<Inbox>(INBOX, { org: org.museum, week: '2026-W48' });
    const first = inbox.data!.inbox.find((i) => i.material.title === 'Губернатор наградил лучших работников культуры');
    expect(first!.windowOpen).toBe(false);
    now = new Date('2026-11-25T02:00:00Z');
  });
});

describe('who may do what', () => {
  it('lets only EDITOR and ADMIN write', async () => {
    const before = await materialCount();
    for (const token of [await tokenFor('OPERATOR', org.culture), await tokenFor('HEAD', org.culture), await tokenFor('ANALYST')]) {
      const res = await hub
        .client(token)
        .request(CreateMaterialDocument, { input: { title: 'Не моя новость', body: 'Текст', topic: 'SPORT' } });
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    }
    expect(await materialCount()).toBe(before);
    const id = await material('Проверка прав');
    expect(errorCodes(await hub.client(await tokenFor('OPERATOR', org.culture)).request(ApproveMaterialDocument, { id }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await hub.client(await tokenFor('ANALYST')).request(DistributeMaterialDocument, { id, audience: {} }))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('shows OPERATOR and HEAD only what their organizations received, ANALYST everything', async () => {
    const total = await materialCount();
    const analyst = await hub.client(await tokenFor('ANALYST')).request(MaterialsDocument, { first: 0 });
    expect(analyst.data!.materials.totalCount).toBe(total);

    const head = await tokenFor('HEAD', org.culture);
    const seen = await hub.client(head).request(MaterialsDocument, { first: 100 });
    const titles = seen.data!.materials.edges.map((e) => e.node.title);
    expect(titles).toContain('Губернатор наградил лучших работников культуры');
    expect(titles).not.toContain('Стартовал приём заявок на гранты для НКО');
    expect(titles).not.toContain('Черновик без одобрения');

    const bikinOnly = (await admin.request(MaterialsDocument, { first: 100 })).data!.materials.edges.find(
      (e) => e.node.title === 'Стартовал приём заявок на гранты для НКО',
    )!.node.id;
    expect(errorCodes(await hub.client(head).request('query($id: ID!) { material(id: $id) { title } }', { id: bikinOnly }))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it("keeps an operator out of another organization's inbox", async () => {
    const operator = await tokenFor('OPERATOR', org.museum);
    expect(errorCodes(await hub.client(operator).request(INBOX, { org: org.culture }))).toEqual(['FORBIDDEN']);
    const head = await tokenFor('HEAD', org.culture);
    expect((await hub.client(head).request(INBOX, { org: org.museum })).errors).toBeUndefined();
  });
});
