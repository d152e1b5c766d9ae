import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createLogger } from '@hub/common';
import { createTestDatabase, type TestDatabase } from '@hub/common/testing';
import { startScheduler, type ScheduledJob, type Scheduler, type SchedulerOptions } from '../../src/scheduler/scheduler.js';

const logger = createLogger('test', 'silent');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** The next instant after `from` that falls on the given UTC weekday and hour. */
function nextUtc(from: Date, weekday: number, hour: number): Date {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), hour));
  while (d.getUTCDay() !== weekday || d.getTime() <= from.getTime()) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

let db: TestDatabase;
let sql: pg.Pool;
const started: Scheduler[] = [];

async function start(jobs: ScheduledJob[], extra: Partial<SchedulerOptions> = {}): Promise<Scheduler> {
  const scheduler = await startScheduler({ databaseUrl: db.url, jobs, logger, processEvery: 200, lockLifetimeMs: 5_000, ...extra });
  started.push(scheduler);
  return scheduler;
}

const job = (name: string, handler: ScheduledJob['handler'], cron = '0 9 * * 1', timezone = 'Asia/Vladivostok'): ScheduledJob => ({
  name,
  cron,
  timezone,
  handler,
});

beforeAll(async () => {
  db = await createTestDatabase();
  sql = new pg.Pool({ connectionString: db.url, max: 2 });
});

afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()));
  await sql?.end();
  await db?.drop();
});

