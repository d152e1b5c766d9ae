// What the gateway adds to a query over asking the subgraphs directly, for a
// single-subgraph query and a federated one (organizations, then compliance by the 50 keys, as
// the gateway's plan does), in p50 latency and in throughput; and the SQL statements a request
// costs for 10 organizations against 50, which must not grow with the page (no N+1). Measured as
// deployed (each part its own process, with each process's CPU per request) and, as a second line
// (@one-process), with everything in the bench's process: there the gateway and the subgraphs
// share one event loop, which made the gateway look twice as costly as it is (docs/PERFORMANCE.md).
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { compared, type BenchContext, type HubHandle, type HubLayout, type Scenario, type ScenarioResult } from '../lib/scenario.js';
import { graphqlClient, type GraphqlClient } from '../lib/graphql.js';
import { closedLoopRate, interleavedLatencies } from './support/http-load.js';
import { countSqlStatements } from './support/sql-statement-counter.js';
import { percentile, round } from '../lib/stats.js';
import { BENCH_JWT_SECRET } from '../lib/context.js';
import { GATEWAY_CREDENTIAL_HEADER, gatewayCredential, subgraphKey } from '@hub/common';

/** The direct side asks the subgraphs as the gateway does, with its credential (docs/SECURITY.md). */
const credential = gatewayCredential(subgraphKey(BENCH_JWT_SECRET));
const asGateway = async () => ({ [GATEWAY_CREDENTIAL_HEADER]: await credential() });

const PAGE = 50;
const SMALL_PAGE = 10;
const WARM_UP = 20;
const SAMPLES = 100;
const CONNECTIONS = 10;
const DURATION_S = 8;

const SINGLE = `query Single($first: Int!) { organizations(first: $first) { edges { node { id name kind } } } }`;
const FEDERATED = `query Federated($first: Int!) { organizations(first: $first) { edges { node {
  id name pages { platform url } placementCount compliance(last: 4) { rule period status } } } } }`;
/** The gateway's plan for FEDERATED: the organizations subgraph's part, with each organization's key… */
const FEDERATED_ORGANIZATIONS = `query FederatedOrganizations($first: Int!) { organizations(first: $first) { edges { node {
  __typename id name pages { platform url } placementCount } } } }`;
/** …then compliance's field for those keys. */
const FEDERATED_COMPLIANCE = `query FederatedCompliance($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Organization { compliance(last: 4) { rule period status } } } }`;

interface OrganizationNode {
  __typename?: string;
  id: string;
  [field: string]: unknown;
}
type Page = { organizations: { edges: { node: OrganizationNode }[] } };

export const gatewayOverheadScenario: Scenario = {
  name: 'gateway-overhead',
  scales: ['region', 'nation'],
  async run(ctx) {
    // As deployed first (the figures that count), then in one process as a second line.
    const deployed = await measure(ctx, 'processes');
    const oneProcess = await measure(ctx, 'one-process');
    return [...deployed.lines, ...oneProcess.lines.map((r) => ({ ...r, scenario: `${r.scenario}@one-process` })), oneProcess.sql!];
  },
};

