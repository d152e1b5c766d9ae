import type { EntityManager } from '@mikro-orm/postgresql';
import { instantFromMillis, queryRows, sql, type Platform } from '@hub/common';
import type { OfficialPage } from '../entities/official-page.entity.js';

interface PageRow {
  id: string;
  organization_id: string;
  platform: Platform;
  url: string;
  normalized_url: string;
  platform_id: string | null;
  verified: boolean;
  widget_report_problem_at_ms: number | null;
  widget_share_opinion_at_ms: number | null;
  created_by: string;
  created_at_ms: number;
}

/**
 * The official pages of these organizations, by platform and age, as plain objects: what
 * `Organization.pages` shows is only read, and MikroORM's hydration of them was a fifth of a page of
 * organizations' CPU (docs/PERFORMANCE.md, "Subgraph CPU"). Instants travel as epoch milliseconds.
 */
export async function pagesOf(em: EntityManager, organizationIds: readonly string[]): Promise<OfficialPage[]> {
  const rows = await queryRows<PageRow>(
    em,
    sql`select p.id, p.organization_id, p.platform, p.url, p.normalized_url, p.platform_id, p.verified,
          ${sql.epochMillis('p', 'widget_report_problem_at')},
          ${sql.epochMillis('p', 'widget_share_opinion_at')},
          p.created_by, ${sql.epochMillis('p', 'created_at')}
        from organizations.official_page p
        where p.organization_id = any(${[...organizationIds]}::uuid[])
        order by p.platform, p.created_at`,
  );
  return rows.map((row) => ({
    id: row.id,
    organizationId: row.organization_id,
    platform: row.platform,
    url: row.url,
    normalizedUrl: row.normalized_url,
    platformId: row.platform_id,
    verified: row.verified,
    widgetReportProblemAt: instantFromMillis(row.widget_report_problem_at_ms),
    widgetShareOpinionAt: instantFromMillis(row.widget_share_opinion_at_ms),
    createdBy: row.created_by,
    createdAt: instantFromMillis(row.created_at_ms),
  }));
}
