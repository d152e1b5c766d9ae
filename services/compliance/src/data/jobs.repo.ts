import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRow, queryRows, sql } from '@hub/common';
import { DEFAULT_LOCK_LIFETIME_MS, summarizeJobs, type JobInfo, type JobRow } from '@hub/common';

interface StoredJob {
  name: string;
  type: string;
  repeat_interval: string | null;
  repeat_timezone: string | null;
  next_run_at: string | null;
  last_run_at: string | null;
  last_finished_at: string | null;
  failed_at: string | null;
  fail_reason: string | null;
  locked_at: string | null;
}

const date = (value: string | null) => (value ? new Date(value) : undefined);

/**
 * The workers' jobs as they stand in their shared table (scheduler.agenda_jobs), read by the
 * compliance subgraph without starting a scheduler of its own: `names` first, in their order,
 * then any other worker's scheduled jobs (monitoring's crawl) by name. Empty until a worker has
 * started once.
 */
export async function readScheduledJobs(em: EntityManager, names: string[], now: Date): Promise<JobInfo[]> {
  const exists = await queryRow<{ table: string | null }>(em, sql`select to_regclass('scheduler.agenda_jobs')::text as table`);
  if (!exists?.table) return [];
  const rows = await queryRows<StoredJob>(
    em,
    sql`select name, type, repeat_interval, repeat_timezone, next_run_at, last_run_at, last_finished_at, failed_at, fail_reason, locked_at
        from scheduler.agenda_jobs`,
  );
  const others = rows
    .filter((r) => r.type === 'single' && r.repeat_interval && !names.includes(r.name))
    .map((r) => r.name)
    .sort();
  names = [...names, ...new Set(others)];
  const jobs: JobRow[] = rows.map((r) => ({
    name: r.name,
    type: r.type as JobRow['type'],
    repeatInterval: r.repeat_interval ?? undefined,
    repeatTimezone: r.repeat_timezone ?? undefined,
    nextRunAt: date(r.next_run_at) ?? null,
    lastRunAt: date(r.last_run_at),
    lastFinishedAt: date(r.last_finished_at),
    failedAt: date(r.failed_at),
    failReason: r.fail_reason ?? undefined,
    lockedAt: date(r.locked_at),
  }));
  return summarizeJobs(names, jobs, now.getTime(), DEFAULT_LOCK_LIFETIME_MS);
}
