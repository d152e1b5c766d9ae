import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnsecuredJWT } from 'jose';
import { queryRow, sql, signToken, withClient } from '@hub/common';
import { errorCodes, gql, tokenFor, type GraphQLClient, type GraphQLResponse } from '@hub/common/testing';
import { addOfficialPage, approvedMaterial, createMaterial, distributedMaterial } from './support/fixtures.js';
import { startStandIn, type StandIn } from '@hub/monitoring/standin';
import { startTestHub, type TestHub } from './support/hub.js';
import { markLettersSent, municipalitiesWithSubordinates, registerSubordinate } from './support/region.js';
import {
  CALLERS,
  MATRIX,
  type Caller,
  type Entry,
  type Fixtures,
  type Outcome,
  type PerCaller,
  type Read,
} from './support/authorization-matrix.js';

// Tuesday 1 December 2026, 10:05 in Khabarovsk: 2026-W48 is the last complete week.
const NOW = new Date('2026-12-01T00:05:00Z');
const WEEK = '2026-W48';

let hub: TestHub;
let standIn: StandIn;
let adminToken: string;
let admin: GraphQLClient;
let f: Fixtures;
const tokens = {} as Record<Caller, string>;

/** A list of ids, as `{ edges { node { id } } }` selects it. */
type Ids = { edges: { node: { id: string } }[] };

/** One id per caller, made by `make`, all at once. */
async function perCaller(make: (caller: Caller) => Promise<string>): Promise<PerCaller> {
  const ids = await Promise.all(CALLERS.map(make));
  return Object.fromEntries(CALLERS.map((c, i) => [c, ids[i]])) as PerCaller;
}

const draft = (title: string) => createMaterial(hub.gatewayUrl, adminToken, { title, body: 'Текст материала.', topic: 'CULTURE' });
/** A draft of another editor: every caller allowed to approve may approve it (an author may not, four eyes). */
const othersDraft = async (title: string) =>
  createMaterial(hub.gatewayUrl, await tokenFor('EDITOR', null, '1h', 'test-author'), {
    title,
    body: 'Текст материала.',
    topic: 'CULTURE',
  });
const approved = (title: string) => approvedMaterial(hub.gatewayUrl, adminToken, { title, body: 'Текст материала.', topic: 'CULTURE' });
const subordinate = (name: string) => registerSubordinate(hub.gatewayUrl, adminToken, f.municipality, name);

/** Two placements on each caller's page (two materials, one placement each per page): one to correct, one to withdraw. */
async function reportedPlacements(): Promise<Fixtures['placements']> {
  const toMunicipality = (title: string) =>
    distributedMaterial(
      hub.gatewayUrl,
      adminToken,
      { title, body: 'Текст материала для размещения.', topic: 'CULTURE' },
      {
        organizationIds: [f.municipality],
      },
    );
  const [toCorrect, toWithdraw] = [
    await toMunicipality('Матрица прав: размещение к исправлению'),
    await toMunicipality('Матрица прав: размещение к отзыву'),
  ];
  const report = async (materialId: string, n: number) => {
    const input = CALLERS.map((c) => ({ materialId, pageId: f.pages[c], url: `${f.pageUrls[c]}/${n}`, publishedAt: f.now }));
    const { reportPlacements } = await admin.data<{ reportPlacements: { placements: { id: string; page: { id: string } }[] } }>(
      'mutation($input: [ReportPlacementInput!]!) { reportPlacements(input: $input) { placements { id page { id } } } }',
      { input },
    );
    const byPage = new Map<string, string>(reportPlacements.placements.map((p) => [p.page.id, p.id]));
    return Object.fromEntries(CALLERS.map((c) => [c, byPage.get(f.pages[c])!])) as PerCaller;
  };
  return { correct: await report(toCorrect, 100), withdraw: await report(toWithdraw, 101) };
}

/**
 * A post on each caller's page with the hub's suggestion that it places `f.material`, stored as a
 * crawl and the matcher store them (the stand-in here serves no pages).
 */
