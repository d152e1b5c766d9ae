// `tsx infra/src/seed-cli.ts`: migrations of every schema and the demo region (HUB_SEED=demo) on an
// empty database, then exit. docker-compose runs it once before the services start.
import { createLogger, initOrm, loadConfig, migrate, required } from '@hub/common';
import { organizationsSubgraph } from '@hub/organizations';
import { contentSubgraph } from '@hub/content';
import { complianceSubgraph } from '@hub/compliance';
import { seedDemoRegion } from './seed.js';

const config = loadConfig(process.env);
const logger = createLogger('seed', config.logLevel);
const databaseUrl = required(config.databaseUrl, 'DATABASE_URL');

const orms = [];
try {
  for (const definition of [organizationsSubgraph, contentSubgraph, complianceSubgraph]) {
    const orm = await initOrm({
      databaseUrl,
      schema: definition.dbSchema,
      entities: definition.entities,
      migrations: definition.migrations,
    });
    orms.push(orm);
    await migrate(orm, definition.dbSchema);
    logger.info({ schema: definition.dbSchema }, 'migrated');
  }
  if (config.seed === 'demo') {
    const seeded = await seedDemoRegion({ organizations: orms[0]!.em.fork(), content: orms[1]!.em.fork() }, new Date(), config.timezone);
    logger.info({ seeded }, 'demo region');
  }
} finally {
  for (const orm of orms) await orm.close(true);
}
