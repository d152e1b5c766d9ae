import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, queryRows, sql } from '@hub/common';
import { PlacementEntity, type Placement } from '../entities/placement.entity.js';

/** DISPROVED: withdrawn by monitoring, its post not on its page (or placing something else) on two crawls. */
export type RevisionChange = 'CORRECTED' | 'WITHDRAWN' | 'DISPROVED';

export interface Revision {
  by: string;
  at: Date;
}

const record = (em: EntityManager, placement: Placement, publishedAt: Date[], change: RevisionChange, revision: Revision) =>
  execSql(
    em,
    sql`insert into organizations.placement_revision (placement_id, organization_id, published_at, change, changed_by, changed_at)
        select ${placement.id}, ${placement.organizationId}, published_at, ${change}, ${revision.by}, ${revision.at}
        from unnest(${publishedAt}::timestamptz[]) as t(published_at)`,
  );

/** The placement as it counts now, locked for the change; null once withdrawn (or never stored). */
async function lockCounting(em: EntityManager, id: string): Promise<Placement | null> {
  const [row] = await queryRows<Record<string, unknown>>(
    em,
    sql`select * from organizations.placement where id = ${id} and withdrawn_at is null for update`,
  );
  return row ? em.map(PlacementEntity, row) : null;
}

/**
 * New post address and publication time, and a revision for each publication time the change
 * touched (the old and the new one): both periods' results are stale from `revision.at` on.
 * Null when the placement was withdrawn meanwhile. Run inside a transaction.
 */
export async function correctStored(
  em: EntityManager,
  id: string,
  change: { url: string; publishedAt: Date },
  revision: Revision,
): Promise<Placement | null> {
  const before = await lockCounting(em, id);
  if (!before) return null;
  const [row] = await queryRows<Record<string, unknown>>(
    em,
    sql`update organizations.placement set url = ${change.url}, published_at = ${change.publishedAt} where id = ${id} returning *`,
  );
  const times =
    before.publishedAt.getTime() === change.publishedAt.getTime() ? [before.publishedAt] : [before.publishedAt, change.publishedAt];
  await record(em, before, times, 'CORRECTED', revision);
  return em.map(PlacementEntity, row!);
}

/** Marks the placement withdrawn (it stays stored) with a revision for its period. Null when it already was. Run inside a transaction. */
export async function withdrawStored(
  em: EntityManager,
  id: string,
  reason: string,
  revision: Revision,
  change: Extract<RevisionChange, 'WITHDRAWN' | 'DISPROVED'> = 'WITHDRAWN',
): Promise<Placement | null> {
  const before = await lockCounting(em, id);
  if (!before) return null;
  const [row] = await queryRows<Record<string, unknown>>(
    em,
    sql`update organizations.placement set withdrawn_at = ${revision.at}, withdrawn_by = ${revision.by}, withdrawal_reason = ${reason} where id = ${id} returning *`,
  );
  await record(em, before, [before.publishedAt], change, revision);
  return em.map(PlacementEntity, row!);
}
