import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { tokenFor, type GraphQLClient, type GraphQLResponse } from '@hub/common/testing';
import { addOfficialPage, createMaterial, distributedMaterial, registerOrganization, type HeadInput } from './support/fixtures.js';
import { startTestHub, type TestHub } from './support/hub.js';

// Security review: inputs that were accepted and stored though they should be refused.
// Each refusal is coded, names its field, and leaves every table of the four subgraphs as it was.
// Wednesday 25 November 2026, 10:00 in Khabarovsk.
const NOW = new Date('2026-11-25T00:00:00Z');
let hub: TestHub;
let db: pg.Client;
let adminToken: string;
let editorToken: string;
let admin: GraphQLClient;
let editor: GraphQLClient;
let fingerprintSql: string;

const head = (who: string): HeadInput => ({
  fullName: 'Иванова Мария Петровна',
  position: 'Руководитель',
  email: `${who}@khv-region.test`,
});

const REGISTER = 'mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id name } }';
const DEACTIVATE = 'mutation($id: ID!, $reason: String!) { deactivateOrganization(id: $id, reason: $reason) { id active } }';
const ADD_PAGE = 'mutation($input: AddOfficialPageInput!) { addOfficialPage(input: $input) { id url } }';
const CREATE = 'mutation($input: CreateMaterialInput!) { createMaterial(input: $input) { id summary } }';
const WITHDRAW = 'mutation($id: ID!, $reason: String!) { withdrawMaterial(id: $id, reason: $reason) { status } }';
const news = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  body: 'Текст новости о событии в крае.',
  topic: 'SOCIAL',
  ...extra,
});

type Fingerprint = Record<string, [number, number | null]>;

/** Every table of the four subgraphs (the audit log aside, which records refusals by design): rows and the newest write. */
async function fingerprint(): Promise<Fingerprint> {
  return (await db.query(fingerprintSql)).rows[0]!.tables;
}

/** The one error of a refused call, as [code, field, message]; and that it changed no table. */
async function refused(send: () => Promise<GraphQLResponse<unknown>>): Promise<[unknown, unknown, string]> {
  const before = await fingerprint();
  const res = await send();
  const after = await fingerprint();
  expect(res.errors, `refused: ${JSON.stringify(res.data)}`).toHaveLength(1);
  const changed = Object.keys(after).filter((table) => JSON.stringify(after[table]) !== JSON.stringify(before[table]));
  expect(changed, 'a refused call changes nothing').toEqual([]);
  const [error] = res.errors!;
  return [error!.extensions?.code, error!.extensions?.field ?? null, error!.message];
}

const codeAndField = async (send: () => Promise<GraphQLResponse<unknown>>) => (await refused(send)).slice(0, 2);

let body: string;
let municipality: string;

beforeAll(async () => {
  hub = await startTestHub({ seed: 'none', clock: () => NOW });
  [adminToken, editorToken] = await Promise.all([tokenFor('ADMIN'), tokenFor('EDITOR')]);
  admin = hub.client(adminToken);
  editor = hub.client(editorToken);
  db = new pg.Client({ connectionString: hub.databaseUrl });
  await db.connect();
  const tables = (
    await db.query(`select table_schema || '.' || table_name as name from information_schema.tables
    where table_schema in ('content', 'organizations', 'compliance', 'monitoring') and table_type = 'BASE TABLE' order by 1`)
  ).rows;
  fingerprintSql = `select json_build_object(${tables
    .map(({ name }) => `'${name}', (select json_build_array(count(*), max(xmin::text::bigint)) from ${name})`)
    .join(', ')}) as tables`;
  body = await registerOrganization(hub.gatewayUrl, adminToken, {
    name: 'Министерство культуры Хабаровского края',
    kind: 'EXECUTIVE_BODY',
    head: head('culture'),
  });
  municipality = await registerOrganization(hub.gatewayUrl, adminToken, {
    name: 'Бикинский муниципальный округ',
    kind: 'MUNICIPALITY',
    head: head('bikin'),
  });
}, 120_000);

afterAll(async () => {
  await db?.end();
  await hub?.stop();
});

