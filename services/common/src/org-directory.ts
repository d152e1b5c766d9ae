import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from './collections.js';
import type { OrgHierarchy } from './scope.js';
import { queryRows, sql, type Sql } from './sql.js';

/**
 * Reads of the organizations subgraph's read contract, the `organizations.directory` view:
 * the tree every subgraph needs for scoping (an OPERATOR acts for its organization and those below).
 */
export const DIRECTORY = sql`organizations.directory`;

/** The ids of an organization and everything below it, as a subquery: `id in (${subtreeOf(root)})`. */
export function subtreeOf(root: string): Sql {
  return sql`
    with recursive subtree as (
      select id from ${DIRECTORY} where id = ${root}
      union all
      select d.id from ${DIRECTORY} d join subtree s on d.parent_id = s.id
    ) select id from subtree`;
}

/** Each organization's chain upwards, itself first: one recursive query for the whole batch. */
export async function ancestorChains(em: EntityManager, ids: readonly string[]): Promise<Map<string, string[]>> {
  const valid = ids.filter(isUuid);
  const chains = new Map<string, string[]>();
  if (!valid.length) return chains;
  const rows = await queryRows<{ start_id: string; id: string }>(
    em,
    sql`with recursive chain(start_id, id, parent_id, depth) as (
          select id, id, parent_id, 0 from ${DIRECTORY} where id = any(${valid}::uuid[])
          union all
          select c.start_id, d.id, d.parent_id, c.depth + 1
          from chain c join ${DIRECTORY} d on d.id = c.parent_id
          where c.depth < 32
        ) select start_id, id from chain order by start_id, depth`,
  );
  for (const row of rows) {
    const chain = chains.get(row.start_id) ?? [];
    chain.push(row.id);
    chains.set(row.start_id, chain);
  }
  return chains;
}

/** The request's view of the tree, batched: many scope checks in one resolver pass cost one query. */
export function createDirectoryHierarchy(em: EntityManager): OrgHierarchy & { ancestors: DataLoader<string, string[]> } {
  const ancestors = new DataLoader<string, string[]>(async (ids) => {
    const chains = await ancestorChains(em, ids);
    return ids.map((id) => chains.get(id) ?? []);
  });
  return {
    ancestors,
    isWithin: async (rootId, orgIds) => {
      const chains = await ancestors.loadMany(orgIds);
      return chains.every((chain) => Array.isArray(chain) && chain.includes(rootId));
    },
  };
}
