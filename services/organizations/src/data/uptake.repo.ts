import type { EntityManager } from '@mikro-orm/postgresql';
import { SUBTREE_SQL, runSql, type Period } from '@hub/common';
import type { MaterialUptake } from '../domain/uptake.js';

/**
 * Every material distributed in the period with its recipients (content's read contract
 * content.received_log) and how many of them placed it on any page: one aggregate for the week.
 * `withinTreeOf` counts only recipients in that organization's tree.
 */
export async function materialUptake(em: EntityManager, period: Period, withinTreeOf: string | null): Promise<MaterialUptake[]> {
  const scope = withinTreeOf ? `and r.organization_id in (${SUBTREE_SQL})` : '';
  const rows = await runSql<{ material_id: string; topic: string; distributed_at: string; recipients: number; placed_by: number }[]>(
    em,
    `select r.material_id, r.topic, r.distributed_at,
            count(*)::int as recipients,
            count(*) filter (where exists (
              select 1 from organizations.placement p
              where p.material_id = r.material_id and p.organization_id = r.organization_id
            ))::int as placed_by
     from content.received_log r
     where r.distributed_at >= ? and r.distributed_at < ? ${scope}
     group by r.material_id, r.topic, r.distributed_at`,
    withinTreeOf ? [period.start, period.end, withinTreeOf] : [period.start, period.end],
  );
  return rows.map((r) => ({
    materialId: r.material_id,
    topic: r.topic,
    distributedAt: new Date(r.distributed_at),
    recipients: r.recipients,
    placedBy: r.placed_by,
  }));
}