async function suggestedPosts(): Promise<PerCaller> {
  const rows = await withClient(hub.databaseUrl, async (db) => {
    const posts = await db.query<{ id: string; page_id: string }>(
      `insert into monitoring.page_post (page_id, platform_post_id, url, published_at, text, first_seen_at, last_seen_at)
       select page_id, 'matrix_' || n, url || '/900', $3, 'Пост на странице матрицы прав', $3, $3
       from unnest($1::uuid[], $2::text[]) with ordinality as p(page_id, url, n)
       returning id, page_id`,
      [CALLERS.map((c) => f.pages[c]), CALLERS.map((c) => f.pageUrls[c]), NOW],
    );
    await db.query(`insert into monitoring.post_match (post_id, material_id, score, evidence) select unnest($1::uuid[]), $2, 0.5, 'TEXT'`, [
      posts.rows.map((r) => r.id),
      f.material,
    ]);
    return posts.rows;
  });
  const byPage = new Map(rows.map((r) => [r.page_id, r.id]));
  return Object.fromEntries(CALLERS.map((c) => [c, byPage.get(f.pages[c])!])) as PerCaller;
}

async function buildFixtures(): Promise<void> {
  f = { now: NOW.toISOString(), week: WEEK, ...(await municipalitiesWithSubordinates(hub.gatewayUrl, adminToken)) } as Fixtures;

  const run = await admin.data<{ runComplianceCheck: { status: string } }>(
    `mutation { runComplianceCheck(rule: WEEKLY_PLACEMENTS, period: "${WEEK}") { status } }`,
  );
  expect(run.runComplianceCheck.status).toBe('SUCCEEDED');

  f.material = await distributedMaterial(
    hub.gatewayUrl,
    adminToken,
    { title: 'Матрица прав: разослан муниципалитету', body: 'Текст материала.', topic: 'CULTURE' },
    {
      organizationIds: [f.municipality],
    },
  );

  const channel = (c: Caller) => `https://t.me/matrix_${c.toLowerCase()}`;
  const [update, approve, withdraw, toDistribute, toUpdate, toDeactivate, pages, exemptions] = await Promise.all([
    perCaller((c) => draft(`Черновик для правки: ${c}`)),
    perCaller((c) => othersDraft(`Черновик для утверждения: ${c}`)),
    perCaller((c) => approved(`Утверждён для отзыва: ${c}`)),
    perCaller((c) => approved(`Утверждён для рассылки: ${c}`)),
    perCaller((c) => subordinate(`Учреждение для правки: ${c}`)),
    perCaller((c) => subordinate(`Учреждение для ликвидации: ${c}`)),
    perCaller((c) => addOfficialPage(hub.gatewayUrl, adminToken, { organizationId: f.subordinate, platform: 'TELEGRAM', url: channel(c) })),
    perCaller(async (c) => {
      const res = await admin.data<{ grantExemption: { id: string } }>(
        'mutation($input: GrantExemptionInput!) { grantExemption(input: $input) { id } }',
        {
          input: {
            organizationId: f.subordinate,
            rule: 'WEEKLY_PLACEMENTS',
            period: `2026-W${20 + CALLERS.indexOf(c)}`,
            reason: 'Реорганизация',
          },
        },
      );
      return res.grantExemption.id;
    }),
  ]);
  Object.assign(f, {
    drafts: { update, approve, withdraw },
    approved: toDistribute,
    organizations: { update: toUpdate, deactivate: toDeactivate },
    pages,
    pageUrls: Object.fromEntries(CALLERS.map((c) => [c, channel(c)])),
    exemptions,
  });
  f.placements = await reportedPlacements();
  f.posts = await suggestedPosts();

  // Some of the check's letters, marked sent.
  const letters = await admin.data<{ notifications: Ids }>(
    `{ notifications(status: PENDING, first: ${CALLERS.length}) { edges { node { id } } } }`,
  );
  const ids: string[] = letters.notifications.edges.map((e) => e.node.id);
  expect(ids).toHaveLength(CALLERS.length);
  await withClient(hub.databaseUrl, (db) => markLettersSent((text, params) => db.query(text, params), ids, NOW));
  f.notifications = Object.fromEntries(CALLERS.map((c, i) => [c, ids[i]])) as PerCaller;

  f.notes = await perCaller(async (c) => {
    const res = await admin.data<{ addMethodologicalNote: { id: string } }>(
      'mutation($input: MethodologicalNoteInput!) { addMethodologicalNote(input: $input) { id } }',
      {
        input: { text: `Замечание ЦУР для ответа: ${c}`, topic: 'CULTURE' },
      },
    );
    return res.addMethodologicalNote.id;
  });

  f.people = await perCaller(async (c) => {
    const res = await admin.data<{ inviteUser: { id: string } }>(
      'mutation($input: InviteUserInput!) { inviteUser(input: $input) { id } }',
      {
        input: {
          email: `matrix-officer-${c.toLowerCase()}@khv-region.test`,
          fullName: 'Петров Олег Иванович',
          role: 'OPERATOR',
          organizationId: f.subordinate,
        },
      },
    );
    return res.inviteUser.id;
  });

  const settings = await admin.data<{
    escalationPolicy: { suppressWhenParentTold: boolean };
    complianceRules: { code: string; threshold: number }[];
  }>('{ escalationPolicy { suppressWhenParentTold } complianceRules { code threshold } }');
  f.suppressWhenParentTold = settings.escalationPolicy.suppressWhenParentTold;
  f.monthlyMediaThreshold = settings.complianceRules.find((r) => r.code === 'MONTHLY_MEDIA_MENTION')!.threshold;
}

