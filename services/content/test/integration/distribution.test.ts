import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initOrm, migrate, parsePeriod, queryRows, sql, type Orm } from '@hub/common';
import { createTestDatabase, type TestDatabase } from '@hub/common/testing';
import { organizationsSubgraph, loadDemoOrganizations, type DemoOrganizationRow } from '@hub/organizations';
import { contentSubgraph } from '../../src/server.js';
import { MaterialEntity } from '../../src/entities/material.entity.js';
import { distributedCount, receivedBy, storeRecipients, unusableOrganizations } from '../../src/data/materials.repo.js';

let db: TestDatabase;
let organizations: Orm;
let content: Orm;
const registry: DemoOrganizationRow[] = [];

async function orm(definition: typeof contentSubgraph | typeof organizationsSubgraph): Promise<Orm> {
  const instance = await initOrm({
    databaseUrl: db.url,
    schema: definition.dbSchema,
    entities: definition.entities,
    migrations: definition.migrations,
  });
  await migrate(instance, definition.dbSchema);
  return instance;
}

async function newMaterial(distributedAt: Date | null = null) {
  const em = content.em.fork();
  const m = em.create(MaterialEntity, {
    title: 'Материал',
    body: 'Текст',
    topic: 'SOCIAL',
    status: distributedAt ? 'DISTRIBUTED' : 'APPROVED',
    createdBy: 'test',
    distributedAt,
  });
  await em.flush();
  return m.id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  organizations = await orm(organizationsSubgraph);
  content = await orm(contentSubgraph);
  // A region-sized registry: 3,000 organizations, all but every 30th with a page.
  const head = { fullName: 'Иванов Иван Иванович', position: 'Директор', email: 'head@khv-region.test' };
  for (let i = 0; i < 3000; i++) {
    const kind = i < 40 ? 'EXECUTIVE_BODY' : i < 60 ? 'MUNICIPALITY' : 'SUBORDINATE';
    const parentId = kind === 'SUBORDINATE' ? registry[i % 60]!.id : null;
    registry.push({
      id: randomUUID(),
      name: `Организация ${i}`,
      shortName: null,
      kind,
      parentId,
      inn: null,
      head,
      contactEmail: null,
      registeredAt: new Date('2026-01-01T00:00:00Z'),
      pages:
        i % 30 === 29
          ? []
          : [
              {
                id: randomUUID(),
                platform: 'VK',
                url: `https://vk.com/org${i}`,
                widgetReportProblemAt: null,
                widgetShareOpinionAt: null,
                verified: false,
              },
            ],
    });
  }
  await loadDemoOrganizations(organizations.em.fork(), registry);
}, 120_000);

afterAll(async () => {
  await content?.close(true);
  await organizations?.close(true);
  await db?.drop();
});

describe('distribution against the registry', () => {
  it('sends "everyone" to every active organization with pages, in one statement', async () => {
    const id = await newMaterial();
    const em = content.em.fork();
    expect(await storeRecipients(em, id, { kinds: [], organizationIds: [] })).toBe(2900);
    const [row] = await queryRows<{ count: string }>(
      em,
      sql`select count(*) as count from content.material_recipient where material_id = ${id}`,
    );
    expect(Number(row!.count)).toBe(2900);
  });

  it('sends by kinds and to explicit organizations, each once', async () => {
    const id = await newMaterial();
    const explicit = [registry[100]!.id, registry[0]!.id];
    const count = await storeRecipients(content.em.fork(), id, { kinds: ['EXECUTIVE_BODY', 'MUNICIPALITY'], organizationIds: explicit });
    expect(count).toBe(61); // 60 bodies and municipalities, plus one subordinate; the body named twice counts once
  });

  it('names ids the registry does not know', async () => {
    const ghost = randomUUID();
    expect(await unusableOrganizations(content.em.fork(), [registry[5]!.id, ghost])).toEqual([ghost]);
  });

  it("counts the week's supply and what each organization received in it", async () => {
    const week = parsePeriod('2026-W47', 'Asia/Vladivostok');
    const inside = await newMaterial(new Date('2026-11-18T01:00:00Z'));
    await newMaterial(new Date('2026-11-23T01:00:00Z')); // the next week
    await storeRecipients(content.em.fork(), inside, { kinds: [], organizationIds: [registry[7]!.id] });
    expect(await distributedCount(content.em.fork(), week)).toBe(1);
    const received = await receivedBy(content.em.fork(), [registry[7]!.id, registry[8]!.id], week);
    expect(received.get(registry[7]!.id)?.map((m) => m.id)).toEqual([inside]);
    expect(received.get(registry[8]!.id)).toBeUndefined();
    const log = await queryRows<{ material_id: string }>(
      content.em.fork(),
      sql`select material_id from content.distribution_log where distributed_at >= ${week.start} and distributed_at < ${week.end}`,
    );
    expect(log.map((r) => r.material_id)).toEqual([inside]);
  });
});
