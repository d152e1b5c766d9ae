import type { EntityManager } from '@mikro-orm/postgresql';
import { OrganizationEntity, type Organization } from '../entities/organization.entity.js';
import { SUBTREE_SQL, type OrganizationKind } from '@hub/common';

export const SCHEMA = 'organizations';


export interface OrganizationFilter {
  kind?: OrganizationKind | null;
  parentId?: string | null;
  search?: string | null;
  includeInactive: boolean;
  /** Restrict to this organization's tree (scoped roles). */
  withinTreeOf?: string | null;
}

export async function listOrganizations(
  em: EntityManager,
  filter: OrganizationFilter,
  limit: number,
  after: [string, string] | null,
): Promise<{ rows: Organization[]; total: number }> {
  const knex = em.getKnex();
  const query = knex(`${SCHEMA}.organization as o`);
  if (filter.kind) query.where('o.kind', filter.kind);
  if (filter.parentId) query.where('o.parent_id', filter.parentId);
  if (!filter.includeInactive) query.where('o.active', true);
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query.whereRaw('(o.name ilike ? or o.short_name ilike ? or o.inn = ?)', [pattern, pattern, filter.search.trim()]);
  }
  if (filter.withinTreeOf) query.whereRaw(`o.id in (${SUBTREE_SQL})`, [filter.withinTreeOf]);

  const [{ count }] = (await query.clone().count({ count: '*' })) as [{ count: string }];
  const page = query.clone().select('o.*').orderBy([{ column: 'o.name' }, { column: 'o.id' }]).limit(limit + 1);
  if (after) page.whereRaw('(o.name, o.id) > (?, ?::uuid)', after);
  const rows = await page;
  return { rows: rows.map((row) => em.map(OrganizationEntity, row)), total: Number(count) };
}
