import type { EntityManager } from '@mikro-orm/postgresql';
import { OrganizationEntity, type Organization } from '../entities/organization.entity.js';
import { pgArray, type OrganizationKind } from '@hub/common';

export const SCHEMA = 'organizations';

/** The organization and everything below it (decree: a body answers for its subordinates). */
const SUBTREE_SQL = `
  with recursive subtree as (
    select id from organizations.organization where id = ?
    union all
    select o.id from organizations.organization o join subtree s on o.parent_id = s.id
  ) select id from subtree`;

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

/** Each organization's chain upwards, itself first: one recursive query for the whole batch. */
export async function ancestorChains(em: EntityManager, ids: readonly string[]): Promise<Map<string, string[]>> {
  const rows: { start_id: string; id: string; depth: number }[] = await em.getConnection().execute(
    `with recursive chain(start_id, id, parent_id, depth) as (
       select id, id, parent_id, 0 from ${SCHEMA}.organization where id = any(?::uuid[])
       union all
       select c.start_id, o.id, o.parent_id, c.depth + 1
       from chain c join ${SCHEMA}.organization o on o.id = c.parent_id
       where c.depth < 32
     ) select start_id, id, depth from chain order by start_id, depth`,
    [pgArray(ids)],
  );
  const chains = new Map<string, string[]>();
  for (const row of rows) {
    const chain = chains.get(row.start_id) ?? [];
    chain.push(row.id);
    chains.set(row.start_id, chain);
  }
  return chains;
}
