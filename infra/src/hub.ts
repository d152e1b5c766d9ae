import path from 'node:path';
import {
  createLogger,
  signToken,
  startEmbeddedPostgres,
  startSubgraph,
  systemClock,
  type BaseContext,
  type Clock,
  type HubConfig,
  type SubgraphDefinition,
  type Logger,
  type RunningSubgraph,
  type SubgraphName,
} from '@hub/common';
import { organizationsSubgraph } from '@hub/organizations';
import { contentSubgraph } from '@hub/content';
import { complianceSubgraph } from '@hub/compliance';
import { monitoringSubgraph } from '@hub/monitoring';
import { startMonitoringWorker, type MonitoringWorker } from '@hub/monitoring/worker';
import type { HttpTuning } from '@hub/monitoring/platforms';
import { startStandIn, type StandIn } from '@hub/monitoring/standin';
import { demoStandInPages } from './demo/platform-pages.js';
import { startWorker, type Worker } from '@hub/compliance/worker';
import { createGateway } from '@hub/gateway';
import { startMailSink } from './mail-sink.js';
import { jwtSecret } from './secret.js';
import { seedDemoRegion } from './seed.js';

export interface RunningHub {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  worker: Worker | null;
  monitoringWorker: MonitoringWorker | null;
  /** The local stand-in the platform adapters read, when no platform credential is configured. */
  platformStandInUrl: string | null;
  databaseUrl: string;
  smtpUrl: string;
  mailDir: string | null;
  jwtSecret: string;
  adminToken: string;
  stop(): Promise<void>;
}

/**
 * The whole hub in one process: the database and mail sink when none is configured,
 * migrations, the demo region on an empty database, the four subgraphs and the gateway.
 */
export interface HubOptions {
  clock?: Clock;
  logger?: Logger;
  /** Run the compliance worker (scheduler) in this process too; on by default. */
  worker?: boolean;
  /** The worker runs its jobs at their times; tests with their own clock turn it off (WorkerOptions). */
  runOnSchedule?: boolean;
  /** Serve the platforms from a local stand-in with the demo's posts; by default when no platform credential is set. */
  platformStandIn?: boolean;
  /** The monitoring worker's platform back-off and time limits; tests shorten them (MonitoringWorkerOptions). */
  platformHttp?: HttpTuning;
}

/** No token for VK, OK or MAX and Telegram's preview at its real address: nothing real to read. */
const noPlatformCredentials = (config: HubConfig): boolean =>
  !config.platforms.vk.serviceToken &&
  !config.platforms.ok.accessToken &&
  !config.platforms.max.botToken &&
  new URL(config.platforms.telegram.webUrl).hostname === 't.me';

