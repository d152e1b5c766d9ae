import { loadConfig, required, type SubgraphName } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { startSubgraph, type BaseContext, type SubgraphDefinition } from './subgraph.js';
import { parseInstant, systemClock, type Clock } from './time.js';

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

/**
 * HUB_BENCH_FIXED_NOW (an ISO-8601 instant with its offset) stops the process's clock there. For
 * the bench only (bench/scenarios/subgraph-cpu.ts): its subgraph processes read a dataset made for
 * its own "now", and reads such as the heatmap's last complete weeks take no period but the
 * clock's. A deployment never sets it; tokens and credentials keep the real time either way.
 */
function benchClock(env: Record<string, string | undefined>, logger: Logger): Clock {
  const fixed = env.HUB_BENCH_FIXED_NOW;
  if (!fixed) return systemClock;
  const now = parseInstant(fixed);
  if (!now) throw new Error(`HUB_BENCH_FIXED_NOW must be an ISO-8601 instant with its offset, not ${fixed}`);
  logger.warn({ now: fixed }, 'the clock stands still (HUB_BENCH_FIXED_NOW): for the bench only');
  return () => now;
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
    clock: benchClock(env, logger),
    timezone: config.timezone,
    publicUrl: config.publicUrl,
    contentFourEyes: config.contentFourEyes,
    platforms: config.platforms,
    gatewayUrl: config.gatewayUrl,
  });
  onShutdown(logger, async () => (await starting).stop());
  await starting;
}
