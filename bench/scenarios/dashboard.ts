// Issue 9: the dashboard's queries through the gateway on the loaded dataset, one after another,
// p50 and p99 of each against `{ __typename }` (what any request costs the gateway).
import type { Scenario, ScenarioResult } from '../lib/scenario.js';
import { dashboardQueries } from '../lib/dashboard-queries.js';
import { graphql } from '../lib/graphql.js';
import { percentile, round, timed } from '../lib/stats.js';

const RUNS = 30;
const WARM_UP = 3;

async function sample(url: string, token: string, query: string): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await graphql(url, token, query);
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) ms.push((await timed(() => graphql(url, token, query))).ms);
  return ms;
}

export const dashboard: Scenario = {
  name: 'dashboard',
  scales: ['region', 'nation'],
  async run(ctx) {
    const hub = await ctx.startHub();
    try {
      const token = await hub.token('ANALYST');
      const week = ctx.dataset.weeks.at(-1)!;
      const { laggards } = await graphql<{ laggards: { organization: { id: string } }[] }>(
        hub.gatewayUrl, token, `{ laggards(period: "${week}", limit: 1) { organization { id } } }`);
      const baseline = await sample(hub.gatewayUrl, token, '{ __typename }');
      const base50 = percentile(baseline, 50);
      const results: ScenarioResult[] = [];
      for (const { name, query } of dashboardQueries(week, laggards[0]!.organization.id)) {
        const ms = await sample(hub.gatewayUrl, token, query);
        const p50 = percentile(ms, 50);
        results.push({
          scenario: `dashboard:${name}`,
          scale: ctx.scale,
          value: round(p50),
          baseline: round(base50),
          ratio: round(p50 / base50),
          unit: 'ms p50 (ratio to { __typename } p50)',
          details: { p99: round(percentile(ms, 99)), baselineP99: round(percentile(baseline, 99)), runs: RUNS },
        });
      }
      return results;
    } finally {
      await hub.stop();
    }
  },
};
