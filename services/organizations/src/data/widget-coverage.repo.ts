import type { EntityManager } from '@mikro-orm/postgresql';
import { keysetPage, queryRow, sql, subtreeOf, type KeysetColumn, type OrganizationKind, type Sql } from '@hub/common';
import { OfficialPageEntity, type OfficialPage } from '../entities/official-page.entity.js';
import type { FeedbackForm } from '../domain/feedback-widget.js';

export interface PageSet {
  kind?: OrganizationKind | null;
  /** That organization and every one below it. */
  withinTreeOf?: string | null;
}

const MISSING: Record<FeedbackForm, Sql> = {
  REPORT_PROBLEM: sql`p.widget_report_problem_at is null`,
  SHARE_OPINION: sql`p.widget_share_opinion_at is null`,
};

const PAGES = sql`organizations.official_page p join organizations.organization o on o.id = p.organization_id`;

/** Pages of active organizations: the one set both the list and the coverage counts read (over PAGES). */
function ofActiveOrganizations(set: PageSet): Sql {
  return sql.and([
    sql`o.active`,
    ...(set.kind ? [sql`o.kind = ${set.kind}`] : []),
    ...(set.withinTreeOf ? [sql`p.organization_id in (${subtreeOf(set.withinTreeOf)})`] : []),
  ]);
}

const OLDEST_FIRST: KeysetColumn[] = [
  { by: sql`p.created_at`, key: 'instant' },
  { by: sql`p.id`, key: 'uuid' },
];

/** Pages lacking `form` (either form when null), oldest first, keyset-paged on (created_at, id). */
export async function pagesWithoutWidget(
  em: EntityManager,
  set: PageSet,
  form: FeedbackForm | null,
  limit: number,
  after: [string, string] | null,
): Promise<{ rows: { page: OfficialPage; createdAt: string }[]; total: number }> {
  const missing = form ? MISSING[form] : sql`(${MISSING.REPORT_PROBLEM} or ${MISSING.SHARE_OPINION})`;
  // The raw created_at text keeps microseconds, which a Date would drop from the cursor.
  const { totalCount, rows } = await keysetPage<Record<string, unknown> & { created_at: string }>(em, {
    select: sql`p.*`,
    from: PAGES,
    where: sql`${ofActiveOrganizations(set)} and ${missing}`,
    order: OLDEST_FIRST,
    after,
    size: limit,
  });
  return { rows: rows.map((row) => ({ page: em.map(OfficialPageEntity, row), createdAt: row.created_at })), total: totalCount };
}

export interface WidgetCoverage {
  pages: number;
  withBoth: number;
  missingReportProblem: number;
  missingShareOpinion: number;
  missingBoth: number;
}

export async function widgetCoverage(em: EntityManager, set: PageSet): Promise<WidgetCoverage> {
  const { REPORT_PROBLEM: noReport, SHARE_OPINION: noOpinion } = MISSING;
  const row = await queryRow<Record<string, number>>(
    em,
    sql`select count(*)::int as pages,
               count(*) filter (where not (${noReport}) and not (${noOpinion}))::int as with_both,
               count(*) filter (where ${noReport})::int as missing_report_problem,
               count(*) filter (where ${noOpinion})::int as missing_share_opinion,
               count(*) filter (where ${noReport} and ${noOpinion})::int as missing_both
        from ${PAGES} where ${ofActiveOrganizations(set)}`,
  );
  return {
    pages: row?.pages ?? 0,
    withBoth: row?.with_both ?? 0,
    missingReportProblem: row?.missing_report_problem ?? 0,
    missingShareOpinion: row?.missing_share_opinion ?? 0,
    missingBoth: row?.missing_both ?? 0,
  };
}
