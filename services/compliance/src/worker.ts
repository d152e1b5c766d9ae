import { initOrm, migrate, type Clock, type Logger, type Orm, type RuleCode } from '@hub/common';
import { complianceSubgraph } from './server.js';
import { runDueChecks } from './engine/catch-up.js';
import { JOBS, SCHEDULED_RULES, checksOf, type CheckJobName, type JobName } from './schedule.js';
import { queueDistributionDigests } from './engine/distribution-digest.js';
import { queueMidweekReminders } from './engine/reminders.js';
import { queueWeeklySummary } from './engine/summary.js';
import { queueContentCenterReview } from './engine/content-center-review.js';
import { createSmtpMailer } from './mail/mailer.js';
import { dispatchDue } from './mail/dispatcher.js';
import { listenToOutbox } from './mail/outbox-listener.js';
import type { EngineDeps } from './engine/run-check.js';
import type { RunTrigger } from './entities/compliance-run.entity.js';
import { startScheduler, type JobContext, type ScheduledJob, type Scheduler } from '@hub/common/scheduler';

export interface WorkerOptions {
  databaseUrl: string;
  timezone: string;
  logger: Logger;
  clock: Clock;
  publicUrl: string;
  smtpUrl: string;
  mailFrom: string;
  workerName?: string;
  processEvery?: number;
  lockLifetimeMs?: number;
  /** Off in tests that fire jobs themselves (SchedulerOptions.runOnSchedule). */
  runOnSchedule?: boolean;
}

export interface Worker {
  scheduler: Scheduler;
  /** Runs whatever is due now (what start-up does after downtime). */
  catchUp(): Promise<number>;
  /** Sends what the outbox has due. */
  dispatch(): Promise<{ sent: number; retried: number; failed: number }>;
  stop(): Promise<void>;
}

/**
 * The compliance worker: Agenda on PostgreSQL running the scheduled checks. Any number may run;
 * Agenda's lock keeps each job single and each period is evaluated once. On start it catches up
 * on checks that came due while no worker was running.
 */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const orm: Orm = await initOrm({
    databaseUrl: options.databaseUrl,
    schema: complianceSubgraph.dbSchema,
    entities: complianceSubgraph.entities,
    migrations: complianceSubgraph.migrations,
    poolMax: 4,
  });
  await migrate(orm, complianceSubgraph.dbSchema);
  const deps = (): EngineDeps => ({
    em: orm.em.fork(),
    clock: options.clock,
    timezone: options.timezone,
    logger: options.logger,
    publicUrl: options.publicUrl,
  });
  const mailer = createSmtpMailer(options.smtpUrl, options.mailFrom);
  const dispatch = () => dispatchDue({ em: orm.em.fork(), mailer, clock: options.clock, logger: options.logger });
  // A scheduled run's letters go out right after it rather than at the next minute; the start-up
  // catch-up leaves them to the every-minute dispatcher so the hub comes up without waiting on SMTP.
  const due = async (rules: RuleCode[], trigger: RunTrigger, ctx?: JobContext) => {
    const runs = (await runDueChecks(deps(), rules, trigger, ctx?.touch)).length;
    if (runs && trigger === 'SCHEDULE') await dispatch();
    return runs;
  };

  try {
    const caughtUp = await due(SCHEDULED_RULES, 'CATCH_UP');
    if (caughtUp) options.logger.info({ runs: caughtUp }, 'caught up on checks missed while no worker ran');
    // What each job of the registry (schedule.ts) runs; the scheduled checks run their rules.
    const work: Record<Exclude<JobName, CheckJobName>, (ctx: JobContext) => Promise<void>> = {
      'mail.dispatch': async () => void (await dispatch()),
      'content.distribution-digest': async () => {
        if (await queueDistributionDigests(deps())) await dispatch();
      },
      'compliance.midweek-reminder': async () => {
        if (await queueMidweekReminders(deps())) await dispatch();
      },
      'compliance.weekly-summary': async (ctx) => {
        // The summary reports the weekly check: make sure it has run first.
        await due(checksOf('compliance.weekly-check'), 'SCHEDULE', ctx);
        const queued = (await queueWeeklySummary(deps())) + (await queueContentCenterReview(deps()));
        if (queued) await dispatch();
      },
    };
    const jobs: ScheduledJob[] = JOBS.map((job) => ({
      name: job.name,
      cron: job.cron,
      timezone: options.timezone,
      handler:
        'checks' in job
          ? async (ctx: JobContext) => {
              await due([...job.checks], 'SCHEDULE', ctx);
            }
          : work[job.name],
    }));
    const scheduler = await startScheduler({
      databaseUrl: options.databaseUrl,
      jobs,
      logger: options.logger,
      workerName: options.workerName,
      processEvery: options.processEvery,
      lockLifetimeMs: options.lockLifetimeMs,
      runOnSchedule: options.runOnSchedule,
    });
    const listener = await listenToOutbox(options.databaseUrl, dispatch, options.logger);
    return {
      scheduler,
      catchUp: () => due(SCHEDULED_RULES, 'CATCH_UP'),
      dispatch,
      stop: async () => {
        await listener.stop();
        await scheduler.stop();
        mailer.close();
        await orm.close(true);
      },
    };
  } catch (err) {
    mailer.close();
    await orm.close(true);
    throw err;
  }
}
