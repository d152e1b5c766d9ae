import type { EntityManager } from '@mikro-orm/postgresql';
import { keysetPage, queryRows, sql, subtreeOf, type KeysetColumn, type Period } from '@hub/common';
import { PlacementEntity, type Placement } from '../entities/placement.entity.js';

export interface DistributedMaterial {
  materialId: string;
  distributedAt: Date;
  withdrawnAt: Date | null;
}

/** Reads the content subgraph's read contract (content.distribution_log) for a batch of materials. */
export async function distributedMaterials(em: EntityManager, ids: readonly string[]): Promise<Map<string, DistributedMaterial>> {
  // Raw rows carry timestamps as text (MikroORM keeps the driver from parsing them).
  const rows = await queryRows<{ material_id: string; distributed_at: string; withdrawn_at: string | null }>(
    em,
    sql`select material_id, distributed_at, withdrawn_at from content.distribution_log where material_id = any(${ids}::uuid[])`,
  );
  return new Map(
    rows.map((r) => [
      r.material_id,
      {
        materialId: r.material_id,
        distributedAt: new Date(r.distributed_at),
        withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at) : null,
      },
    ]),
  );
}

export interface NewPlacement {
  organizationId: string;
  pageId: string;
  materialId: string;
  url: string;
  publishedAt: Date;
  viaGospabliki: boolean;
  reportedBy: string;
  reportedAt: Date;
  /** DISCOVERED when the hub's monitoring found the post on the page (reported as SYSTEM); REPORTED when absent. */
  source?: 'REPORTED' | 'DISCOVERED';
}

/**
 * One multi-row INSERT; a material already counting on a page is left as it was (the first
 * report stands; a withdrawn one does not stand in the way). Returns how many rows were new.
 */
export async function insertPlacements(em: EntityManager, rows: NewPlacement[]): Promise<number> {
  if (!rows.length) return 0;
  // One canonical order of (material, page): two batches overlapping in different orders wait
  // for each other in turn instead of each holding what the other needs (a deadlock).
  const ordered = [...rows].sort((a, b) => compare(a.materialId, b.materialId) || compare(a.pageId, b.pageId));
  const column = <T extends string | boolean | Date>(of: (r: NewPlacement) => T) => ordered.map(of);
  // The unique index is partial (withdrawn placements aside): ON CONFLICT must name its predicate.
  return (
    await queryRows<{ id: string }>(
      em,
      sql`insert into organizations.placement (organization_id, page_id, material_id, url, published_at, via_gospabliki, reported_by, reported_at, source)
        select organization_id, page_id, material_id, url, published_at, via_gospabliki, reported_by, reported_at, source
        from unnest(${column((r) => r.organizationId)}::uuid[], ${column((r) => r.pageId)}::uuid[], ${column((r) => r.materialId)}::uuid[],
                    ${column((r) => r.url)}::text[], ${column((r) => r.publishedAt)}::timestamptz[], ${column((r) => r.viaGospabliki)}::boolean[],
                    ${column((r) => r.reportedBy)}::text[], ${column((r) => r.reportedAt)}::timestamptz[], ${column((r) => r.source ?? 'REPORTED')}::text[])
          with ordinality as r(organization_id, page_id, material_id, url, published_at, via_gospabliki, reported_by, reported_at, source, n)
        order by n
        on conflict (material_id, page_id) where withdrawn_at is null do nothing
        returning id`,
    )
  ).length;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The stored placements for these (material, page) pairs (the counting ones, not those withdrawn). The pairs are joined as two arrays:
 * an `$or` of 500 pairs cost more to build and plan than the batch's insert itself.
 */
export async function placementsFor(em: EntityManager, pairs: { materialId: string; pageId: string }[]): Promise<Placement[]> {
  if (!pairs.length) return [];
  const rows = await queryRows(
    em,
    sql`select p.* from organizations.placement p
        join unnest(${pairs.map((p) => p.materialId)}::uuid[], ${pairs.map((p) => p.pageId)}::uuid[]) as pair(material_id, page_id)
          on p.material_id = pair.material_id and p.page_id = pair.page_id
        where p.withdrawn_at is null`,
  );
  return rows.map((row) => em.map(PlacementEntity, row));
}

/** Distinct materials each organization placed in the period: one GROUP BY over the index. */
export async function distinctPlacedCounts(
  em: EntityManager,
  organizationIds: readonly string[],
  period: Period,
): Promise<Map<string, number>> {
  const rows = await queryRows<{ organization_id: string; count: number }>(
    em,
    sql`select organization_id, count(distinct material_id)::int as count from organizations.placement
        where organization_id = any(${organizationIds}::uuid[]) and published_at >= ${period.start} and published_at < ${period.end}
          and withdrawn_at is null
        group by organization_id`,
  );
  return new Map(rows.map((r) => [r.organization_id, r.count]));
}

/** Placements per material across the region (withdrawn ones aside). */
export async function placementCountsOfMaterials(em: EntityManager, materialIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await queryRows<{ material_id: string; count: number }>(
    em,
    sql`select material_id, count(*)::int as count from organizations.placement
        where material_id = any(${materialIds}::uuid[]) and withdrawn_at is null group by material_id`,
  );
  return new Map(rows.map((r) => [r.material_id, r.count]));
}

/** Newest first: the publication time, then the id. */
export type MaterialPlacementCursor = [publishedAt: string, id: string];

const NEWEST_FIRST: KeysetColumn[] = [
  { by: sql`p.published_at`, key: 'instant', desc: true },
  { by: sql`p.id`, key: 'uuid', desc: true },
];

/** A page of one material's counting placements (within one organization's tree, when given) and their total. */
export async function placementsOfMaterial(
  em: EntityManager,
  materialId: string,
  withinTreeOf: string | null,
  page: { size: number; after: MaterialPlacementCursor | null },
): Promise<{ totalCount: number; rows: Placement[] }> {
  const { totalCount, rows } = await keysetPage(em, {
    select: sql`p.*`,
    from: sql`organizations.placement p`,
    where: sql.and([
      sql`p.material_id = ${materialId}`,
      sql`p.withdrawn_at is null`,
      ...(withinTreeOf ? [sql`p.organization_id in (${subtreeOf(withinTreeOf)})`] : []),
    ]),
    order: NEWEST_FIRST,
    ...page,
  });
  return { totalCount, rows: rows.map((row) => em.map(PlacementEntity, row)) };
}
