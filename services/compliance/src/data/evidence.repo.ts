import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRow, queryRows, sql, subtreeOf, type Period, type Sql } from '@hub/common';

/** A set of placements of a week as the platforms bear them out (docs/DESIGN.md, "Evidence from the platforms"). */
export interface EvidenceCounts {
  /** Counting placements published in the week. */
  placements: number;
  reported: number;
  /** Found on its pages by the hub, nobody reported them. */
  discovered: number;
  /** Seen on their pages, matching their materials, as of the last crawl. */
  verified: number;
  /** NOT_FOUND or MISMATCH on the last crawl, still counting (one more such crawl and they stop). */
  doubted: number;
  /** Counting, neither verified nor doubted: no crawl has checked them yet. */
  pending: number;
  /** Withdrawn by the hub: not on their pages (or placing something else) on two crawls. */
  disproved: number;
}

/** One organization's placements of a week with what monitoring found. */
export interface OrganizationEvidence extends EvidenceCounts {
  organizationId: string;
  name: string;
  /** Views of the counting placements' posts as last seen. */
  views: number;
}

/**
 * The counts of EvidenceCounts over the placements of `weekPlacements` (d) and their evidence (e):
 * weekEvidence and evidenceTotals aggregate the same way, so the workbook and the dashboard agree.
 */
const EVIDENCE_COUNTS = sql`
  count(*) filter (where d.withdrawn_at is null)::int as placements,
  count(*) filter (where d.withdrawn_at is null and d.source = 'REPORTED')::int as reported,
  count(*) filter (where d.withdrawn_at is null and d.source = 'DISCOVERED')::int as discovered,
  count(*) filter (where d.withdrawn_at is null and e.verification = 'VERIFIED')::int as verified,
  count(*) filter (where d.withdrawn_at is null and e.verification in ('NOT_FOUND', 'MISMATCH'))::int as doubted,
  count(*) filter (where d.withdrawn_at is null
    and (e.verification is null or e.verification not in ('VERIFIED', 'NOT_FOUND', 'MISMATCH')))::int as pending,
  count(*) filter (where d.disproved)::int as disproved`;

/**
 * The week's placements, counting or withdrawn (organizations.placement_directory d), with what the
 * last crawl of their page found (monitoring.placement_evidence e; docs/READ-CONTRACTS.md).
 */
function weekPlacements(week: Period, root: string | null = null): { from: Sql; where: Sql } {
  const where = [sql`d.published_at >= ${week.start}`, sql`d.published_at < ${week.end}`];
  if (root) where.push(sql`d.organization_id in (${subtreeOf(root)})`);
  return {
    from: sql`organizations.placement_directory d left join monitoring.placement_evidence e on e.placement_id = d.id`,
    where: sql.and(where),
  };
}

/**
 * The week's placements per organization with what monitoring found (and their posts' views from
 * monitoring.post_reach), in one statement, most placements first.
 */
export async function weekEvidence(em: EntityManager, week: Period): Promise<OrganizationEvidence[]> {
  const { from, where } = weekPlacements(week);
  return queryRows<OrganizationEvidence>(
    em,
    sql`select d.organization_id as "organizationId", o.name, ${EVIDENCE_COUNTS},
          coalesce(sum(r.views) filter (where d.withdrawn_at is null), 0)::int as views
        from ${from}
        join organizations.directory o on o.id = d.organization_id
        left join monitoring.post_reach r on r.page_id = d.page_id and r.url = d.url
        where ${where}
        group by d.organization_id, o.name
        order by placements desc, o.name`,
  );
}

/** The week's evidence summed over the region, or over a scoped role's organization and those below it (`root`). */
export async function evidenceTotals(em: EntityManager, week: Period, root: string | null): Promise<EvidenceCounts> {
  const { from, where } = weekPlacements(week, root);
  // An aggregate without GROUP BY: always one row, of zeros for an empty week.
  const totals = await queryRow<EvidenceCounts>(em, sql`select ${EVIDENCE_COUNTS} from ${from} where ${where}`);
  return totals!;
}

/** A topic's reach in a week: the counting placements of its materials and their posts' counters as last seen. */
export interface TopicReach {
  topic: string;
  placements: number;
  /** Of those, placements whose post the hub has seen. */
  seen: number;
  views: number;
  likes: number;
  reposts: number;
  comments: number;
}

/** The week's reach by material topic (content.received_log for the topic), most viewed first. */
export async function weekReachByTopic(em: EntityManager, week: Period): Promise<TopicReach[]> {
  return queryRows<TopicReach>(
    em,
    sql`select t.topic, count(*)::int as placements, count(r.url)::int as seen,
          coalesce(sum(r.views), 0)::int as views, coalesce(sum(r.likes), 0)::int as likes,
          coalesce(sum(r.reposts), 0)::int as reposts, coalesce(sum(r.comments), 0)::int as comments
        from organizations.placement_directory d
        join content.received_log t on t.organization_id = d.organization_id and t.material_id = d.material_id
        left join monitoring.post_reach r on r.page_id = d.page_id and r.url = d.url
        where d.withdrawn_at is null and d.published_at >= ${week.start} and d.published_at < ${week.end}
        group by t.topic
        order by views desc, t.topic`,
  );
}

/** A page the hub cannot read, or that has posted nothing for `silentDays` or more, with its organization. */
export interface TroubledPage {
  name: string;
  url: string;
  platform: string;
  status: string | null;
  lastPostAt: Date | null;
  error: string | null;
}

/** The region's troubled pages (monitoring.page_health): unreadable first, then the longest silent. */
export async function troubledPages(em: EntityManager, now: Date, silentDays: number): Promise<TroubledPage[]> {
  const rows = await queryRows<Omit<TroubledPage, 'lastPostAt'> & { lastPostAt: string | null }>(
    em,
    sql`select o.name, h.url, h.platform, h.status, h.last_post_at as "lastPostAt", h.error
        from monitoring.page_health() h join organizations.directory o on o.id = h.organization_id
        where h.status in ('UNREACHABLE', 'PRIVATE', 'NOT_FOUND', 'PARSE_FAILED', 'RATE_LIMITED')
           or (h.status = 'OK' and (h.last_post_at is null or h.last_post_at < ${now}::timestamptz - make_interval(days => ${silentDays})))
        order by h.status = 'OK', h.last_post_at nulls first, o.name, h.url`,
  );
  return rows.map((row) => ({ ...row, lastPostAt: row.lastPostAt ? new Date(row.lastPostAt) : null }));
}
