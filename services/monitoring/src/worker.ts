import { hostname } from 'node:os';
import { initOrm, migrate, type Clock, type CrawlShard, type Logger, type Orm, type PlatformSettings } from '@hub/common';
import { startScheduler, type Scheduler } from '@hub/common/scheduler';
import { monitoringSubgraph } from './server.js';
import { createPhotos, createPlatforms, type HttpTuning } from './platforms/index.js';
import { crawlDuePages } from './engine/crawl-due.js';
import { createHubApi, type HubApiOptions } from './hub-api.js';

/** The crawl's tick: each run crawls the pages whose last crawl is older than the interval. */
export const CRAWL_JOB = { name: 'monitoring.crawl', cron: '*/15 * * * *' } as const;

/**
 * The job of a shard: one tick runs at a time per job name across all workers (Agenda's lock), so
 * the workers of different shards crawl at once, each its own pages (each with its own address
 * and tokens: docs/PERFORMANCE.md, "Platform crawl"); the workers of one shard take turns.
 */
export const crawlJobName = (shard?: CrawlShard): string =>
  shard && shard.count > 1 ? `${CRAWL_JOB.name}.${shard.index}-of-${shard.count}` : CRAWL_JOB.name;

export interface MonitoringWorkerOptions {
  databaseUrl: string;
  timezone: string;
  logger: Logger;
  clock: Clock;
  platforms: PlatformSettings;
  /** The gateway, to act as SYSTEM (tell organizations a page's platform id). */
  hub?: HubApiOptions;
  /** Every page is crawled this often (MONITORING_INTERVAL_HOURS). */
  intervalMs: number;
  workerName?: string;
  processEvery?: number;
  /** Off in tests that run the crawl themselves (SchedulerOptions.runOnSchedule). */
  runOnSchedule?: boolean;
  /** Tests shorten the platforms' back-off and time limits. */
  httpTuning?: HttpTuning;
  /** The share of the pages this worker crawls (MONITORING_SHARD); all by default. */
  shard?: CrawlShard;
}

export interface MonitoringWorker {
  scheduler: Scheduler;
  /** One run of the crawl job: every page that is due, now. */
  crawlDue(): Promise<{ crawled: number }>;
  stop(): Promise<void>;
}

/**
 * The monitoring worker (docs/DESIGN.md, "Evidence from the platforms"): Agenda on PostgreSQL
 * ticking every 15 minutes; each tick crawls the pages due. One tick runs at a time across all
 * workers (Agenda's lock), which also keeps each platform token within its rate limit: a second
 * worker with the same tokens would only share it.
 */
export async function startMonitoringWorker(options: MonitoringWorkerOptions): Promise<MonitoringWorker> {
  const orm: Orm = await initOrm({
    databaseUrl: options.databaseUrl,
    schema: monitoringSubgraph.dbSchema,
    entities: monitoringSubgraph.entities,
    migrations: monitoringSubgraph.migrations,
    poolMax: 4,
  });
  try {
    await migrate(orm, monitoringSubgraph.dbSchema);
    const platforms = createPlatforms(options.platforms, options.httpTuning);
    const photos = createPhotos(options.platforms);
    const hub = options.hub ? createHubApi(options.hub) : undefined;
    const holder = `worker:${options.workerName ?? `${hostname()}:${process.pid}`}`;
    const crawlDue = (touch?: () => Promise<void>) =>
      crawlDuePages(
        { em: orm.em.fork(), clock: options.clock, timezone: options.timezone, logger: options.logger, platforms, photos, holder, hub },
        { intervalMs: options.intervalMs, touch, shard: options.shard },
      );
    const scheduler = await startScheduler({
      databaseUrl: options.databaseUrl,
      jobs: [
        {
          ...CRAWL_JOB,
          name: crawlJobName(options.shard),
          timezone: options.timezone,
          handler: async (ctx) => {
            const { crawled } = await crawlDue(ctx.touch);
            options.logger.info({ crawled }, 'pages crawled');
          },
        },
      ],
      logger: options.logger,
      workerName: options.workerName,
      processEvery: options.processEvery,
      runOnSchedule: options.runOnSchedule,
    });
    return {
      scheduler,
      crawlDue: () => crawlDue(),
      stop: async () => {
        await scheduler.stop();
        await orm.close(true);
      },
    };
  } catch (err) {
    await orm.close(true);
    throw err;
  }
}
