// The dashboard's panels through the gateway on the loaded dataset, one panel after
// another, each as the page sends it (its requests together, or in turn for the drill-down), p50
// and p99 of each against `{ __typename }` (what any request costs the gateway); as deployed, and
// with everything in the bench's process as a second line (@one-process).
import type { BenchContext, HubLayout, Scenario, ScenarioResult } from '../lib/scenario.js';
import { dashboardQueries, type DashboardPanel } from '../lib/dashboard-queries.js';
import { graphql } from '../lib/graphql.js';
import { percentile, round, timed } from '../lib/stats.js';
import { LAGGARDS } from '@hub/gateway/dashboard-queries';

const RUNS = 30;
const WARM_UP = 3;

interface PanelSamples {
  /** The whole panel: from its first request sent to its last answer. */
  ms: number[];
  /** Each request's own time within the panel, by operation. */
  byOperation: Record<string, number[]>;
}

/** One panel's requests as the page sends them, timing each request and the whole. */
async function sendPanel(url: string, token: string, panel: DashboardPanel, byOperation: Record<string, number[]>): Promise<number> {
  const send = async ({ operation, query, variables }: DashboardPanel['requests'][number]) => {
    const { ms } = await timed(() => graphql(url, token, query, variables));
    (byOperation[operation] ??= []).push(ms);
  };
  const { ms } = await timed(async () => {
    if (panel.sent === 'together') await Promise.all(panel.requests.map(send));
    else for (const request of panel.requests) await send(request);
  });
  return ms;
}

async function sample(url: string, token: string, panel: DashboardPanel): Promise<PanelSamples> {
  for (let i = 0; i < WARM_UP; i++) await sendPanel(url, token, panel, {});
  const samples: PanelSamples = { ms: [], byOperation: {} };
  for (let i = 0; i < RUNS; i++) samples.ms.push(await sendPanel(url, token, panel, samples.byOperation));
  return samples;
}

async function baselineSamples(url: string, token: string): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await graphql(url, token, '{ __typename }');
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) ms.push((await timed(() => graphql(url, token, '{ __typename }'))).ms);
  return ms;
}

export const dashboard: Scenario = {
  name: 'dashboard',
  scales: ['region', 'nation'],
  async run(ctx) {
    // As deployed (each subgraph and the gateway its own process), then in one process as a second line.
    const deployed = await panels(ctx, 'processes');
    const oneProcess = await panels(ctx, 'one-process');
    return [...deployed, ...oneProcess.map((r) => ({ ...r, scenario: `${r.scenario}@one-process` }))];
  },
};

async function panels(ctx: BenchContext, layout: HubLayout): Promise<ScenarioResult[]> {
  const hub = await ctx.startHub(layout);
  try {
    const token = await hub.token('ANALYST');
    const week = ctx.dataset.weeks.at(-1)!;
    // The drill-down of the laggards table's first row, as a click on it opens.
    const { laggards } = await graphql<{ laggards: { organization: { id: string } }[] }>(hub.gatewayUrl, token, LAGGARDS.toString(), {
      week,
    });
    if (!laggards[0]) throw new Error(`dashboard: no laggards in ${week} to open`);
    const baseline = await baselineSamples(hub.gatewayUrl, token);
    const base50 = percentile(baseline, 50);
    const results: ScenarioResult[] = [];
    for (const panel of dashboardQueries(week, laggards[0].organization.id)) {
      const { ms, byOperation } = await sample(hub.gatewayUrl, token, panel);
      const p50 = percentile(ms, 50);
      const several = panel.requests.length > 1;
      results.push({
        scenario: `dashboard:${panel.name}`,
        scale: ctx.scale,
        value: round(p50),
        baseline: round(base50),
        ratio: round(p50 / base50),
        unit: 'ms p50 (ratio to { __typename } p50)',
        details: {
          p99: round(percentile(ms, 99)),
          baselineP99: round(percentile(baseline, 99)),
          runs: RUNS,
          ...(several
            ? {
                measured:
                  panel.sent === 'together'
                    ? `the panel as the page sees it: its ${panel.requests.length} requests sent together, until the last answer`
                    : `the panel as the page sees it: its ${panel.requests.length} requests one after the other (each waits for the one before)`,
                requestP50: Object.fromEntries(
                  panel.requests.map(({ operation }) => [operation, round(percentile(byOperation[operation] ?? [], 50))]),
                ),
              }
            : { operation: panel.requests[0]!.operation }),
        },
      });
    }
    return results;
  } finally {
    await hub.stop();
  }
}
