import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, gql, tokenFor, TEST_JWT_SECRET, type GraphQLClient, type GraphQLResponse } from '@hub/common/testing';
import { signToken } from '@hub/common';
import { startTestHub, type TestHub } from './support/hub.js';
import {
  AddOfficialPageDocument,
  MarkFeedbackWidgetDocument,
  OrganizationsDocument,
  RegisterOrganizationDocument,
  type AddOfficialPageInput,
  type OrganizationKind,
  type OrganizationsQuery,
  type RegisterOrganizationInput,
} from './generated/contract.js';

let hub: TestHub;
let admin: GraphQLClient;

const head = (name: string) => ({ fullName: `${name} Иван Петрович`, position: 'Министр', email: `${name.toLowerCase()}@khv-region.test` });

async function register(input: RegisterOrganizationInput, client = admin) {
  return client.request(RegisterOrganizationDocument, { input });
}

async function count(kind?: OrganizationKind): Promise<number> {
  const res = await admin.request(OrganizationsDocument, { kind, first: 0 });
  return res.data!.organizations.totalCount;
}

async function pageCount(orgId: string): Promise<number> {
  const res = await admin.request<{ organization: { pages: { id: string }[] } }>(
    'query($id: ID!) { organization(id: $id) { pages { id } } }',
    { id: orgId },
  );
  return res.data!.organization.pages.length;
}

let ministry: { id: string };
let otherMinistry: { id: string };
let school: { id: string };

beforeAll(async () => {
  hub = await startTestHub();
  admin = hub.client(await tokenFor('ADMIN'));
  const a = await register({
    name: 'Министерство культуры Хабаровского края',
    kind: 'EXECUTIVE_BODY',
    inn: '2721000000',
    head: head('Kult'),
  });
  ministry = a.data!.registerOrganization;
  const b = await register({ name: 'Министерство спорта Хабаровского края', kind: 'EXECUTIVE_BODY', head: head('Sport') });
  otherMinistry = b.data!.registerOrganization;
  const c = await register({ name: 'КГБУК «Краевая библиотека»', kind: 'SUBORDINATE', parentId: ministry.id, head: head('Lib') });
  school = c.data!.registerOrganization;
});

afterAll(() => hub?.stop());