async function measure(ctx: BenchContext, layout: HubLayout): Promise<{ lines: ScenarioResult[]; sql: ScenarioResult | null }> {
  const hub = await ctx.startHub(layout);
  const client = graphqlClient();
  try {
    const paths = await requestPaths(hub, client);
    await assertSameData(paths);
    const paired = {
      singleGateway: () => paths.singleGateway(PAGE),
      singleDirect: () => paths.singleDirect(PAGE),
      federatedGateway: () => paths.federatedGateway(PAGE),
      federatedDirect: () => paths.federatedDirect(PAGE),
    };
    await interleavedLatencies(paired, WARM_UP);

    // Counted where the statements leave the process: the subgraphs must run in this one.
    const sql = layout === 'one-process' ? await sqlStatements(ctx, paths) : null;

    ctx.log(`gateway-overhead (${layout}): p50 over ${SAMPLES} requests each`);
    const latencies = await interleavedLatencies(paired, SAMPLES);

    ctx.log(`gateway-overhead (${layout}): throughput, ${CONNECTIONS} connections for ${DURATION_S} s each side`);
    const token = await hub.token('ANALYST');
    const singleGateway = await withCpu(hub, () => autocannonRate(hub.gatewayUrl, token, SINGLE));
    const singleDirect = await withCpu(hub, () => autocannonRate(hub.subgraphUrls.organizations, token, SINGLE));
    const federatedGateway = await withCpu(hub, () => closedLoopRate(() => paths.federatedGateway(PAGE), CONNECTIONS, DURATION_S * 1000));
    const federatedDirect = await withCpu(hub, () => closedLoopRate(() => paths.federatedDirect(PAGE), CONNECTIONS, DURATION_S * 1000));

    return {
      lines: [
        latencyResult(ctx, 'single-p50', latencies.singleGateway, latencies.singleDirect),
        latencyResult(ctx, 'federated-p50', latencies.federatedGateway, latencies.federatedDirect),
        rateResult(ctx, 'single-throughput', singleGateway, singleDirect, 'autocannon'),
        rateResult(
          ctx,
          'federated-throughput',
          federatedGateway,
          federatedDirect,
          'closed loop over undici: the direct side chains two servers',
        ),
      ],
      sql: sql && {
        scenario: 'gateway-overhead:sql-per-request',
        scale: ctx.scale,
        ...compared(sql.first50.gateway, sql.first10.gateway, 0),
        unit: 'statements',
        target: { max: 1 },
        details: { query: 'federated', ...sql },
      },
    };
  } finally {
    await client.close();
    await hub.stop();
  }
}

interface Rate {
  /** Requests per second. */
  rate: number;
  /** Each process's CPU ms over the run (the deployed layout only). */
  cpuMs: Record<string, number> | null;
  durationS: number;
}

/** A throughput run and, when each part is its own process, the CPU each spent on it. */
async function withCpu(hub: HubHandle, run: () => Promise<number>): Promise<Rate> {
  const cpuOfEach = async () =>
    hub.processes && Object.fromEntries(await Promise.all(hub.processes.map(async (p) => [p.name, await p.cpuMs()] as const)));
  const before = await cpuOfEach();
  const rate = await run();
  const after = await cpuOfEach();
  const cpuMs = before && after ? Object.fromEntries(Object.entries(after).map(([name, ms]) => [name, ms - before[name]!])) : null;
  return { rate, cpuMs, durationS: DURATION_S };
}

type Paths = Awaited<ReturnType<typeof requestPaths>>;

async function requestPaths(hub: HubHandle, client: GraphqlClient) {
  const token = await hub.token('ANALYST');
  const { gatewayUrl, subgraphUrls } = hub;
  const organizationsPart = async (first: number) =>
    client.post<Page>({
      url: subgraphUrls.organizations,
      token,
      query: FEDERATED_ORGANIZATIONS,
      variables: { first },
      headers: await asGateway(),
    });
  const compliancePart = async (nodes: OrganizationNode[]) =>
    client.post<{ _entities: { compliance: unknown }[] }>({
      url: subgraphUrls.compliance,
      token,
      query: FEDERATED_COMPLIANCE,
      headers: await asGateway(),
      variables: { representations: nodes.map((n) => ({ __typename: 'Organization', id: n.id })) },
    });
  return {
    singleGateway: (first: number) => client.post<Page>({ url: gatewayUrl, token, query: SINGLE, variables: { first } }),
    singleDirect: async (first: number) =>
      client.post<Page>({ url: subgraphUrls.organizations, token, query: SINGLE, variables: { first }, headers: await asGateway() }),
    federatedGateway: (first: number) => client.post<Page>({ url: gatewayUrl, token, query: FEDERATED, variables: { first } }),
    federatedDirect: async (first: number) => {
      const page = await organizationsPart(first);
      const nodes = page.organizations.edges.map((e) => e.node);
      return { nodes, entities: (await compliancePart(nodes))._entities };
    },
    organizationsPart,
    compliancePart,
  };
}

