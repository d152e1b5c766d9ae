import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type HttpService, type SubgraphName } from '@hub/common';
import { TEST_JWT_SECRET, gql, tokenFor } from '@hub/common/testing';
import { createGateway } from '@hub/gateway';
import { startTestHub, type TestHub } from './support/hub.js';

/** A pass-through in front of a real subgraph that counts what reaches it. */
async function countingProxy(target: string): Promise<{ url: string; count: () => number; close: () => Promise<void> }> {
  let count = 0;
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    count++;
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    count: () => count,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let hub: TestHub;
let gateway: HttpService;
let url: string;
let token: string;
const proxies: Awaited<ReturnType<typeof countingProxy>>[] = [];
const reached = () => proxies.reduce((n, p) => n + p.count(), 0);

beforeAll(async () => {
  hub = await startTestHub();
  const names = Object.keys(hub.subgraphUrls) as SubgraphName[];
  proxies.push(...(await Promise.all(names.map((name) => countingProxy(hub.subgraphUrls[name])))));
  gateway = await createGateway({
    jwtSecret: TEST_JWT_SECRET,
    subgraphUrls: Object.fromEntries(names.map((name, i) => [name, proxies[i]!.url])) as Record<SubgraphName, string>,
    subgraphTimeoutMs: 5_000,
    production: true,
    logger: createLogger('gateway', 'silent'),
  });
  url = `${await gateway.listen(0, '127.0.0.1')}/graphql`;
  token = await tokenFor('ANALYST');
});
afterAll(async () => {
  await gateway?.stop();
  await Promise.all(proxies.map((p) => p.close()));
  await hub?.stop();
});

const nest = (depth: number): string => (depth === 0 ? 'id' : `parent { ${nest(depth - 1)} }`);
const children = (depth: number): string =>
  depth === 0 ? 'id name kind inn' : `id name pages { url verified } children { ${children(depth - 1)} }`;
const TOO_MANY_TOKENS = `{ complianceRules { ${Array.from({ length: 1100 }, () => 'code title').join(' ')} } }`;

describe('the production gateway refuses abusive documents before any subgraph sees them', () => {
  it('answers one full page of a report, however the page size is given', async () => {
    const page =
      '{ complianceReport(period: "2026-W47", rule: WEEKLY_PLACEMENTS, first: 500) { totalCount edges { node { organization { id name kind parent { id name } } rule period required actual status consecutiveMisses } } } }';
    const res = await gql(url, page, {}, token);
    expect(res.errors).toBeUndefined();
    // The same page with `first` as a variable (graphql-armor prices a variable `first` at 1; the resolvers cap it at 500).
    const variable = page.replace('{ complianceReport(', 'query($n: Int) { complianceReport(').replace('first: 500', 'first: $n');
    expect(variable).toContain('first: $n');
    const viaVariable = await gql(url, variable, { n: 500 }, token);
    expect(viaVariable.errors).toBeUndefined();
    expect(viaVariable.data).toEqual(res.data);
  });

  it('answers an ordinary query, through the subgraphs', async () => {
    const before = reached();
    const res = await gql(url, `{ organizations(first: 1) { edges { node { ${nest(3)} } } } }`, {}, token);
    expect(res.errors).toBeUndefined();
    expect(reached()).toBeGreaterThan(before);
  });

  it.each([
    ['too deep', `{ organizations(first: 1) { edges { node { ${nest(10)} } } } }`, /depth/i, 'GRAPHQL_VALIDATION_FAILED'],
    [
      'too many aliases',
      `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: complianceRules { code }`).join(' ')} }`,
      /alias/i,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    // Refused while parsing, before the document is whole: a parse failure.
    ['too many tokens', TOO_MANY_TOKENS, /token/i, 'GRAPHQL_PARSE_FAILED'],
    [
      'too many directives',
      `{ complianceRules @skip(if: false) ${'@include(if: true) '.repeat(25)} { code } }`,
      /directive/i,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'too costly',
      `{ ${Array.from({ length: 4 }, (_, i) => `o${i}: organizations(first: 500) { edges { node { ${children(3)} } } }`).join(' ')} }`,
      /cost/i,
      'GRAPHQL_VALIDATION_FAILED',
    ],
  ])('%s', async (_name, query, message, code) => {
    const before = reached();
    const res = await gql(url, query, {}, token);
    expect(res.data ?? null).toBeNull();
    expect(res.errors![0]!.message).toMatch(message);
    // A refused document is the client's fault, whichever limit refused it: 400, never 500.
    // (Found by the security review: the token limit answered 500.)
    expect({ status: res.status, code: res.errors![0]!.extensions?.code }).toEqual({ status: 400, code });
    expect(res.errors![0]!.extensions?.stacktrace).toBeUndefined();
    expect(reached()).toBe(before);
  });

  it('lets the too costly document through with `first` as a variable (armor prices it at 1): the subgraphs cap each page at 500', async () => {
    const costly = `query($n: Int) { ${Array.from({ length: 4 }, (_, i) => `o${i}: organizations(first: $n) { edges { node { ${children(3)} } } }`).join(' ')} }`;
    const before = reached();
    const full = await gql(url, costly, { n: 500 }, token);
    expect(full.errors).toBeUndefined();
    expect(reached()).toBeGreaterThan(before);
    for (const connection of Object.values(full.data as Record<string, { edges: unknown[] }>))
      expect(connection.edges.length).toBeLessThanOrEqual(500);
    const over = await gql(url, costly, { n: 501 }, token);
    expect(over.data ?? null).toBeNull();
    expect(over.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('refuses too many tokens with 400 in development too', async () => {
    const development = await createGateway({
      jwtSecret: TEST_JWT_SECRET,
      subgraphUrls: hub.subgraphUrls,
      subgraphTimeoutMs: 5_000,
      production: false,
      logger: createLogger('gateway', 'silent'),
    });
    try {
      const res = await gql(`${await development.listen(0, '127.0.0.1')}/graphql`, TOO_MANY_TOKENS, {}, token);
      expect({ status: res.status, code: res.errors![0]!.extensions?.code }).toEqual({ status: 400, code: 'GRAPHQL_PARSE_FAILED' });
      expect(res.errors![0]!.message).toMatch(/2000 tokens/);
    } finally {
      await development.stop();
    }
  });

  it('gives no field suggestions and no introspection', async () => {
    const typo = await gql(url, '{ organisations { totalCount } }', {}, token);
    expect(typo.errors![0]!.message).not.toMatch(/did you mean/i);
    const introspection = await gql(url, '{ __schema { types { name } } }', {}, token);
    expect(introspection.errors![0]!.message).toMatch(/introspection/i);
  });

  // Security review: graphql-js's `Did you mean the enum value "X"?` slipped past the field-suggestion mask.
  it('suggests no enum values, in a literal or in a variable', async () => {
    const KINDS = /EXECUTIVE_BODY|MUNICIPALITY|SUBORDINATE|CONTENT_CENTER|COMMITTEE|REGIONAL_MANAGEMENT_CENTER|did you mean/i;
    const literal = await gql(url, '{ organizations(kind: EXECUTIVE_BODI, first: 1) { totalCount } }', {}, token);
    expect(literal.errors![0]!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(literal.errors![0]!.message).toMatch(/EXECUTIVE_BODI/);
    const variable = await gql(
      url,
      'query($kind: OrganizationKind) { organizations(kind: $kind, first: 1) { totalCount } }',
      { kind: 'EXECUTIVE_BODI' },
      token,
    );
    expect(variable.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(variable.errors![0]!.message).toMatch(/EXECUTIVE_BODI/);
    for (const res of [literal, variable]) {
      for (const error of res.errors!) expect(error.message.replaceAll('EXECUTIVE_BODI', '')).not.toMatch(KINDS);
    }
  });

  it('has no landing page and prevents CSRF: a simple GET is refused', async () => {
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).not.toMatch(/html/);
    expect(await page.text()).not.toMatch(/sandbox|embeddable/i);
    const before = reached();
    const csrf = await fetch(`${url}?query=${encodeURIComponent('{ complianceRules { code } }')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(csrf.status).toBe(400);
    expect(await csrf.text()).toMatch(/csrf|preflight/i);
    expect(reached()).toBe(before);
  });

  it('refuses a body over the limit and malformed JSON with a coded JSON error', async () => {
    const big = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ complianceRules { code } }', variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    const broken = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it("shows no stack traces in production errors, even for a subgraph's refusal", async () => {
    const res = await gql(url, '{ complianceSummary(period: "nonsense") { rate } }', {}, token);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|\.ts:\d+/);
  });
});