beforeAll(async () => {
  // The platforms from a stand-in without pages: a crawl answers at once (NOT_FOUND), off the network.
  standIn = await startStandIn([]);
  hub = await startTestHub({ seed: 'demo', clock: () => NOW, env: standIn.env() });
  adminToken = await tokenFor('ADMIN');
  admin = hub.client(adminToken);
  await buildFixtures();
  Object.assign(tokens, {
    ADMIN: adminToken,
    EDITOR: await tokenFor('EDITOR'),
    ANALYST: await tokenFor('ANALYST'),
    OPERATOR_OWN: await tokenFor('OPERATOR', f.municipality),
    OPERATOR_OTHER: await tokenFor('OPERATOR', f.other),
    HEAD_OWN: await tokenFor('HEAD', f.municipality),
    HEAD_OTHER: await tokenFor('HEAD', f.other),
  });
}, 120_000);
afterAll(async () => {
  await hub?.stop();
  await standIn?.close();
});

const entries = Object.entries(MATRIX);
const queries = entries.filter(([name]) => name.startsWith('Query.'));
const mutations = entries.filter(([name]) => name.startsWith('Mutation.'));

/** What the caller was told: let in (no error at all), or the code of the refusal or failure. */
/** The operations a caller without any credential may call (gateway/src/anonymous.ts). */
const NO_CREDENTIAL_NEEDED = new Set(['Mutation.requestSignIn']);

function outcome(res: GraphQLResponse<unknown>): string {
  const codes = errorCodes(res);
  if (!codes.length) return 'allowed';
  return codes.find((c) => c === 'UNAUTHENTICATED' || c === 'FORBIDDEN') ?? codes.join(',');
}

async function callAs(entry: Entry, caller: Caller): Promise<string> {
  return outcome(await hub.client(tokens[caller]).request(entry.document, entry.variables?.(f, caller) ?? {}));
}

const readState = (reads: Read[]) => Promise.all(reads.map((r) => admin.data(r.document, r.variables)));

const mismatch = (name: string, caller: string, expected: Outcome | string, actual: string) =>
  actual === expected ? [] : [`${name} as ${caller}: expected ${expected}, got ${actual}`];

describe('the matrix covers the schema', () => {
  it('has one row for every Query and Mutation field of the gateway, and none for a field it lacks', async () => {
    type Fields = { fields: { name: string }[] };
    const { __schema: schema } = await admin.data<{ __schema: { queryType: Fields; mutationType: Fields } }>(
      '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }',
    );
    const fields = [
      ...schema.queryType.fields.map((x) => `Query.${x.name}`),
      ...schema.mutationType.fields.map((x) => `Mutation.${x.name}`),
    ].filter((name) => !/\._(entities|service)$/.test(name));
    expect({ withoutRow: fields.filter((name) => !(name in MATRIX)) }).toEqual({ withoutRow: [] });
    expect({ notInSchema: Object.keys(MATRIX).filter((name) => !fields.includes(name)) }).toEqual({ notInSchema: [] });
  });
});

