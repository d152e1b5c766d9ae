import { createLogger, loadConfig, onShutdown, required } from '@hub/common';
import { createGateway } from './gateway.js';

const config = loadConfig(process.env);
const logger = createLogger('gateway', config.logLevel);
const starting = createGateway({
  jwtSecret: required(config.jwtSecret, 'AUTH_JWT_SECRET'),
  subgraphSecret: config.subgraphSecret,
  maxTokenDays: config.maxTokenDays,
  sessionHours: config.sessionHours,
  trustProxy: config.trustProxy,
  publicUrl: config.publicUrl,
  oidc: config.oidc,
  subgraphUrls: config.subgraphUrls,
  subgraphTimeoutMs: config.subgraphTimeoutMs,
  production: config.env === 'production',
  logger,
});
// Before the start completes: a SIGTERM while starting stops it once started (services/common/src/boot.ts).
onShutdown(logger, async () => (await starting).stop());
const url = await (await starting).listen(config.ports.gateway);
logger.info({ url: `${url}/graphql` }, 'gateway listening');
