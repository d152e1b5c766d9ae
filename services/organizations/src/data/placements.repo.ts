import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, runSql, type Period } from '@hub/common';
import { PlacementEntity, type Placement } from '../entities/placement.entity.js';

export interface DistributedMaterial {
  materialId: string;
  distributedAt: Date;
  withdrawnAt: Date | null;
}

/** Reads the content subgraph's read contract (content.distribution_log) for a batch of materials. */
export async function distributedMaterials(em: EntityManager, ids: readonly string[]): Promise<Map<string, DistributedMaterial>> {
  // Raw rows carry timestamps as text (MikroORM keeps the driver from parsing them).
  const rows = await runSql<{ material_id: string; distributed_at: string; withdrawn_at: string | null }[]>(
    em,
    'select material_id, distributed_at, withdrawn_at from content.distribution_log where material_id = any(?::uuid[])',
    [pgArray(ids)],
  );
  return new Map(
    rows.map((r) => [
      r.material_id,
      { materialId: r.material_id, distributedAt: new Date(r.distributed_at), withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at) : null },
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
}

/**
 * One multi-row INSERT; a material already counting on a page is left as it was (the first
 * report stands; a withdrawn one does not stand in the way). Returns how many rows were new.
 */
export async function insertPlacements(em: EntityManager, rows: NewPlacement[]): Promise<number> {
  if (!rows.length) return 0;
  const knex = em.getKnex();
  // One canonical order of (material, page): two batches overlapping in different orders wait
  // for each other in turn instead of each holding what the other needs (a deadlock).
  const ordered = [...rows].sort((a, b) => compare(a.materialId, b.materialId) || compare(a.pageId, b.pageId));
  const query = knex('organizations.placement')
    .insert(
      ordered.map((r) => ({
        organization_id: r.organizationId,
        page_id: r.pageId,
        material_id: r.materialId,
        url: r.url,
        published_at: r.publishedAt,
        via_gospabliki: r.viaGospabliki,
        reported_by: r.reportedBy,
        reported_at: r.reportedAt,
      })),
    )
    // The unique index is partial (withdrawn placements aside): ON CONFLICT must name its predicate.
    .onConflict(knex.raw('(material_id, page_id) where withdrawn_at is null'))
    .ignore()
    .returning('id');
  const tx = em.getTransactionContext();
  const inserted = await (tx ? query.transacting(tx) : query);
  return inserted.length;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The stored placements for these (material, page) pairs (the counting ones, not those withdrawn). The pairs are joined as two arrays:
 * an `$or` of 500 pairs cost more to build and plan than the batch's insert itself.
 */
export async function placementsFor(em: EntityManager, pairs: { materialId: string; pageId: string }[]): Promise<Placement[]> {
  if (!pairs.length) return [];
  const rows = await runSql<Record<string, unknown>[]>(
    em,
    `select p.* from organizations.placement p
     join unnest(?::uuid[], ?::uuid[]) as pair(material_id, page_id) on p.material_id = pair.material_id and p.page_id = pair.page_id
     where p.withdrawn_at is null`,
    [pgArray(pairs.map((p) => p.materialId)), pgArray(pairs.map((p) => p.pageId))],
  );
  return rows.map((row) => em.map(PlacementEntity, row));
}

/** Distinct materials each organization placed in the period: one GROUP BY over the index. */
export async function distinctPlacedCounts(em: EntityManager, organizationIds: readonly string[], period: Period): Promise<Map<string, number>> {
  const rows = await runSql<{ organization_id: string; count: number }[]>(
    em,
    `select organization_id, count(distinct material_id)::int as count from organizations.placement
     where organization_id = any(?::uuid[]) and published_at >= ? and published_at < ? and withdrawn_at is null
     group by organization_id`,
    [pgArray(organizationIds), period.start, period.end],
  );
  return new Map(rows.map((r) => [r.organization_id, r.count]));
}
