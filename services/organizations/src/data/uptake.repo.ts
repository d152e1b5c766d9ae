import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows, sql, subtreeOf, type Period, type Sql } from '@hub/common';
import type { MaterialUptakeRow } from '../resolvers/mappers.js';
import { POST_OF_PLACEMENT, REACH_SUMS, reachOf, type ReachColumns } from './reach.repo.js';

type Row = { material_id: string; topic: string; distributed_at: string; recipients: number; placed_by: number } & Partial<ReachColumns>;

/**
 * Every material distributed in the period with its recipients and how many of them placed it on
 * any page: one statement for the week. The region's answer is the read contract
 * organizations.material_uptake (docs/READ-CONTRACTS.md), which compliance's Monday letters read
 * too. `withinTreeOf` counts only recipients in that organization's tree; placedBy starts from the
 * material's placements and checks each placing organization was a recipient, instead of asking
 * every recipient whether it placed (bench dashboard:uptake).
 *
 * `reach`: the same statement also sums what the placements counted in placedBy reached (each
 * placement, joined to monitoring.post_reach: data/reach.repo.ts); left out when not asked for, so
 * the dashboard's uptake costs what it did.
 */
export async function materialUptake(
  em: EntityManager,
  period: Period,
  withinTreeOf: string | null,
  options: { reach?: boolean } = {},
): Promise<Omit<MaterialUptakeRow, 'uptakeRate'>[]> {
  const inTree = (column: Sql) => (withinTreeOf ? sql`and ${column} in (select id from tree)` : sql.empty);
  const week = withinTreeOf
    ? sql`select w.material_id, w.topic, w.distributed_at,
                 (select count(*) from content.received_log r
                  where r.material_id = w.material_id ${inTree(sql`r.organization_id`)})::int as recipients,
                 (select count(distinct p.organization_id) from organizations.placement p
                  where p.material_id = w.material_id and p.withdrawn_at is null ${inTree(sql`p.organization_id`)}
                    and exists (select 1 from content.received_log r where r.material_id = p.material_id and r.organization_id = p.organization_id)
                 )::int as placed_by
          from content.distribution_log w
          where w.distributed_at >= ${period.start} and w.distributed_at < ${period.end}`
    : sql`select * from organizations.material_uptake(${period.start}, ${period.end})`;
  const rows = await queryRows<Row>(
    em,
    sql`with ${withinTreeOf ? sql`tree as (${subtreeOf(withinTreeOf)}),` : sql.empty}
        week as (select * from (${week}) w where w.recipients > 0)
        ${
          options.reach
            ? sql`, reach as (
                select p.material_id, ${REACH_SUMS}
                from week w
                join organizations.placement p on p.material_id = w.material_id and p.withdrawn_at is null
                ${POST_OF_PLACEMENT}
                where exists (select 1 from content.received_log r where r.material_id = p.material_id and r.organization_id = p.organization_id)
                  ${inTree(sql`p.organization_id`)}
                group by p.material_id
              )
              select w.*, reach.placements, reach.placements_seen, reach.views, reach.likes, reach.reposts, reach.comments
              from week w left join reach on reach.material_id = w.material_id`
            : sql`select * from week`
        }`,
  );
  return rows.map((r) => ({
    materialId: r.material_id,
    topic: r.topic,
    distributedAt: new Date(r.distributed_at),
    recipients: r.recipients,
    placedBy: r.placed_by,
    ...(options.reach ? { reach: reachOf(r) } : {}),
  }));
}
