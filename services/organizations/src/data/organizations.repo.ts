import type { EntityManager } from '@mikro-orm/postgresql';
import { containing, keysetPage, queryRow, sql, subtreeOf, type KeysetColumn, type OrganizationKind, type Sql } from '@hub/common';
import { OrganizationEntity, type Organization } from '../entities/organization.entity.js';

export const SCHEMA = 'organizations';

export interface OrganizationFilter {
  kind?: OrganizationKind | null;
  parentId?: string | null;
  search?: string | null;
  includeInactive: boolean;
  /** Restrict to this organization's tree (scoped roles). */
  withinTreeOf?: string | null;
}

const BY_NAME: KeysetColumn[] = [
  { by: sql`o.name`, key: 'text' },
  { by: sql`o.id`, key: 'uuid' },
];

export async function listOrganizations(
  em: EntityManager,
  filter: OrganizationFilter,
  limit: number,
  after: [string, string] | null,
): Promise<{ rows: Organization[]; total: number }> {
  const where: Sql[] = [];
  if (filter.kind) where.push(sql`o.kind = ${filter.kind}`);
  if (filter.parentId) where.push(sql`o.parent_id = ${filter.parentId}`);
  if (!filter.includeInactive) where.push(sql`o.active`);
  if (filter.search) {
    const pattern = containing(filter.search);
    where.push(sql`(o.name ilike ${pattern} or o.short_name ilike ${pattern} or o.inn = ${filter.search.trim()})`);
  }
  if (filter.withinTreeOf) where.push(sql`o.id in (${subtreeOf(filter.withinTreeOf)})`);
  const { totalCount, rows } = await keysetPage<Record<string, unknown>>(em, {
    select: sql`o.*`,
    from: sql`organizations.organization o`,
    where: sql.and(where),
    order: BY_NAME,
    after,
    size: limit,
  });
  return { rows: rows.map((row) => em.map(OrganizationEntity, row)), total: totalCount };
}

/** The active organization of a kind the region has one of (a committee, the ЦУР, the content center), if any. */
export async function activeOfKind(em: EntityManager, kind: OrganizationKind): Promise<{ id: string; name: string } | undefined> {
  return queryRow<{ id: string; name: string }>(
    em,
    sql`select id, name from organizations.organization where kind = ${kind} and active limit 1`,
  );
}

/** The organization is active as stored now (not as an entity loaded earlier in the request remembers it). */
export async function isActive(em: EntityManager, id: string): Promise<boolean> {
  return (await queryRow<{ active: boolean }>(em, sql`select active from organizations.organization where id = ${id}`))?.active ?? false;
}

export async function activeSubordinateCount(em: EntityManager, id: string): Promise<number> {
  const row = await queryRow<{ active: number }>(
    em,
    sql`select count(*)::int as active from organizations.organization where parent_id = ${id} and active`,
  );
  return row?.active ?? 0;
}
