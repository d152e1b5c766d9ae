// The CPU a subgraph process spends per request on the hot reads (issue 19), each subgraph in
// its own process as docker-compose.yml runs it and asked directly as the gateway asks it, against
// a floor: the same rows fetched with one pg query and JSON.stringify'd by a bare node:http server,
// also in its own process (support/floor-server.ts). Both are measured by the kernel's count of
// their CPU time, batch by batch in turns (S F F S S F F S), so a burst of other work on the
// machine lands on both alike.
//
// BENCH_CPU_PROFILE_DIR=<dir> also writes a V8 CPU profile of each read's subgraph batches there
// (summarise one with `npx tsx bench/profile-top.ts <file>`); the profiler costs CPU itself, so
// take the figures from a run without it.
import { isDeepStrictEqual } from 'node:util';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parse, print, visit, type SelectionSetNode } from 'graphql';
import { Agent, request } from 'undici';
import { GATEWAY_CREDENTIAL_HEADER, freePort, gatewayCredential, signToken, subgraphKey } from '@hub/common';
import { compared, type BenchContext, type Scenario, type ScenarioResult } from '../lib/scenario.js';
import { graphqlClient, type Variables } from '../lib/graphql.js';
import { dashboardQueries } from '../lib/dashboard-queries.js';
import { BENCH_JWT_SECRET, benchProcessEnv } from '../lib/deployed-hub.js';
import { round } from '../lib/stats.js';
import { startMeasuredProcess, type MeasuredProcess } from './support/measured-process.js';
import type { FloorRead } from './support/floor-server.js';

interface BatchSize {
  requests: number;
  ms: number;
  /** Unless it has run for BATCH_MAX_MS: the kernel counts in ticks of 10 ms, 25 keep a batch's rounding under 4 %. */
  cpuMs: number;
}
/** Before each read, each side: the JIT and the heap settle on it (with 50 requests the first batches ran 10–50 % higher). */
const WARM_UP: BatchSize = { requests: 100, ms: 3000, cpuMs: 0 };
/** Batches per side and read, and the least each is. */
const ROUNDS = 4;
const BATCH: BatchSize = { requests: 75, ms: 1000, cpuMs: 250 };
const BATCH_MAX_MS = 10_000;
const CONNECTIONS = 4;
const TARGET = 3;
const PROFILE_DIR = process.env.BENCH_CPU_PROFILE_DIR;

type SubgraphName = 'organizations' | 'compliance';

interface HotRead {
  name: FloorRead;
  subgraph: SubgraphName;
  query: string;
  variables: Variables;
  /** The organizations the answer lists, in its order. */
  ids(data: Record<string, unknown>): string[];
  /** The floor's query parameters (support/floor-server.ts). */
  floorParams: unknown[];
  /** More that the answer must say for the comparison to hold. */
  check?(data: Record<string, unknown>): string | null;
}

const ORGANIZATIONS_PAGE = 50;
const REPORT_PAGE = 200;
/** What HEATMAP and LAGGARDS ask (gateway/dashboard/src/queries.ts): the floor fetches as many. */
const HEATMAP_PAGE = 100;
const LAGGARDS_LIMIT = 20;

const ORGANIZATIONS = `query SubgraphCpuOrganizations($first: Int!) { organizations(first: $first) { edges { node {
  id name kind registeredAt pages { platform url verified } } } } }`;
const REPORT = `query SubgraphCpuReport($week: String!) { complianceReport(period: $week, rule: WEEKLY_PLACEMENTS, first: ${REPORT_PAGE}) {
  edges { node { organization { id } rule period severity decreeItem required actual status consecutiveMisses evaluatedAt } } } }`;

const KEY_ONLY = (parse('{ __typename id }').definitions[0] as { selectionSet: SelectionSetNode }).selectionSet;
const ORGANIZATION_FIELDS = new Set(['organization', 'parent', 'municipality']);

/**
 * A dashboard operation as the gateway's plan sends it to compliance: each organization by its
 * key only, the organizations subgraph resolving the rest. compliance validates the result, so a
 * field it does not own fails the run instead of passing unnoticed.
 */
const compliancePart = (query: string) =>
  print(
    visit(parse(query), {
      Field: (node) => (node.selectionSet && ORGANIZATION_FIELDS.has(node.name.value) ? { ...node, selectionSet: KEY_ONLY } : undefined),
    }),
  );

type Edges = { edges: { node: { id?: string; organization?: { id: string } } }[] };

