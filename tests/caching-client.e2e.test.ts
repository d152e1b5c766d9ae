/**
 * The hub as a caching client sees it: Apollo Client's InMemoryCache with the type policies
 * README.md shows ("A caching client"), over HTTP to the real gateway on the demo region. Every
 * query the dashboard ships and every read of the contract runs through it, and neither may make
 * the cache keep an object that has an identity outside its entity, nor replace cached data.
 */
import { format } from 'node:util';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  Kind,
  OperationTypeNode,
  TypeInfo,
  buildSchema,
  getNamedType,
  isObjectType,
  parse,
  print,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { ApolloClient, HttpLink, InMemoryCache, type TypePolicies } from '@apollo/client';
import { loadDevMessages, loadErrorMessages } from '@apollo/client/dev';
import { gqlData, tokenFor } from '@hub/common/testing';
import { composeApiSdl } from '@hub/gateway/supergraph';
import * as dashboard from '../gateway/dashboard/src/generated/graphql.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { contractOperations } from './support/operations.js';
import { typePolicies } from './support/type-policies.js';

// Thursday 26 November 2026 in Khabarovsk, as tests/dashboard.e2e.test.ts: 2026-W47 is evaluated.
const clock = () => new Date('2026-11-26T03:00:00Z');
const LAST_WEEK = '2026-W47';

const schema = buildSchema(
  composeApiSdl({
    content: 'http://content/graphql',
    organizations: 'http://organizations/graphql',
    compliance: 'http://compliance/graphql',
    monitoring: 'http://monitoring/graphql',
  }),
);
const shipped: OperationDefinitionNode[] = [
  ...Object.entries(dashboard)
    .filter(([name]) => name.endsWith('Document'))
    .map(([, document]) => parse(String(document)).definitions[0] as OperationDefinitionNode),
  ...contractOperations,
];
const queries = shipped.filter((op) => op.operation === OperationTypeNode.QUERY);
const documentOf = (op: OperationDefinitionNode): DocumentNode => ({ kind: Kind.DOCUMENT, definitions: [op] });
const nameOf = (op: OperationDefinitionNode) => op.name!.value;

/** What identifies an object of the type in the cache: its key fields, else its id; none for a value. */
function identityOf(typename: string, policies: TypePolicies): string[] {
  const keyFields = policies[typename]?.keyFields;
  if (Array.isArray(keyFields)) return keyFields as string[];
  const type = schema.getType(typename);
  return isObjectType(type) && type.getFields().id ? ['id'] : [];
}

let hub: TestHub;
let admin: string;
let values: Record<string, unknown>;

beforeAll(async () => {
  hub = await startTestHub({ seed: 'demo', worker: true, clock, platformStandIn: true });
  admin = await tokenFor('ADMIN');
  await vi.waitFor(
    async () => {
      const { complianceRuns } = await gqlData<{ complianceRuns: { status: string }[] }>(
        hub.gatewayUrl,
        'query($p: String) { complianceRuns(rule: WEEKLY_PLACEMENTS, period: $p, first: 1) { status } }',
        { p: LAST_WEEK },
        admin,
      );
      expect(complianceRuns[0]?.status).toBe('SUCCEEDED');
    },
    { timeout: 60_000, interval: 500 },
  );
  // The pages' posts and crawls, for the operations that select them.
  await hub.monitoringWorker!.crawlDue();
  // A subordinate on the contract's first page of them that met last week and has a feedback widget:
  // a parent, pages, widgets, placements and posts for every selection to fill.
  const [{ organizations }, { complianceReport }] = await Promise.all([
    gqlData<{ organizations: { edges: { node: { id: string; pages: { feedbackWidgets: unknown[] }[] } }[] } }>(
      hub.gatewayUrl,
      '{ organizations(kind: SUBORDINATE, first: 30) { edges { node { id pages { feedbackWidgets { form } } } } } }',
      {},
      admin,
    ),
    gqlData<{ complianceReport: { edges: { node: { organization: { id: string } } }[] } }>(
      hub.gatewayUrl,
      'query($p: String!) { complianceReport(period: $p, rule: WEEKLY_PLACEMENTS, status: MET, kind: SUBORDINATE, first: 500) { edges { node { organization { id } } } } }',
      { p: LAST_WEEK },
      admin,
    ),
  ]);
  const met = new Set(complianceReport.edges.map(({ node }) => node.organization.id));
  const organization = organizations.edges.find(({ node }) => met.has(node.id) && node.pages.some((page) => page.feedbackWidgets.length))!
    .node.id;
  // Every operation's variables by name; the optional ones not named here are left out.
  values = {
    id: organization,
    organizationId: organization,
    week: LAST_WEEK,
    period: LAST_WEEK,
    month: '2026-10',
    kind: 'SUBORDINATE',
    first: 30,
    last: 12,
    weeks: 12,
    silentForDays: 7,
    code: 'WEEKLY_PLACEMENTS',
    rule: 'WEEKLY_PLACEMENTS',
    threshold: 4,
    input: { threshold: 4 },
    audience: { kinds: ['SUBORDINATE'] },
  };
  loadDevMessages();
  loadErrorMessages();
}, 240_000);
afterAll(() => hub?.stop());

