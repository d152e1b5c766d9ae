import type { EntityManager } from '@mikro-orm/postgresql';
import { SUBTREE_SQL, runSql, type Period } from '@hub/common';
import type { MaterialUptake } from '../domain/uptake.js';

/**
 * Every material distributed in the period (content's read contracts content.distribution_log
 * and content.received_log) with its recipients and how many of them placed it on any page: one
 * statement for the week. placedBy starts from the material's placements and checks each placing
 * organization was a recipient, instead of asking every recipient whether it placed: at the
 * country a week is 1.2 million recipients but 300,000 placements (bench dashboard:uptake,
 * 3 s before). `withinTreeOf` counts only recipients in that organization's tree.
 */
export async function materialUptake(em: EntityManager, period: Period, withinTreeOf: string | null): Promise<MaterialUptake[]> {
  const inTree = (column: string) => (withinTreeOf ? `and ${column} in (select id from tree)` : '');
  const rows = await runSql<{ material_id: string; topic: string; distributed_at: string; recipients: number; placed_by: number }[]>(
    em,
    `with ${withinTreeOf ? `tree as (${SUBTREE_SQL}),` : ''} week as (
       select w.material_id, w.topic, w.distributed_at,
              ${withinTreeOf
                ? '(select count(*) from content.received_log r where r.material_id = w.material_id and r.organization_id in (select id from tree))'
                : 'w.recipient_count'}::int as recipients,
              (select count(distinct p.organization_id) from organizations.placement p
               where p.material_id = w.material_id and p.withdrawn_at is null ${inTree('p.organization_id')}
                 and exists (select 1 from content.received_log r where r.material_id = p.material_id and r.organization_id = p.organization_id)
              )::int as placed_by
       from content.distribution_log w
       where w.distributed_at >= ? and w.distributed_at < ?
     )
     select * from week where recipients > 0`,
    withinTreeOf ? [withinTreeOf, period.start, period.end] : [period.start, period.end],
  );
  return rows.map((r) => ({
    materialId: r.material_id,
    topic: r.topic,
    distributedAt: new Date(r.distributed_at),
    recipients: r.recipients,
    placedBy: r.placed_by,
  }));
}
