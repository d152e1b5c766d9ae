import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, tokenFor, type GraphQLClient } from '@hub/common/testing';
import {
  addOfficialPage,
  approvedMaterial,
  createMaterial,
  distributedMaterial,
  registerOrganization,
  reviewerToken,
} from './support/fixtures.js';
import { startTestHub, type TestHub } from './support/hub.js';
import {
  ApproveMaterialDocument,
  CreateMaterialDocument,
  DistributeMaterialDocument,
  type CreateMaterialInput,
} from './generated/contract.js';

// Four eyes on approval, a real title and body, no headline repeated within four weeks.
// Wednesday 25 November 2026, 10:00 in Khabarovsk.
let now = new Date('2026-11-25T00:00:00Z');
let hub: TestHub;
let editorToken: string;
let adminToken: string;
let editor: GraphQLClient;
let reviewer: GraphQLClient;
let admin: GraphQLClient;

const UPDATE = 'mutation($id: ID!, $input: UpdateMaterialInput!) { updateMaterial(id: $id, input: $input) { title } }';
const STATE = 'query($id: ID!) { material(id: $id) { title body status approvedBy } }';

/** A material as STATE selects it. */
type State = { material: { title: string; body: string; status: string; approvedBy: string | null } };
const news = (title: string): CreateMaterialInput => ({ title, body: 'Текст новости о событии в крае.', topic: 'SOCIAL' });
const count = async () =>
  (await admin.request<{ materials: { totalCount: number } }>('{ materials(first: 0) { totalCount } }', {})).data!.materials.totalCount;

beforeAll(async () => {
  hub = await startTestHub({ clock: () => now });
  [editorToken, adminToken] = await Promise.all([tokenFor('EDITOR'), tokenFor('ADMIN')]);
  editor = hub.client(editorToken);
  reviewer = hub.client(await reviewerToken());
  admin = hub.client(adminToken);
  const head = { fullName: 'Сидоров Пётр Ильич', position: 'Министр', email: 'culture@khv-region.test' };
  const culture = await registerOrganization(hub.gatewayUrl, adminToken, {
    name: 'Министерство культуры Хабаровского края',
    kind: 'EXECUTIVE_BODY',
    head,
  });
  await addOfficialPage(hub.gatewayUrl, adminToken, { organizationId: culture, platform: 'VK', url: 'https://vk.com/minkult27' });
});
afterAll(() => hub?.stop());

describe('four eyes', () => {
  it('refuses an author approving its own material, changing nothing; another editor approves', async () => {
    const id = await createMaterial(hub.gatewayUrl, editorToken, news('Открылась выставка народных промыслов'));
    const own = await editor.request(ApproveMaterialDocument, { id });
    expect(errorCodes(own)).toEqual(['FORBIDDEN']);
    expect(own.errors![0]!.message).toBe(
      'Material «Открылась выставка народных промыслов»: its author cannot approve it; another editor approves (four eyes)',
    );
    expect((await admin.request<State>(STATE, { id })).data!.material).toMatchObject({ status: 'DRAFT', approvedBy: null });

    expect((await reviewer.request(ApproveMaterialDocument, { id })).data!.approveMaterial).toEqual({
      id,
      status: 'APPROVED',
    });
  });

  it('holds ADMIN to it as well', async () => {
    const id = await createMaterial(hub.gatewayUrl, adminToken, news('Комитет подготовил памятку для редакций'));
    expect(errorCodes(await admin.request(ApproveMaterialDocument, { id }))).toEqual(['FORBIDDEN']);
    expect((await editor.request(ApproveMaterialDocument, { id })).errors).toBeUndefined();
  });
});

