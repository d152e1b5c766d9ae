import type { EntityManager } from '@mikro-orm/postgresql';
import {
  containing,
  instantFromMillis,
  keysetPage,
  queryRow,
  sql,
  subtreeOf,
  type KeysetColumn,
  type OrganizationKind,
  type Sql,
} from '@hub/common';
import type { Organization } from '../entities/organization.entity.js';

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

/**
 * An organization's columns as a list read maps them (organizationOf): instants as epoch
 * milliseconds, so a page of rows becomes plain objects without MikroORM's hydration, 40 % of a
 * page's CPU with its pages (docs/PERFORMANCE.md, "Subgraph CPU"). What a list shows is only read.
 */
const ORGANIZATION_COLUMNS = sql`o.id, o.name, o.short_name, o.kind, o.parent_id, o.inn, o.head_full_name, o.head_position,
  o.head_email, o.contact_email, o.active, o.deactivation_reason, ${sql.epochMillis('o', 'deactivated_at')},
  ${sql.epochMillis('o', 'registered_at')}, o.created_by, ${sql.epochMillis('o', 'updated_at')}`;

interface OrganizationRow {
  id: string;
  name: string;
  short_name: string | null;
  kind: OrganizationKind;
  parent_id: string | null;
  inn: string | null;
  head_full_name: string;
  head_position: string;
  head_email: string;
  contact_email: string | null;
  active: boolean;
  deactivation_reason: string | null;
  deactivated_at_ms: number | null;
  registered_at_ms: number;
  created_by: string;
  updated_at_ms: number;
}

const organizationOf = (row: OrganizationRow): Organization => ({
  id: row.id,
  name: row.name,
  shortName: row.short_name,
  kind: row.kind,
  parentId: row.parent_id,
  inn: row.inn,
  headFullName: row.head_full_name,
  headPosition: row.head_position,
  headEmail: row.head_email,
  contactEmail: row.contact_email,
  active: row.active,
  deactivationReason: row.deactivation_reason,
  deactivatedAt: instantFromMillis(row.deactivated_at_ms),
  registeredAt: instantFromMillis(row.registered_at_ms),
  createdBy: row.created_by,
  updatedAt: instantFromMillis(row.updated_at_ms),
});

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
  const { totalCount, rows } = await keysetPage<OrganizationRow>(em, {
    select: ORGANIZATION_COLUMNS,
    from: sql`organizations.organization o`,
    where: sql.and(where),
    order: BY_NAME,
    after,
    size: limit,
  });
  return { rows: rows.map(organizationOf), total: totalCount };
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