describe('input hygiene', () => {
  it('normalises free text (NFC, no zero-width or bidi controls) before length and uniqueness, and refuses text left empty', async () => {
    const invisible = '\u200b\u200c\u200d\u2060\ufeff';
    expect(
      await codeAndField(() =>
        admin.request(REGISTER, { input: { name: invisible, kind: 'SUBORDINATE', parentId: body, head: head('zw') } }),
      ),
    ).toEqual(['BAD_USER_INPUT', 'name']);
    expect(
      await codeAndField(() =>
        admin.request(REGISTER, {
          input: { name: 'КГБУ «Архив»', shortName: '\u200b', kind: 'SUBORDINATE', parentId: body, head: head('zw') },
        }),
      ),
    ).toEqual(['BAD_USER_INPUT', 'shortName']);
    expect(
      await codeAndField(() =>
        editor.request(CREATE, { input: news('Губернатор открыл новую школу в Бикине', { summary: '\u200b \u2060' }) }),
      ),
    ).toEqual(['BAD_USER_INPUT', 'summary']);
    const note = 'mutation($input: MethodologicalNoteInput!) { addMethodologicalNote(input: $input) { id } }';
    expect(await codeAndField(() => admin.request(note, { input: { text: '\u200b\u200b' } }))).toEqual(['BAD_USER_INPUT', 'text']);
    const grant = 'mutation($input: GrantExemptionInput!) { grantExemption(input: $input) { id } }';
    expect(
      await codeAndField(() =>
        admin.request(grant, {
          input: { organizationId: body, rule: 'WEEKLY_PLACEMENTS', period: '2026-W47', reason: '\u200b\u200b\u200b\u200b' },
        }),
      ),
    ).toEqual(['BAD_USER_INPUT', 'reason']);
    const distributed = await distributedMaterial(hub.gatewayUrl, editorToken, news('В крае стартовал приём заявок на гранты'), {
      organizationIds: [body],
    });
    expect(await codeAndField(() => editor.request(WITHDRAW, { id: distributed, reason: '\u2060\u200d' }))).toEqual([
      'BAD_USER_INPUT',
      'reason',
    ]);
    expect(await codeAndField(() => admin.request(DEACTIVATE, { id: municipality, reason: '\ufeff\u200b' }))).toEqual([
      'BAD_USER_INPUT',
      'reason',
    ]);
    const media = 'mutation($input: ReportMediaPublicationInput!) { reportMediaPublication(input: $input) { id outlet } }';
    expect(
      await codeAndField(() =>
        admin.request(media, {
          input: { organizationId: body, outlet: '\u200b', url: 'https://toz.su/news/1', publishedAt: '2026-11-20T10:00:00+10:00' },
        }),
      ),
    ).toEqual(['BAD_USER_INPUT', 'outlet']);

    // The same name with an invisible or a bidi control inside is the same name.
    const [twinCode, twinField, twinMessage] = await refused(() =>
      admin.request(REGISTER, {
        input: { name: 'Министерство\u200b культуры\u202e Хабаровского края', kind: 'EXECUTIVE_BODY', head: head('twin') },
      }),
    );
    expect([twinCode, twinField]).toEqual(['CONFLICT', 'name']);
    expect(twinMessage).toContain('«Министерство культуры Хабаровского края» is already registered');

    // What is accepted is stored normalised: no controls, composed, trimmed.
    const stored = await admin.request<{ registerOrganization: { id: string; name: string } }>(REGISTER, {
      input: {
        name: '\u2066КГБУК «Музей\u2069 им. Гродекова»\u200f ',
        shortName: 'Музе\u0438\u0306',
        kind: 'SUBORDINATE',
        parentId: body,
        head: head('museum'),
      },
    });
    expect(stored.errors).toBeUndefined();
    const museum = (
      await admin.request<{ organization: { name: string; shortName: string | null } }>(
        'query($id: ID!) { organization(id: $id) { name shortName } }',
        { id: stored.data!.registerOrganization.id },
      )
    ).data!;
    expect(museum.organization).toEqual({ name: 'КГБУК «Музей им. Гродекова»', shortName: 'Музей' });
  });

  it('registers a Telegram channel once, whatever host, scheme or invisible character it is spelled with, and refuses dot segments', async () => {
    const owner = await registerOrganization(hub.gatewayUrl, adminToken, {
      name: 'КГБУ «Телеграм-центр»',
      kind: 'SUBORDINATE',
      parentId: body,
      head: head('tg'),
    });
    await addOfficialPage(hub.gatewayUrl, adminToken, { organizationId: owner, platform: 'TELEGRAM', url: 'https://t.me/khv_channel' });
    for (const url of [
      'https://telegram.me/khv_channel',
      'https://t.me/khv_\u200bchannel',
      'https://t.me/khv_channel\u2060',
      'http://t.me/KHV_channel/',
    ]) {
      expect(
        await codeAndField(() => admin.request(ADD_PAGE, { input: { organizationId: owner, platform: 'TELEGRAM', url } })),
        url,
      ).toEqual(['BAD_USER_INPUT', 'url']);
    }
    for (const url of ['https://t.me/../../etc', 'https://t.me/khv_other/../etc', 'https://t.me/%2e%2e/etc', 'https://t.me/./khv_other']) {
      const [code, field, message] = await refused(() =>
        admin.request(ADD_PAGE, { input: { organizationId: owner, platform: 'TELEGRAM', url } }),
      );
      expect([code, field], url).toEqual(['BAD_USER_INPUT', 'url']);
      expect(message, url).toContain('. or .. segments');
    }
    // http is taken as the https page it is, as for every other platform.
    const plain = await admin.request<{ addOfficialPage: { id: string; url: string } }>(ADD_PAGE, {
      input: { organizationId: owner, platform: 'TELEGRAM', url: 'http://t.me/khv_news' },
    });
    expect(plain.errors).toBeUndefined();
    expect(plain.data!.addOfficialPage.url).toBe('https://t.me/khv_news');
    expect(
      await codeAndField(() =>
        admin.request(ADD_PAGE, { input: { organizationId: owner, platform: 'TELEGRAM', url: 'https://telegram.me/khv_news' } }),
      ),
    ).toEqual(['BAD_USER_INPUT', 'url']);
  });

  it('keeps at most one active committee, ЦУР and content center, answering CONFLICT even to a race', async () => {
    const committee = await registerOrganization(hub.gatewayUrl, adminToken, {
      name: 'Комитет информационной политики',
      kind: 'COMMITTEE',
      head: head('committee'),
    });
    const [code, field, message] = await refused(() =>
      admin.request(REGISTER, { input: { name: 'Второй комитет', kind: 'COMMITTEE', head: head('committee2') } }),
    );
    expect([code, field]).toEqual(['CONFLICT', 'kind']);
    expect(message).toContain('«Комитет информационной политики»');

    // Two content centers at once: one is registered, the other told CONFLICT (not a 500).
    const race = await Promise.all(
      ['Контент-центр А', 'Контент-центр Б'].map((name, i) =>
        admin.request(REGISTER, { input: { name, kind: 'CONTENT_CENTER', head: head(`center${i}`) } }),
      ),
    );
    expect(race.map((r) => (r.errors ? r.errors.map((e) => [e.extensions?.code, e.extensions?.field]) : 'ok')).sort()).toEqual(
      [[['CONFLICT', 'kind']], 'ok'].sort(),
    );
    const { organizations } = (
      await admin.request<{ organizations: { totalCount: number } }>('{ organizations(kind: CONTENT_CENTER) { totalCount } }')
    ).data!;
    expect(organizations.totalCount).toBe(1);

    // A deactivated one no longer holds its place.
    const cur = await registerOrganization(hub.gatewayUrl, adminToken, {
      name: 'Центр управления регионом',
      kind: 'REGIONAL_MANAGEMENT_CENTER',
      head: head('cur'),
    });
    expect(
      await codeAndField(() =>
        admin.request(REGISTER, { input: { name: 'ЦУР-2', kind: 'REGIONAL_MANAGEMENT_CENTER', head: head('cur2') } }),
      ),
    ).toEqual(['CONFLICT', 'kind']);
    expect((await admin.request(DEACTIVATE, { id: cur, reason: 'Реорганизован' })).errors).toBeUndefined();
    expect(
      (await admin.request(REGISTER, { input: { name: 'ЦУР-2', kind: 'REGIONAL_MANAGEMENT_CENTER', head: head('cur2') } })).errors,
    ).toBeUndefined();
    expect(committee).toBeTruthy();
  });

  it('refuses an INN that fails the official checks, all zeros included', async () => {
    for (const inn of ['0000000000', '000000000000', '2721000001', '500100732258']) {
      expect(
        await codeAndField(() =>
          admin.request(REGISTER, { input: { name: 'КГБУ «Без ИНН»', inn, kind: 'SUBORDINATE', parentId: body, head: head('inn') } }),
        ),
        inn,
      ).toEqual(['BAD_USER_INPUT', 'inn']);
      expect(
        await codeAndField(() =>
          admin.request('mutation($id: ID!, $inn: String) { updateOrganization(id: $id, input: { inn: $inn }) { id } }', { id: body, inn }),
        ),
        inn,
      ).toEqual(['BAD_USER_INPUT', 'inn']);
    }
  });

  it('refuses a widget placed or an article published before 2023 or in the future, naming the date', async () => {
    const owner = await registerOrganization(hub.gatewayUrl, adminToken, {
      name: 'КГБУ «Виджет»',
      kind: 'SUBORDINATE',
      parentId: body,
      head: head('widget'),
    });
    const page = await addOfficialPage(hub.gatewayUrl, adminToken, {
      organizationId: owner,
      platform: 'VK',
      url: 'https://vk.com/widget_khv',
    });
    const mark = 'mutation($id: ID!, $at: DateTime!) { markFeedbackWidget(pageId: $id, placedAt: $at) { id } }';
    for (const at of ['1970-01-01T00:00:00Z', '2022-12-31T23:59:59+10:00', '2026-11-26T10:00:00+10:00']) {
      expect(await codeAndField(() => admin.request(mark, { id: page, at })), at).toEqual(['BAD_USER_INPUT', 'placedAt']);
    }
    const media = 'mutation($input: ReportMediaPublicationInput!) { reportMediaPublication(input: $input) { id } }';
    expect(
      await codeAndField(() =>
        admin.request(media, {
          input: {
            organizationId: owner,
            outlet: 'Тихоокеанская звезда',
            url: 'https://toz.su/news/1970',
            publishedAt: '1970-01-01T00:00:00Z',
          },
        }),
      ),
    ).toEqual(['BAD_USER_INPUT', 'publishedAt']);
    expect((await admin.request(mark, { id: page, at: '2023-01-01T00:00:00+10:00' })).errors).toBeUndefined();
  });

  it('refuses to deactivate an organization whose subordinates are active, saying how many', async () => {
    const district = await registerOrganization(hub.gatewayUrl, adminToken, {
      name: 'Вяземский муниципальный округ',
      kind: 'MUNICIPALITY',
      head: head('vyazemsky'),
    });
    const school = await registerOrganization(hub.gatewayUrl, adminToken, {
      name: 'МБОУ «Школа № 1» г. Вяземский',
      kind: 'SUBORDINATE',
      parentId: district,
      head: head('school'),
    });
    await registerOrganization(hub.gatewayUrl, adminToken, {
      name: 'МБУК «Библиотека» г. Вяземский',
      kind: 'SUBORDINATE',
      parentId: district,
      head: head('library'),
    });
    const [code, , message] = await refused(() => admin.request(DEACTIVATE, { id: district, reason: 'Преобразован' }));
    expect(code).toBe('CONFLICT');
    expect(message).toContain('2 active subordinate organizations');
    const state = (
      await admin.request<{ organization: { active: boolean; deactivationReason: string | null } }>(
        'query($id: ID!) { organization(id: $id) { active deactivationReason } }',
        { id: district },
      )
    ).data!;
    expect(state.organization).toEqual({ active: true, deactivationReason: null });
    expect((await admin.request(DEACTIVATE, { id: school, reason: 'Ликвидирована' })).errors).toBeUndefined();
    expect((await refused(() => admin.request(DEACTIVATE, { id: district, reason: 'Преобразован' })))[2]).toContain(
      '1 active subordinate organization',
    );
  });

  it('refuses to withdraw a draft: a draft is edited, not withdrawn', async () => {
    const draft = await createMaterial(hub.gatewayUrl, editorToken, news('Черновик о ремонте дорог в Хабаровске'));
    const [code, , message] = await refused(() => editor.request(WITHDRAW, { id: draft, reason: 'Передумали' }));
    expect(code).toBe('CONFLICT');
    expect(message).toContain('DRAFT');
    const state = (
      await admin.request<{ material: { status: string; withdrawnAt: string | null; withdrawalReason: string | null } }>(
        'query($id: ID!) { material(id: $id) { status withdrawnAt withdrawalReason } }',
        { id: draft },
      )
    ).data!;
    expect(state.material).toEqual({ status: 'DRAFT', withdrawnAt: null, withdrawalReason: null });
  });

  it('refuses a rule change that changes nothing, and a deadline outside 2023 … the end of next year', async () => {
    const update =
      'mutation($code: RuleCode!, $input: UpdateComplianceRuleInput!) { updateComplianceRule(code: $code, input: $input) { code } }';
    const [code, field, message] = await refused(() => admin.request(update, { code: 'WEEKLY_PLACEMENTS', input: {} }));
    expect([code, field, message]).toEqual(['BAD_USER_INPUT', 'input', 'input: nothing to change']);
    expect(await codeAndField(() => admin.request(update, { code: 'WEEKLY_PLACEMENTS', input: { effectiveFrom: '2026-W50' } }))).toEqual([
      'BAD_USER_INPUT',
      'input',
    ]);
    for (const deadline of ['0001-01-01', '9999-12-31', '2022-12-31', '2028-01-01']) {
      expect(await codeAndField(() => admin.request(update, { code: 'MONTHLY_MEDIA_MENTION', input: { deadline } })), deadline).toEqual([
        'BAD_USER_INPUT',
        'deadline',
      ]);
    }
    const preview = 'query($input: RuleChangeInput!) { previewRuleChange(code: MONTHLY_MEDIA_MENTION, input: $input) { period } }';
    const previewed = await admin.request(preview, { input: { deadline: '0001-01-01' } });
    expect((previewed.errors ?? []).map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'deadline']]);
    // The last day of next year is still a deadline; the check of the rule still runs.
    expect((await admin.request(update, { code: 'MONTHLY_MEDIA_MENTION', input: { deadline: '2027-12-31' } })).errors).toBeUndefined();
    const run = await admin.request('mutation { runComplianceCheck(rule: MONTHLY_MEDIA_MENTION, period: "2026-10") { status } }');
    expect(run.errors).toBeUndefined();
  });
});
