import net from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import {
  GATEWAY_CREDENTIAL_HEADER,
  createLogger,
  createSubgraphServer,
  freePort,
  gatewayCredential,
  queryRow,
  queryRows,
  sql,
  subgraphKey,
} from '@hub/common';
import { organizationsSubgraph } from '@hub/organizations';
import { TEST_JWT_SECRET, asGateway, errorCodes, gql, tokenFor } from '@hub/common/testing';
import { startTestHub, type TestHub } from './support/hub.js';
import { operation } from './support/operations.js';

// docs/SECURITY.md, "Subgraphs behind the gateway": a user's token, however
// valid, reaches no subgraph; only the gateway's own credential does, and the subgraphs listen on
// this machine only.
let hub: TestHub;
let admin: string;
const ORGANIZATIONS = '{ organizations(first: 1) { totalCount } }';

beforeAll(async () => {
  hub = await startTestHub({ seed: 'demo', clock: () => new Date('2026-12-05T03:00:00Z') });
  admin = await tokenFor('ADMIN');
}, 120_000);
afterAll(() => hub?.stop());

const credentialSignedWith = (key: Uint8Array, patch: { aud?: string; exp?: number } = {}) =>
  new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('hub-gateway')
    .setAudience(patch.aud ?? 'hub-subgraph')
    .setIssuedAt()
    .setExpirationTime(patch.exp ?? Math.floor(Date.now() / 1000) + 60)
    .sign(key);