/** The two sides of each comparison must answer the same data, or the comparison means nothing. */
async function assertSameData(paths: Paths): Promise<void> {
  const single = [await paths.singleGateway(PAGE), await paths.singleDirect(PAGE)];
  if (!isDeepStrictEqual(single[0], single[1])) throw new Error('the single-subgraph query answers differently through the gateway');
  const viaGateway = (await paths.federatedGateway(PAGE)).organizations.edges.map((e) => e.node);
  const { nodes, entities } = await paths.federatedDirect(PAGE);
  const direct = nodes.map(({ __typename, ...node }, i) => ({ ...node, compliance: entities[i]!.compliance }));
  if (viaGateway.length !== PAGE || !isDeepStrictEqual(viaGateway, direct)) {
    throw new Error(`the federated query answers differently through the gateway (${viaGateway.length} organizations)`);
  }
}

/** Statements each subgraph runs for a page of 10 and of 50 organizations, one subgraph at a time. */
async function sqlStatements(ctx: BenchContext, paths: Paths) {
  ctx.log('gateway-overhead: SQL statements per request, 10 against 50 organizations');
  const forPage = async (first: number) => {
    let nodes: OrganizationNode[] = [];
    const organizations = await countSqlStatements(async () => {
      nodes = (await paths.organizationsPart(first)).organizations.edges.map((e) => e.node);
    });
    const compliance = await countSqlStatements(() => paths.compliancePart(nodes));
    const gateway = await countSqlStatements(() => paths.federatedGateway(first));
    const single = await countSqlStatements(() => paths.singleGateway(first));
    return { organizations, compliance, gateway, single };
  };
  return { first10: await forPage(SMALL_PAGE), first50: await forPage(PAGE) };
}

async function autocannonRate(url: string, token: string, query: string): Promise<number> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    method: 'POST',
    // The credential lives 60 s; a run is 8 s. The gateway ignores it.
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(await asGateway()) },
    body: JSON.stringify({ query, variables: { first: PAGE } }),
    // A GraphQL error still comes as HTTP 200.
    verifyBody: (body) => !String(body).includes('"errors"'),
  });
  const failed = result.errors + result.timeouts + result.non2xx + result.mismatches;
  if (failed) throw new Error(`autocannon on ${url}: ${failed} failed requests`);
  return result.requests.average;
}

function latencyResult(ctx: BenchContext, name: string, gateway: number[], direct: number[]): ScenarioResult {
  const [value, baseline] = [percentile(gateway, 50), percentile(direct, 50)];
  return {
    scenario: `gateway-overhead:${name}`,
    scale: ctx.scale,
    ...compared(value, baseline),
    unit: 'ms',
    details: {
      addedMs: round(value - baseline),
      samples: gateway.length,
      p99GatewayMs: round(percentile(gateway, 99)),
      p99DirectMs: round(percentile(direct, 99)),
    },
  };
}

function rateResult(ctx: BenchContext, name: string, gateway: Rate, direct: Rate, tool: string): ScenarioResult {
  // CPU ms per request of each process that worked, where each part is its own process.
  const perRequest = (side: Rate) =>
    side.cpuMs &&
    Object.fromEntries(
      Object.entries(side.cpuMs)
        .filter(([, ms]) => ms > 0)
        .map(([process, ms]) => [process, round(ms / (side.rate * side.durationS), 3)]),
    );
  return {
    scenario: `gateway-overhead:${name}`,
    scale: ctx.scale,
    ...compared(gateway.rate, direct.rate, 0),
    unit: 'req/s',
    details: {
      connections: CONNECTIONS,
      durationS: DURATION_S,
      tool,
      ...(gateway.cpuMs ? { cpuMsPerRequest: { gateway: perRequest(gateway), direct: perRequest(direct) } } : {}),
    },
  };
}
