// `runComplianceCheck(WEEKLY_PLACEMENTS, last week)` end to end, as the worker calls it,
// against one bare GROUP BY of the same counts. Target ≤ 2×; the worker's memory must not grow
// with the placements (it reads one row per organization).
import { compared, ratioOf, type Scenario } from '../lib/scenario.js';
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
        // Why the end-to-end target is out of reach: storing one result per organization, with nothing
        // else, already costs this many times the bare read (index maintenance and foreign keys).
        scenario: 'weekly-check:write-floor',
        scale: ctx.scale,
        ...compared(m.writeFloorMs, m.baselineMs),
        unit: 'ms (median)',
        details: {
          writes: 'the same counts as results, one INSERT … SELECT, rolled back: no escalations, letters or evaluation',
          checkOverFloor: round(ratioOf(m.checkMs, m.writeFloorMs)),
        },
      },
    ];
  },
};