function hotReads(weeks: string[]): HotRead[] {
  const week = weeks.at(-1)!;
  const heatmapWeeks = weeks.slice(-12);
  // The dashboard's own operations and variables (the drill-down's organization is not used here).
  const dashboard = dashboardQueries(week, '').flatMap((panel) => panel.requests);
  const sent = (operation: string) => dashboard.find((r) => r.operation === operation)!;
  const heatmap = sent('DashboardHeatmap');
  const laggards = sent('DashboardLaggards');
  return [
    {
      name: 'organizations',
      subgraph: 'organizations',
      query: ORGANIZATIONS,
      variables: { first: ORGANIZATIONS_PAGE },
      ids: (data) => (data.organizations as Edges).edges.map((e) => e.node.id!),
      floorParams: [ORGANIZATIONS_PAGE],
    },
    {
      name: 'heatmap',
      subgraph: 'compliance',
      query: compliancePart(heatmap.query),
      variables: heatmap.variables,
      ids: (data) => (data.complianceHeatmap as { rows: { organization: { id: string } }[] }).rows.map((r) => r.organization.id),
      floorParams: ['WEEKLY_PLACEMENTS', heatmapWeeks, HEATMAP_PAGE],
      // The weeks come from the subgraph's clock: they must be the dataset's.
      check: (data) => {
        const { periods } = data.complianceHeatmap as { periods: string[] };
        return isDeepStrictEqual(periods, heatmapWeeks) ? null : `the heatmap's weeks are ${periods[0]}…${periods.at(-1)}`;
      },
    },
    {
      name: 'laggards',
      subgraph: 'compliance',
      query: compliancePart(laggards.query),
      variables: laggards.variables,
      ids: (data) => (data.laggards as { organization: { id: string } }[]).map((l) => l.organization.id),
      floorParams: ['WEEKLY_PLACEMENTS', week, LAGGARDS_LIMIT],
    },
    {
      name: 'report',
      subgraph: 'compliance',
      query: REPORT,
      variables: { week },
      ids: (data) => (data.complianceReport as Edges).edges.map((e) => e.node.organization!.id),
      floorParams: ['WEEKLY_PLACEMENTS', week, REPORT_PAGE],
    },
  ];
}

interface Batch {
  requests: number;
  cpuMs: number;
}

/** CONNECTIONS clients sending back to back until the batch is long enough; the process's CPU over it. */
async function batch(target: MeasuredProcess, send: () => Promise<unknown>, size = BATCH): Promise<Batch> {
  const before = await target.cpuMs();
  const started = performance.now();
  let requests = 0;
  const enough = async () => {
    const elapsed = performance.now() - started;
    if (requests < size.requests || elapsed < size.ms) return false;
    return elapsed >= BATCH_MAX_MS || (await target.cpuMs()) - before >= size.cpuMs;
  };
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (!(await enough())) {
        requests++;
        await send();
      }
    }),
  );
  return { requests, cpuMs: (await target.cpuMs()) - before };
}

const perRequest = (batches: Batch[]) => batches.reduce((sum, b) => sum + b.cpuMs, 0) / batches.reduce((sum, b) => sum + b.requests, 0);

export const subgraphCpu: Scenario = {
  name: 'subgraph-cpu',
  scales: ['region', 'nation'],
  async run(ctx) {
    const client = graphqlClient();
    const floorAgent = new Agent({ keepAliveTimeout: 30_000, connections: CONNECTIONS });
    const processes: MeasuredProcess[] = [];
    try {
      const { subgraphs, floor } = await startProcesses(ctx, processes);
      const token = await signToken(BENCH_JWT_SECRET, { sub: 'bench-analyst', role: 'ANALYST', org: null }, '2h');
      // The subgraphs answer the gateway only: its credential, as gateway-overhead sends it.
      const credential = gatewayCredential(subgraphKey(BENCH_JWT_SECRET));
      const results: ScenarioResult[] = [];
      const floorCpu = new Map<FloorRead, number>();
      for (const read of hotReads(ctx.dataset.weeks)) {
        const subgraph = subgraphs[read.subgraph];
        const { query, variables } = read;
        const url = `${subgraph.base}/graphql`;
        const askSubgraph = async () =>
          client.post<Record<string, unknown>>({
            url,
            token,
            query,
            variables,
            headers: { [GATEWAY_CREDENTIAL_HEADER]: await credential() },
          });
        const askFloor = async () => {
          const res = await request(`${floor.base}/${read.name}`, {
            method: 'POST',
            dispatcher: floorAgent,
            body: JSON.stringify(read.floorParams),
          });
          if (res.statusCode !== 200) throw new Error(`floor ${read.name}: HTTP ${res.statusCode} ${await res.body.text()}`);
          return (await res.body.json()) as Record<string, unknown>[];
        };

        // Once: the floor must fetch what the subgraph answers, or the ratio means nothing.
        const answer = await askSubgraph();
        const floorRows = await askFloor();
        const ids = read.ids(answer);
        // compliance's rows name their organization; the organizations' rows are organizations.
        const floorIds = floorRows.map((row) => String(row.organization_id ?? row.id));
        const wrong =
          read.check?.(answer) ??
          (isDeepStrictEqual(ids, floorIds) ? null : `${ids.length} organizations, the floor ${floorIds.length} (or another order)`);
        if (wrong) throw new Error(`subgraph-cpu:${read.name}: the subgraph and the floor disagree: ${wrong}`);

        ctx.log(`subgraph-cpu: ${read.name}, ${subgraph.name} process against the floor, ${ROUNDS} batches each`);
        await batch(subgraph, askSubgraph, WARM_UP);
        await batch(floor, askFloor, WARM_UP);
        const measured = { subgraph: [] as Batch[], floor: [] as Batch[] };
        await subgraph.toggleProfile();
        for (let i = 0; i < ROUNDS; i++) {
          const sides = ['subgraph', 'floor'] as const;
          for (const side of i % 2 === 0 ? sides : [...sides].reverse()) {
            measured[side].push(side === 'subgraph' ? await batch(subgraph, askSubgraph) : await batch(floor, askFloor));
          }
        }
        const profile = await subgraph.toggleProfile();
        if (profile) ctx.log(`subgraph-cpu: ${read.name}: the ${subgraph.name} process's CPU profile in ${profile}`);

        floorCpu.set(read.name, perRequest(measured.floor));
        const batchMs = (batches: Batch[]) => batches.map((b) => round(b.cpuMs / b.requests, 3));
        results.push({
          scenario: `subgraph-cpu:${read.name}`,
          scale: ctx.scale,
          ...compared(perRequest(measured.subgraph), perRequest(measured.floor), 3),
          unit: 'CPU ms/request',
          target: { max: TARGET },
          details: {
            subgraphProcess: read.subgraph,
            rows: ids.length,
            floorRows: floorRows.length,
            requests: measured.subgraph.reduce((sum, b) => sum + b.requests, 0),
            floorRequests: measured.floor.reduce((sum, b) => sum + b.requests, 0),
            connections: CONNECTIONS,
            subgraphBatches: batchMs(measured.subgraph),
            floorBatches: batchMs(measured.floor),
            ...(profile ? { profile, profiled: 'figures include the profiler' } : {}),
          },
        });
      }
      results.push(await fixedCost(ctx, subgraphs.compliance, client, token, credential, floorCpu));
      return results;
    } finally {
      await Promise.all(processes.map((p) => p.stop()));
      await client.close();
      await floorAgent.close();
    }
  },
};

