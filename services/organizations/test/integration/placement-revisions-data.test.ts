import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod, queryRows, sql, type Orm } from '@hub/common';
import type { DemoOrganizationRow } from '../../src/data/demo.js';
import { TEST_HEAD as head, registryDatabase, type RegistryDatabase } from '../support/registry-db.js';
import { insertPlacements, placementsFor } from '../../src/data/placements.repo.js';
import { correctStored, withdrawStored } from '../../src/data/placement-revisions.repo.js';

let db: RegistryDatabase;
let orm: Orm;
const TZ = 'Asia/Vladivostok';
const SCHOOL = randomUUID();
const PAGE = randomUUID();
const registry: DemoOrganizationRow[] = [
  {
    id: SCHOOL,
    name: 'Школа',
    shortName: null,
    kind: 'SUBORDINATE',
    parentId: null,
    inn: null,
    head,
    contactEmail: null,
    registeredAt: new Date('2026-01-01T00:00:00Z'),
    pages: [
      { id: PAGE, platform: 'VK', url: 'https://vk.com/club42', widgetReportProblemAt: null, widgetShareOpinionAt: null, verified: false },
    ],
  },
];
const W47 = parsePeriod('2026-W47', TZ);
const W48 = parsePeriod('2026-W48', TZ);
const REPORTED = new Date('2026-11-27T00:00:00Z');

const report = (materialId: string, publishedAt: Date) =>
  orm.em.fork().transactional((em) =>
    insertPlacements(em, [
      {
        pageId: PAGE,
        organizationId: SCHOOL,
        materialId,
        url: 'https://vk.com/wall-42_1',
        publishedAt,
        viaGospabliki: false,
        reportedBy: 'test',
        reportedAt: REPORTED,
      },
    ]),
  );
const stored = async (materialId: string) => (await placementsFor(orm.em.fork(), [{ materialId, pageId: PAGE }]))[0];
const lastReport = async (week: { start: Date; end: Date }) =>
  (await queryRows<{ at: string | null }>(orm.em.fork(), sql`select organizations.last_report(${week.start}, ${week.end}) as at`))[0]!.at;
const placed = async (week: { start: Date; end: Date }) =>
  (
    await queryRows<{ materials_placed: number }>(
      orm.em.fork(),
      sql`select materials_placed from organizations.placement_counts(${week.start}, ${week.end}, ${[SCHOOL]}::uuid[])`,
    )
  )[0]!.materials_placed;
const lastReportedOfPeriodCounts = async (week: { start: Date; end: Date }) =>
  (
    await queryRows<{ last_reported_at: string | null }>(
      orm.em.fork(),
      sql`select last_reported_at from organizations.period_counts(${week.start}, ${week.end}) where organization_id = ${SCHOOL}`,
    )
  )[0]!.last_reported_at;
const instant = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

beforeAll(async () => {
  db = await registryDatabase(registry);
  orm = db.orm;
});
afterAll(() => db?.close());

describe('a page registered by number', () => {
  it('stores its VK community id', async () => {
    const [row] = await queryRows<{ platform_id: string | null }>(
      orm.em.fork(),
      sql`select platform_id from organizations.official_page where id = ${PAGE}`,
    );
    expect(row!.platform_id).toBe('42');
  });
});

describe('a corrected placement', () => {
  it("moves to the week of its new time, and both weeks' latest change is the correction", async () => {
    const material = randomUUID();
    await report(material, new Date('2026-11-24T03:00:00Z'));
    const counts = [await placed(W47), await placed(W48)];
    const at = new Date('2026-12-02T01:00:00Z');
    const corrected = await orm.em.fork().transactional(async (em) => {
      const id = (await stored(material))!.id;
      return correctStored(em, id, { url: 'https://vk.com/wall-42_2', publishedAt: new Date('2026-11-18T03:00:00Z') }, { by: 'test', at });
    });
    expect(corrected).toMatchObject({ url: 'https://vk.com/wall-42_2', publishedAt: new Date('2026-11-18T03:00:00Z') });
    expect([await placed(W47), await placed(W48)]).toEqual([counts[0]! + 1, counts[1]! - 1]);
    expect(instant(await lastReport(W47))).toBe(at.toISOString());
    expect(instant(await lastReport(W48))).toBe(at.toISOString());
    expect(instant(await lastReportedOfPeriodCounts(W48))).toBe(at.toISOString());
  });
});

describe('a withdrawn placement', () => {
  it("counts nowhere, stays stored, moves its week's latest change, and may be reported again", async () => {
    const material = randomUUID();
    await report(material, new Date('2026-11-25T03:00:00Z'));
    const before = await placed(W48);
    const id = (await stored(material))!.id;
    const at = new Date('2026-12-03T01:00:00Z');
    const withdrawn = await orm.em.fork().transactional((em) => withdrawStored(em, id, 'Ошибка', { by: 'test', at }));
    expect(withdrawn).toMatchObject({ id, withdrawnAt: at, withdrawnBy: 'test', withdrawalReason: 'Ошибка' });
    expect(await placed(W48)).toBe(before - 1);
    expect(await stored(material)).toBeUndefined();
    expect(instant(await lastReport(W48))).toBe(at.toISOString());
    expect(await orm.em.fork().transactional((em) => withdrawStored(em, id, 'Ещё раз', { by: 'test', at }))).toBeNull();
    expect(
      await orm.em
        .fork()
        .transactional((em) => correctStored(em, id, { url: 'https://vk.com/wall-42_3', publishedAt: at }, { by: 'test', at })),
    ).toBeNull();

    expect(await report(material, new Date('2026-11-25T03:00:00Z'))).toBe(1);
    expect(await placed(W48)).toBe(before);
    const rows = await queryRows(orm.em.fork(), sql`select 1 from organizations.placement where material_id = ${material}`);
    expect(rows).toHaveLength(2);
  });
});
