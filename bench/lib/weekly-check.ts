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
 * The week's counts stored as results by one INSERT … SELECT (a throwaway period label, rolled
 * back): into `table`, compliance.compliance_result itself (its keys, indexes and constraints) or
 * the natural floor beside it. No escalations, no letters, no evaluation in JS.
 */
const resultsInsert = (table: string) => `
  insert into ${table} (organization_id, organization_kind, parent_id, rule, period, period_start,
    severity, decree_item, required, actual, status, consecutive_misses, run_id, evaluated_at)
  select o.id, o.kind, o.parent_id, 'WEEKLY_PLACEMENTS', 'bench-floor', $1, 'MANDATORY', '3.1', 3, coalesce(pl.materials, 0),
    case when coalesce(pl.materials, 0) >= 3 then 'MET' else 'MISSED' end, 0, $3, now()
  from organizations.organization o
  left join (
    select organization_id, count(distinct material_id) as materials from organizations.placement
    where published_at >= $1 and published_at < $2 and withdrawn_at is null group by organization_id
  ) pl on pl.organization_id = o.id`;

/**
 * The floors beside the real tables, in a scratch schema: the same columns with no index and no
 * constraint but the one key a row needs — the results' natural key (organization, rule, period),
 * which idempotency needs, and a letter's id. What any check that keeps its results and letters pays.
 */
const FLOOR_SCHEMA = 'bench_floor';
async function createFloors(client: pg.Client): Promise<void> {
  await client.query(`drop schema if exists ${FLOOR_SCHEMA} cascade`);
  await client.query(`create schema ${FLOOR_SCHEMA}`);
  await client.query(`create table ${FLOOR_SCHEMA}.result (like compliance.compliance_result including defaults)`);
  await client.query(`alter table ${FLOOR_SCHEMA}.result add primary key (rule, period, organization_id)`);
  await client.query(`create table ${FLOOR_SCHEMA}.letter (like compliance.notification including defaults)`);
  await client.query(`alter table ${FLOOR_SCHEMA}.letter add primary key (id)`);
}
const dropFloors = (client: pg.Client) => client.query(`drop schema if exists ${FLOOR_SCHEMA} cascade`);

async function rolledBack(client: pg.Client, work: () => Promise<unknown>): Promise<void> {
  await client.query('begin');
  try {
    await work();
  } finally {
    await client.query('rollback');
  }
}

/** The week's results written into compliance.compliance_result, as the check's write must at least pay. */
const writeResultsTable = (client: pg.Client, period: Period, runId: string) =>
  rolledBack(client, () => client.query(resultsInsert('compliance.compliance_result'), [period.start, period.end, runId]));
/** The same rows into a table with only the natural key: the results' floor. */
const writeResultsFloor = (client: pg.Client, period: Period, runId: string) =>
  rolledBack(client, () => client.query(resultsInsert(`${FLOOR_SCHEMA}.result`), [period.start, period.end, runId]));
/** The letters the week's check queued, stored again in a table with only their id: the letters' floor. */
const WEEK_LETTERS = `select n.* from compliance.notification n where n.id in (
  select ne.notification_id from compliance.notification_escalation ne join compliance.escalation e on e.id = ne.escalation_id
  where e.rule = $1 and e.period = $2)`;
const writeLettersFloor = (client: pg.Client, week: string) =>
  rolledBack(client, () => client.query(`insert into ${FLOOR_SCHEMA}.letter ${WEEK_LETTERS}`, [RULE, week]));

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
  /** The same counts stored as results by one INSERT … SELECT into compliance.compliance_result. */
  resultsWriteMs: number;
  /** The same INSERT … SELECT into a table with only the natural key: the results' floor. */
  resultsFloorMs: number;
  /** The check's letters stored again in a table with only their id: the letters' floor. */
  lettersFloorMs: number;
  /** The check's letters: how many and their bytes of HTML and text. */
  letters: { count: number; megabytes: number };
  /** Where the check's time went, phase by phase (the median of each over the repetitions). */
  phasesMs: Record<string, number>;
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
  await createFloors(client);
  try {
    return await measureWithFloors(client, engine, period, week, repetitions, first.id);
  } finally {
    await dropFloors(client);
  }
}

async function measureWithFloors(
  client: pg.Client,
  engine: Engine,
  period: Period,
  week: string,
  repetitions: number,
  runId: string,
): Promise<WeeklyCheckMeasurement> {
  const baseline = () => bareWeekCount(client, period);
  const check = () => engine.check(RULE, week);
  await writeResultsTable(client, period, runId);
  await writeResultsFloor(client, period, runId);
  await writeLettersFloor(client, week);
  const checkMs: number[] = [];
  const baselineMs: number[] = [];
  const countsMs: number[] = [];
  const resultsWriteMs: number[] = [];
  const resultsFloorMs: number[] = [];
  const lettersFloorMs: number[] = [];
  let memory = { peakRssDeltaMb: 0, heapDeltaMb: 0 };
  let run = null as Awaited<ReturnType<typeof check>> | null;
  const phases: Record<string, number[]> = {};
  for (let i = 0; i < repetitions; i++) {
    baselineMs.push((await timed(baseline)).ms);
    countsMs.push((await timed(() => loadMeasures(engine.orm.em.fork(), RULE, period))).ms);
    resultsWriteMs.push((await timed(() => writeResultsTable(client, period, runId))).ms);
    resultsFloorMs.push((await timed(() => writeResultsFloor(client, period, runId))).ms);
    await forgetWeek(client, week);
    const measured = await peakRssDuring(() => timed(check));
    checkMs.push(measured.result.ms);
    run = measured.result.result;
    for (const [phase, ms] of Object.entries(engine.lastPhasesMs() ?? {})) (phases[phase] ??= []).push(ms);
    // The letters the run just queued, stored again at the floor.
    lettersFloorMs.push((await timed(() => writeLettersFloor(client, week))).ms);
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
  const letters = await client
    .query<{ count: number; megabytes: number }>(
      `select count(*)::int as count, round(coalesce(sum(octet_length(html) + octet_length(text)), 0) / 1048576.0, 2)::float as megabytes from (${WEEK_LETTERS}) w`,
      [RULE, week],
    )
    .then((r) => r.rows[0]!);
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
    resultsWriteMs: median(resultsWriteMs),
    resultsFloorMs: median(resultsFloorMs),
    lettersFloorMs: median(lettersFloorMs),
    letters,
    phasesMs: Object.fromEntries(Object.entries(phases).map(([phase, ms]) => [phase, median(ms)])),
    samples: { checkMs, baselineMs },
    evaluated: run?.evaluated ?? 0,
    missed: run?.missed ?? 0,
    measureRows,
    placementsInWeek: placements,
    ...memory,
    countsAgree: stored.rows.length > 0 && stored.rows.every((r) => expected.get(r.organization_id) === r.actual),
  };
}