describe('registerOrganization through the gateway', () => {
  it('registers a subordinate organization under its executive body', async () => {
    const res = await register({
      name: 'КГБУК «Краевой музей»',
      kind: 'SUBORDINATE',
      parentId: ministry.id,
      inn: '7707083893',
      head: head('Muzey'),
      contactEmail: 'press@khv-region.test',
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.registerOrganization).toMatchObject({
      name: 'КГБУК «Краевой музей»',
      kind: 'SUBORDINATE',
      parent: { id: ministry.id },
      head: { fullName: 'Muzey Иван Петрович', position: 'Министр', email: 'muzey@khv-region.test' },
    });
  });

  it.each<[string, Partial<RegisterOrganizationInput>, string, string]>([
    ['an INN with a wrong check digit', { inn: '2721000001' }, 'BAD_USER_INPUT', 'inn'],
    ['an INN of 11 digits', { inn: '27210000001' }, 'BAD_USER_INPUT', 'inn'],
    ['an INN already registered', { inn: '2721000000' }, 'CONFLICT', 'inn'],
    ['a name already registered, case and spacing aside', { name: '  министерство СПОРТА   Хабаровского края ' }, 'CONFLICT', 'name'],
    ['a head e-mail that is not an address', { head: { ...head('X'), email: 'ivanov at mail' } }, 'BAD_USER_INPUT', 'head.email'],
    ['a contact e-mail that is not an address', { contactEmail: 'press@' }, 'BAD_USER_INPUT', 'contactEmail'],
    ['a subordinate without a parent', { kind: 'SUBORDINATE' }, 'BAD_USER_INPUT', 'parentId'],
    ['a subordinate under a subordinate', { kind: 'SUBORDINATE', parentId: 'SCHOOL' }, 'BAD_USER_INPUT', 'parentId'],
    ['an executive body with a parent', { parentId: 'MINISTRY' }, 'BAD_USER_INPUT', 'parentId'],
    ['an unknown parent', { kind: 'SUBORDINATE', parentId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'parentId'],
  ])('refuses %s, naming the field, and stores nothing', async (_label, patch, code, field) => {
    const before = await count();
    const input: RegisterOrganizationInput = { name: 'Новая организация', kind: 'EXECUTIVE_BODY', head: head('New'), ...patch };
    if (input.parentId === 'SCHOOL') input.parentId = school.id;
    if (input.parentId === 'MINISTRY') input.parentId = ministry.id;
    const res = await register(input);
    expect(errorCodes(res)).toEqual([code]);
    expect(res.errors![0]!.extensions!.field).toBe(field);
    expect(await count()).toBe(before);
  });
});

describe('updateOrganization keeps INNs and names unique', () => {
  const UPDATE = 'mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { name inn } }';
  const read = async (id: string) =>
    (
      await admin.request<{ organization: { name: string; inn: string | null } }>(
        'query($id: ID!) { organization(id: $id) { name inn } }',
        { id },
      )
    ).data!.organization;

  it.each([
    ["another organization's INN", { inn: '2721000000' }, 'inn'],
    ["another organization's name", { name: 'министерство культуры хабаровского края' }, 'name'],
  ])('refuses %s with CONFLICT and changes nothing', async (_label, input, field) => {
    const before = await read(otherMinistry.id);
    const res = await admin.request(UPDATE, { id: otherMinistry.id, input: { ...input, shortName: 'Минспорт' } });
    expect(errorCodes(res)).toEqual(['CONFLICT']);
    expect(res.errors![0]!.extensions!.field).toBe(field);
    expect(res.errors![0]!.message).toContain('Министерство культуры Хабаровского края');
    expect(await read(otherMinistry.id)).toEqual(before);
  });

  it("lets an organization keep its own INN and name, and take a liquidated one's name", async () => {
    const own = await admin.request(UPDATE, {
      id: ministry.id,
      input: { inn: '2721000000', name: 'Министерство культуры Хабаровского края' },
    });
    expect(own.errors).toBeUndefined();
    const closed = await register({ name: 'КГБУ «Старый архив»', kind: 'SUBORDINATE', parentId: otherMinistry.id, head: head('Arch') });
    await admin.request('mutation($id: ID!) { deactivateOrganization(id: $id, reason: "Ликвидировано") { active } }', {
      id: closed.data!.registerOrganization.id,
    });
    const successor = await register({ name: 'КГБУ «Старый архив»', kind: 'SUBORDINATE', parentId: otherMinistry.id, head: head('Arch2') });
    expect(successor.errors).toBeUndefined();
  });
});

describe('addOfficialPage and markFeedbackWidget', () => {
  it('adds a VK page and records both widget forms', async () => {
    const added = await admin.request(AddOfficialPageDocument, {
      input: { organizationId: school.id, platform: 'VK', url: 'https://vk.com/kraylib27' },
    });
    expect(added.errors).toBeUndefined();
    const page = added.data!.addOfficialPage;
    expect(page).toMatchObject({ platform: 'VK', url: 'https://vk.com/kraylib27', organization: { id: school.id } });

    const marked = await admin.request(MarkFeedbackWidgetDocument, {
      pageId: page.id,
      placedAt: '2023-06-20T10:00:00+10:00',
    });
    expect(marked.errors).toBeUndefined();
    expect(marked.data!.markFeedbackWidget).toEqual({ id: page.id, feedbackWidgetPlacedAt: '2023-06-20T10:00:00+10:00' });
  });

  it('counts a page as carrying the widget only once both forms are there', async () => {
    const added = await admin.request(AddOfficialPageDocument, {
      input: { organizationId: school.id, platform: 'TELEGRAM', url: 'https://t.me/kraylib27' },
    });
    const pageId = added.data!.addOfficialPage.id;
    const one = await admin.request<{ markFeedbackWidget: unknown }>(
      'mutation($id: ID!) { markFeedbackWidget(pageId: $id, placedAt: "2023-06-01T09:00:00+10:00", forms: [REPORT_PROBLEM]) { feedbackWidgetPlacedAt feedbackWidgets { form } } }',
      { id: pageId },
    );
    expect(one.data!.markFeedbackWidget).toEqual({ feedbackWidgetPlacedAt: null, feedbackWidgets: [{ form: 'REPORT_PROBLEM' }] });
    const both = await admin.request<{ markFeedbackWidget: { feedbackWidgetPlacedAt: string | null } }>(
      'mutation($id: ID!) { markFeedbackWidget(pageId: $id, placedAt: "2023-06-05T09:00:00+10:00", forms: [SHARE_OPINION]) { feedbackWidgetPlacedAt } }',
      { id: pageId },
    );
    expect(both.data!.markFeedbackWidget.feedbackWidgetPlacedAt).toBe('2023-06-05T09:00:00+10:00');
  });

  it.each<[string, Pick<AddOfficialPageInput, 'platform' | 'url'>, string, string]>([
    ['a Telegram address for a VK page', { platform: 'VK', url: 'https://t.me/kraylib' }, 'BAD_USER_INPUT', 'url'],
    ['a bare vk.com', { platform: 'VK', url: 'https://vk.com' }, 'BAD_USER_INPUT', 'url'],
    ['a plain-http website', { platform: 'WEBSITE', url: 'http://lib.khv-region.test' }, 'BAD_USER_INPUT', 'url'],
    ['the same page again, spelled differently', { platform: 'VK', url: 'https://www.VK.com/kraylib27/' }, 'BAD_USER_INPUT', 'url'],
    ['a MAX page on another host', { platform: 'MAX', url: 'https://max.example.ru/lib' }, 'BAD_USER_INPUT', 'url'],
  ])('refuses %s and stores nothing', async (_label, patch, code, field) => {
    const before = await pageCount(school.id);
    const res = await admin.request(AddOfficialPageDocument, { input: { organizationId: school.id, ...patch } });
    expect(errorCodes(res)).toEqual([code]);
    expect(res.errors![0]!.extensions!.field).toBe(field);
    expect(await pageCount(school.id)).toBe(before);
  });

  it('answers NOT_FOUND for an unknown organization or page', async () => {
    const missing = '00000000-0000-4000-8000-000000000001';
    const page = await admin.request(AddOfficialPageDocument, {
      input: { organizationId: missing, platform: 'VK', url: 'https://vk.com/nobody' },
    });
    expect(errorCodes(page)).toEqual(['NOT_FOUND']);
    const widget = await admin.request(MarkFeedbackWidgetDocument, { pageId: missing, placedAt: '2023-06-20T10:00:00+10:00' });
    expect(errorCodes(widget)).toEqual(['NOT_FOUND']);
  });

  it('refuses a widget date in the future and a date without an offset', async () => {
    const added = await admin.request(AddOfficialPageDocument, {
      input: { organizationId: school.id, platform: 'OK', url: 'https://ok.ru/group/5550001' },
    });
    const pageId = added.data!.addOfficialPage.id;
    const future = await admin.request(MarkFeedbackWidgetDocument, { pageId, placedAt: '2099-01-01T00:00:00+10:00' });
    expect(errorCodes(future)).toEqual(['BAD_USER_INPUT']);
    expect(future.errors![0]!.extensions!.field).toBe('placedAt');
    const local = await admin.request(MarkFeedbackWidgetDocument, { pageId, placedAt: '2023-06-20 10:00' });
    expect(errorCodes(local)).toEqual(['BAD_USER_INPUT']);
    const after = await admin.request<{ organization: { pages: { id: string; feedbackWidgetPlacedAt: string | null }[] } }>(
      'query($id: ID!) { organization(id: $id) { pages { id feedbackWidgetPlacedAt } } }',
      { id: school.id },
    );
    expect(after.data!.organization.pages.find((p) => p.id === pageId)!.feedbackWidgetPlacedAt).toBeNull();
  });
});

describe('organizations and organization(id)', () => {
  it('filters by kind and by parent, and pages through every organization once', async () => {
    const bodies = await admin.request(OrganizationsDocument, { kind: 'EXECUTIVE_BODY' });
    expect(bodies.data!.organizations.edges.map((e) => e.node.name)).toEqual([
      'Министерство культуры Хабаровского края',
      'Министерство спорта Хабаровского края',
    ]);
    const children = await admin.request<{ organizations: { totalCount: number } }>(
      'query($p: ID) { organizations(parentId: $p) { totalCount } }',
      { p: ministry.id },
    );
    expect(children.data!.organizations.totalCount).toBe(2);

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GraphQLResponse<OrganizationsQuery> = await admin.request(OrganizationsDocument, { first: 2, after });
      seen.push(...res.data!.organizations.edges.map((e) => e.node.id));
      if (!res.data!.organizations.pageInfo.hasNextPage) break;
      after = res.data!.organizations.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(await count());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses first above 500', async () => {
    expect(errorCodes(await admin.request(OrganizationsDocument, { first: 501 }))).toEqual(['BAD_USER_INPUT']);
  });

  it('shows parent, children, head and pages of one organization', async () => {
    const res = await admin.request<{ organization: unknown }>(
      'query($id: ID!) { organization(id: $id) { name parent { name } children { name } head { fullName } pages { platform } } }',
      { id: ministry.id },
    );
    expect(res.data!.organization).toMatchObject({
      name: 'Министерство культуры Хабаровского края',
      parent: null,
      children: expect.arrayContaining([{ name: 'КГБУК «Краевая библиотека»' }, { name: 'КГБУК «Краевой музей»' }]),
      head: { fullName: 'Kult Иван Петрович' },
    });
  });

  it('answers null for an unknown or malformed id', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000009', 'not-a-uuid']) {
      const res = await admin.request<{ organization: { id: string } | null }>('query($id: ID!) { organization(id: $id) { id } }', { id });
      expect(res.errors).toBeUndefined();
      expect(res.data!.organization).toBeNull();
    }
  });
});

