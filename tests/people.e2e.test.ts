// People as data, through the gateway (docs/DESIGN.md, "People"): who may sign in, with which role
// and for which organization; the demo region's people; `me` for a registered person and for an
// API client's token; a head managing its own officers and no one else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, tokenFor, type GraphQLClient } from '@hub/common/testing';
import { startTestHub, type TestHub } from './support/hub.js';
import { InviteUserDocument, MeDocument } from './generated/contract.js';

let hub: TestHub;
let admin: GraphQLClient;
/** A municipality of the demo region, one of its subordinates, and an organization of another tree. */
const org = { municipality: '', subordinate: '', other: '' };
let head: GraphQLClient;

type Person = { id: string; email: string; fullName: string; role: string; active: boolean; organization: { id: string } | null };
const USERS = `query($role: Role, $organizationId: ID, $search: String, $includeInactive: Boolean, $first: Int, $after: String) {
  users(role: $role, organizationId: $organizationId, search: $search, includeInactive: $includeInactive, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id email fullName role active organization { id } } } } }`;
type Users = { users: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Person }[] } };
const users = async (client: GraphQLClient, variables: Record<string, unknown> = {}) => (await client.data<Users>(USERS, variables)).users;
const DEACTIVATE = 'mutation($id: ID!) { deactivateUser(id: $id) { id active deactivatedAt } }';
const invite = (client: GraphQLClient, input: Record<string, unknown>) =>
  client.request<{ inviteUser: { id: string; email: string; role: string; organization: { id: string } | null } }>(
    InviteUserDocument.toString(),
    {
      input,
    },
  );
/** Every person, inactive too, as the committee sees them: what a refused call must leave alone. */
const everyone = async () => (await users(admin, { includeInactive: true, first: 500, search: 'people-e2e' })).edges.map((e) => e.node);

beforeAll(async () => {
  hub = await startTestHub({ seed: 'demo' });
  admin = hub.client(await tokenFor('ADMIN'));
  const { organizations } = await admin.data<{ organizations: { edges: { node: { id: string } }[] } }>(
    '{ organizations(kind: MUNICIPALITY, first: 2) { edges { node { id } } } }',
  );
  [org.municipality, org.other] = organizations.edges.map((e) => e.node.id) as [string, string];
  const below = await admin.data<{ organizations: { edges: { node: { id: string } }[] } }>(
    'query($id: ID!) { organizations(parentId: $id, first: 1) { edges { node { id } } } }',
    { id: org.municipality },
  );
  org.subordinate = below.organizations.edges[0]!.node.id;
  head = hub.client(await tokenFor('HEAD', org.municipality, '1h', 'people-e2e-head@khv-region.test'));
}, 180_000);

afterAll(() => hub?.stop());