describe('scheduler (Agenda on PostgreSQL)', () => {
  it('registers each job once, from two workers started together, in its time zone; a changed cron replaces it', async () => {
    const noop = async () => {};
    const jobs = [job('compliance.weekly-check', noop), job('compliance.daily-digest', noop, '30 6 * * *', 'Europe/Moscow')];
    const before = new Date();
    const [a, b] = await Promise.all([start(jobs, { workerName: 'a' }), start(jobs, { workerName: 'b' })]);

    const { rows } = await sql.query(`select name, repeat_interval, repeat_timezone, type from scheduler.agenda_jobs order by name`);
    expect(rows).toEqual([
      { name: 'compliance.daily-digest', repeat_interval: '30 6 * * *', repeat_timezone: 'Europe/Moscow', type: 'single' },
      { name: 'compliance.weekly-check', repeat_interval: '0 9 * * 1', repeat_timezone: 'Asia/Vladivostok', type: 'single' },
    ]);

    const infos = await a.jobs();
    const weekly = infos.find((j) => j.name === 'compliance.weekly-check');
    // Monday 09:00 in Vladivostok (+10:00, no DST) is Sunday 23:00 UTC.
    expect(weekly).toEqual({
      name: 'compliance.weekly-check',
      schedule: '0 9 * * 1',
      timezone: 'Asia/Vladivostok',
      nextRunAt: nextUtc(before, 0, 23),
      lastRunAt: null,
      lastRunStatus: null,
      lastError: null,
    });
    // 06:30 in Moscow (+03:00) is 03:30 UTC, every day.
    const daily = infos.find((j) => j.name === 'compliance.daily-digest')!;
    expect(daily.nextRunAt!.getUTCHours() * 60 + daily.nextRunAt!.getUTCMinutes()).toBe(3 * 60 + 30);
    expect(daily.nextRunAt!.getTime() - before.getTime()).toBeLessThanOrEqual(24 * 3600_000);
    expect(await b.jobs()).toEqual(infos);

    await Promise.all([a.stop(), b.stop()]);

    // A restart with a new cron updates the one row.
    const c = await start([job('compliance.weekly-check', noop, '0 10 * * 1')]);
    const after = await sql.query(
      `select repeat_interval, repeat_timezone from scheduler.agenda_jobs where name = 'compliance.weekly-check'`,
    );
    expect(after.rows).toEqual([{ repeat_interval: '0 10 * * 1', repeat_timezone: 'Asia/Vladivostok' }]);
    const [moved] = await c.jobs();
    expect(moved!.nextRunAt).toEqual(nextUtc(new Date(), 1, 0)); // Monday 10:00 +10:00 = Monday 00:00 UTC
    await c.stop();
  });

  it('runNow runs the handler once, and never while another worker runs the job', async () => {
    let calls = 0;
    let running = 0;
    let maxRunning = 0;
    let holdMs = 0;
    const spec = job('compliance.run-now', async () => {
      calls += 1;
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await sleep(holdMs);
      running -= 1;
    });
    const [a, b] = await Promise.all([start([spec], { workerName: 'a' }), start([spec], { workerName: 'b' })]);

    await a.runNow('compliance.run-now');
    expect(calls).toBe(1);
    const [info] = await b.jobs();
    expect(info).toMatchObject({ lastRunStatus: 'SUCCEEDED', lastError: null });
    expect(info!.lastRunAt).toBeInstanceOf(Date);

    holdMs = 1_500;
    const first = a.runNow('compliance.run-now');
    await waitFor('the handler to start', () => running === 1);
    expect((await b.jobs())[0]!.lastRunStatus).toBe('RUNNING');
    await expect(b.runNow('compliance.run-now')).rejects.toThrow(/already running/);
    // Make the job due: the other worker's poll must still leave it alone while it is locked.
    await sql.query(`update scheduler.agenda_jobs set next_run_at = now() where name = 'compliance.run-now'`);
    await first;
    await sleep(600);
    expect(maxRunning).toBe(1);
    expect(calls).toBe(2);
    expect(running).toBe(0);
    await expect(a.runNow('compliance.unknown')).rejects.toThrow(/unknown scheduled job/);
  });

  it('runNow runs a job that Agenda locked ahead of its time, and still refuses a second run meanwhile', async () => {
    let calls = 0;
    let running = 0;
    const spec = job(
      'compliance.due-soon',
      async () => {
        calls += 1;
        running += 1;
        await sleep(1_000);
        running -= 1;
      },
      '* * * * *', // due within the minute: inside processEvery, so Agenda locks it on start
    );
    const [a, b] = await Promise.all([
      start([spec], { workerName: 'a', processEvery: 600_000 }),
      start([spec], { workerName: 'b', processEvery: 600_000 }),
    ]);
    await waitFor('Agenda to lock the job ahead of its time', async () => {
      const { rows } = await sql.query(`select locked_at from scheduler.agenda_jobs where name = 'compliance.due-soon'`);
      return rows[0]?.locked_at != null;
    });
    const first = a.runNow('compliance.due-soon');
    await waitFor('the handler to start', () => running === 1);
    await expect(b.runNow('compliance.due-soon')).rejects.toThrow(/already running/);
    await first;
    // At least the manual run; the minute's scheduled run may follow it.
    expect(calls).toBeGreaterThanOrEqual(1);
    expect((await a.jobs())[0]).toMatchObject({ lastRunStatus: 'SUCCEEDED', lastError: null });
  });

  it('with runOnSchedule off, a due job waits for runNow: the time of day cannot run it with a test clock', async () => {
    const calls: string[] = [];
    const spec = (worker: string) => job('compliance.due-now', async () => void calls.push(worker));
    await (await start([spec('registrar')])).stop();
    const makeDue = () =>
      sql.query(`update scheduler.agenda_jobs set next_run_at = now(), locked_at = null where name = 'compliance.due-now'`);

    // Started as in production, a worker runs what the clock on the wall says is due.
    await makeDue();
    const scheduled = await start([spec('scheduled')]);
    await waitFor('the due job to run on schedule', () => calls.includes('scheduled'));
    await scheduled.stop();

    await makeDue();
    const manual = await start([spec('manual')], { runOnSchedule: false });
    await sleep(1_500); // seven polls of processEvery
    expect(calls).not.toContain('manual');
    await manual.runNow('compliance.due-now');
    expect(calls).toEqual(['scheduled', 'manual']);
    expect((await manual.jobs())[0]).toMatchObject({ lastRunStatus: 'SUCCEEDED' });
  });

  it('records a failing handler: FAILED with its message, and one retry 5 minutes later for a scheduled run', async () => {
    let fail = true;
    let calls = 0;
    const s = await start([
      job('compliance.flaky', async () => {
        calls += 1;
        if (fail) throw new Error('registry unavailable');
      }),
    ]);

    await expect(s.runNow('compliance.flaky')).rejects.toThrow('registry unavailable');
    expect(await s.jobs()).toEqual([
      expect.objectContaining({ name: 'compliance.flaky', lastRunStatus: 'FAILED', lastError: 'registry unavailable' }),
    ]);
    const row = await sql.query(`select fail_count, fail_reason from scheduler.agenda_jobs where name = 'compliance.flaky'`);
    expect(row.rows).toEqual([{ fail_count: 1, fail_reason: 'registry unavailable' }]);
    // A manual run is not retried.
    expect((await sql.query(`select 1 from scheduler.agenda_jobs where name = 'compliance.flaky:retry'`)).rowCount).toBe(0);

    fail = false;
    await s.runNow('compliance.flaky');
    expect((await s.jobs())[0]).toMatchObject({ lastRunStatus: 'SUCCEEDED', lastError: null });

    // A scheduled run that fails gets one retry, 5 minutes later.
    fail = true;
    const due = Date.now();
    await sql.query(`update scheduler.agenda_jobs set next_run_at = now() where name = 'compliance.flaky'`);
    await waitFor('the scheduled run to fail', async () => (await s.jobs())[0]!.lastRunStatus === 'FAILED');
    expect(calls).toBe(3);
    let retry: pg.QueryResult | undefined;
    await waitFor('the retry to be planned', async () => {
      retry = await sql.query(`select next_run_at from scheduler.agenda_jobs where name = 'compliance.flaky:retry'`);
      return retry.rowCount === 1;
    });
    const retryAt: Date = retry!.rows[0].next_run_at;
    expect(retryAt.getTime() - due).toBeGreaterThan(5 * 60_000 - 1_000);
    expect(retryAt.getTime() - due).toBeLessThan(5 * 60_000 + 5_000);
    expect((await s.jobs())[0]).toMatchObject({ lastRunStatus: 'FAILED', lastError: 'registry unavailable', nextRunAt: retryAt });

    // The retry runs the same handler (made due now); once it succeeds the job reads SUCCEEDED.
    fail = false;
    await sql.query(`update scheduler.agenda_jobs set next_run_at = now() where name = 'compliance.flaky:retry'`);
    await waitFor('the retry to succeed', async () => (await s.jobs())[0]!.lastRunStatus === 'SUCCEEDED');
    expect(calls).toBe(4);
    await s.stop();
  });

  it('takes over a job whose lock a crashed worker left behind', async () => {
    let calls = 0;
    const spec = job('compliance.stale-lock', async () => {
      calls += 1;
    });
    const setCrashedLock = (nextRunIn: string) =>
      sql.query(
        `update scheduler.agenda_jobs
            set locked_at = now() - interval '1 hour', last_modified_by = 'crashed-worker',
                last_run_at = now() - interval '1 hour', last_finished_at = now() - interval '2 hours',
                next_run_at = now() + $1::interval
          where name = 'compliance.stale-lock'`,
        [nextRunIn],
      );

    await (await start([spec])).stop(); // registers the job
    await setCrashedLock('0 seconds');
    const s = await start([spec], { lockLifetimeMs: 1_000 });
    await waitFor('the stale-locked job to run', () => calls === 1);
    await waitFor('the run to be recorded', async () => (await s.jobs())[0]!.lastRunStatus === 'SUCCEEDED');

    // The starvation case (Agenda issue around 6.2.2): a worker that takes over a stale lock on a
    // job due later must release it again (6.2.2 kept re-locking it on every poll, so it ran
    // late or never), and the job then runs at its time.
    await setCrashedLock('3 seconds');
    const due = Date.now() + 3_000;
    await waitFor(
      'the taken-over lock to be released before the run time',
      async () => {
        const r = await sql.query(`select locked_at, last_modified_by from scheduler.agenda_jobs where name = 'compliance.stale-lock'`);
        return r.rows[0].last_modified_by !== 'crashed-worker' && r.rows[0].locked_at === null;
      },
      2_000,
    );
    expect(calls).toBe(1);
    await waitFor('the job to run at its time despite the stale lock', () => calls === 2);
    expect(Date.now()).toBeGreaterThanOrEqual(due - 100);
    expect(Date.now()).toBeLessThan(due + 1_000);
    await waitFor('the lock to be released', async () => {
      const r = await sql.query(`select locked_at from scheduler.agenda_jobs where name = 'compliance.stale-lock'`);
      return r.rows[0].locked_at === null;
    });
    await s.stop();
  });

  it('stop() waits for running handlers (scheduled and runNow), then closes', async () => {
    const finished: string[] = [];
    let runningNow = 0;
    const slow = (name: string) =>
      job(name, async () => {
        runningNow += 1;
        await sleep(1_000);
        finished.push(name);
      });
    const s = await start([slow('compliance.slow-scheduled'), slow('compliance.slow-manual')]);

    await sql.query(`update scheduler.agenda_jobs set next_run_at = now() where name = 'compliance.slow-scheduled'`);
    await waitFor('the scheduled run to start', () => runningNow === 1);
    const manual = s.runNow('compliance.slow-manual');
    await waitFor('the manual run to start', () => runningNow === 2);

    const t0 = Date.now();
    await s.stop();
    expect(Date.now() - t0).toBeGreaterThan(300);
    expect(finished.sort()).toEqual(['compliance.slow-manual', 'compliance.slow-scheduled']);
    await expect(manual).resolves.toBeUndefined();
    await expect(s.runNow('compliance.slow-manual')).rejects.toThrow(/stopping/);
    await s.stop(); // a second stop is a no-op

    const { rows } = await sql.query(
      `select name, locked_at, last_finished_at >= last_run_at as finished from scheduler.agenda_jobs
        where name like 'compliance.slow-%' order by name`,
    );
    expect(rows).toEqual([
      { name: 'compliance.slow-manual', locked_at: null, finished: true },
      { name: 'compliance.slow-scheduled', locked_at: null, finished: true },
    ]);
  });
});
