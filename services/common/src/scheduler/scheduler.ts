/**
 * Cron jobs of the hub's workers (compliance, monitoring), run by Agenda 6 on PostgreSQL
 * (@agendajs/postgres-backend). Imported as `@hub/common/scheduler`, so that only a worker loads Agenda.
 *
 * Storage: the backend's table `agenda_jobs` (its default name). The backend has a `tableName`
 * option but quotes it as one identifier, so it cannot name a schema; the table is put in the
 * schema `scheduler` instead by giving the backend's pool `search_path=scheduler`.
 *
 * One row per job name: `every(cron, name, …)` saves a job of type 'single', which the backend
 * upserts by name (`INSERT … ON CONFLICT ((name)) WHERE type = 'single' DO UPDATE`, backed by a
 * unique partial index), so several workers registering at once leave one row, and a changed
 * cron or time zone overwrites the old one.
 *
 * Locking is Agenda's: a worker claims a due job by setting `locked_at` (UPDATE … FOR UPDATE SKIP
 * LOCKED), and any worker may claim a job whose `locked_at` is older than the lock lifetime, so a
 * crashed worker's lock expires after `lockLifetimeMs`. Since 6.2.6 a job claimed that way while
 * its next run is still far off is unlocked again (before, it could be re-claimed on every poll
 * and never reach its run time); the integration test covers both cases.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Agenda, Job } from 'agenda';
import { PostgresBackend, PostgresJobRepository } from '@agendajs/postgres-backend';
import type { Logger } from '../logger.js';
import { DEFAULT_LOCK_LIFETIME_MS, retryName, summarizeJobs, type JobInfo } from './job-status.js';

export interface JobContext {
  /** Extends the job's lock during long work (Agenda's `job.touch()`). */
  touch(): Promise<void>;
}

export interface ScheduledJob {
  /** Namespaced, e.g. 'compliance.weekly-check'. */
  name: string;
  /** 5-field cron, e.g. '0 9 * * 1'. */
  cron: string;
  /** IANA, e.g. 'Asia/Vladivostok'. */
  timezone: string;
  handler: (ctx: JobContext) => Promise<void>;
}

export interface SchedulerOptions {
  /** postgres://… ; the jobs live in the table scheduler.agenda_jobs. */
  databaseUrl: string;
  jobs: ScheduledJob[];
  logger: Logger;
  workerName?: string;
  /** ms, default 10_000 */
  processEvery?: number;
  /** default 10 minutes */
  lockLifetimeMs?: number;
  /**
   * Runs each job at its time (default). Off, the jobs are registered and run only by runNow: a
   * test that sets the hub's clock fires jobs itself, and a job Agenda ran because the real time
   * of day reached its cron would run with the test's clock (letters no test step asked for).
   */
  runOnSchedule?: boolean;
}

export interface Scheduler {
  /** Jobs as they stand in the database (for a `scheduledJobs` GraphQL query). */
  jobs(): Promise<JobInfo[]>;
  /** Runs a job now (outside its schedule), resolves when the handler finished (or rejects with its error). */
  runNow(name: string): Promise<void>;
  /** Stops taking new jobs, waits for running ones to finish (Agenda's drain), closes connections. */
  stop(): Promise<void>;
}

const SCHEMA = 'scheduler';
/** The backend's default table name, in SCHEMA through the pool's search_path. */
const TABLE = `${SCHEMA}.agenda_jobs`;
/** A failed scheduled run is tried once more this much later. */
const RETRY_DELAY_MS = 5 * 60_000;

type Trigger = 'schedule' | 'retry' | 'manual';

