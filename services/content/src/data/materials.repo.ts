import type { EntityManager } from '@mikro-orm/postgresql';
import { DIRECTORY, SUBTREE_SQL, pgArray, runSql, type OrganizationKind, type Period } from '@hub/common';
import { MaterialEntity, type AudienceSpec, type Material, type MaterialStatus, type MaterialTopic } from '../entities/material.entity.js';

export const SCHEMA = 'content';

export interface MaterialFilter {
  status?: MaterialStatus | null;
  topic?: MaterialTopic | null;
  /** Distributed in this period. */
  distributedIn?: Period | null;
  /** Only materials sent to this organization or one below it (scoped roles). */
  receivedWithinTreeOf?: string | null;
}

/** Materials newest first, keyset-paged on (created_at, id). */
export async function listMaterials(
  em: EntityManager,
  filter: MaterialFilter,
  limit: number,
  after: [string, string] | null,
): Promise<{ rows: Material[]; total: number }> {
  const knex = em.getKnex();
  const query = knex(`${SCHEMA}.material as m`);
  if (filter.status) query.where('m.status', filter.status);
  if (filter.topic) query.where('m.topic', filter.topic);
  if (filter.distributedIn) {
    query.where('m.distributed_at', '>=', filter.distributedIn.start).andWhere('m.distributed_at', '<', filter.distributedIn.end);
  }
  if (filter.receivedWithinTreeOf) {
    query.whereRaw(
      `exists (select 1 from ${SCHEMA}.material_recipient r where r.material_id = m.id and r.organization_id in (${SUBTREE_SQL}))`,
      [filter.receivedWithinTreeOf],
    );
  }
  const [{ count }] = (await query.clone().count({ count: '*' })) as [{ count: string }];
  const page = query.clone().select('m.*').orderBy([{ column: 'm.created_at', order: 'desc' }, { column: 'm.id', order: 'desc' }]).limit(limit + 1);
  if (after) page.whereRaw('(m.created_at, m.id) < (?::timestamptz, ?::uuid)', after);
  const rows = await page;
  return { rows: rows.map((row) => em.map(MaterialEntity, row)), total: Number(count) };
}

/** Ids among `ids` that the registry does not know, or knows as inactive (liquidated, merged). */
export async function unusableOrganizations(em: EntityManager, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await runSql<{ id: string }[]>(em,
    `select id from ${DIRECTORY} where id = any(?::uuid[]) and active`,
    [pgArray(ids)],
  );
  const known = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

/**
 * Resolves the audience against the registry as it is now and stores the recipients, in one
 * INSERT … SELECT: history does not change when the registry does later.
 */
export async function storeRecipients(em: EntityManager, materialId: string, audience: AudienceSpec): Promise<number> {
  const everyoneWithPages = audience.kinds.length === 0 && audience.organizationIds.length === 0;
  const result = await runSql<{ affectedRows: number }>(
    em,
    `insert into ${SCHEMA}.material_recipient (material_id, organization_id)
     select ?::uuid, d.id from ${DIRECTORY} d
     where d.active and (
       (? and d.has_pages) or d.kind = any(?::text[]) or d.id = any(?::uuid[])
     )
     on conflict do nothing`,
    [materialId, everyoneWithPages, pgArray(audience.kinds), pgArray(audience.organizationIds)],
    'run',
  );
  return result.affectedRows;
}

export async function recipientIds(em: EntityManager, materialId: string, withinTreeOf: string | null): Promise<string[]> {
  const scope = withinTreeOf ? `and r.organization_id in (${SUBTREE_SQL})` : '';
  const rows = await runSql<{ organization_id: string }[]>(em,
    `select r.organization_id from ${SCHEMA}.material_recipient r where r.material_id = ? ${scope} order by r.organization_id`,
    withinTreeOf ? [materialId, withinTreeOf] : [materialId],
  );
  return rows.map((r) => r.organization_id);
}

export async function sentWithinTree(em: EntityManager, materialId: string, root: string): Promise<boolean> {
  const rows = await runSql<unknown[]>(
    em,
    `select 1 from ${SCHEMA}.material_recipient r where r.material_id = ? and r.organization_id in (${SUBTREE_SQL}) limit 1`,
    [materialId, root],
  );
  return rows.length > 0;
}

/** What each of these organizations received in the period, newest first. */
export async function receivedBy(
  em: EntityManager,
  organizationIds: readonly string[],
  period: Period,
): Promise<Map<string, Material[]>> {
  const rows = await runSql<(Record<string, unknown> & { recipient_id: string })[]>(em,
    `select r.organization_id as recipient_id, m.*
     from ${SCHEMA}.material_recipient r join ${SCHEMA}.material m on m.id = r.material_id
     where r.organization_id = any(?::uuid[]) and m.distributed_at >= ? and m.distributed_at < ?
     order by m.distributed_at desc, m.id desc`,
    [pgArray(organizationIds), period.start, period.end],
  );
  const byOrganization = new Map<string, Material[]>();
  for (const { recipient_id, ...row } of rows) {
    const list = byOrganization.get(recipient_id) ?? [];
    list.push(em.map(MaterialEntity, row));
    byOrganization.set(recipient_id, list);
  }
  return byOrganization;
}

export async function distributedCount(em: EntityManager, period: Period): Promise<number> {
  const [row] = await runSql<{ count: string }[]>(em,
    `select count(*) as count from ${SCHEMA}.material where distributed_at >= ? and distributed_at < ?`,
    [period.start, period.end],
  );
  return Number(row?.count ?? 0);
}

/**
 * Materials distributed in each of these consecutive periods (oldest first), in one GROUP BY:
 * the periods' own boundaries bucket the rows, so local weeks stay local whatever the offset.
 */
export async function distributedCounts(em: EntityManager, periods: readonly Period[]): Promise<number[]> {
  if (!periods.length) return [];
  const bounds = [...periods.map((p) => p.start), periods.at(-1)!.end].map((d) => d.toISOString());
  const rows = await runSql<{ bucket: number; count: number }[]>(em,
    `select width_bucket(distributed_at, ?::timestamptz[]) as bucket, count(*)::int as count
     from ${SCHEMA}.material where distributed_at >= ? and distributed_at < ?
     group by bucket`,
    [pgArray(bounds), periods[0]!.start, periods.at(-1)!.end],
  );
  const byBucket = new Map(rows.map((r) => [r.bucket, r.count]));
  return periods.map((_, i) => byBucket.get(i + 1) ?? 0);
}

export type { OrganizationKind };

/** Titles of the materials distributed since `since` and not withdrawn, other than `exceptId`, newest first. */
export async function recentlyDistributedTitles(
  em: EntityManager,
  since: Date,
  exceptId: string | null,
): Promise<{ id: string; title: string; distributedAt: Date }[]> {
  const rows = await runSql<{ id: string; title: string; distributed_at: Date }[]>(em,
    `select id, title, distributed_at from ${SCHEMA}.material
     where distributed_at >= ? and withdrawn_at is null and id is distinct from ?::uuid
     order by distributed_at desc`,
    [since, exceptId],
  );
  return rows.map((r) => ({ id: r.id, title: r.title, distributedAt: new Date(r.distributed_at) }));
}

/** Holds distributions of one title key one at a time, until the transaction ends. */
export async function lockTitle(em: EntityManager, key: string): Promise<void> {
  await runSql(em, 'select pg_advisory_xact_lock(hashtext(?))', [`content:title:${key}`]);
}
