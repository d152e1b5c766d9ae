import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kind, parse, type DocumentNode } from 'graphql';
import { createLogger, createSubgraphServer, freePort, type HttpService, type SubgraphName } from '@hub/common';
import { organizationsSubgraph } from '@hub/organizations';
import { TEST_JWT_SECRET, asGateway, gql, tokenFor, type GraphQLResponse } from '@hub/common/testing';
import { createGateway } from '@hub/gateway';
import { startTestHub, type TestHub } from './support/hub.js';

// docs/SECURITY.md, "What errors tell": with introspection off, a tool such as clairvoyance recovers
// a schema from validation messages. It sends guessed words as fields, arguments, types, enum
// values and input fields and reads back what the messages name: the parent type of an unknown
// field, the type of a field that needs a selection, a required argument or input field with its
// type, the type a variable's position expects. This probe does the same against the production
// hub and collects every name of the schema a message reveals that its request did not send.
// Before production messages named only what the caller wrote, this probe (574 requests to the
// gateway) read 45 names the messages revealed (Query, Mutation, OrganizationKind, Platform,
// ReachGrouping, organizationId, period, …); with the gateway's credential the organizations
// subgraph revealed 27, content 15, compliance 15, monitoring 2.

let hub: TestHub;
let analyst: string;

beforeAll(async () => {
  hub = await startTestHub({ env: { NODE_ENV: 'production' } });
  analyst = await tokenFor('ANALYST');
}, 120_000);
afterAll(() => hub?.stop());

/** The names a schema defines: types, fields, arguments, enum values, input fields (federation's own `join__`/`link__` aside). */
function namesOf(document: DocumentNode): Set<string> {
  const names = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
  for (const definition of document.definitions) {
    if (!('name' in definition) || !definition.name || definition.kind === Kind.DIRECTIVE_DEFINITION) continue;
    if (/^(join|link)__/.test(definition.name.value)) continue;
    names.add(definition.name.value);
    if ('fields' in definition)
      for (const field of definition.fields ?? []) {
        names.add(field.name.value);
        if ('arguments' in field) for (const arg of field.arguments ?? []) names.add(arg.name.value);
      }
    if ('values' in definition) for (const value of definition.values ?? []) names.add(value.name.value);
  }
  return names;
}

const SUPERGRAPH = parse(readFileSync(new URL('../infra/supergraph.graphql', import.meta.url), 'utf8'));
const SCHEMA_NAMES = namesOf(SUPERGRAPH);
const subgraphNames = (name: SubgraphName) =>
  namesOf(parse(readFileSync(new URL(`../services/${name}/schema.graphql`, import.meta.url), 'utf8')));

/** The words a schema's names are made of (complianceSummary: compliance, summary), as a guesser would have them. */
const DOMAIN = [
  ...new Set(
    [...SCHEMA_NAMES].flatMap((name) =>
      name
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .split(/[\s_]+/)
        .map((w) => w.toLowerCase())
        .filter((w) => /^[a-z]{2,}$/.test(w)),
    ),
  ),
].sort();
const COMMON = `id name title description type kind status state code value values key label text body content
  data node nodes edges edge cursor page pages pageInfo first last after before offset limit count total totalCount
  items list all search filter where order orderBy sort input payload result results error errors message messages
  user users me viewer account accounts profile role roles permission permissions token session login logout
  create update delete remove add set get find fetch save submit approve reject publish archive restore
  email phone address url link links image images file files upload download export report reports
  date time created createdAt updated updatedAt deleted from to start end period week month day year
  owner author editor admin group groups team member members parent children child tree path level
  settings config version health ping echo debug test node query mutation subscription schema
  organization organizations org company region city country location tag tags category categories
  comment comments post posts like likes view views share stats metrics summary trend history log logs audit
  rule rules check checks job jobs task tasks queue event events notification notifications mail letter`
  .split(/\s+/)
  .filter(Boolean);
/** Typos of the domain words and plain noise: most of what a wordlist sends exists nowhere. */
const NOISE = [
  ...DOMAIN.filter((_, i) => i % 4 === 0).map((w) => w.slice(0, 1) + w.slice(2)),
  ...Array.from({ length: 40 }, (_, i) => `zq${(i * 7919).toString(36)}x`),
];
const WORDS = [...new Set([...COMMON, ...DOMAIN, ...NOISE])].filter((w) => /^[a-z][a-z0-9]*$/.test(w) && w !== 'on');
const capitalized = (w: string) => w[0]!.toUpperCase() + w.slice(1);
const TYPE_WORDS = [...new Set([...DOMAIN.map(capitalized), ...DOMAIN.slice(0, 40).map((w) => `${capitalized(w)}Input`)])];
const ENUM_WORDS = DOMAIN.map((w) => w.toUpperCase()).slice(0, 30);

