// What every scheduled run of the worker pays before it checks anything: runDueChecks for the
// weekly and monthly rules when nothing is due, i.e. deciding which periods are due or stale.
// It must not grow with the history evaluated so far; the baseline is the bare GROUP BY of one
// week's counts (the weekly-check scenario's).
import { parsePeriod, withClient } from '@hub/common';
import { runDueChecks } from '@hub/compliance';
import { compared, type Scenario } from '../lib/scenario.js';
import { openEngine } from '../lib/engine.js';
import { bareWeekCount } from '../lib/weekly-check.js';
import { median, round, timed } from '../lib/stats.js';

const RULES = ['WEEKLY_PLACEMENTS', 'MONTHLY_MEDIA_MENTION'] as const;
const REPETITIONS = 7;

export const catchUp: Scenario = {
  name: 'catch-up',
  scales: ['region', 'nation'],
  async run(ctx) {
    const period = parsePeriod(ctx.dataset.weeks.at(-1)!, ctx.dataset.timeZone);
    const engine = await openEngine(ctx.databaseUrl, ctx.dataset.now, ctx.dataset.timeZone);
    try {
      // Whatever is due (a week evaluated before a late report, say) runs once, not measured.
      const settled = await runDueChecks(engine.deps(), [...RULES], 'SCHEDULE');
      return await withClient(ctx.databaseUrl, async (client) => {
        const tickMs: number[] = [];
        const baselineMs: number[] = [];
        let ran = 0;
        for (let i = 0; i < REPETITIONS; i++) {
          baselineMs.push((await timed(() => bareWeekCount(client, period))).ms);
          const tick = await timed(() => runDueChecks(engine.deps(), [...RULES], 'SCHEDULE'));
          tickMs.push(tick.ms);
          ran += tick.result.length;
        }
        const { rows } = await client.query<{ rule: string; periods: number }>(
          "select rule, count(distinct period)::int as periods from compliance.compliance_run where status = 'SUCCEEDED' group by rule order by rule",
        );
        return [
          {
            scenario: 'catch-up:idle',
            scale: ctx.scale,
            ...compared(median(tickMs), median(baselineMs)),
            unit: 'ms (median)',
            details: {
              rules: RULES,
              evaluatedPeriods: Object.fromEntries(rows.map((r) => [r.rule, r.periods])),
              ranWhenSettling: settled.length,
              ranWhileMeasured: ran,
              tickMs: tickMs.map((x) => round(x, 1)),
            },
          },
        ];
      });
    } finally {
      await engine.close();
    }
  },
};
