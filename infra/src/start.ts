// `npm start`: the whole hub on this machine, nothing needed but Node.
import { createLogger, loadConfig, onShutdown, queryRows, sql } from '@hub/common';
import { startHub } from './hub.js';

const config = loadConfig(process.env);
const logger = createLogger('hub', config.logLevel);
const hub = await startHub(config, { logger });

const mail = hub.mailDir
  ? `local sink ${hub.smtpUrl}, letters saved as .eml in ${hub.mailDir}`
  : hub.smtpUrl.replace(/\/\/[^@]*@/, '//***@');
// One registered address per role to try the sign-in with (the demo region's people), if any.
const people = await queryRows<{ role: string; email: string; name: string }>(
  hub.subgraphs.organizations.orm.em.fork(),
  sql`select distinct on (role) role, email, full_name as name from organizations.person where active
      order by role, email`,
);
const signIn = people.length
  ? `
  Sign in by e-mail on the dashboard with one of these (the letter with the link lands in ${hub.mailDir ?? 'the configured mailbox'}):
${people.map((p) => `    ${p.role.padEnd(9)} ${p.email}  (${p.name})`).join('\n')}
`
  : '';
process.stdout.write(`
Regional content hub is running.

  Dashboard: ${hub.gatewayUrl.replace(/graphql$/, 'dashboard/')}  (sign in by e-mail, or with the token below)
  GraphQL:  ${hub.gatewayUrl}
  Health:   ${hub.gatewayUrl.replace(/graphql$/, 'health')}
  Mail:     ${mail}
  Platforms: ${hub.platformStandInUrl ? `local stand-in ${hub.platformStandInUrl} with the demo's posts (no platform credentials set)` : 'read from the configured platforms'}
${signIn}
  ADMIN token (valid 30 days; more with \`npm run token -- --role ROLE [--org ID]\`):
  ${hub.adminToken}

  Try:
  curl -s ${hub.gatewayUrl} -H 'content-type: application/json' \\
    -H "authorization: Bearer ${hub.adminToken}" \\
    -d '{"query":"{ organizations(first: 5) { totalCount edges { node { name kind } } } }"}'

Ctrl-C stops everything.
`);
onShutdown(logger, hub.stop);
