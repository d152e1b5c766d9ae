import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, createSubgraphServer, freePort, initOrm, migrate, systemClock, type HttpService, type Orm } from '@hub/common';
import { TEST_JWT_SECRET, asGateway, createTestDatabase, errorCodes, gql, tokenFor, type TestDatabase } from '@hub/common/testing';
import { contentSubgraph } from '../../src/server.js';

// CONTENT_FOUR_EYES reaches approveMaterial through the subgraph's runtime: on by default, off when configured so.
let db: TestDatabase;
let orm: Orm;
const services: HttpService[] = [];

async function subgraph(contentFourEyes: boolean | undefined): Promise<string> {
  const service = await createSubgraphServer(contentSubgraph, orm, {
    jwtSecret: TEST_JWT_SECRET,
    production: false,
    logger: createLogger('content', 'silent'),
    clock: systemClock,
    timezone: 'Asia/Vladivostok',
    publicUrl: 'http://localhost',
    contentFourEyes,
  });
  services.push(service);
  return `${await service.listen(await freePort(), '127.0.0.1')}/graphql`;
}

const CREATE = 'mutation($input: CreateMaterialInput!) { createMaterial(input: $input) { id } }';
const APPROVE = 'mutation($id: ID!) { approveMaterial(id: $id) { status approvedBy } }';

async function selfApproval(url: string, title: string) {
  const editor = await tokenFor('EDITOR');
  // Straight to the subgraph, as the gateway calls it.
  const created = await gql<{ createMaterial: { id: string } }>(
    url,
    CREATE,
    { input: { title, body: 'Текст о событии в крае.', topic: 'SOCIAL' } },
    editor,
    await asGateway(),
  );
  return gql<{ approveMaterial: { status: string; approvedBy: string | null } }>(
    url,
    APPROVE,
    { id: created.data!.createMaterial.id },
    editor,
    await asGateway(),
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await initOrm({
    databaseUrl: db.url,
    schema: contentSubgraph.dbSchema,
    entities: contentSubgraph.entities,
    migrations: contentSubgraph.migrations,
  });
  await migrate(orm, contentSubgraph.dbSchema);
});
afterAll(async () => {
  for (const service of services) await service.stop();
  await orm?.close(true);
  await db?.drop();
});

describe('four eyes on materials', () => {
  it('refuses an author approving its own material unless configured off', async () => {
    const refused = await selfApproval(await subgraph(undefined), 'Краевой форум волонтёров открылся');
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors![0]!.message).toContain('its author cannot approve it');

    const allowed = await selfApproval(await subgraph(false), 'Краевой форум волонтёров закрылся');
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.approveMaterial).toEqual({ status: 'APPROVED', approvedBy: 'test-editor' });
  });
});