export async function startScheduler(options: SchedulerOptions): Promise<Scheduler> {
  const processEvery = options.processEvery ?? 10_000;
  const lockLifetimeMs = options.lockLifetimeMs ?? DEFAULT_LOCK_LIFETIME_MS;
  const workerName = options.workerName ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const log = options.logger.child({ component: 'scheduler', worker: workerName });
  const defs = validate(options.jobs);

  const backend = new PostgresBackend({
    // Our own search_path puts the backend's (unqualified) table in SCHEMA.
    poolConfig: { connectionString: options.databaseUrl, options: `-c search_path=${SCHEMA}`, max: 5 },
    // The schema is created below, one worker at a time; the backend's own creation on connect
    // is not safe when workers start together (DROP/CREATE TRIGGER races).
    ensureSchema: false,
  });
  const repository = backend.repository;
  if (!(repository instanceof PostgresJobRepository)) throw new Error('unexpected Agenda repository');
  const pool = repository.getPool();
  // An idle client's error (database restart) would otherwise be an uncaught 'error' event.
  pool.on('error', (err) => log.warn({ err }, 'scheduler database connection error'));
  backend.notificationChannel?.on('error', (err) => log.warn({ err }, 'scheduler notification channel error'));

  try {
    await ensureSchema(pool);
  } catch (err) {
    await backend.disconnect().catch(() => undefined);
    throw err;
  }

  const agenda = new Agenda({
    backend,
    name: workerName,
    processEvery,
    defaultLockLifetime: lockLifetimeMs,
  });
  agenda.on('error', (err) => log.error({ err }, 'scheduler error'));

  /** Jobs started by runNow, and the handler errors of runs, to tell runNow's caller. */
  const manualRuns = new WeakSet<Job>();
  const handlerErrors = new WeakMap<Job, unknown>();
  const inFlight = new Set<Promise<unknown>>();
  let stopping: Promise<void> | null = null;

  const scheduleRetry = async (name: string, at: Date) => {
    // A 'single' job is upserted by name: one pending retry row per job at most.
    const retry = agenda.create(retryName(name));
    retry.attrs.type = 'single';
    await retry.schedule(at).save();
  };

  const wrap = (def: ScheduledJob, kind: 'schedule' | 'retry') => async (job: Job) => {
    const trigger: Trigger = manualRuns.has(job) ? 'manual' : kind;
    const fields = { job: def.name, trigger };
    const started = Date.now();
    log.info(fields, 'scheduled job started');
    try {
      await def.handler({ touch: () => job.touch() });
      log.info({ ...fields, durationMs: Date.now() - started }, 'scheduled job succeeded');
    } catch (err) {
      log.error({ ...fields, durationMs: Date.now() - started, err }, 'scheduled job failed');
      handlerErrors.set(job, err);
      // Agenda records the failure (failReason, failCount, failedAt = lastFinishedAt) and the next
      // cron run is scheduled as usual. A failed *scheduled* run is also retried once, 5 minutes
      // later, as a separate one-off job `<name>:retry` (so the cron row keeps its schedule) —
      // unless the next cron run comes sooner anyway. Retries and manual runs are not retried.
      if (trigger === 'schedule') {
        const at = new Date(Date.now() + RETRY_DELAY_MS);
        const next = job.attrs.nextRunAt;
        if (!next || next.getTime() > at.getTime()) {
          await scheduleRetry(def.name, at).then(
            () => log.info({ ...fields, retryAt: at }, 'scheduled job retry planned'),
            (retryErr: unknown) => log.error({ ...fields, err: retryErr }, 'could not plan the retry of a failed job'),
          );
        }
      }
      throw err instanceof Error ? err : new Error(String(err));
    }
  };

  try {
    for (const def of defs.values()) {
      const defineOptions = { concurrency: 1, lockLifetime: lockLifetimeMs };
      agenda.define(def.name, wrap(def, 'schedule'), defineOptions);
      agenda.define(retryName(def.name), wrap(def, 'retry'), defineOptions);
    }
    await agenda.ready;
    await register(agenda, [...defs.values()], log);
    if (options.runOnSchedule ?? true) await agenda.start();
  } catch (err) {
    // stop() does nothing for an agenda that never started: close the pool directly as well.
    await agenda.stop().catch(() => undefined);
    await backend.disconnect().catch(() => undefined);
    throw err;
  }
  log.info({ jobs: [...defs.keys()], processEvery, lockLifetimeMs, runOnSchedule: options.runOnSchedule ?? true }, 'scheduler started');

  async function runNow(name: string): Promise<void> {
    if (!defs.has(name)) throw new Error(`unknown scheduled job: ${name}`);
    if (stopping) throw new Error('scheduler is stopping');
    // Claim the job's row the way Agenda's workers do (locked_at, or a lock older than the lock
    // lifetime), so no other worker runs it meanwhile and this one cannot run it twice. (A 'single'
    // row is unique per name; a concurrent claim makes this UPDATE re-check its WHERE and miss.)
    // Agenda also locks a job ahead of time, up to processEvery before it is due: such a row is
    // locked but not running (not started since it last finished), and may be claimed. The claim
    // marks the run as started at once, so a second claim sees it running.
    const now = new Date();
    const claimed = await pool.query<{ id: string }>(
      `update ${TABLE} set locked_at = $1, last_run_at = $1, last_modified_by = $2
        where name = $3 and type = 'single'
          and (locked_at is null or locked_at <= $4
               or (next_run_at > $1 and (last_run_at is null or last_finished_at >= last_run_at)))
        returning id`,
      [now, workerName, name, new Date(now.getTime() - lockLifetimeMs)],
    );
    const id = claimed.rows[0]?.id;
    if (!id) {
      const held = await pool.query<{ last_modified_by: string | null }>(
        `select last_modified_by from ${TABLE} where name = $1 and type = 'single'`,
        [name],
      );
      if (!held.rows[0]) throw new Error(`scheduled job ${name} is not registered`);
      throw new Error(`scheduled job ${name} is already running (locked by ${held.rows[0].last_modified_by ?? 'another worker'})`);
    }
    const attrs = await agenda.db.getJobById(id);
    if (!attrs) throw new Error(`scheduled job ${name} disappeared`);
    const job = new Job(agenda, attrs, true);
    manualRuns.add(job);
    // Job.run records lastRunAt/lastFinishedAt/failure and releases the lock; it does not throw
    // for a handler's error, which the wrapper kept for us.
    const run = job.run();
    inFlight.add(run);
    try {
      await run;
    } catch (err) {
      await pool.query(`update ${TABLE} set locked_at = null where id = $1`, [id]).catch(() => undefined);
      throw err;
    } finally {
      inFlight.delete(run);
    }
    if (handlerErrors.has(job)) throw handlerErrors.get(job);
  }

  async function jobs(): Promise<JobInfo[]> {
    const names = [...defs.keys()].flatMap((name) => [name, retryName(name)]);
    const { jobs: rows } = await agenda.queryJobs({ names });
    return summarizeJobs([...defs.keys()], rows, Date.now(), lockLifetimeMs);
  }

  function stop(): Promise<void> {
    stopping ??= (async () => {
      log.info('scheduler stopping');
      // Waits for the jobs this worker runs. Past the lock lifetime another worker may take a job
      // over anyway, so waiting longer would not help.
      const drained = await agenda.drain({ timeout: lockLifetimeMs, closeConnection: false });
      if (drained.timedOut) log.warn({ running: drained.running }, 'scheduler stopped with jobs still running');
      await Promise.allSettled([...inFlight]);
      await backend.disconnect();
      log.info('scheduler stopped');
    })();
    return stopping;
  }

  return { jobs, runNow, stop };
}

