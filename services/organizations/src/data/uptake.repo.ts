import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows, sql, subtreeOf, type MaterialUptake, type Period } from '@hub/common';

type Row = { material_id: string; topic: string; distributed_at: string; recipients: number; placed_by: number };

/**
 * Every material distributed in the period with its recipients and how many of them placed it on
 * any page: one statement for the week. The region's answer is the read contract
 * organizations.material_uptake (docs/READ-CONTRACTS.md), which compliance's Monday letters read
 * too. `withinTreeOf` counts only recipients in that organization's tree; placedBy starts from the
 * material's placements and checks each placing organization was a recipient, instead of asking
 * every recipient whether it placed (bench dashboard:uptake).
 */
export async function materialUptake(em: EntityManager, period: Period, withinTreeOf: string | null): Promise<MaterialUptake[]> {
  const rows = withinTreeOf
    ? await queryRows<Row>(
        em,
        sql`with tree as (${subtreeOf(withinTreeOf)}), week as (
           select w.material_id, w.topic, w.distributed_at,
                  (select count(*) from content.received_log r
                   where r.material_id = w.material_id and r.organization_id in (select id from tree))::int as recipients,
                  (select count(distinct p.organization_id) from organizations.placement p
                   where p.material_id = w.material_id and p.withdrawn_at is null and p.organization_id in (select id from tree)
                     and exists (select 1 from content.received_log r where r.material_id = p.material_id and r.organization_id = p.organization_id)
                  )::int as placed_by
           from content.distribution_log w
           where w.distributed_at >= ${period.start} and w.distributed_at < ${period.end}
         )
         select * from week where recipients > 0`,
      )
    : await queryRows<Row>(em, sql`select * from organizations.material_uptake(${period.start}, ${period.end})`);
  return rows.map((r) => ({
    materialId: r.material_id,
    topic: r.topic,
    distributedAt: new Date(r.distributed_at),
    recipients: r.recipients,
    placedBy: r.placed_by,
  }));
}
