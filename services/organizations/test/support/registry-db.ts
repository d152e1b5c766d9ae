import { initOrm, migrate, type Orm } from '@hub/common';
import { createTestDatabase } from '@hub/common/testing';
import { organizationsSubgraph } from '../../src/server.js';
import { loadDemoOrganizations, type DemoOrganizationRow } from '../../src/data/demo.js';

export interface RegistryDatabase {
  orm: Orm;
  close(): Promise<void>;
}

/** A database of its own with the organizations schema migrated and this registry loaded, for the data tests. */
export async function registryDatabase(registry: DemoOrganizationRow[]): Promise<RegistryDatabase> {
  const db = await createTestDatabase();
  const orm = await initOrm({
    databaseUrl: db.url,
    schema: 'organizations',
    entities: organizationsSubgraph.entities,
    migrations: organizationsSubgraph.migrations,
  });
  await migrate(orm, 'organizations');
  await loadDemoOrganizations(orm.em.fork(), registry);
  return {
    orm,
    close: async () => {
      await orm.close(true);
      await db.drop();
    },
  };
}

export const TEST_HEAD = { fullName: 'Иванов Иван Иванович', position: 'Директор', email: 'h@khv-region.test' };