describe('auth', () => {
  it('answers UNAUTHENTICATED with no token, a bad signature or an expired token', async () => {
    const forged = await signToken('some-other-secret-some-other-secret-xx', { sub: 'x', role: 'ADMIN', org: null });
    const expired = await signToken(TEST_JWT_SECRET, { sub: 'x', role: 'ADMIN', org: null }, Math.floor(Date.now() / 1000) - 10);
    for (const token of [null, forged, expired, 'garbage']) {
      const res = await hub.client(token).request(OrganizationsDocument, {});
      expect(res.status).toBe(401);
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('lets only ADMIN register organizations', async () => {
    const before = await count();
    for (const role of ['EDITOR', 'ANALYST'] as const) {
      const res = await register({ name: 'Самозванец', kind: 'EXECUTIVE_BODY', head: head('Fake') }, hub.client(await tokenFor(role)));
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    }
    const operator = await tokenFor('OPERATOR', ministry.id);
    expect(errorCodes(await register({ name: 'Самозванец', kind: 'EXECUTIVE_BODY', head: head('Fake') }, hub.client(operator)))).toEqual([
      'FORBIDDEN',
    ]);
    expect(await count()).toBe(before);
  });

  it('lets an OPERATOR add pages for its organization and those below it, and nowhere else', async () => {
    const operator = await tokenFor('OPERATOR', ministry.id);
    const own = await hub
      .client(operator)
      .request(AddOfficialPageDocument, { input: { organizationId: school.id, platform: 'MAX', url: 'https://max.ru/kraylib' } });
    expect(own.errors).toBeUndefined();

    const before = await pageCount(otherMinistry.id);
    const foreign = await hub
      .client(operator)
      .request(AddOfficialPageDocument, { input: { organizationId: otherMinistry.id, platform: 'VK', url: 'https://vk.com/minsport27' } });
    expect(errorCodes(foreign)).toEqual(['FORBIDDEN']);
    expect(await pageCount(otherMinistry.id)).toBe(before);

    const fromBelow = await tokenFor('OPERATOR', school.id);
    const upwards = await hub
      .client(fromBelow)
      .request(AddOfficialPageDocument, { input: { organizationId: ministry.id, platform: 'VK', url: 'https://vk.com/minkult27' } });
    expect(errorCodes(upwards)).toEqual(['FORBIDDEN']);
  });

  it("shows heads' e-mails to ADMIN, ANALYST and the organization's own scope only", async () => {
    const query = 'query($id: ID!) { organization(id: $id) { head { email } } }';
    const emailAs = async (client: GraphQLClient) =>
      (await client.request<{ organization: { head: { email: string | null } } | null }>(query, { id: school.id })).data?.organization?.head
        .email;
    expect(await emailAs(admin)).toBe('lib@khv-region.test');
    expect(await emailAs(hub.client(await tokenFor('ANALYST')))).toBe('lib@khv-region.test');
    expect(await emailAs(hub.client(await tokenFor('HEAD', ministry.id)))).toBe('lib@khv-region.test');
    expect(await emailAs(hub.client(await tokenFor('EDITOR')))).toBeNull();
  });

  it('keeps a HEAD or OPERATOR to its own tree when listing and reading organizations', async () => {
    const headToken = await tokenFor('HEAD', ministry.id);
    const list = await hub.client(headToken).request(OrganizationsDocument, {});
    const names = list.data!.organizations.edges.map((e) => e.node.name);
    expect(names).toContain('КГБУК «Краевая библиотека»');
    expect(names).not.toContain('Министерство спорта Хабаровского края');
    const other = await hub.client(headToken).request('query($id: ID!) { organization(id: $id) { name } }', { id: otherMinistry.id });
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
  });

  it('makes a subgraph called directly refuse a request without a valid token', async () => {
    for (const subgraph of Object.values(hub.subgraphUrls)) {
      const res = await gql(subgraph, '{ _service { sdl } }', {}, null);
      expect(res.status).toBe(401);
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    }
  });
});
