import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DIRECTORY,
  containing,
  execSql,
  keysetPage,
  queryRow,
  queryRows,
  sql,
  subtreeOf,
  type KeysetColumn,
  type OrganizationKind,
  type Period,
  type Sql,
} from '@hub/common';
import { MaterialEntity, type AudienceSpec, type Material, type MaterialStatus, type MaterialTopic } from '../entities/material.entity.js';

export interface MaterialFilter {
  status?: MaterialStatus | null;
  topic?: MaterialTopic | null;
  /** Distributed in this period. */
  distributedIn?: Period | null;
  /** Only materials sent to this organization or one below it (scoped roles). */
  receivedWithinTreeOf?: string | null;
  /** Words in the title, the summary or the text. */
  search?: string | null;
}

const NEWEST_FIRST: KeysetColumn[] = [
  { by: sql`m.created_at`, key: 'instant', desc: true },
  { by: sql`m.id`, key: 'uuid', desc: true },
];

/** Materials newest first, keyset-paged on (created_at, id). */
export async function listMaterials(
  em: EntityManager,
  filter: MaterialFilter,
  limit: number,
  after: [string, string] | null,
): Promise<{ rows: Material[]; total: number }> {
  const where: Sql[] = [];
  if (filter.status) where.push(sql`m.status = ${filter.status}`);
  if (filter.topic) where.push(sql`m.topic = ${filter.topic}`);
  if (filter.distributedIn)
    where.push(sql`m.distributed_at >= ${filter.distributedIn.start} and m.distributed_at < ${filter.distributedIn.end}`);
  if (filter.search) {
    const pattern = containing(filter.search);
    where.push(sql`(m.title ilike ${pattern} or m.summary ilike ${pattern} or m.body ilike ${pattern})`);
  }
  if (filter.receivedWithinTreeOf) {
    where.push(sql`exists (
      select 1 from content.material_recipient r
      where r.material_id = m.id and r.organization_id in (${subtreeOf(filter.receivedWithinTreeOf)}))`);
  }
  const { totalCount, rows } = await keysetPage<Record<string, unknown>>(em, {
    select: sql`m.*`,
    from: sql`content.material m`,
    where: sql.and(where),
    order: NEWEST_FIRST,
    after,
    size: limit,
  });
  return { rows: rows.map((row) => em.map(MaterialEntity, row)), total: totalCount };
}

