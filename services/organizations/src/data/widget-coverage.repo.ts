import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { SUBTREE_SQL, type OrganizationKind } from '@hub/common';
import { OfficialPageEntity, type OfficialPage } from '../entities/official-page.entity.js';
import type { FeedbackForm } from '../domain/feedback-widget.js';

export interface PageSet {
  kind?: OrganizationKind | null;
  /** That organization and every one below it. */
  withinTreeOf?: string | null;
}

const MISSING: Record<FeedbackForm, string> = {
  REPORT_PROBLEM: 'p.widget_report_problem_at is null',
  SHARE_OPINION: 'p.widget_share_opinion_at is null',
};

/** Pages of active organizations: the one set both the list and the coverage counts read. */
function pagesOfActiveOrganizations(em: EntityManager, set: PageSet): Knex.QueryBuilder {
  const query = em.getKnex()('organizations.official_page as p')
    .join('organizations.organization as o', 'o.id', 'p.organization_id')
    .where('o.active', true);
  if (set.kind) query.where('o.kind', set.kind);
  if (set.withinTreeOf) query.whereRaw(`p.organization_id in (${SUBTREE_SQL})`, [set.withinTreeOf]);
  return query;
}

/** Pages lacking `form` (either form when null), oldest first, keyset-paged on (created_at, id). */
export async function pagesWithoutWidget(
  em: EntityManager,
  set: PageSet,
  form: FeedbackForm | null,
  limit: number,
  after: [string, string] | null,
): Promise<{ rows: { page: OfficialPage; createdAt: string }[]; total: number }> {
  const query = pagesOfActiveOrganizations(em, set).whereRaw(form ? MISSING[form] : `(${MISSING.REPORT_PROBLEM} or ${MISSING.SHARE_OPINION})`);
  const [{ count }] = (await query.clone().count({ count: '*' })) as [{ count: string }];
  const page = query.clone().select('p.*').orderBy([{ column: 'p.created_at' }, { column: 'p.id' }]).limit(limit + 1);
  if (after) page.whereRaw('(p.created_at, p.id) > (?::timestamptz, ?::uuid)', after);
  // The raw created_at text keeps microseconds, which a Date would drop from the cursor.
  const rows = (await page) as (Record<string, unknown> & { created_at: string })[];
  return { rows: rows.map((row) => ({ page: em.map(OfficialPageEntity, row), createdAt: row.created_at })), total: Number(count) };
}

export interface WidgetCoverage {
  pages: number;
  withBoth: number;
  missingReportProblem: number;
  missingShareOpinion: number;
  missingBoth: number;
}

export async function widgetCoverage(em: EntityManager, set: PageSet): Promise<WidgetCoverage> {
  const [row] = (await pagesOfActiveOrganizations(em, set).select(
    em.getKnex().raw(`count(*)::int as pages,
      count(*) filter (where not (${MISSING.REPORT_PROBLEM}) and not (${MISSING.SHARE_OPINION}))::int as with_both,
      count(*) filter (where ${MISSING.REPORT_PROBLEM})::int as missing_report_problem,
      count(*) filter (where ${MISSING.SHARE_OPINION})::int as missing_share_opinion,
      count(*) filter (where ${MISSING.REPORT_PROBLEM} and ${MISSING.SHARE_OPINION})::int as missing_both`),
  )) as Record<string, number>[];
  return {
    pages: row?.pages ?? 0,
    withBoth: row?.with_both ?? 0,
    missingReportProblem: row?.missing_report_problem ?? 0,
    missingShareOpinion: row?.missing_share_opinion ?? 0,
    missingBoth: row?.missing_both ?? 0,
  };
}
