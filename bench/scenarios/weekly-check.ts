// `runComplianceCheck(WEEKLY_PLACEMENTS, last week)` end to end, as the worker calls it,
// against one bare GROUP BY of the same counts. Target ≤ 2×; the worker's memory must not grow
// with the placements (it reads one row per organization).
import { compared, type Scenario } from '../lib/scenario.js';
import { measureWeeklyCheck } from '../lib/weekly-check.js';
import { round } from '../lib/stats.js';

export const weeklyCheck: Scenario = {
  name: 'weekly-check',
  scales: ['region', 'nation'],
  async run(ctx) {
    const week = ctx.dataset.weeks.at(-1)!;
    const m = await measureWeeklyCheck(
      ctx.databaseUrl,
      { now: ctx.dataset.now, timeZone: ctx.dataset.timeZone, week },
      ctx.scale === 'nation' ? 3 : 5,
    );
    return [
      {
        scenario: 'weekly-check',
        scale: ctx.scale,
        ...compared(m.checkMs, m.baselineMs),
        unit: 'ms (median)',
        target: { max: 2 },
        details: {
          week,
          evaluated: m.evaluated,
          missed: m.missed,
          measureRows: m.measureRows,
          placementsInWeek: m.placementsInWeek,
          placementsLoaded: ctx.dataset.placements,
          peakRssDeltaMb: m.peakRssDeltaMb,
          heapDeltaMb: m.heapDeltaMb,
          countsAgree: m.countsAgree,
          checkMs: m.samples.checkMs.map((x) => round(x, 1)),
          baselineMs: m.samples.baselineMs.map((x) => round(x, 1)),
        },
      },
      {
        // The same comparison for the engine's read alone, before results, escalations and letters are written.
        scenario: 'weekly-check:counts',
        scale: ctx.scale,
        ...compared(m.countsMs, m.baselineMs),
        unit: 'ms (median)',
        target: { max: 2 },
        details: { reads: 'organizations.placement_counts: distinct materials placed, for every organization' },
      },
      {
        // The results' write against its natural floor: the same INSERT … SELECT into a table with
        // only the natural key. What the real table adds (its other index, its column defaults) must
        // stay within 1.3×.
        scenario: 'weekly-check:results-write',
        scale: ctx.scale,
        ...compared(m.resultsWriteMs, m.resultsFloorMs),
        unit: 'ms (median)',
        target: { max: 1.3 },
        details: {
          writes: "the week's counts as results, one INSERT … SELECT, rolled back, into compliance.compliance_result against the floor",
        },
      },
      {
        // The bare read against the floor's write: storing the results at all costs this.
        scenario: 'weekly-check:write-floor',
        scale: ctx.scale,
        ...compared(m.resultsFloorMs, m.baselineMs),
        unit: 'ms (median)',
        details: { writes: 'the same counts into a table with only the natural key (rule, period, organization_id), rolled back' },
      },
      {
        // The whole check against what any check that keeps its results and sends its letters pays:
        // the results' floor plus the letters stored again in a table with only their id.
        scenario: 'weekly-check:over-floor',
        scale: ctx.scale,
        ...compared(m.checkMs, m.resultsFloorMs + m.lettersFloorMs),
        unit: 'ms (median)',
        target: { max: 2 },
        details: {
          resultsFloorMs: round(m.resultsFloorMs, 1),
          lettersFloorMs: round(m.lettersFloorMs, 1),
          letters: m.letters,
          // The check's own phases (its log line): what stands between it and the floors.
          phasesMs: m.phasesMs,
        },
      },
    ];
  },
};
