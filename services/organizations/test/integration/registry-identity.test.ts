import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initOrm, migrate, type Orm } from '@hub/common';
import { createTestDatabase, type TestDatabase } from '@hub/common/testing';
import type { EntityManager } from '@mikro-orm/postgresql';
import { organizationsSubgraph } from '../../src/server.js';
import { OrganizationEntity } from '../../src/entities/organization.entity.js';
import { identityHolder } from '../../src/data/registry-identity.repo.js';

let db: TestDatabase;
let orm: Orm;
const em = () => orm.em.fork() as EntityManager;

const MINISTRY = '11111111-1111-4111-8111-111111111111';
const CLOSED = '22222222-2222-4222-8222-222222222222';
const head = { headFullName: 'Иванов Иван Иванович', headPosition: 'Министр', headEmail: 'ivanov@khv-region.test' };

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await initOrm({
    databaseUrl: db.url,
    schema: organizationsSubgraph.dbSchema,
    entities: organizationsSubgraph.entities,
    migrations: organizationsSubgraph.migrations,
  });
  await migrate(orm, organizationsSubgraph.dbSchema);
  const seed = em();
  seed.create(OrganizationEntity, {
    id: MINISTRY,
    name: 'Министерство культуры Хабаровского края',
    kind: 'EXECUTIVE_BODY',
    inn: '2721000000',
    ...head,
    createdBy: 'test',
  });
  seed.create(OrganizationEntity, {
    id: CLOSED,
    name: 'КГБУ «Старая библиотека»',
    kind: 'EXECUTIVE_BODY',
    inn: '7707083893',
    active: false,
    ...head,
    createdBy: 'test',
  });
  await seed.flush();
});

afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

describe('who already holds a name or an INN, in one statement', () => {
  it('finds an active organization by its name, case and spacing aside', async () => {
    expect(await identityHolder(em(), { name: '  министерство   КУЛЬТУРЫ хабаровского края' }, null)).toMatchObject({
      id: MINISTRY,
      byInn: false,
    });
  });

  it('finds the holder of an INN, inactive ones too, before a name clash', async () => {
    expect(await identityHolder(em(), { inn: '7707083893' }, null)).toMatchObject({ id: CLOSED, byInn: true });
    expect(await identityHolder(em(), { name: 'Министерство культуры Хабаровского края', inn: '7707083893' }, null)).toMatchObject({
      id: CLOSED,
      byInn: true,
    });
  });

  it("lets a liquidated organization's name pass to a new one, and an organization keep its own", async () => {
    expect(await identityHolder(em(), { name: 'КГБУ «Старая библиотека»' }, null)).toBeNull();
    expect(await identityHolder(em(), { name: 'Министерство культуры Хабаровского края', inn: '2721000000' }, MINISTRY)).toBeNull();
    expect(await identityHolder(em(), { name: 'Министерство спорта Хабаровского края' }, null)).toBeNull();
  });
});
