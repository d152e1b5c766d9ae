import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows, sql, type Period } from '@hub/common';
import { periodKey, type DisprovedPlacement } from '../domain/digests.js';

export type { DisprovedPlacement };

/**
 * The placements disproved in each (organization, period) asked for, keyed "organizationId|period
 * label", from organizations.placement_directory (docs/READ-CONTRACTS.md) in one statement: what
 * a letter about those periods tells the organization stopped counting and why. Found through
 * their DISPROVED revisions, a handful, rather than the directory's `disproved` flag, which
 * PostgreSQL would work out for every placement of the region first (300 ms of a 500 ms weekly
 * check: docs/PERFORMANCE.md, "The weekly check").
 */
export async function disprovedPlacements(
  em: EntityManager,
  asked: readonly { organizationId: string; period: Period }[],
): Promise<Map<string, DisprovedPlacement[]>> {
  const found = new Map<string, DisprovedPlacement[]>();
  if (!asked.length) return found;
  const rows = await queryRows<DisprovedPlacement & { label: string }>(
    em,
    sql`select distinct on (a.label, d.organization_id, d.published_at, d.url, d.id)
          a.label, d.organization_id as "organizationId", d.url, r.title, d.withdrawal_reason as reason
        from unnest(${asked.map((a) => a.organizationId)}::uuid[], ${asked.map((a) => a.period.label)}::text[],
                    ${asked.map((a) => a.period.start)}::timestamptz[], ${asked.map((a) => a.period.end)}::timestamptz[])
          as a(organization_id, label, start_at, end_at)
        join organizations.placement_revision v
          on v.change = 'DISPROVED' and v.organization_id = a.organization_id and v.published_at >= a.start_at and v.published_at < a.end_at
        join organizations.placement_directory d
          on d.id = v.placement_id and d.published_at >= a.start_at and d.published_at < a.end_at
        left join content.received_log r on r.organization_id = d.organization_id and r.material_id = d.material_id
        order by a.label, d.organization_id, d.published_at, d.url, d.id`,
  );
  for (const { label, ...row } of rows) {
    const key = periodKey(row.organizationId, label);
    found.set(key, [...(found.get(key) ?? []), row]);
  }
  return found;
}