const variablesOf = (op: OperationDefinitionNode) =>
  Object.fromEntries(
    (op.variableDefinitions ?? []).map((v) => v.variable.name.value).flatMap((name) => (name in values ? [[name, values[name]]] : [])),
  );

const withoutTypename = (data: unknown): unknown =>
  JSON.parse(JSON.stringify(data), (key, value: unknown) => (key === '__typename' ? undefined : value));

function apollo(policies: TypePolicies) {
  return new ApolloClient({
    link: new HttpLink({ uri: hub.gatewayUrl, headers: { authorization: `Bearer ${admin}` } }),
    cache: new InMemoryCache({ typePolicies: policies }),
  });
}

/**
 * Sends each operation from the network into one cache, in order and then in reverse (a loss shows
 * only when the later write lacks what the earlier one held), and says what went wrong: what Apollo
 * warned or logged as an error (it reports data it would lose through console.warn), and every object
 * with an identity that the cache kept inside another, after any operation, instead of as its own entity.
 */
async function cacheProblems(operations: OperationDefinitionNode[], policies: TypePolicies = typePolicies): Promise<string[]> {
  const client = apollo(policies);
  const problems = new Set<string>();
  const embedded = (value: unknown, path: string): void => {
    if (Array.isArray(value)) return value.forEach((item, i) => embedded(item, `${path}.${i}`));
    if (!value || typeof value !== 'object' || '__ref' in value) return;
    const { __typename } = value as { __typename?: string };
    if (__typename && identityOf(__typename, policies).length) problems.add(`${path} holds a ${__typename} of its own`);
    for (const [field, child] of Object.entries(value)) embedded(child, `${path}.${field}`);
  };
  const said = (...args: unknown[]) => void problems.add(format(...args));
  const warn = vi.spyOn(console, 'warn').mockImplementation(said);
  const error = vi.spyOn(console, 'error').mockImplementation(said);
  try {
    for (const op of [...operations, ...[...operations].reverse()]) {
      await client
        .query({ query: documentOf(op), variables: variablesOf(op), fetchPolicy: 'network-only' })
        .catch((failed: Error) => problems.add(`${nameOf(op)}: ${failed.message}`));
      const entities = client.cache.extract() as Record<string, Record<string, unknown>>;
      for (const [id, entity] of Object.entries(entities)) {
        for (const [field, value] of Object.entries(entity)) embedded(value, `${id}.${field}`);
      }
    }
  } finally {
    warn.mockRestore();
    error.mockRestore();
  }
  return [...problems];
}

