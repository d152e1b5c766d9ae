import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, tokenFor, type GraphQLClient } from '@hub/common/testing';
import { startTestHub, type TestHub } from './support/hub.js';
import { AddOfficialPageDocument, RegisterOrganizationDocument, type OrganizationKind } from './generated/contract.js';

let hub: TestHub;
let admin: GraphQLClient;
const ids: Record<string, string> = {};
const head = { fullName: 'Петрова Анна Сергеевна', position: 'Директор', email: 'petrova@khv-region.test' };

const UPDATE =
  'mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id name parent { id } head { email } } }';
const DEACTIVATE =
  'mutation($id: ID!, $reason: String!) { deactivateOrganization(id: $id, reason: $reason) { active deactivationReason } }';
const VERIFY = 'mutation($id: ID!, $v: Boolean!) { setPageVerified(pageId: $id, verified: $v) { verified } }';

async function register(name: string, kind: OrganizationKind, parentId?: string) {
  const res = await admin.request(RegisterOrganizationDocument, {
    input: { name, kind, parentId, head },
  });
  return res.data!.registerOrganization.id;
}

beforeAll(async () => {
  hub = await startTestHub();
  admin = hub.client(await tokenFor('ADMIN'));
  ids.health = await register('Министерство здравоохранения Хабаровского края', 'EXECUTIVE_BODY');
  ids.district = await register('Вяземский муниципальный район Хабаровского края', 'MUNICIPALITY');
  ids.hospital = await register('КГБУЗ «Вяземская районная больница»', 'SUBORDINATE', ids.health);
});
afterAll(() => hub?.stop());

describe('keeping the registry current', () => {
  it('moves a subordinate organization to another parent body and renames it', async () => {
    const res = await admin.request<{ updateOrganization: unknown }>(UPDATE, {
      id: ids.hospital,
      input: { parentId: ids.district, name: 'МБУЗ «Вяземская больница»' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateOrganization).toMatchObject({ name: 'МБУЗ «Вяземская больница»', parent: { id: ids.district } });
  });

  it('refuses a parent that would make a cycle or break the kinds, and changes nothing', async () => {
    const self = await admin.request(UPDATE, { id: ids.hospital, input: { parentId: ids.hospital } });
    expect(errorCodes(self)).toEqual(['BAD_USER_INPUT']);
    expect(self.errors![0]!.extensions!.field).toBe('parentId');
    expect(self.errors![0]!.message).toMatch(/below itself/);
    const body = await admin.request(UPDATE, { id: ids.health, input: { parentId: ids.district } });
    expect(errorCodes(body)).toEqual(['BAD_USER_INPUT']);
    const bad = await admin.request(UPDATE, { id: ids.health, input: { head: { ...head, email: 'broken' } } });
    expect(bad.errors![0]!.extensions!.field).toBe('head.email');
    const now = await admin.request<{ organization: unknown }>(
      'query($id: ID!) { organization(id: $id) { parent { id } head { email } } }',
      { id: ids.hospital },
    );
    expect(now.data!.organization).toEqual({ parent: { id: ids.district }, head: { email: 'petrova@khv-region.test' } });
  });

  it('deactivates a liquidated organization: it leaves the default list but keeps its history', async () => {
    const res = await admin.request<{ deactivateOrganization: unknown }>(DEACTIVATE, {
      id: ids.hospital,
      reason: 'Реорганизована путём присоединения',
    });
    expect(res.data!.deactivateOrganization).toEqual({ active: false, deactivationReason: 'Реорганизована путём присоединения' });
    type Total = { organizations: { totalCount: number } };
    const active = await admin.request<Total>('{ organizations { totalCount } }', {});
    const all = await admin.request<Total>('{ organizations(includeInactive: true) { totalCount } }', {});
    expect([active.data!.organizations.totalCount, all.data!.organizations.totalCount]).toEqual([2, 3]);
    const page = await admin.request(AddOfficialPageDocument, {
      input: { organizationId: ids.hospital!, platform: 'VK', url: 'https://vk.com/vyazemsk_crb' },
    });
    expect(errorCodes(page)).toEqual(['BAD_USER_INPUT']);
  });

  it('records the «Госорганизация» mark on a page, for ADMIN and the OPERATOR in scope only', async () => {
    const added = await admin.request(AddOfficialPageDocument, {
      input: { organizationId: ids.health!, platform: 'VK', url: 'https://vk.com/minzdrav27' },
    });
    const pageId = added.data!.addOfficialPage.id;
    const operator = await tokenFor('OPERATOR', ids.health);
    expect(
      (await hub.client(operator).request<{ setPageVerified: unknown }>(VERIFY, { id: pageId, v: true })).data!.setPageVerified,
    ).toEqual({ verified: true });
    const stranger = await tokenFor('OPERATOR', ids.district);
    expect(errorCodes(await hub.client(stranger).request(VERIFY, { id: pageId, v: false }))).toEqual(['FORBIDDEN']);
    const read = await admin.request<{ organization: { pages: unknown[] } }>(
      'query($id: ID!) { organization(id: $id) { pages { verified } } }',
      { id: ids.health },
    );
    expect(read.data!.organization.pages).toEqual([{ verified: true }]);
  });

  it('lets only ADMIN change or deactivate organizations', async () => {
    const operator = await tokenFor('OPERATOR', ids.health);
    expect(errorCodes(await hub.client(operator).request(UPDATE, { id: ids.health, input: { name: 'X' } }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.client(await tokenFor('ANALYST')).request(DEACTIVATE, { id: ids.health, reason: 'x' }))).toEqual([
      'FORBIDDEN',
    ]);
  });
});
