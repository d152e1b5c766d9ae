// `npm run token -- --role ROLE [--org ID] [--sub NAME] [--ttl 12h]`: a signed token for local use.
import { parseArgs } from 'node:util';
import { HubError, USER_ROLES, loadConfig, signToken, verifyToken, type Role } from '@hub/common';
import { jwtSecret } from './secret.js';

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    org: { type: 'string' },
    sub: { type: 'string' },
    ttl: { type: 'string', default: '12h' },
  },
});
const role = values.role?.toUpperCase() as Role | undefined;
if (!role || !(USER_ROLES as readonly Role[]).includes(role)) {
  console.error(`usage: npm run token -- --role ${USER_ROLES.join('|')} [--org ORGANIZATION_ID] [--ttl 12h]`);
  process.exit(2);
}
if ((role === 'OPERATOR' || role === 'HEAD') && !values.org) {
  console.error(`--org is required for ${role}: the organization it acts for`);
  process.exit(2);
}
const config = loadConfig(process.env);
const secret = await jwtSecret(config.jwtSecret, config.dataDir);
const token = await signToken(secret, { sub: values.sub ?? `local-${role.toLowerCase()}`, role, org: values.org ?? null }, values.ttl);
// The hub refuses a token that lives longer than AUTH_MAX_TOKEN_DAYS: print none it would refuse.
try {
  await verifyToken(secret, token, { maxTokenDays: config.maxTokenDays });
} catch (err) {
  if (!(err instanceof HubError)) throw err;
  console.error(`--ttl ${values.ttl}: ${err.message} (AUTH_MAX_TOKEN_DAYS)`);
  process.exit(2);
}
console.log(token);