describe('a subgraph reached past the gateway', () => {
  it('refuses every valid user token of every role, on GraphQL, _service and _entities alike', async () => {
    const roles = ['ADMIN', 'ANALYST', 'EDITOR'] as const;
    const documents = [
      ORGANIZATIONS,
      '{ _service { sdl } }',
      'query { _entities(representations: [{ __typename: "Organization", id: "x" }]) { __typename } }',
    ];
    for (const [name, url] of Object.entries(hub.subgraphUrls)) {
      for (const role of roles) {
        for (const document of documents) {
          const res = await gql(url, document, {}, await tokenFor(role));
          expect([res.status, errorCodes(res)], `${name} ${role} ${document}`).toEqual([401, ['UNAUTHENTICATED']]);
          expect(res.data ?? null).toBeNull();
        }
      }
    }
    // The same user through the gateway is served.
    const through = await gql<{ organizations: { totalCount: number } }>(hub.gatewayUrl, ORGANIZATIONS, {}, admin);
    expect(through.errors).toBeUndefined();
    expect(through.data!.organizations.totalCount).toBeGreaterThan(0);
  });

  it("refuses a credential forged with the users' signing key, one for another audience and an expired one", async () => {
    const userKey = new TextEncoder().encode(TEST_JWT_SECRET);
    const { [GATEWAY_CREDENTIAL_HEADER]: genuine } = await asGateway();
    const forged = [
      // Signed with AUTH_JWT_SECRET itself, which users' tokens are signed with.
      await credentialSignedWith(userKey),
      // The right key (the tests know it) for another audience.
      await credentialSignedWith(subgraphKey(TEST_JWT_SECRET), { aud: 'hub-gateway' }),
      // A user's token where the credential goes.
      admin,
      // The genuine credential, tampered with.
      `${genuine!.slice(0, -4)}AAAA`,
    ];
    for (const credential of forged) {
      const res = await gql(hub.subgraphUrls.organizations, ORGANIZATIONS, {}, admin, { [GATEWAY_CREDENTIAL_HEADER]: credential });
      expect([res.status, errorCodes(res)]).toEqual([401, ['UNAUTHENTICATED']]);
    }
    const expired = await asGatewayAt(Date.now() - 5 * 60_000);
    const res = await gql(hub.subgraphUrls.organizations, ORGANIZATIONS, {}, admin, expired);
    expect([res.status, errorCodes(res)]).toEqual([401, ['UNAUTHENTICATED']]);
    // The gateway's credential with the user's token is what passes.
    const ok = await gql(hub.subgraphUrls.organizations, ORGANIZATIONS, {}, admin, await asGateway());
    expect(ok.errors).toBeUndefined();
  });

  it("refuses the export route too: only the gateway's /reports/ reaches it", async () => {
    const direct = await fetch(hub.subgraphUrls.compliance.replace(/\/graphql$/, '/reports/compliance.csv?period=2026-W48'), {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(direct.status).toBe(401);
    const through = await fetch(hub.gatewayUrl.replace(/\/graphql$/, '/reports/compliance.csv?period=2026-W48'), {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(through.status).toBe(200);
  });

  it("still answers /health without a credential, for the gateway's and the orchestrator's checks", async () => {
    for (const url of Object.values(hub.subgraphUrls)) {
      const res = await fetch(url.replace(/\/graphql$/, '/health'));
      expect(res.status).toBe(200);
    }
  });
});

describe("_entities, even with the gateway's credential", () => {
  // Defence in depth: the gateway exposes no _entities, but a subgraph reads a reference as the
  // root fields read it, whatever plan asks for it.
  // Each entity as its `... on` selection reads it, or null.
  const entities = async (url: string, representations: object[], selection: string, token: string) =>
    gql<{ _entities: (Record<string, unknown> | null)[] }>(
      url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`,
      { r: representations },
      token,
      await asGateway(),
    );

  it('gives a HEAD the placements of its own tree only, runs not at all, and every type an answer, never INTERNAL_SERVER_ERROR', async () => {
    const organizations = hub.subgraphs.organizations.orm.em.fork();
    const placed = await queryRow<{ id: string; organization_id: string }>(
      organizations,
      sql`select id, organization_id from organizations.placement limit 1`,
    );
    const other = await queryRow<{ id: string }>(
      organizations,
      sql`select id from organizations.organization o where kind = 'EXECUTIVE_BODY' and id <> ${placed!.organization_id}
            and not exists (select 1 from organizations.organization c where c.id = ${placed!.organization_id} and c.parent_id = o.id)`,
    );
    const outsider = await tokenFor('HEAD', other!.id);
    const owner = await tokenFor('HEAD', placed!.organization_id);
    const placement = [{ __typename: 'Placement', id: placed!.id }];
    const seen = await entities(hub.subgraphUrls.organizations, placement, '... on Placement { url organization { name } }', owner);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!._entities[0]!.url).toMatch(/^https:/);
    const hidden = await entities(hub.subgraphUrls.organizations, placement, '... on Placement { url organization { name } }', outsider);
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data!._entities).toEqual([null]);

    const check = await gql(hub.gatewayUrl, operation('RunComplianceCheck'), { rule: 'WEEKLY_PLACEMENTS', period: '2026-W48' }, admin);
    expect(check.errors).toBeUndefined();
    const compliance = hub.subgraphs.compliance.orm.em.fork();
    const run = await queryRow<{ id: string }>(compliance, sql`select id from compliance.compliance_run limit 1`);
    const runs = await entities(
      hub.subgraphUrls.compliance,
      [{ __typename: 'ComplianceRun', id: run!.id }],
      '... on ComplianceRun { id }',
      outsider,
    );
    expect(errorCodes(runs)).toEqual(['FORBIDDEN']);

    const escalation = await queryRow<{ id: string; organization_id: string }>(
      compliance,
      sql`select id, organization_id from compliance.escalation limit 1`,
    );
    const letter = await queryRow<{ id: string }>(compliance, sql`select id from compliance.notification limit 1`);
    expect(escalation && letter).toBeTruthy();
    const refs = [
      { __typename: 'Escalation', id: escalation!.id },
      { __typename: 'Notification', id: letter!.id },
    ];
    const selection = '... on Escalation { level rule period } ... on Notification { subject status }';
    const asAdmin = await entities(hub.subgraphUrls.compliance, refs, selection, admin);
    expect(asAdmin.errors).toBeUndefined();
    expect(asAdmin.data!._entities[0]).toMatchObject({ rule: 'WEEKLY_PLACEMENTS' });
    expect(asAdmin.data!._entities[1]!.subject).toMatch(/^Региональный контент/);
    // A HEAD outside the escalation's tree sees no escalation and may not read letters.
    const stranger = await tokenFor('HEAD', await strangerOf(escalation!.organization_id));
    const asHead = await entities(hub.subgraphUrls.compliance, [refs[0]!], selection, stranger);
    expect(asHead.errors).toBeUndefined();
    expect(asHead.data!._entities).toEqual([null]);
    expect(errorCodes(await entities(hub.subgraphUrls.compliance, [refs[1]!], selection, stranger))).toEqual(['FORBIDDEN']);
  });
});

/** An executive body that is neither the organization nor above it. */
async function strangerOf(organizationId: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    hub.subgraphs.organizations.orm.em.fork(),
    sql`with recursive up as (select id, parent_id from organizations.organization where id = ${organizationId}
       union all select o.id, o.parent_id from organizations.organization o join up on o.id = up.parent_id)
     select id from organizations.organization where kind = 'EXECUTIVE_BODY' and id not in (select id from up) limit 1`,
  );
  return row!.id;
}

describe("a subgraph in production, with the gateway's credential", () => {
  it("does not describe itself (_service), suggests nothing, and holds the gateway's document limits", async () => {
    const service = await createSubgraphServer(organizationsSubgraph, hub.subgraphs.organizations.orm, {
      jwtSecret: TEST_JWT_SECRET,
      production: true,
      logger: createLogger('organizations', 'silent'),
      clock: () => new Date('2026-12-05T03:00:00Z'),
      timezone: 'Asia/Vladivostok',
      publicUrl: 'http://localhost',
    });
    try {
      const url = `${await service.listen(await freePort(), '127.0.0.1')}/graphql`;
      const ask = async (document: string) => gql(url, document, {}, admin, await asGateway());
      const sdl = await ask('{ _service { sdl } }');
      expect(errorCodes(sdl)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(JSON.stringify(sdl)).not.toContain('type Organization');
      expect(JSON.stringify(await ask('{ organizatons(first: 1) { totalCount } }'))).not.toMatch(/Did you mean|organizations/);
      // 13 levels of children: deeper than any plan of a document the gateway let through.
      const deep = `{ organizations(first: 1) { edges { node { ${'children { '.repeat(13)}id${' }'.repeat(13)} } } } }`;
      expect(errorCodes(await ask(deep))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: organizations(first: 1) { totalCount }`).join(' ')} }`;
      expect(errorCodes(await ask(aliases))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      // What the gateway sends is served.
      expect((await ask(ORGANIZATIONS)).errors).toBeUndefined();
    } finally {
      await service.stop();
    }
  });
});

describe('token lifetime at the gateway', () => {
  it('refuses a token that lives longer than AUTH_MAX_TOKEN_DAYS (30 by default), on GraphQL and the exports alike', async () => {
    const long = await tokenFor('ADMIN', null, '40d');
    const res = await gql(hub.gatewayUrl, ORGANIZATIONS, {}, long);
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    const exported = await fetch(hub.gatewayUrl.replace(/\/graphql$/, '/reports/compliance.csv?period=2026-W48'), {
      headers: { authorization: `Bearer ${long}` },
    });
    expect(exported.status).toBe(401);
    expect((await gql(hub.gatewayUrl, ORGANIZATIONS, {}, await tokenFor('ADMIN', null, '30d'))).errors).toBeUndefined();
  });
});

describe('where the subgraphs listen', () => {
  it("is 127.0.0.1 by default: the machine's other addresses refuse the connection", async () => {
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    const ports = Object.values(hub.subgraphUrls).map((u) => Number(new URL(u).port));
    // The loopback answers…
    for (const port of ports) expect(await connects('127.0.0.1', port)).toBe(true);
    // …and the machine's own network address does not (a machine without one has nothing to expose).
    if (external) for (const port of ports) expect(await connects(external, port), `${external}:${port}`).toBe(false);
    expect(await connects('127.0.0.1', Number(new URL(hub.gatewayUrl).port))).toBe(true);
  });
});

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function asGatewayAt(ms: number): Promise<Record<string, string>> {
  return { [GATEWAY_CREDENTIAL_HEADER]: await gatewayCredential(subgraphKey(TEST_JWT_SECRET), () => ms)() };
}