describe('a missing or bad token', () => {
  const past = () => Math.floor(Date.now() / 1000) - 60;
  const badTokens = async (): Promise<Record<string, string | null>> => ({
    'no token': null,
    // Signed with the hub's own secret: only the expiry is wrong.
    expired: await tokenFor('ADMIN', null, past()),
    'a wrong signature': await signToken('another-secret-another-secret-0123456789', { sub: 'intruder', role: 'ADMIN', org: null }),
    'alg none': new UnsecuredJWT({ role: 'ADMIN' }).setSubject('intruder').setIssuedAt().setExpirationTime('1h').encode(),
  });

  it('is refused with UNAUTHENTICATED (HTTP 401) on every operation of the gateway but what needs no credential', async () => {
    const variants = Object.entries(await badTokens());
    const results = await Promise.all(
      entries.flatMap(([name, entry]) =>
        variants.map(async ([variant, token]) => {
          const res = await hub.client(token).request(entry.document, entry.variables?.(f, 'ADMIN') ?? {});
          // Asking for a sign-in link needs no credential; a bad one is refused all the same.
          const expected = variant === 'no token' && NO_CREDENTIAL_NEEDED.has(name) ? 'allowed 200' : 'UNAUTHENTICATED 401';
          return mismatch(name, variant, expected, `${outcome(res)} ${res.status}`);
        }),
      ),
    );
    expect(results.flat()).toEqual([]);
  });

  it('is refused by every subgraph reached directly, for _entities and _service too', async () => {
    const variants = Object.entries(await badTokens());
    const documents = {
      _service: ['{ _service { sdl } }', {}],
      _entities: [
        'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
        { r: [{ __typename: 'Organization', id: f.subordinate }] },
      ],
    } as const;
    const results = await Promise.all(
      Object.entries(hub.subgraphUrls).flatMap(([subgraph, url]) =>
        Object.entries(documents).flatMap(([field, [document, variables]]) =>
          variants.map(async ([variant, token]) => {
            const res = await gql(url, document, variables, token);
            return mismatch(`${subgraph} ${field}`, variant, 'UNAUTHENTICATED 401', `${outcome(res)} ${res.status}`);
          }),
        ),
      ),
    );
    expect(results.flat()).toEqual([]);
  });
});

describe('each role within and outside its scope', () => {
  it('is let in or refused on every query as the matrix says', async () => {
    const results = await Promise.all(
      queries.flatMap(([name, entry]) =>
        CALLERS.map(async (caller) => mismatch(name, caller, entry.expect[caller], await callAs(entry, caller))),
      ),
    );
    expect(results.flat()).toEqual([]);
  });

  it('is let in or refused on every mutation as the matrix says, and a refused call changes nothing', async () => {
    const problems: string[] = [];
    // Refused callers first, while every target is still as beforeAll left it; then the allowed ones, each on its own target.
    for (const [name, entry] of mutations) {
      const refused = CALLERS.filter((c) => entry.expect[c] === 'FORBIDDEN');
      const before = await readState(entry.state!(f));
      const outcomes = await Promise.all(refused.map((caller) => callAs(entry, caller)));
      refused.forEach((caller, i) => problems.push(...mismatch(name, caller, 'FORBIDDEN', outcomes[i]!)));
      const after = await readState(entry.state!(f));
      if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`${name}: a refused call changed ${JSON.stringify(after)}`);
      for (const caller of CALLERS.filter((c) => entry.expect[c] === 'allowed')) {
        problems.push(...mismatch(name, caller, 'allowed', await callAs(entry, caller)));
      }
    }
    expect(problems).toEqual([]);
  });

  it('has a way to tell, for every mutation, that a refused call changed nothing', () => {
    expect(mutations.filter(([, entry]) => !entry.state).map(([name]) => name)).toEqual([]);
  });
});