describe('a real title and body', () => {
  it.each([
    ['a one-letter title', { title: 'x' }, 'title'],
    ['«Тест»', { title: 'Тест' }, 'title'],
    ['«asdf»', { title: 'asdf' }, 'title'],
    ['a numbered placeholder', { title: 'Материал 1' }, 'title'],
    ['digits and punctuation', { title: '2026 — !!!' }, 'title'],
    ['a one-word body', { body: 'Текст.' }, 'body'],
    ['lorem ipsum', { body: 'Lorem ipsum dolor sit amet' }, 'body'],
  ])('refuses %s on create, naming the field, storing nothing', async (_label, patch, field) => {
    const before = await count();
    const res = await editor.request(CreateMaterialDocument, { input: { ...news('Стартовал краевой конкурс чтецов'), ...patch } });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.field).toBe(field);
    expect(await count()).toBe(before);
  });

  it('refuses a placeholder on update, leaving the draft as it was', async () => {
    const id = await createMaterial(hub.gatewayUrl, editorToken, news('Стартовал краевой конкурс чтецов'));
    for (const input of [{ title: 'Тестовый заголовок' }, { body: 'test test' }]) {
      const res = await editor.request(UPDATE, { id, input });
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0]!.extensions!.field).toBe(Object.keys(input)[0]);
    }
    expect((await admin.request<State>(STATE, { id })).data!.material).toMatchObject({
      title: 'Стартовал краевой конкурс чтецов',
      body: 'Текст новости о событии в крае.',
      status: 'DRAFT',
    });
  });
});

describe('no headline twice within four weeks', () => {
  const TITLE = 'В Хабаровске открыли каток на площади';

  it('refuses the title of a material distributed in the last 28 days, case and spacing aside, naming it', async () => {
    await distributedMaterial(hub.gatewayUrl, editorToken, news(TITLE));
    now = new Date('2026-12-20T00:00:00Z'); // 25 days later
    const before = await count();
    const res = await editor.request(CreateMaterialDocument, { input: news('  в хабаровске ОТКРЫЛИ   каток на площади ') });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.field).toBe('title');
    expect(res.errors![0]!.message).toBe(`title: «${TITLE}» was distributed on 2026-11-25; a title may repeat 28 days after`);
    expect(await count()).toBe(before);

    const draft = await createMaterial(hub.gatewayUrl, editorToken, news('Каток на площади открыт для всех'));
    const renamed = await editor.request(UPDATE, { id: draft, input: { title: TITLE.toUpperCase() } });
    expect(errorCodes(renamed)).toEqual(['BAD_USER_INPUT']);
    expect((await admin.request<State>(STATE, { id: draft })).data!.material.title).toBe('Каток на площади открыт для всех');
  });

  it('refuses again at distribution, when a twin went out after the draft was written, and lets one of two twins distributed at once through', async () => {
    const twins = await Promise.all(
      [1, 2, 3].map(() => approvedMaterial(hub.gatewayUrl, editorToken, news('Открыт новый маршрут городского автобуса'))),
    );
    const results = await Promise.all(twins.map((id) => editor.request(DistributeMaterialDocument, { id, audience: {} })));
    expect(results.map((r) => errorCodes(r)).sort()).toEqual([[], ['CONFLICT'], ['CONFLICT']]);
    const refused = results.find((r) => r.errors)!;
    expect(refused.errors![0]!.message).toMatch(
      /^Material «Открыт новый маршрут городского автобуса»: «Открыт новый маршрут городского автобуса» was distributed on 2026-12-20; a title may repeat 28 days after; change its title first$/,
    );
    const states = await Promise.all(
      twins.map(
        async (id) =>
          (
            await admin.request<{ material: { status: string; recipientCount: number } }>(
              'query($id: ID!) { material(id: $id) { status recipientCount } }',
              { id },
            )
          ).data!.material,
      ),
    );
    expect(states.filter((m) => m.status === 'DISTRIBUTED')).toHaveLength(1);
    // The refused ones are left approved, sent to no one, for the editor to retitle.
    expect(states.filter((m) => m.status === 'APPROVED' && m.recipientCount === 0)).toHaveLength(2);
  });

  it('lets it repeat once 28 days have passed, and after a withdrawal', async () => {
    now = new Date('2026-12-24T00:00:00Z'); // 29 days later
    expect((await editor.request(CreateMaterialDocument, { input: news(TITLE) })).errors).toBeUndefined();

    const withdrawn = await distributedMaterial(hub.gatewayUrl, editorToken, news('Отменён концерт в филармонии'));
    await editor.request('mutation($id: ID!) { withdrawMaterial(id: $id, reason: "Ошибка в дате") { status } }', { id: withdrawn });
    expect((await editor.request(CreateMaterialDocument, { input: news('Отменён концерт в филармонии') })).errors).toBeUndefined();
  });
});
