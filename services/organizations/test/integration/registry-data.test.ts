import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initOrm, migrate, queryRows, sql, type Orm } from '@hub/common';
import { createTestDatabase, type TestDatabase } from '@hub/common/testing';
import { organizationsSubgraph } from '../../src/server.js';
import { loadDemoOrganizations, type DemoOrganizationRow } from '../../src/data/demo.js';
import { ancestorChains } from '@hub/common';
import { listOrganizations } from '../../src/data/organizations.repo.js';

let db: TestDatabase;
let orm: Orm;

const MINISTRY = '11111111-1111-4111-8111-111111111111';
const LIBRARY = '22222222-2222-4222-8222-222222222222';
const DISTRICT = '33333333-3333-4333-8333-333333333333';
const person = (n: string) => ({ fullName: `Руководитель ${n}`, position: 'Руководитель', email: `${n}@khv-region.test` });
const page = (id: string, url: string) => ({
  id,
  platform: 'VK' as const,
  url,
  verified: true,
  widgetReportProblemAt: new Date('2023-06-01T00:00:00Z'),
  widgetShareOpinionAt: null,
});
const region: DemoOrganizationRow[] = [
  {
    id: MINISTRY,
    name: 'Министерство культуры Хабаровского края',
    shortName: 'Минкультуры',
    kind: 'EXECUTIVE_BODY',
    parentId: null,
    inn: null,
    head: person('minkult'),
    contactEmail: null,
    registeredAt: new Date('2026-08-29T00:00:00Z'),
    pages: [page('44444444-4444-4444-8444-444444444444', 'https://vk.com/minkult27')],
  },
  {
    id: DISTRICT,
    name: 'Бикинский муниципальный округ',
    shortName: null,
    kind: 'MUNICIPALITY',
    parentId: null,
    inn: null,
    head: person('bikin'),
    contactEmail: null,
    registeredAt: new Date('2026-08-29T00:00:00Z'),
    pages: [],
  },
  {
    id: LIBRARY,
    name: 'КГБУК «Краевая библиотека»',
    shortName: null,
    kind: 'SUBORDINATE',
    parentId: MINISTRY,
    inn: null,
    head: person('lib'),
    contactEmail: null,
    registeredAt: new Date('2026-08-29T00:00:00Z'),
    pages: [page('55555555-5555-4555-8555-555555555555', 'https://www.vk.com/KrayLib/')],
  },
];

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await initOrm({
    databaseUrl: db.url,
    schema: organizationsSubgraph.dbSchema,
    entities: organizationsSubgraph.entities,
    migrations: organizationsSubgraph.migrations,
  });
  await migrate(orm, organizationsSubgraph.dbSchema);
});

afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

describe('organizations schema', () => {
  it('runs its checked-in migrations once, in its own schema', async () => {
    await migrate(orm, organizationsSubgraph.dbSchema);
    const rows = await orm.em.getConnection().execute<{ name: string }[]>('select name from organizations.mikro_orm_migrations');
    expect(rows.map((r) => r.name)).toEqual([
      'Migration20261128Registry',
      'Migration20261128Directory',
      'Migration20261128Placements',
      'Migration20261128WidgetGap',
      'Migration20261128MailDirectory',
      'Migration20261201UptakeIndexes',
      'Migration20261202PlacementCounts',
      'Migration20261203LastReport',
      'Migration20261205PlacementCorrections',
      'Migration20261206MaterialUptake',
      'Migration20261207InputHygiene',
      'Migration20261208PageDirectory',
      'Migration20261209PlacementSource',
      'Migration20261210PlacementDirectory',
      'Migration20261214People',
      'Migration20261215PersonDirectory',
      'Migration20261202AuditLog',
    ]);
    const tables = await orm.em
      .getConnection()
      .execute<{ table_name: string }[]>(
        "select table_name from information_schema.tables where table_schema = 'organizations' and table_type = 'BASE TABLE' order by 1",
      );
    expect(tables.map((t) => t.table_name)).toEqual([
      'media_publication',
      'mikro_orm_migrations',
      'official_page',
      'organization',
      'person',
      'placement',
      'placement_revision',
    ]);
  });

  it('loads the demo registry into an empty schema once, with normalized page URLs', async () => {
    expect(await loadDemoOrganizations(orm.em.fork(), region)).toBe(true);
    expect(await loadDemoOrganizations(orm.em.fork(), region)).toBe(false);
    const pages = await queryRows(orm.em.fork(), sql`select normalized_url, created_by from organizations.official_page order by 1`);
    expect(pages).toEqual([
      { normalized_url: 'https://vk.com/kraylib', created_by: 'demo-seed' },
      { normalized_url: 'https://vk.com/minkult27', created_by: 'demo-seed' },
    ]);
  });

  it('walks each organization up to the top in one query', async () => {
    const chains = await ancestorChains(orm.em.fork(), [LIBRARY, MINISTRY]);
    expect(chains.get(LIBRARY)).toEqual([LIBRARY, MINISTRY]);
    expect(chains.get(MINISTRY)).toEqual([MINISTRY]);
  });

  it('searches names case-insensitively in Russian and keeps a scoped role to its tree', async () => {
    const em = orm.em.fork();
    const found = await listOrganizations(em, { search: 'МИНИСТЕРСТВО культуры', includeInactive: false }, 10, null);
    expect(found.rows.map((o) => o.id)).toEqual([MINISTRY]);
    const scoped = await listOrganizations(em, { includeInactive: false, withinTreeOf: MINISTRY }, 10, null);
    expect(scoped.rows.map((o) => o.id).sort()).toEqual([LIBRARY, MINISTRY].sort());
    expect(scoped.total).toBe(2);
  });

  it('pages by name with a keyset cursor', async () => {
    const em = orm.em.fork();
    const first = await listOrganizations(em, { includeInactive: false }, 1, null);
    expect(first.rows).toHaveLength(2);
    const last = first.rows[0]!;
    const next = await listOrganizations(em, { includeInactive: false }, 5, [last.name, last.id]);
    expect(next.rows.map((o) => o.name)).toEqual(['КГБУК «Краевая библиотека»', 'Министерство культуры Хабаровского края']);
  });
});
