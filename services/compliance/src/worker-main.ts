// The compliance worker as its own process (docker-compose `worker`): environment → start → run.
import { createLogger, loadConfig, onShutdown, required, systemClock } from '@hub/common';
import { startWorker } from './worker.js';

const config = loadConfig(process.env);
const logger = createLogger('worker', config.logLevel);
const starting = startWorker({
  databaseUrl: required(config.databaseUrl, 'DATABASE_URL'),
  timezone: config.timezone,
  logger,
  clock: systemClock,
  publicUrl: config.publicUrl,
  smtpUrl: required(config.smtpUrl, 'SMTP_URL'),
  mailFrom: config.mailFrom,
});
// Before the start completes: a SIGTERM while starting stops it once started (services/common/src/boot.ts).
onShutdown(logger, async () => (await starting).stop());
await starting;
logger.info('compliance worker running');
