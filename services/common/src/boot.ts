import { loadConfig, required, type SubgraphName } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { startSubgraph, type BaseContext, type SubgraphDefinition } from './subgraph.js';
import { systemClock } from './time.js';

/**
 * Stops everything on SIGINT/SIGTERM, once, and exits. Ctrl-C under `npm start` arrives twice
 * (from the terminal and forwarded by npm): a repeat within a few seconds is the same request;
 * a later one means "now" and exits at once. Installed before a process's start completes, with a
 * `stop` that waits for it: a signal during the start (a container stopped while still starting)
 * then ends in a clean stop and exit code 0, not in the signal's default kill.
 */
export function onShutdown(logger: Logger, stop: () => Promise<void>): void {
  let stoppingSince: number | null = null;
  const handler = (signal: NodeJS.Signals) => {
    if (stoppingSince !== null) {
      if (Date.now() - stoppingSince > 3000) process.exit(1);
      return;
    }
    stoppingSince = Date.now();
    logger.info({ signal }, 'shutting down');
    stop()
      .then(() => process.exit(0))
      .catch((err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/** Boot of a subgraph as its own process (docker-compose): environment → start → serve. */
export async function bootSubgraph<TContext extends BaseContext>(
  name: SubgraphName,
  definition: SubgraphDefinition<TContext>,
  env: Record<string, string | undefined>,
): Promise<void> {
  const config = loadConfig(env);
  const logger = createLogger(name, config.logLevel);
  const starting = startSubgraph(definition, {
    databaseUrl: required(config.databaseUrl, 'DATABASE_URL'),
    jwtSecret: required(config.jwtSecret, 'AUTH_JWT_SECRET'),
    subgraphSecret: config.subgraphSecret,
    maxTokenDays: config.maxTokenDays,
    port: config.ports[name],
    host: config.hosts[name],
    gatewayTimeoutMs: config.subgraphTimeoutMs,
    production: config.env === 'production',
    logger,
    clock: systemClock,
    timezone: config.timezone,
    publicUrl: config.publicUrl,
    contentFourEyes: config.contentFourEyes,
    platforms: config.platforms,
    gatewayUrl: config.gatewayUrl,
  });
  onShutdown(logger, async () => (await starting).stop());
  await starting;
}
