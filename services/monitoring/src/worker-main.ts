// The monitoring worker as its own process (docker-compose `monitoring-worker`): environment → start → run.
import { createLogger, loadConfig, onShutdown, required, systemClock } from '@hub/common';
import { startMonitoringWorker } from './worker.js';

const config = loadConfig(process.env);
const logger = createLogger('monitoring-worker', config.logLevel);
const starting = startMonitoringWorker({
  databaseUrl: required(config.databaseUrl, 'DATABASE_URL'),
  timezone: config.timezone,
  logger,
  clock: systemClock,
  platforms: config.platforms,
  hub: { gatewayUrl: config.gatewayUrl, jwtSecret: required(config.jwtSecret, 'AUTH_JWT_SECRET') },
  intervalMs: config.monitoringIntervalMs,
  shard: config.monitoringShard,
});
// Before the start completes: a SIGTERM while starting stops it once started (services/common/src/boot.ts).
onShutdown(logger, async () => (await starting).stop());
await starting;
logger.info('monitoring worker running');