function validate(jobs: ScheduledJob[]): Map<string, ScheduledJob> {
  const defs = new Map<string, ScheduledJob>();
  for (const job of jobs) {
    if (!job.name || job.name.endsWith(':retry')) throw new Error(`invalid scheduled job name: '${job.name}'`);
    if (defs.has(job.name)) throw new Error(`scheduled job ${job.name} is defined twice`);
    if (job.cron.trim().split(/\s+/).length !== 5) throw new Error(`scheduled job ${job.name}: '${job.cron}' is not a 5-field cron`);
    try {
      new Intl.DateTimeFormat('en', { timeZone: job.timezone });
    } catch {
      throw new Error(`scheduled job ${job.name}: unknown time zone '${job.timezone}'`);
    }
    defs.set(job.name, job);
  }
  return defs;
}

/** Creates the schema and the backend's table, indexes and trigger, one worker at a time. */
async function ensureSchema(pool: ReturnType<PostgresJobRepository['getPool']>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [`migrate:${SCHEMA}`]);
    try {
      await client.query(`create schema if not exists "${SCHEMA}"`);
      const { rows } = await client.query<{ schema: string | null }>('select current_schema() as schema');
      if (rows[0]?.schema !== SCHEMA) {
        throw new Error(`scheduler: search_path is not '${SCHEMA}' (does the database URL set its own 'options'?)`);
      }
      // The backend's own schema creation (table, column migrations, indexes, trigger), on our pool.
      await new PostgresJobRepository({ pool, ensureSchema: true }).connect();
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [`migrate:${SCHEMA}`]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}

/**
 * Saves each job's recurring row. A row whose cron and time zone are unchanged is left as it is,
 * so a run that fell due while no worker was up still runs (every() would move it to the next
 * occurrence); a new or changed one is upserted by every().
 */
async function register(agenda: Agenda, defs: ScheduledJob[], log: Logger): Promise<void> {
  const { jobs: existing } = await agenda.queryJobs({ names: defs.map((d) => d.name) });
  for (const def of defs) {
    const row = existing.find((r) => r.name === def.name && r.type === 'single');
    if (row && row.nextRunAt && row.repeatInterval === def.cron && row.repeatTimezone === def.timezone) continue;
    // every() stores a job whose next run could not be computed (nextRunAt null): check first.
    const probe = agenda.create(def.name).repeatEvery(def.cron, { timezone: def.timezone, skipImmediate: true });
    if (!probe.attrs.nextRunAt) {
      throw new Error(`scheduled job ${def.name}: invalid cron '${def.cron}' (${probe.attrs.failReason ?? 'no next run'})`);
    }
    const job = await agenda.every(def.cron, def.name, undefined, { timezone: def.timezone, skipImmediate: true });
    log.info({ job: def.name, cron: def.cron, timezone: def.timezone, nextRunAt: job.attrs.nextRunAt }, 'scheduled job registered');
  }
}