/**
 * What any request costs a subgraph before it reads anything: `{ __typename }` (HTTP, the
 * credential and the token checked, Apollo's pipeline, the context with its ORM fork) against the
 * floor's cheapest whole read. A ratio of 3 or more here leaves no room for any read within 3×.
 */
async function fixedCost(
  ctx: BenchContext,
  subgraph: MeasuredProcess,
  client: ReturnType<typeof graphqlClient>,
  token: string,
  credential: () => Promise<string>,
  floorCpu: Map<FloorRead, number>,
): Promise<ScenarioResult> {
  const [cheapest, floorMs] = [...floorCpu].sort((a, b) => a[1] - b[1])[0]!;
  const ask = async () =>
    client.post({
      url: `${subgraph.base}/graphql`,
      token,
      query: '{ __typename }',
      headers: { [GATEWAY_CREDENTIAL_HEADER]: await credential() },
    });
  ctx.log(`subgraph-cpu: { __typename } on ${subgraph.name}, ${ROUNDS} batches`);
  await batch(subgraph, ask, WARM_UP);
  const batches: Batch[] = [];
  for (let i = 0; i < ROUNDS; i++) batches.push(await batch(subgraph, ask));
  return {
    scenario: 'subgraph-cpu:fixed-cost',
    scale: ctx.scale,
    ...compared(perRequest(batches), floorMs, 3),
    unit: `CPU ms/request ({ __typename } against the floor's ${cheapest})`,
    details: { subgraphProcess: subgraph.name, requests: batches.reduce((sum, b) => sum + b.requests, 0), connections: CONNECTIONS },
  };
}

/** The two subgraphs with the environment docker-compose.yml gives them, and the floor; all stopped by the caller. */
async function startProcesses(ctx: BenchContext, processes: MeasuredProcess[]) {
  const profileTo = PROFILE_DIR ? path.resolve(PROFILE_DIR) : undefined;
  if (profileTo) await mkdir(profileTo, { recursive: true });
  const env = benchProcessEnv(ctx.databaseUrl, ctx.dataset);
  const subgraph = async (name: SubgraphName) => {
    const port = await freePort();
    const portVariable = `${name.toUpperCase()}_PORT`;
    return startMeasuredProcess({
      name,
      entry: `services/${name}/src/main.ts`,
      port,
      env: { ...env, [portVariable]: String(port) },
      profileTo,
    });
  };
  const floorServer = async () => {
    const port = await freePort();
    return startMeasuredProcess({
      name: 'floor',
      entry: 'bench/scenarios/support/floor-server.ts',
      port,
      env: { DATABASE_URL: ctx.databaseUrl, PORT: String(port), POOL_MAX: String(CONNECTIONS) },
    });
  };
  const started = await Promise.allSettled([subgraph('organizations'), subgraph('compliance'), floorServer()]);
  for (const s of started) if (s.status === 'fulfilled') processes.push(s.value);
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  const [organizations, compliance, floor] = processes as [MeasuredProcess, MeasuredProcess, MeasuredProcess];
  return { subgraphs: { organizations, compliance }, floor };
}