describe('a caching client', () => {
  it('finds the identity of every object in every operation the hub ships and the contract', () => {
    const missing: string[] = [];
    const typeInfo = new TypeInfo(schema);
    for (const op of shipped) {
      const selects = (set: SelectionSetNode, field: string): boolean =>
        set.selections.some((s) =>
          s.kind === Kind.FIELD ? s.name.value === field && !s.alias : s.kind === Kind.INLINE_FRAGMENT && selects(s.selectionSet, field),
        );
      visit(
        op,
        visitWithTypeInfo(typeInfo, {
          Field(node) {
            const type = getNamedType(typeInfo.getType());
            if (!node.selectionSet || !type) return;
            for (const field of identityOf(type.name, typePolicies)) {
              if (!selects(node.selectionSet, field)) missing.push(`${nameOf(op)}: ${node.name.value} without ${field}`);
            }
          },
        }),
      );
    }
    // The contract's own, which this hub may not change: the organization policy (README.md) files them under the id asked for.
    expect(missing).toEqual(['PlacementEvidence: organization without id', 'PagePosts: organization without id']);
  });

  it("runs the dashboard's queries and the contract's reads without a warning, every object with an identity normalized", async () => {
    expect(queries.length).toBeGreaterThan(40);
    expect(await cacheProblems(queries)).toEqual([]);
  });

  it('fails when an operation leaves an id out, or the organization policy out', async () => {
    // DashboardOrganization with its parent's id left out: the parent is kept inside the organization.
    const organization = queries.find((op) => nameOf(op) === 'DashboardOrganization')!;
    const withoutId = visit(organization, {
      Field: (node) =>
        node.name.value === 'parent'
          ? {
              ...node,
              selectionSet: {
                ...node.selectionSet!,
                selections: node.selectionSet!.selections.filter((s) => s.kind !== Kind.FIELD || s.name.value !== 'id'),
              },
            }
          : undefined,
    });
    expect(await cacheProblems([withoutId])).toEqual([
      expect.stringMatching(/^Organization:[-\w]+\.parent holds a Organization of its own$/),
    ]);
    // Without the organization policy, the contract's id-less reads of an organization replace the one cached.
    const { organization: _policy, ...queryFields } = typePolicies.Query!.fields!;
    const contract = queries.filter((op) => ['OrganizationCompliance', 'PlacementEvidence'].includes(nameOf(op)));
    expect(await cacheProblems(contract, { ...typePolicies, Query: { fields: queryFields } })).toEqual(
      expect.arrayContaining([expect.stringContaining('Cache data may be lost when replacing the organization field of a Query object')]),
    );
  });

  it('answers each of two operations that selected the same organization as the hub does, after both ran', async () => {
    const about = queries.filter(
      (op) =>
        nameOf(op) === 'Organizations' || op.variableDefinitions?.some((v) => ['id', 'organizationId'].includes(v.variable.name.value)),
    );
    expect(about.map(nameOf)).toEqual(
      expect.arrayContaining(['Organizations', 'DashboardOrganization', 'DashboardOrganizationPlacements', 'PlacementEvidence']),
    );
    // Each read after all the others wrote over it.
    for (const op of about) {
      const client = apollo(typePolicies);
      for (const other of [op, ...about.filter((o) => o !== op)]) {
        await client.query({ query: documentOf(other), variables: variablesOf(other), fetchPolicy: 'network-only' });
      }
      const cached = client.readQuery({ query: documentOf(op), variables: variablesOf(op) });
      const answer = await gqlData(hub.gatewayUrl, print(op), variablesOf(op), admin);
      expect.soft({ [nameOf(op)]: withoutTypename(cached) }).toEqual({ [nameOf(op)]: answer });
    }
  });

  it("appends a page fetched with `after` to the pages held, with the README's type policies", async () => {
    const client = apollo(typePolicies);
    type Page = { organizations: { pageInfo: { endCursor: string }; edges: { node: { id: string } }[] } };
    const query = documentOf(queries.find((op) => nameOf(op) === 'Organizations')!);
    const ids = (page: Page | null) => page!.organizations.edges.map(({ node }) => node.id);
    const first = (await client.query<Page>({ query, variables: { first: 5 } })).data!;
    const next = { first: 5, after: first.organizations.pageInfo.endCursor };
    // As fetchMore sends it: from the network, whatever the cache holds.
    await client.query({ query, variables: next, fetchPolicy: 'network-only' });
    const second = await gqlData<Page>(hub.gatewayUrl, print(query), next, admin);
    const held = client.readQuery<Page>({ query, variables: { first: 5 } });
    expect(ids(held)).toEqual([...ids(first), ...ids(second)]);
    expect(withoutTypename(held!.organizations.pageInfo)).toEqual(second.organizations.pageInfo);

    // The heatmap is paged by rows: the dashboard's «Показать ещё» asks for the next 100.
    type Heatmap = { complianceHeatmap: { pageInfo: { endCursor: string }; rows: { organization: { id: string } }[] } };
    const heatmap = documentOf(queries.find((op) => nameOf(op) === 'DashboardHeatmap')!);
    const rows = (page: Heatmap | null) => page!.complianceHeatmap.rows.map((row) => row.organization.id);
    const top = (await client.query<Heatmap>({ query: heatmap })).data!;
    const after = { after: top.complianceHeatmap.pageInfo.endCursor };
    await client.query({ query: heatmap, variables: after, fetchPolicy: 'network-only' });
    const more = await gqlData<Heatmap>(hub.gatewayUrl, print(heatmap), after, admin);
    expect(rows(more)).toHaveLength(100);
    expect(rows(client.readQuery<Heatmap>({ query: heatmap }))).toEqual([...rows(top), ...rows(more)]);
  });

  it('keeps every paged field of the schema by its other arguments', () => {
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!field.args.some((arg) => arg.name === 'after')) continue;
        const policy = typePolicies[type.name]?.fields?.[field.name];
        const keyArgs = typeof policy === 'object' ? policy.keyArgs || [] : null;
        const name = `${type.name}.${field.name}`;
        expect({ [name]: keyArgs }).toEqual({
          [name]: field.args.map((arg) => arg.name).filter((arg) => arg !== 'first' && arg !== 'after'),
        });
      }
    }
  });

  it('uses the type policies README.md shows, verbatim', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const module = readFileSync(new URL('./support/type-policies.ts', import.meta.url), 'utf8');
    expect(readme).toContain(`\`\`\`ts\n${module}\`\`\``);
  });
});
