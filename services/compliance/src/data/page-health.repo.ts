import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRow, queryRows, sql } from '@hub/common';
import { SILENT_PAGE_DAYS, type SilentPage } from '../domain/digests.js';

/**
 * The pages of these organizations that the hub read (OK) and saw post nothing in the `days`
 * before `now` (SILENT_PAGE_DAYS unless told), or never: monitoring's read contract monitoring.page_health (docs/READ-CONTRACTS.md), one statement
 * per letter run, by organization. Before monitoring's schema is migrated (each service migrates
 * on its own), none: the letters go without the line rather than not at all.
 */
export async function silentPages(
  em: EntityManager,
  organizationIds: readonly string[],
  now: Date,
  days = SILENT_PAGE_DAYS,
): Promise<Map<string, SilentPage[]>> {
  const byOrganization = new Map<string, SilentPage[]>();
  if (!organizationIds.length) return byOrganization;
  const contract = await queryRow<{ present: boolean }>(
    em,
    sql`select to_regprocedure('monitoring.page_health(uuid[])') is not null as present`,
  );
  if (!contract?.present) return byOrganization;
  const rows = await queryRows<{ organization_id: string; url: string; last_post_at: string | null }>(
    em,
    sql`select organization_id, url, last_post_at from monitoring.page_health(${[...new Set(organizationIds)]}::uuid[])
        where status = 'OK' and (last_post_at is null or last_post_at <= ${now}::timestamptz - make_interval(days => ${days}))
        order by organization_id, last_post_at nulls first, url`,
  );
  for (const row of rows) {
    const page = { organizationId: row.organization_id, url: row.url, lastPostAt: row.last_post_at ? new Date(row.last_post_at) : null };
    byOrganization.set(row.organization_id, [...(byOrganization.get(row.organization_id) ?? []), page]);
  }
  return byOrganization;
}