export async function startHub(config: HubConfig, options: HubOptions = {}): Promise<RunningHub> {
  const logger = options.logger ?? createLogger('hub', config.logLevel);
  const clock = options.clock ?? systemClock;
  const stops: { name: string; stop: () => Promise<void> }[] = [];
  const stopAll = async () => {
    for (const { name, stop } of stops.reverse()) {
      logger.debug({ part: name }, 'stopping');
      await stop().catch((err) => logger.error({ err, part: name }, 'stop failed'));
    }
    stops.length = 0;
  };
  try {
    const secret = await jwtSecret(config.jwtSecret, config.dataDir);
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      const db = await startEmbeddedPostgres({
        dir: path.join(config.dataDir, 'pg'),
        persistent: true,
        log: (m) => logger.debug({ postgres: m.trim() }),
      });
      stops.push({ name: 'postgres', stop: db.stop });
      databaseUrl = db.url;
    }
    let smtpUrl = config.smtpUrl;
    let mailDir: string | null = null;
    if (!smtpUrl) {
      const sink = await startMailSink({ dir: path.join(config.dataDir, 'mail') });
      stops.push({ name: 'mail sink', stop: sink.stop });
      smtpUrl = sink.url;
      mailDir = sink.dir;
    }

    let standIn: StandIn | null = null;
    if (options.platformStandIn ?? noPlatformCredentials(config)) {
      // Started first, empty, so the subgraph's adapters point at it; it gets its pages after the seed.
      standIn = await startStandIn([]);
      stops.push({ name: 'platform stand-in', stop: standIn.close });
    }
    // The stand-in is local: no platform's pace to keep.
    const platforms = standIn ? standIn.settings(200) : config.platforms;

    const runtime = {
      jwtSecret: secret,
      subgraphSecret: config.subgraphSecret,
      maxTokenDays: config.maxTokenDays,
      production: config.env === 'production',
      logger,
      clock,
      timezone: config.timezone,
      publicUrl: config.publicUrl,
      contentFourEyes: config.contentFourEyes,
      platforms,
      gatewayUrl: config.gatewayUrl,
    };
    const start = <TContext extends BaseContext>(def: SubgraphDefinition<TContext>, name: SubgraphName) =>
      startSubgraph(def, {
        ...runtime,
        databaseUrl: databaseUrl!,
        port: config.ports[name],
        host: config.hosts[name],
        gatewayTimeoutMs: config.subgraphTimeoutMs,
      }).then((s) => {
        stops.push({ name, stop: s.stop });
        return s;
      });
    const [organizations, content, compliance, monitoring]: RunningSubgraph[] = await Promise.all([
      start(organizationsSubgraph, 'organizations'),
      start(contentSubgraph, 'content'),
      start(complianceSubgraph, 'compliance'),
      start(monitoringSubgraph, 'monitoring'),
    ]);
    if (config.seed === 'demo') {
      const seeded = await seedDemoRegion(
        { organizations: organizations!.orm.em.fork(), content: content!.orm.em.fork() },
        clock(),
        config.timezone,
      );
      logger.info({ seeded }, 'demo region');
    }
    if (standIn) standIn.pages = await demoStandInPages(organizations!.orm.em.fork(), clock());

    let worker: Worker | null = null;
    if (options.worker ?? true) {
      // After the seed: on a fresh database it evaluates the weeks the demo history covers.
      worker = await startWorker({
        databaseUrl,
        timezone: config.timezone,
        logger,
        clock,
        publicUrl: config.publicUrl,
        smtpUrl,
        mailFrom: config.mailFrom,
        runOnSchedule: options.runOnSchedule,
      });
      stops.push({ name: 'worker', stop: worker.stop });
    }
    let monitoringWorker: MonitoringWorker | null = null;
    if (options.worker ?? true) {
      monitoringWorker = await startMonitoringWorker({
        databaseUrl,
        timezone: config.timezone,
        logger,
        clock,
        platforms,
        hub: { gatewayUrl: config.gatewayUrl, jwtSecret: secret },
        intervalMs: config.monitoringIntervalMs,
        runOnSchedule: options.runOnSchedule,
        httpTuning: options.platformHttp,
      });
      stops.push({ name: 'monitoring worker', stop: monitoringWorker.stop });
      // The stand-in's pages are read at once rather than at the next quarter hour: a first start
      // shows posts found.
      if (standIn && (options.runOnSchedule ?? true)) {
        void monitoringWorker.crawlDue().then(
          ({ crawled }) => logger.info({ crawled }, 'demo pages crawled from the platform stand-in'),
          (err: unknown) => logger.warn({ err }, 'crawling the demo pages failed'),
        );
      }
    }

    const subgraphUrls = {
      organizations: organizations!.url,
      content: content!.url,
      compliance: compliance!.url,
      monitoring: monitoring!.url,
    };
    const gateway = await createGateway({
      jwtSecret: secret,
      subgraphSecret: config.subgraphSecret,
      maxTokenDays: config.maxTokenDays,
      sessionHours: config.sessionHours,
      trustProxy: config.trustProxy,
      publicUrl: config.publicUrl,
      oidc: config.oidc,
      subgraphUrls,
      subgraphTimeoutMs: config.subgraphTimeoutMs,
      production: config.env === 'production',
      logger,
    });
    const base = await gateway.listen(config.ports.gateway);
    stops.push({ name: 'gateway', stop: gateway.stop });

    return {
      gatewayUrl: `${base}/graphql`,
      subgraphUrls,
      subgraphs: { organizations: organizations!, content: content!, compliance: compliance!, monitoring: monitoring! },
      worker,
      monitoringWorker,
      platformStandInUrl: standIn?.url ?? null,
      databaseUrl,
      smtpUrl,
      mailDir,
      jwtSecret: secret,
      // The longest a token may live here: 30 days, or less when AUTH_MAX_TOKEN_DAYS says so.
      adminToken: await signToken(secret, { sub: 'local-admin', role: 'ADMIN', org: null }, `${Math.min(30, config.maxTokenDays)}d`),
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
