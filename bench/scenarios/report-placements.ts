// Reporting 10,000 placements through the gateway, 500 a call, against the same rows
// written by plain multi-row INSERTs of the same batch size. Target: at most 3× the direct time.
import type pg from 'pg';
import { withClient } from '@hub/common';
import { compared, type BenchContext, type Scenario, type ScenarioResult } from '../lib/scenario.js';
import { MAX_PLACEMENTS_PER_CALL } from '@hub/organizations';
import { deletePlacements, placementCandidates, type PlacementCandidate } from './support/placement-candidates.js';
import { graphqlClient, type GraphqlClient } from '../lib/graphql.js';
import { median, round, timed } from '../lib/stats.js';

const ROWS = 10_000;
const BATCH = MAX_PLACEMENTS_PER_CALL;
const WARM_UP_ROWS = 2 * BATCH;
const ROUNDS = 3;
const REPORTED_BY = 'bench-direct-insert';

const REPORT = `mutation Report($input: [ReportPlacementInput!]!) { reportPlacements(input: $input) { accepted duplicates } }`;

export const reportPlacementsScenario: Scenario = {
  name: 'report-placements',
  scales: ['region', 'nation'],
  async run(ctx) {
    return withClient(ctx.databaseUrl, async (client) => {
      const candidates = await placementCandidates(client, ROWS + WARM_UP_ROWS, ctx.dataset.now);
      const [warmUp, measured] = [candidates.slice(0, WARM_UP_ROWS), candidates.slice(WARM_UP_ROWS)];
      const hub = await ctx.startHub('one-process');
      const gateway = graphqlClient();
      try {
        const report = reporter(gateway, hub.gatewayUrl, await hub.token('ADMIN'));
        ctx.log(`report-placements: warming up with ${warmUp.length} rows each way`);
        await report(warmUp);
        await deletePlacements(client, warmUp);
        await directInsert(client, warmUp, ctx.dataset.now);
        await deletePlacements(client, warmUp);

        const gatewayMs: number[] = [];
        const directMs: number[] = [];
        for (let i = 0; i < ROUNDS; i++) {
          const timings = await interleavedRound(client, report, measured, ctx.dataset.now, i % 2 === 0);
          gatewayMs.push(timings.gateway);
          directMs.push(timings.direct);
          ctx.log(`report-placements: round ${i + 1}: gateway ${Math.round(timings.gateway)} ms, direct ${Math.round(timings.direct)} ms`);
        }
        return results(ctx, gatewayMs, directMs);
      } finally {
        await deletePlacements(client, candidates);
        await gateway.close();
        await hub.stop();
      }
    });
  },
};

/**
 * Both paths write each batch in turn into the same table state (the other path's copy is
 * deleted, untimed, in between), so load from elsewhere on a shared machine falls on both alike.
 */
async function interleavedRound(client: pg.Client, report: Reporter, rows: PlacementCandidate[], now: Date, gatewayFirst: boolean) {
  const total = { gateway: 0, direct: 0 };
  for (const batch of batches(rows)) {
    const order = gatewayFirst ? (['gateway', 'direct'] as const) : (['direct', 'gateway'] as const);
    for (const [step, path] of order.entries()) {
      total[path] += (await timed(() => (path === 'gateway' ? report(batch) : directInsert(client, batch, now)))).ms;
      if (step === 0) await deletePlacements(client, batch);
    }
  }
  const removed = await deletePlacements(client, rows);
  if (removed !== rows.length) throw new Error(`a round left ${removed} of ${rows.length} placements`);
  return total;
}

type Reporter = (rows: PlacementCandidate[]) => Promise<void>;

/** The measured path: reportPlacements through the gateway, a batch a call. */
function reporter(client: GraphqlClient, gatewayUrl: string, token: string): Reporter {
  return async (rows) => {
    for (const batch of batches(rows)) {
      const input = batch.map((r) => ({
        materialId: r.materialId,
        pageId: r.pageId,
        url: r.url,
        publishedAt: r.publishedAt.toISOString(),
      }));
      const { reportPlacements } = await client.post<{ reportPlacements: { accepted: number } }>({
        url: gatewayUrl,
        token,
        query: REPORT,
        variables: { input },
      });
      if (reportPlacements.accepted !== batch.length)
        throw new Error(`the gateway accepted ${reportPlacements.accepted} of ${batch.length}`);
    }
  };
}

/** The baseline: the same rows as the mutation stores them, one multi-row INSERT per batch. */
async function directInsert(client: pg.Client, rows: PlacementCandidate[], now: Date): Promise<void> {
  for (const batch of batches(rows)) {
    const values = batch.map((_, i) => `(${Array.from({ length: 8 }, (__, c) => `$${i * 8 + c + 1}`).join(', ')})`);
    const params = batch.flatMap((r) => [
      r.organizationId,
      r.pageId,
      r.materialId,
      r.url,
      r.publishedAt,
      r.platform === 'GOSPABLIKI',
      REPORTED_BY,
      now,
    ]);
    await client.query(
      `insert into organizations.placement (organization_id, page_id, material_id, url, published_at, via_gospabliki, reported_by, reported_at)
       values ${values.join(', ')}`,
      params,
    );
  }
}

function* batches<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH);
}

function results(ctx: BenchContext, gatewayMs: number[], directMs: number[]): ScenarioResult[] {
  const [gateway, direct] = [median(gatewayMs), median(directMs)];
  const rowsPerS = (ms: number) => (ROWS * 1000) / ms;
  const details = {
    rows: ROWS,
    batch: BATCH,
    rounds: ROUNDS,
    role: 'ADMIN',
    gatewayMs: gatewayMs.map((v) => round(v, 0)),
    directMs: directMs.map((v) => round(v, 0)),
  };
  return [
    { scenario: 'report-placements', scale: ctx.scale, ...compared(gateway, direct, 0), unit: 'ms', target: { max: 3 }, details },
    {
      scenario: 'report-placements:rows-per-s',
      scale: ctx.scale,
      ...compared(rowsPerS(gateway), rowsPerS(direct), 0),
      unit: 'rows/s',
    },
  ];
}
