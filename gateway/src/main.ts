import { createLogger, loadConfig, onShutdown, required } from '@hub/common';
import { createGateway } from './gateway.js';

const config = loadConfig(process.env);
const logger = createLogger('gateway', config.logLevel);
const gateway = await createGateway({
  jwtSecret: required(config.jwtSecret, 'AUTH_JWT_SECRET'),
  subgraphSecret: config.subgraphSecret,
  maxTokenDays: config.maxTokenDays,
  subgraphUrls: config.subgraphUrls,
  subgraphTimeoutMs: config.subgraphTimeoutMs,
  production: config.env === 'production',
  logger,
});
const url = await gateway.listen(config.ports.gateway);
logger.info({ url: `${url}/graphql` }, 'gateway listening');
onShutdown(logger, gateway.stop);