/** The caller's own valid operations: what they name is known to the caller, not revealed. */
const CALLER_OPERATIONS = {
  organizations:
    'query Orgs($kind: OrganizationKind, $first: Int) { organizations(kind: $kind, first: $first) { totalCount edges { node { id name kind } } } }',
  summary: 'query Summary($period: String!) { complianceSummary(period: $period) { rate } }',
  addPage: 'mutation AddPage($input: AddOfficialPageInput!) { addOfficialPage(input: $input) { id } }',
};

/** Words per document: graphql-js stops at 100 errors, and a word it did not report would pass for one that exists. */
const BATCH = 60;
const chunks = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
const identifiers = (text: string): string[] => text.match(/[_A-Za-z][_0-9A-Za-z]*/g) ?? [];

/**
 * Clairvoyance's technique against one endpoint: root fields from the wordlist, then for each
 * field found its type (a selection or none), its arguments, each argument's type (literals of
 * every kind, a variable of the wrong type), enum values and input fields; types in fragments
 * and variables; the caller's own operations with wrong variables. Returns the schema names that
 * error messages revealed without their request having sent them, each with one message showing it.
 */
async function probe(url: string, headers: () => Promise<Record<string, string>>, schemaNames: Set<string>) {
  const revealed = new Map<string, string>();
  const statuses = new Set<number>();
  let requests = 0;
  const ask = async (document: string, variables: Record<string, unknown> = {}): Promise<string[]> => {
    const sent = new Set(identifiers(document + JSON.stringify(variables)));
    requests++;
    const res = await gql(url, document, variables, analyst, await headers());
    statuses.add(res.status);
    const messages = (res.errors ?? []).map((e) => e.message);
    for (const message of messages)
      for (const [, quoted] of message.matchAll(/"([^"]*)"/g))
        for (const name of identifiers(quoted!)) if (schemaNames.has(name) && !sent.has(name)) revealed.set(name, message);
    return messages;
  };
  /** Several documents, a few at a time as the tool sends them; the answers in order. */
  const askAll = async (documents: string[]): Promise<string[][]> => {
    const answers: string[][] = [];
    let next = 0;
    const worker = async () => {
      while (next < documents.length) {
        const i = next++;
        answers[i] = await ask(documents[i]!);
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    return answers;
  };
  const unknown = (messages: string[], pattern: (word: string) => string, words: string[]) =>
    words.filter((w) => !messages.some((m) => m.includes(pattern(w))));

  for (const variables of [{ kind: 'EXECUTIVE_BODI' }, { kind: 'executive' }, { kind: 7 }, { kind: 'EXECUTIVE_BODY', first: 'x' }])
    await ask(CALLER_OPERATIONS.organizations, variables);
  await ask(CALLER_OPERATIONS.summary, {});
  for (const input of [{}, { url: 'x', zqfield: 1 }, { organizationId: '1', platform: 'VKONTAKTE', url: 7 }, 'x'])
    await ask(CALLER_OPERATIONS.addPage, { input });

  const found: [string, string][] = [];
  for (const operation of ['query', 'mutation']) {
    const batches = chunks(WORDS, BATCH);
    const answers = await askAll(batches.map((batch) => `${operation} { ${batch.join(' ')} }`));
    batches.forEach((batch, i) =>
      found.push(...unknown(answers[i]!, (w) => `Cannot query field "${w}"`, batch).map((w): [string, string] => [operation, w])),
    );
  }
  await askAll(
    chunks(TYPE_WORDS, 40).flatMap((batch) => [
      `{ __typename ${batch.map((t) => `... on ${t} { __typename }`).join(' ')} }`,
      `query(${batch.map((t, i) => `$v${i}: ${t}`).join(', ')}) { __typename }`,
    ]),
  );
  for (const [op, field] of found) {
    const batches = chunks(WORDS, BATCH);
    const [, , ...answers] = await askAll([
      `${op} { ${field} }`,
      `${op} { ${field} { zqnothing } }`,
      ...batches.map((batch) => `${op} { ${field}(${batch.map((w) => `${w}: 7`).join(', ')}) { __typename } }`),
      ...batches.map((batch) => `${op} { ${field} { ${batch.join(' ')} } }`),
    ]);
    const args = batches.flatMap((batch, i) => unknown(answers[i]!, (w) => `Unknown argument "${w}"`, batch));
    await askAll(
      args.flatMap((arg) => [
        ...['42', '{}', '"42"', 'false', 'ZQ_NOTHING', `{ ${WORDS.slice(0, 60).join(': 1, ')}: 1 }`].map(
          (literal) => `${op} { ${field}(${arg}: ${literal}) { __typename } }`,
        ),
        `${op}($v: Boolean) { ${field}(${arg}: $v) { __typename } }`,
        ...chunks(ENUM_WORDS, 15).map(
          (batch) => `${op} { ${batch.map((value, i) => `a${i}: ${field}(${arg}: ${value}) { __typename }`).join(' ')} }`,
        ),
      ]),
    );
  }
  return {
    requests,
    // Every answer came from GraphQL itself (200 or 400), none was a refusal of the caller.
    statuses: [...statuses].sort(),
    revealed: [...revealed].map(([name, message]) => `${name} ← ${message}`).sort(),
  };
}

describe('what a schema-recovery tool learns from the production hub', () => {
  it("the gateway's errors name nothing of the schema the caller did not write", async () => {
    const { requests, statuses, revealed } = await probe(hub.gatewayUrl, async () => ({}), SCHEMA_NAMES);
    expect(requests).toBeGreaterThan(100);
    expect(statuses.filter((status) => status !== 200 && status !== 400)).toEqual([]);
    expect(revealed, `${revealed.length} names revealed in ${requests} requests`).toEqual([]);
  }, 120_000);

  it.each(['organizations', 'content', 'compliance', 'monitoring'] as SubgraphName[])(
    "the %s subgraph's errors name nothing either, even with the gateway's credential",
    async (name) => {
      // A credential lives a minute: a fresh one for each request.
      const { requests, statuses, revealed } = await probe(hub.subgraphUrls[name], () => asGateway(), subgraphNames(name));
      expect(statuses.filter((status) => status !== 200 && status !== 400)).toEqual([]);
      expect(revealed, `${revealed.length} names revealed in ${requests} requests`).toEqual([]);
    },
    120_000,
  );

  it.each(['organizations', 'content', 'compliance', 'monitoring'] as SubgraphName[])(
    'the %s subgraph describes itself to no one: without the credential 401, with it no _service',
    async (name) => {
      const url = hub.subgraphUrls[name];
      for (const document of ['{ _service { sdl } }', '{ s: _service { sdl } }', '{ ... on Query { _service { sdl } } }'])
        for (const headers of [{}, await asGateway()]) {
          const res = await gql<{ _service?: { sdl: string } }>(url, document, {}, analyst, headers);
          expect(res.data?._service).toBeUndefined();
          expect(JSON.stringify(res)).not.toMatch(/type Query|extend schema/);
          if (!Object.keys(headers).length) expect(res.status).toBe(401);
          else expect(res.errors!.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
        }
    },
  );
});

/** One POST to a GraphQL endpoint with any body, as a tool may send it. */
async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<GraphQLResponse<unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}`, ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, ...((await res.json()) as Omit<GraphQLResponse<unknown>, 'status'>) };
}

// Clairvoyance's first requests include `subscription { __typename }`: the gateway's query planner
// threw on it, an HTTP 500 with an error and its stack in the log. So did an operation name the
// document does not define, and two operations without one.
describe('requests the hub does not serve', () => {
  const logged: string[] = [];
  const logger = (name: string) => createLogger(name, 'info', { write: (line: string) => void logged.push(line) });
  let gateway: HttpService;
  let subgraph: HttpService;
  const urls: Record<string, string> = {};

  beforeAll(async () => {
    gateway = await createGateway({
      jwtSecret: TEST_JWT_SECRET,
      subgraphUrls: hub.subgraphUrls,
      subgraphTimeoutMs: 5_000,
      production: true,
      logger: logger('gateway'),
    });
    urls.gateway = `${await gateway.listen(0, '127.0.0.1')}/graphql`;
    subgraph = await createSubgraphServer(organizationsSubgraph, hub.subgraphs.organizations.orm, {
      jwtSecret: TEST_JWT_SECRET,
      production: true,
      logger: logger('organizations'),
      clock: () => new Date(),
      timezone: 'Asia/Vladivostok',
      publicUrl: 'http://localhost',
    });
    urls.organizations = `${await subgraph.listen(await freePort(), '127.0.0.1')}/graphql`;
  });
  afterAll(async () => {
    await gateway?.stop();
    await subgraph?.stop();
  });

  it.each([
    ['a subscription', { query: 'subscription { __typename }' }, 'BAD_REQUEST'],
    ['a named subscription', { query: 'subscription Watch { me { role } }' }, 'BAD_REQUEST'],
    [
      'an operation name the document does not define',
      { query: 'query A { __typename }', operationName: 'B' },
      'OPERATION_RESOLUTION_FAILURE',
    ],
    ['two operations and no name', { query: 'query A { __typename } query B { __typename }' }, 'OPERATION_RESOLUTION_FAILURE'],
    ['a misspelt operation type', { query: 'subscriptions { __typename }' }, 'GRAPHQL_PARSE_FAILED'],
    [
      "a persisted query's hash that is not the query's",
      { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } },
      'BAD_REQUEST',
    ],
  ])('%s is a 400 with a code, logged as no error, at the gateway and at a subgraph', async (_name, body, code) => {
    for (const [name, headers] of [
      ['gateway', {}],
      ['organizations', await asGateway()],
    ] as const) {
      logged.length = 0;
      const res = await post(urls[name]!, body, headers);
      expect({ name, status: res.status, codes: res.errors?.map((e) => e.extensions?.code) }).toEqual({ name, status: 400, codes: [code] });
      expect(JSON.stringify(res)).not.toMatch(/stack|\.ts:\d+/);
      expect(logged.filter((line) => (JSON.parse(line) as { level: number }).level >= 50)).toEqual([]);
    }
  });
});