/** Ids among `ids` that the registry does not know, or knows as inactive (liquidated, merged). */
export async function unusableOrganizations(em: EntityManager, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await queryRows<{ id: string }>(em, sql`select id from ${DIRECTORY} where id = any(${ids}::uuid[]) and active`);
  const known = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

/**
 * Resolves the audience against the registry as it is now and stores the recipients, in one
 * INSERT … SELECT: history does not change when the registry does later.
 */
export async function storeRecipients(em: EntityManager, materialId: string, audience: AudienceSpec): Promise<number> {
  return execSql(
    em,
    sql`insert into content.material_recipient (material_id, organization_id)
        select ${materialId}::uuid, d.id from ${DIRECTORY} d where ${inAudience(audience)}
        on conflict do nothing`,
  );
}

/** How many organizations the audience reaches if distributed now: what storeRecipients would store. */
export async function audienceSize(em: EntityManager, audience: AudienceSpec): Promise<number> {
  const row = await queryRow<{ count: number }>(em, sql`select count(*)::int as count from ${DIRECTORY} d where ${inAudience(audience)}`);
  return row?.count ?? 0;
}

/** An active organization of the directory (d) the audience names: by kind, by id, or (both empty) every one with pages. */
function inAudience(audience: AudienceSpec): Sql {
  const everyoneWithPages = audience.kinds.length === 0 && audience.organizationIds.length === 0;
  return sql`d.active and (
    (${everyoneWithPages} and d.has_pages) or d.kind = any(${audience.kinds}::text[]) or d.id = any(${audience.organizationIds}::uuid[])
  )`;
}

export interface RecipientGroupSupply {
  kind: OrganizationKind;
  recipients: number;
  fewest: number;
  most: number;
}

/**
 * The week's supply per kind of recipient (decree 2.2: each recipient gets at least the quota):
 * how many organizations of the kind received anything, and the fewest and most materials one of
 * them received.
 */
export async function supplyByRecipientGroup(em: EntityManager, period: Period): Promise<RecipientGroupSupply[]> {
  return queryRows<RecipientGroupSupply>(
    em,
    sql`select d.kind, count(*)::int as recipients, min(r.received)::int as fewest, max(r.received)::int as most
        from (
          select r.organization_id, count(*) as received
          from content.material_recipient r join content.material m on m.id = r.material_id
          where m.distributed_at >= ${period.start} and m.distributed_at < ${period.end}
          group by r.organization_id
        ) r join ${DIRECTORY} d on d.id = r.organization_id
        group by d.kind order by d.kind`,
  );
}

export async function recipientIds(em: EntityManager, materialId: string, withinTreeOf: string | null): Promise<string[]> {
  const rows = await queryRows<{ organization_id: string }>(
    em,
    sql`select r.organization_id from content.material_recipient r where r.material_id = ${materialId}
          ${withinTreeOf ? sql`and r.organization_id in (${subtreeOf(withinTreeOf)})` : sql.empty}
        order by r.organization_id`,
  );
  return rows.map((r) => r.organization_id);
}

export async function sentWithinTree(em: EntityManager, materialId: string, root: string): Promise<boolean> {
  const row = await queryRow(
    em,
    sql`select 1 from content.material_recipient r where r.material_id = ${materialId} and r.organization_id in (${subtreeOf(root)}) limit 1`,
  );
  return row !== undefined;
}

/** What each of these organizations received in the period, newest first. */
export async function receivedBy(em: EntityManager, organizationIds: readonly string[], period: Period): Promise<Map<string, Material[]>> {
  const rows = await queryRows<Record<string, unknown> & { recipient_id: string }>(
    em,
    sql`select r.organization_id as recipient_id, m.*
        from content.material_recipient r join content.material m on m.id = r.material_id
        where r.organization_id = any(${organizationIds}::uuid[]) and m.distributed_at >= ${period.start} and m.distributed_at < ${period.end}
        order by m.distributed_at desc, m.id desc`,
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
  const row = await queryRow<{ count: number }>(
    em,
    sql`select count(*)::int as count from content.material where distributed_at >= ${period.start} and distributed_at < ${period.end}`,
  );
  return row?.count ?? 0;
}

/**
 * Materials distributed in each of these consecutive periods (oldest first), in one GROUP BY:
 * the periods' own boundaries bucket the rows, so local weeks stay local whatever the offset.
 */
export async function distributedCounts(em: EntityManager, periods: readonly Period[]): Promise<number[]> {
  if (!periods.length) return [];
  const bounds = [...periods.map((p) => p.start), periods.at(-1)!.end];
  const rows = await queryRows<{ bucket: number; count: number }>(
    em,
    sql`select width_bucket(distributed_at, ${bounds}::timestamptz[]) as bucket, count(*)::int as count
        from content.material where distributed_at >= ${periods[0]!.start} and distributed_at < ${periods.at(-1)!.end}
        group by bucket`,
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
  const rows = await queryRows<{ id: string; title: string; distributed_at: string }>(
    em,
    sql`select id, title, distributed_at from content.material
        where distributed_at >= ${since} and withdrawn_at is null and id is distinct from ${exceptId}::uuid
        order by distributed_at desc`,
  );
  return rows.map((r) => ({ id: r.id, title: r.title, distributedAt: new Date(r.distributed_at) }));
}

/** Holds distributions of one title key one at a time, until the transaction ends. */
export async function lockTitle(em: EntityManager, key: string): Promise<void> {
  await execSql(em, sql`select pg_advisory_xact_lock(hashtext(${`content:title:${key}`}))`);
}
