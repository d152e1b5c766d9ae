// `npm start`: the whole hub on this machine, nothing needed but Node.
import { createLogger, loadConfig, onShutdown } from '@hub/common';
import { startHub } from './hub.js';

const config = loadConfig(process.env);
const logger = createLogger('hub', config.logLevel);
const hub = await startHub(config, { logger });

const mail = hub.mailDir
  ? `local sink ${hub.smtpUrl}, letters saved as .eml in ${hub.mailDir}`
  : hub.smtpUrl.replace(/\/\/[^@]*@/, '//***@');
process.stdout.write(`
Regional content hub is running.

  Dashboard: ${hub.gatewayUrl.replace(/graphql$/, 'dashboard/')}  (sign in with the token below)
  GraphQL:  ${hub.gatewayUrl}
  Health:   ${hub.gatewayUrl.replace(/graphql$/, 'health')}
  Mail:     ${mail}
  Platforms: ${hub.platformStandInUrl ? `local stand-in ${hub.platformStandInUrl} with the demo's posts (no platform credentials set)` : 'read from the configured platforms'}

  ADMIN token (valid 30 days; more with \`npm run token -- --role ROLE [--org ID]\`):
  ${hub.adminToken}

  Try:
  curl -s ${hub.gatewayUrl} -H 'content-type: application/json' \\
    -H "authorization: Bearer ${hub.adminToken}" \\
    -d '{"query":"{ organizations(first: 5) { totalCount edges { node { name kind } } } }"}'

Ctrl-C stops everything.
`);
onShutdown(logger, hub.stop);
