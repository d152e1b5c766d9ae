// What the schedule query shows of each job, read from Agenda's table without loading Agenda:
// a GraphQL process only reads, a worker (scheduler.ts, `@hub/common/scheduler`) runs the jobs.

export interface JobInfo {
  name: string;
  schedule: string;
  timezone: string;
  nextRunAt: Date | null;
  lastRunAt: Date | null;
  lastRunStatus: 'SUCCEEDED' | 'FAILED' | 'RUNNING' | null;
  lastError: string | null;
}

/** A job's retry after a failed run is a job of its own, under this name. */
export const retryName = (name: string) => `${name}:retry`;

/**
 * The fields of a stored job that tell its state: a row of agenda_jobs, or Agenda's JobParameters
 * (which this matches field for field). Spelled out rather than picked from 'agenda' so that not
 * even a type of the GraphQL process names Agenda (test/unit/graphql-process.test.ts).
 */
export interface JobRow {
  name: string;
  type: 'normal' | 'single';
  repeatInterval?: string | number;
  repeatTimezone?: string;
  nextRunAt: Date | null;
  lastRunAt?: Date;
  lastFinishedAt?: Date;
  failedAt?: Date;
  failReason?: string;
  lockedAt?: Date;
}

/** Each job's schedule and last outcome; a failed run's retry counts as one of its runs. */
export function summarizeJobs(names: string[], rows: JobRow[], now: number, lockLifetimeMs: number): JobInfo[] {
  const infos: JobInfo[] = [];
  for (const name of names) {
    const main = rows.find((r) => r.name === name && r.type === 'single');
    if (!main) continue;
    const retry = rows.find((r) => r.name === retryName(name));
    // The latest run, scheduled or retry, tells the status; the earliest pending run is next.
    const runs = [main, retry].filter((r): r is NonNullable<typeof r> => !!r?.lastRunAt);
    const last = runs.sort((a, b) => b.lastRunAt!.getTime() - a.lastRunAt!.getTime())[0];
    const pending = [main.nextRunAt, retry?.nextRunAt ?? null].filter((d): d is Date => !!d);
    infos.push({
      name,
      schedule: String(main.repeatInterval ?? ''),
      timezone: main.repeatTimezone ?? '',
      nextRunAt: pending.length ? new Date(Math.min(...pending.map((d) => d.getTime()))) : null,
      lastRunAt: last?.lastRunAt ?? null,
      ...(last ? runStatus(last, now, lockLifetimeMs) : { lastRunStatus: null, lastError: null }),
    });
  }
  return infos;
}

export const DEFAULT_LOCK_LIFETIME_MS = 10 * 60_000;

function runStatus(row: JobRow, now: number, lockLifetimeMs: number): Pick<JobInfo, 'lastRunStatus' | 'lastError'> {
  const { lastRunAt, lastFinishedAt, failedAt, lockedAt } = row;
  const unfinished = !!lastRunAt && (!lastFinishedAt || lastRunAt.getTime() > lastFinishedAt.getTime());
  if (unfinished) {
    if (lockedAt && now - lockedAt.getTime() < lockLifetimeMs) return { lastRunStatus: 'RUNNING', lastError: null };
    return { lastRunStatus: 'FAILED', lastError: 'the run did not finish (its lock expired: the worker stopped or crashed)' };
  }
  if (!lastFinishedAt) return { lastRunStatus: null, lastError: null };
  // Agenda's fail() sets failedAt = lastFinishedAt; a later success only moves lastFinishedAt.
  if (failedAt && failedAt.getTime() >= lastFinishedAt.getTime()) {
    return { lastRunStatus: 'FAILED', lastError: row.failReason ?? null };
  }
  return { lastRunStatus: 'SUCCEEDED', lastError: null };
}