describe('lists that scoped roles read narrowed to their tree', () => {
  const as = <T = unknown>(caller: Caller, document: string, variables: Record<string, unknown> = {}) =>
    hub.client(tokens[caller]).data<T>(document, variables);
  const ids = (connection: Ids) => connection.edges.map((e) => e.node.id);

  it('shows OPERATOR and HEAD only their organization and those below it', async () => {
    const { organization } = await admin.data<{ organization: { children: { id: string }[] } }>(
      'query($id: ID!) { organization(id: $id) { children { id } } }',
      { id: f.municipality },
    );
    const tree = [f.municipality, ...organization.children.map((c) => c.id)].sort();
    const ORGANIZATIONS = '{ organizations(includeInactive: true, first: 100) { totalCount edges { node { id } } } }';
    for (const caller of ['OPERATOR_OWN', 'HEAD_OWN'] as const) {
      expect(ids((await as<{ organizations: Ids }>(caller, ORGANIZATIONS)).organizations).sort()).toEqual(tree);
    }
    for (const caller of ['OPERATOR_OTHER', 'HEAD_OTHER'] as const) {
      expect(ids((await as<{ organizations: Ids }>(caller, ORGANIZATIONS)).organizations)).toEqual([f.other]);
    }
  });

  it('shows a material, an exemption and a compliance result only within the tree', async () => {
    const MATERIALS = '{ materials(first: 100) { edges { node { id } } } }';
    expect(ids((await as<{ materials: Ids }>('HEAD_OWN', MATERIALS)).materials)).toContain(f.material);
    expect(ids((await as<{ materials: Ids }>('HEAD_OTHER', MATERIALS)).materials)).not.toContain(f.material);

    const EXEMPTIONS = '{ exemptions(includeRevoked: true) { id organization { id } } }';
    type Exemptions = { exemptions: { id: string; organization: { id: string } }[] };
    expect((await as<Exemptions>('OPERATOR_OWN', EXEMPTIONS)).exemptions.map((e) => e.id)).toEqual(
      expect.arrayContaining(Object.values(f.exemptions)),
    );
    expect((await as<Exemptions>('OPERATOR_OTHER', EXEMPTIONS)).exemptions.every((e) => e.organization.id === f.other)).toBe(true);

    const REPORT = `{ complianceReport(period: "${WEEK}", rule: WEEKLY_PLACEMENTS, first: 100) { totalCount edges { node { organization { id parent { id } } } } } }`;
    type Report = {
      complianceReport: { totalCount: number; edges: { node: { organization: { id: string; parent: { id: string } | null } } }[] };
    };
    const own = (await as<Report>('HEAD_OWN', REPORT)).complianceReport;
    expect(own.totalCount).toBeGreaterThan(0);
    expect(own.edges.every((e) => e.node.organization.id === f.municipality || e.node.organization.parent?.id === f.municipality)).toBe(
      true,
    );
    const other = (await as<Report>('HEAD_OTHER', REPORT)).complianceReport;
    expect(other.edges.every((e) => e.node.organization.id === f.other)).toBe(true);
  });

  it("shows a head's e-mail to ADMIN, ANALYST and the organization's own scope only", async () => {
    const HEAD = 'query($id: ID!) { organization(id: $id) { head { email } } }';
    type Head = { organization: { head: { email: string | null } } };
    // The address as stored, not a mask such as ***@***, which /@/ would let pass too.
    const stored = await queryRow<{ email: string }>(
      hub.subgraphs.organizations.orm.em.fork(),
      sql`select head_email as email from organizations.organization where id = ${f.subordinate}`,
    );
    expect(stored!.email).toMatch(/^[^*@]+@[^*@]+\.[a-z]+$/);
    for (const caller of ['ADMIN', 'ANALYST', 'OPERATOR_OWN', 'HEAD_OWN'] as const) {
      const { email } = (await as<Head>(caller, HEAD, { id: f.subordinate })).organization.head;
      expect(email, caller).toMatch(/@/);
      expect(email, caller).toBe(stored!.email);
    }
    expect((await as<Head>('EDITOR', HEAD, { id: f.subordinate })).organization.head.email).toBeNull();
  });
});