describe('the people who may sign in', () => {
  it("registers the demo region's people: each organization's head and officer, the editors, the analysts and the committee", async () => {
    const { organizations } = await admin.data<{ organizations: { totalCount: number } }>('{ organizations(first: 0) { totalCount } }');
    expect((await users(admin, { role: 'HEAD', first: 0 })).totalCount).toBe(organizations.totalCount);
    expect((await users(admin, { role: 'OPERATOR', first: 0 })).totalCount).toBe(organizations.totalCount);
    const regionWide = await Promise.all(
      ['ADMIN', 'EDITOR', 'ANALYST'].map(async (role) => (await users(admin, { role })).edges.map((e) => e.node.email)),
    );
    expect(regionWide).toEqual([
      ['admin@khv-region.test'],
      expect.arrayContaining(['editor@khv-region.test', 'editor2@khv-region.test']),
      expect.arrayContaining(['analyst@khv-region.test']),
    ]);
    const officers = await users(admin, { organizationId: org.municipality });
    expect(officers.edges.map((e) => e.node.role).sort()).toEqual(['HEAD', 'OPERATOR']);
    expect(officers.edges.every((e) => e.node.fullName.split(' ').length === 3)).toBe(true);
  });

  it('answers me with the person a credential names, or with the role alone for an API token', async () => {
    const invited = await invite(admin, {
      email: '  People-E2E-Analyst@KHV-region.test ',
      fullName: 'Смирнова Ольга Викторовна',
      role: 'ANALYST',
    });
    expect(invited.errors).toBeUndefined();
    expect(invited.data!.inviteUser).toMatchObject({ email: 'people-e2e-analyst@khv-region.test', role: 'ANALYST', organization: null });
    const analyst = hub.client(await tokenFor('ANALYST', null, '1h', 'people-e2e-analyst@khv-region.test'));
    expect((await analyst.data(MeDocument, {})).me).toEqual({
      email: 'people-e2e-analyst@khv-region.test',
      fullName: 'Смирнова Ольга Викторовна',
      role: 'ANALYST',
      organization: null,
    });
    const apiClient = hub.client(await tokenFor('OPERATOR', org.subordinate));
    expect((await apiClient.data(MeDocument, {})).me).toMatchObject({
      email: null,
      fullName: null,
      role: 'OPERATOR',
      organization: { id: org.subordinate },
    });
    expect(errorCodes(await hub.client(null).request(MeDocument.toString()))).toEqual(['UNAUTHENTICATED']);
  });

  it('lets a head register and deactivate the officers of its tree, and read its tree only', async () => {
    const before = await everyone();
    const res = await invite(head, {
      email: 'people-e2e-officer@khv-region.test',
      fullName: 'Кузнецов Павел Андреевич',
      role: 'OPERATOR',
      organizationId: org.subordinate,
    });
    expect(res.errors).toBeUndefined();
    const officer = res.data!.inviteUser;
    expect(officer.organization).toEqual({ id: org.subordinate });
    expect((await everyone()).length).toBe(before.length + 1);

    const seen = await users(head, { first: 500 });
    const organizationsSeen = new Set(seen.edges.map((e) => e.node.organization?.id));
    expect(organizationsSeen.has(org.subordinate)).toBe(true);
    expect(organizationsSeen.has(org.other)).toBe(false);
    expect(organizationsSeen.has(undefined)).toBe(false);

    // Not another role, not another tree, not for an analyst or an editor.
    const unchanged = await everyone();
    for (const [client, input] of [
      [head, { email: 'people-e2e-editor@khv-region.test', fullName: 'Орлова Анна Сергеевна', role: 'EDITOR' }],
      [
        head,
        { email: 'people-e2e-head2@khv-region.test', fullName: 'Орлов Антон Сергеевич', role: 'HEAD', organizationId: org.subordinate },
      ],
      [head, { email: 'people-e2e-far@khv-region.test', fullName: 'Орлов Антон Сергеевич', role: 'OPERATOR', organizationId: org.other }],
      [
        hub.client(await tokenFor('ANALYST')),
        { email: 'people-e2e-x@khv-region.test', fullName: 'Орлов Антон Сергеевич', role: 'ANALYST' },
      ],
      [
        hub.client(await tokenFor('OPERATOR', org.municipality)),
        { email: 'people-e2e-y@khv-region.test', fullName: 'Орлов Антон Сергеевич', role: 'OPERATOR', organizationId: org.subordinate },
      ],
    ] as const) {
      expect(errorCodes(await invite(client, input)), input.email).toEqual(['FORBIDDEN']);
    }
    expect(errorCodes(await hub.client(await tokenFor('EDITOR')).request(USERS))).toEqual(['FORBIDDEN']);
    expect(await everyone()).toEqual(unchanged);

    const deactivated = await head.data<{ deactivateUser: { id: string; active: boolean; deactivatedAt: string } }>(DEACTIVATE, {
      id: officer.id,
    });
    expect(deactivated.deactivateUser).toMatchObject({ id: officer.id, active: false, deactivatedAt: expect.any(String) });
    expect((await users(admin, { search: 'people-e2e-officer' })).totalCount).toBe(0);
    expect((await users(admin, { search: 'people-e2e-officer', includeInactive: true })).totalCount).toBe(1);
    const officerToken = hub.client(await tokenFor('OPERATOR', org.subordinate, '1h', 'people-e2e-officer@khv-region.test'));
    expect((await officerToken.data(MeDocument, {})).me).toMatchObject({ email: null, fullName: null });

    // Registered again: the same person, active again.
    const again = await invite(admin, {
      email: 'people-e2e-officer@khv-region.test',
      fullName: 'Кузнецов Павел Андреевич',
      role: 'OPERATOR',
      organizationId: org.subordinate,
    });
    expect(again.data!.inviteUser.id).toBe(officer.id);
    expect((await users(admin, { search: 'people-e2e-officer' })).edges.map((e) => e.node.active)).toEqual([true]);
  });

  it('pages the people by name', async () => {
    const all = await users(admin, { role: 'HEAD', first: 500 });
    const names = all.edges.map((e) => e.node.fullName);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const first = await users(admin, { role: 'HEAD', first: 7 });
    const second = await users(admin, { role: 'HEAD', first: 7, after: first.pageInfo.endCursor });
    expect([...first.edges, ...second.edges].map((e) => e.node.id)).toEqual(all.edges.slice(0, 14).map((e) => e.node.id));
  });

  it('refuses a bad invitation with the field named, changing nothing', async () => {
    const before = await everyone();
    const refusal = async (input: Record<string, unknown>) =>
      (await invite(admin, input)).errors!.map((e) => [e.extensions!.code, e.extensions!.field]);
    const person = { fullName: 'Зайцева Дарья Олеговна' };
    expect(await refusal({ ...person, email: 'not-an-address', role: 'EDITOR' })).toEqual([['BAD_USER_INPUT', 'email']]);
    expect(await refusal({ ...person, email: 'people-e2e-z@khv-region.test', role: 'OPERATOR' })).toEqual([
      ['BAD_USER_INPUT', 'organizationId'],
    ]);
    expect(await refusal({ ...person, email: 'people-e2e-z@khv-region.test', role: 'EDITOR', organizationId: org.subordinate })).toEqual([
      ['BAD_USER_INPUT', 'organizationId'],
    ]);
    expect(
      await refusal({
        ...person,
        email: 'people-e2e-z@khv-region.test',
        role: 'HEAD',
        organizationId: '00000000-0000-4000-8000-000000000000',
      }),
    ).toEqual([['NOT_FOUND', 'organizationId']]);
    expect(await refusal({ ...person, email: 'PEOPLE-E2E-ANALYST@khv-region.test', role: 'EDITOR' })).toEqual([
      ['BAD_USER_INPUT', 'email'],
    ]);
    expect(await refusal({ fullName: '  ', email: 'people-e2e-z@khv-region.test', role: 'EDITOR' })).toEqual([
      ['BAD_USER_INPUT', 'fullName'],
    ]);
    const told = async (client: GraphQLClient, id: string) =>
      (await client.request(DEACTIVATE, { id })).errors!.map((e) => [e.extensions!.code, e.extensions!.field]);
    expect(await told(admin, 'nope')).toEqual([['BAD_USER_INPUT', 'id']]);
    expect(await told(admin, '00000000-0000-4000-8000-000000000000')).toEqual([['NOT_FOUND', 'id']]);
    const analyst = (await users(admin, { search: 'people-e2e-analyst' })).edges[0]!.node;
    const self = hub.client(await tokenFor('ADMIN', null, '1h', 'people-e2e-analyst@khv-region.test'));
    expect(await told(self, analyst.id)).toEqual([['BAD_USER_INPUT', 'id']]);
    expect(await everyone()).toEqual(before);
  });
});
