import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initOrm, migrate, parsePeriod, type Orm } from '@hub/common';
import { createTestDatabase, type TestDatabase } from '@hub/common/testing';
import { contentSubgraph, loadDemoMaterials, type DemoMaterialRow } from '@hub/content';
import { organizationsSubgraph } from '../../src/server.js';
import { loadDemoOrganizations, type DemoOrganizationRow } from '../../src/data/demo.js';
import { insertPlacements, type NewPlacement } from '../../src/data/placements.repo.js';
import { materialUptake } from '../../src/data/uptake.repo.js';
import { leastPickedUpMaterials, uptakeByTopic } from '@hub/common';

let db: TestDatabase;
let organizations: Orm;
let content: Orm;
const week = parsePeriod('2026-W48', 'Asia/Vladivostok');

const head = { fullName: 'Иванов Иван Иванович', position: 'Директор', email: 'h@khv-region.test' };
const ids = { body: randomUUID(), school: randomUUID(), district: randomUUID(), library: randomUUID() };
const pages = { bodyVk: randomUUID(), bodyTg: randomUUID(), school: randomUUID(), district: randomUUID(), library: randomUUID() };
const org = (
  id: string,
  name: string,
  kind: DemoOrganizationRow['kind'],
  parentId: string | null,
  pageIds: string[],
): DemoOrganizationRow => ({
  id,
  name,
  shortName: null,
  kind,
  parentId,
  inn: null,
  head,
  contactEmail: null,
  registeredAt: new Date('2026-01-01T00:00:00Z'),
  pages: pageIds.map((pageId, i) => ({
    id: pageId,
    platform: i ? 'TELEGRAM' : 'VK',
    url: i ? `https://t.me/p${pageId.slice(0, 8)}` : `https://vk.com/p${pageId.slice(0, 8)}`,
    widgetReportProblemAt: null,
    widgetShareOpinionAt: null,
    verified: false,
  })),
});
const registry = [
  org(ids.body, 'Министерство', 'EXECUTIVE_BODY', null, [pages.bodyVk, pages.bodyTg]),
  org(ids.school, 'Школа', 'SUBORDINATE', ids.body, [pages.school]),
  org(ids.district, 'Район', 'MUNICIPALITY', null, [pages.district]),
  org(ids.library, 'Библиотека', 'SUBORDINATE', ids.district, [pages.library]),
];

const m = { a: randomUUID(), b: randomUUID(), c: randomUUID(), lastWeek: randomUUID(), nextWeek: randomUUID() };
const sent = (id: string, topic: DemoMaterialRow['topic'], distributedAt: string, to: string[]): DemoMaterialRow => ({
  id,
  title: `Материал ${id.slice(0, 4)}`,
  summary: null,
  body: 'Текст',
  topic,
  status: 'DISTRIBUTED',
  hashtags: [],
  mediaLinks: [],
  windowUntil: null,
  createdBy: 'test',
  createdAt: new Date('2026-11-01T00:00:00Z'),
  approvedAt: new Date('2026-11-01T00:00:00Z'),
  distributedAt: new Date(distributedAt),
  audience: { kinds: [], organizationIds: to },
  withdrawnAt: null,
  withdrawalReason: null,
});
const everyone = Object.values(ids);

const placement = (materialId: string, pageId: string, organizationId: string, publishedAt = '2026-11-26T00:00:00Z'): NewPlacement => ({
  materialId,
  pageId,
  organizationId,
  url: `https://vk.com/wall-1_${Math.floor(Math.random() * 1e9)}`,
  publishedAt: new Date(publishedAt),
  viaGospabliki: false,
  reportedBy: 'test',
  reportedAt: new Date('2026-11-27T00:00:00Z'),
});

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

beforeAll(async () => {
  db = await createTestDatabase();
  organizations = await orm(organizationsSubgraph);
  content = await orm(contentSubgraph);
  await loadDemoOrganizations(organizations.em.fork(), registry);
  await loadDemoMaterials(content.em.fork(), [
    sent(m.a, 'SOCIAL', '2026-11-23T01:00:00Z', everyone),
    sent(m.b, 'SOCIAL', '2026-11-24T01:00:00Z', [ids.body, ids.school]),
    sent(m.c, 'CULTURE', '2026-11-25T01:00:00Z', [ids.district, ids.library]),
    sent(m.lastWeek, 'SPORT', '2026-11-22T13:59:59Z', everyone), // Sunday 23:59:59 local: week 47
    sent(m.nextWeek, 'SPORT', '2026-11-29T14:00:00Z', everyone), // Monday 00:00 local: week 49
  ]);
  await organizations.em.fork().transactional((em) =>
    insertPlacements(em, [
      // The body placed A on both its pages: one recipient that placed it.
      placement(m.a, pages.bodyVk, ids.body),
      placement(m.a, pages.bodyTg, ids.body),
      placement(m.a, pages.school, ids.school),
      placement(m.a, pages.district, ids.district),
      // The district was not sent B: its placement is no recipient's.
      placement(m.b, pages.district, ids.district),
      placement(m.c, pages.district, ids.district),
      // Placed in the next week, still placed.
      placement(m.c, pages.library, ids.library, '2026-11-30T02:00:00Z'),
      placement(m.lastWeek, pages.school, ids.school),
    ]),
  );
}, 90_000);

afterAll(async () => {
  await content?.close(true);
  await organizations?.close(true);
  await db?.drop();
});

const summary = (rows: Awaited<ReturnType<typeof materialUptake>>) =>
  leastPickedUpMaterials(rows).map((r) => ({ id: r.materialId, recipients: r.recipients, placedBy: r.placedBy }));

describe('content uptake of a week', () => {
  it("counts each material's recipients and those that placed it, for the whole region", async () => {
    expect(summary(await materialUptake(organizations.em.fork(), week, null))).toEqual([
      { id: m.b, recipients: 2, placedBy: 0 },
      { id: m.a, recipients: 4, placedBy: 3 },
      { id: m.c, recipients: 2, placedBy: 2 },
    ]);
  });

  it('counts only the recipients in a tree, leaving out what the tree did not receive', async () => {
    expect(summary(await materialUptake(organizations.em.fork(), week, ids.body))).toEqual([
      { id: m.b, recipients: 2, placedBy: 0 },
      { id: m.a, recipients: 2, placedBy: 2 },
    ]);
    expect(summary(await materialUptake(organizations.em.fork(), week, ids.district))).toEqual([
      { id: m.a, recipients: 2, placedBy: 1 },
      { id: m.c, recipients: 2, placedBy: 2 },
    ]);
    expect(summary(await materialUptake(organizations.em.fork(), week, ids.library))).toEqual([
      { id: m.a, recipients: 1, placedBy: 0 },
      { id: m.c, recipients: 1, placedBy: 1 },
    ]);
  });

  it('sums the same rows by topic, agreeing with the materials', async () => {
    const rows = await materialUptake(organizations.em.fork(), week, null);
    const topics = uptakeByTopic(rows);
    expect(topics).toEqual([
      { topic: 'SOCIAL', materials: 2, recipients: 6, placedBy: 3 },
      { topic: 'CULTURE', materials: 1, recipients: 2, placedBy: 2 },
    ]);
    const sum = (list: { recipients: number; placedBy: number }[]) =>
      list.reduce((s, r) => [s[0]! + r.recipients, s[1]! + r.placedBy], [0, 0]);
    expect(sum(topics)).toEqual(sum(rows));
  });
});
