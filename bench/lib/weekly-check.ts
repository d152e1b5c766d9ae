// The weekly check measured end to end against a bare GROUP BY of the same counts, on one database.
import type pg from 'pg';
import { parsePeriod, withClient, type Period } from '@hub/common';
import { loadMeasures } from '@hub/compliance';
import { openEngine, type Engine } from './engine.js';
import { peakRssDuring } from './memory.js';
import { median, timed } from './stats.js';

const RULE = 'WEEKLY_PLACEMENTS';

/** The same counts as the check, the plainest way: distinct materials per organization in the week, withdrawn placements aside (the partial indexes on published_at serve only those). */
const BASELINE_SQL = `
  select o.id as organization_id, coalesce(pl.materials, 0)::int as materials
  from organizations.organization o
  left join (
    select organization_id, count(distinct material_id) as materials from organizations.placement
    where published_at >= $1 and published_at < $2 and withdrawn_at is null group by organization_id
  ) pl on pl.organization_id = o.id`;

/** The bare GROUP BY of a week's counts, into JS: the baseline of the weekly check's scenarios. */
export function bareWeekCount(client: pg.Client, period: Period) {
  return client.query<{ organization_id: string; materials: number }>(BASELINE_SQL, [period.start, period.end]);
}

/**
 * The least a check that stores its results can cost: the same GROUP BY written straight into
 * compliance.compliance_result by one INSERT … SELECT (same indexes, same foreign keys; a
 * throwaway period label, rolled back). No escalations, no letters, no evaluation in JS.
 */
const WRITE_FLOOR_SQL = `
  insert into compliance.compliance_result (organization_id, organization_kind, parent_id, rule, period, period_start,
    severity, decree_item, required, actual, status, consecutive_misses, run_id, evaluated_at)
  select o.id, o.kind, o.parent_id, 'WEEKLY_PLACEMENTS', 'bench-floor', $1, 'MANDATORY', '3.1', 3, coalesce(pl.materials, 0),
    case when coalesce(pl.materials, 0) >= 3 then 'MET' else 'MISSED' end, 0, $3, now()
  from organizations.organization o
  left join (
    select organization_id, count(distinct material_id) as materials from organizations.placement
    where published_at >= $1 and published_at < $2 and withdrawn_at is null group by organization_id
  ) pl on pl.organization_id = o.id`;

async function writeFloor(client: pg.Client, period: Period, runId: string): Promise<void> {
  await client.query('begin');
  try {
    await client.query(WRITE_FLOOR_SQL, [period.start, period.end, runId]);
  } finally {
    await client.query('rollback');
  }
}

/**
 * Back to Monday 09:00: the week not yet evaluated, so every repetition does the worker's first
 * run (results inserted, misses escalated, letters queued), not a cheaper re-run.
 */
async function forgetWeek(client: pg.Client, week: string): Promise<void> {
  await client.query('begin');
  // The week's digests (one per recipient, linked to the week's escalations) with their links.
  await client.query(
    `with links as (
       delete from compliance.notification_escalation ne using compliance.escalation e
       where ne.escalation_id = e.id and e.rule = $1 and e.period = $2 returning ne.notification_id
     )
     delete from compliance.notification where id in (select notification_id from links)`,
    [RULE, week],
  );
  await client.query('delete from compliance.escalation where rule = $1 and period = $2', [RULE, week]);
  await client.query('delete from compliance.compliance_result where rule = $1 and period = $2', [RULE, week]);
  await client.query('commit');
}

export interface WeeklyCheckMeasurement {
  checkMs: number;
  baselineMs: number;
  /** The engine's read alone: the read contract's counts for every organization, into JS. */
  countsMs: number;
  /** The same counts stored as results by one INSERT … SELECT: what any check that keeps its results pays. */
  writeFloorMs: number;
  samples: { checkMs: number[]; baselineMs: number[] };
  evaluated: number;
  missed: number;
  /** Rows the engine reads into JS: one per organization, whatever the placements. */
  measureRows: number;
  placementsInWeek: number;
  peakRssDeltaMb: number;
  heapDeltaMb: number;
  countsAgree: boolean;
}

export async function measureWeeklyCheck(
  databaseUrl: string,
  dataset: { now: Date; timeZone: string; week: string },
  repetitions: number,
): Promise<WeeklyCheckMeasurement> {
  const period: Period = parsePeriod(dataset.week, dataset.timeZone);
  const engine = await openEngine(databaseUrl, dataset.now, dataset.timeZone);
  try {
    return await withClient(databaseUrl, (client) => measureOn(client, engine, period, dataset.week, repetitions));
  } finally {
    await engine.close();
  }
}

async function measureOn(
  client: pg.Client,
  engine: Engine,
  period: Period,
  week: string,
  repetitions: number,
): Promise<WeeklyCheckMeasurement> {
  const baseline = () => bareWeekCount(client, period);
  const check = () => engine.check(RULE, week);
  // Warm both up once: the first run of either pays for cold caches and prepared plans.
  await baseline();
  await forgetWeek(client, week);
  const first = await check();
  await writeFloor(client, period, first.id);
  const checkMs: number[] = [];
  const baselineMs: number[] = [];
  const countsMs: number[] = [];
  const writeFloorMs: number[] = [];
  let memory = { peakRssDeltaMb: 0, heapDeltaMb: 0 };
  let run = null as Awaited<ReturnType<typeof check>> | null;
  for (let i = 0; i < repetitions; i++) {
    baselineMs.push((await timed(baseline)).ms);
    countsMs.push((await timed(() => loadMeasures(engine.orm.em.fork(), RULE, period))).ms);
    writeFloorMs.push((await timed(() => writeFloor(client, period, first.id))).ms);
    await forgetWeek(client, week);
    const measured = await peakRssDuring(() => timed(check));
    checkMs.push(measured.result.ms);
    run = measured.result.result;
    memory = {
      peakRssDeltaMb: Math.max(memory.peakRssDeltaMb, measured.peakRssDeltaMb),
      heapDeltaMb: Math.max(memory.heapDeltaMb, measured.heapDeltaMb),
    };
  }
  const expected = new Map((await baseline()).rows.map((r) => [r.organization_id, r.materials]));
  const stored = await client.query<{ organization_id: string; actual: number }>(
    'select organization_id, actual from compliance.compliance_result where rule = $1 and period = $2',
    [RULE, week],
  );
  const [{ rows: measureRows }, { placements }] = await Promise.all([
    client
      .query<{ rows: number }>('select count(*)::int as rows from organizations.placement_counts($1, $2, null)', [period.start, period.end])
      .then((r) => r.rows[0]!),
    client
      .query<{ placements: number }>(
        'select count(*)::int as placements from organizations.placement where published_at >= $1 and published_at < $2',
        [period.start, period.end],
      )
      .then((r) => r.rows[0]!),
  ]);
  return {
    checkMs: median(checkMs),
    baselineMs: median(baselineMs),
    countsMs: median(countsMs),
    writeFloorMs: median(writeFloorMs),
    samples: { checkMs, baselineMs },
    evaluated: run?.evaluated ?? 0,
    missed: run?.missed ?? 0,
    measureRows,
    placementsInWeek: placements,
    ...memory,
    countsAgree: stored.rows.length > 0 && stored.rows.every((r) => expected.get(r.organization_id) === r.actual),
  };
}
