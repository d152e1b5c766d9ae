// The weekly check at 1,000, 10,000 and 100,000 organizations, each a registry of its
// own from the same generator (a month of history). Cost per 1,000 organizations at each size;
// the largest size's over the smallest's near 1 means the check grows linearly.
import { prepareDataset } from '../dataset/prepare.js';
import { scalingSpec } from '../dataset/spec.js';
import { compared, type Scenario, type ScenarioResult } from '../lib/scenario.js';
import { measureWeeklyCheck } from '../lib/weekly-check.js';
import { round } from '../lib/stats.js';

/** The 100,000 point builds 1.4 million placements: the country's run has the time for it. */
const SIZES = { region: [1_000, 10_000], nation: [1_000, 10_000, 100_000] };

export const scaling: Scenario = {
  name: 'scaling',
  scales: ['region', 'nation'],
  async run(ctx) {
    const points: { organizations: number; perThousandMs: number; baselinePerThousandMs: number }[] = [];
    const results: ScenarioResult[] = [];
    for (const organizations of SIZES[ctx.scale]) {
      const spec = scalingSpec(organizations);
      const { databaseUrl, info } = await prepareDataset(ctx.databaseFor(spec.name), spec, ctx.log);
      const m = await measureWeeklyCheck(databaseUrl, { now: info.now, timeZone: info.timeZone, week: info.weeks.at(-1)! }, 3);
      const thousands = organizations / 1000;
      points.push({ organizations, perThousandMs: m.checkMs / thousands, baselinePerThousandMs: m.baselineMs / thousands });
      results.push({
        scenario: `scaling:${organizations}`,
        scale: ctx.scale,
        ...compared(m.checkMs / thousands, m.baselineMs / thousands),
        unit: 'ms per 1,000 organizations',
        details: {
          checkMs: round(m.checkMs),
          baselineMs: round(m.baselineMs),
          evaluated: m.evaluated,
          placementsInWeek: m.placementsInWeek,
          peakRssDeltaMb: m.peakRssDeltaMb,
          countsAgree: m.countsAgree,
        },
      });
    }
    const smallest = points[0]!;
    const largest = points.at(-1)!;
    results.push({
      scenario: 'scaling',
      scale: ctx.scale,
      ...compared(largest.perThousandMs, smallest.perThousandMs),
      unit: `ms per 1,000 organizations at ${largest.organizations} vs ${smallest.organizations}`,
      target: { max: 1.5 },
      details: {
        points: points.map((p) => ({
          organizations: p.organizations,
          perThousandMs: round(p.perThousandMs),
          baselinePerThousandMs: round(p.baselinePerThousandMs),
        })),
      },
    });
    return results;
  },
};
