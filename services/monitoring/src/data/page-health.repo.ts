import type { EntityManager } from '@mikro-orm/postgresql';
import { keysetPage, subtreeOf, sql, type KeysetColumn, type Sql } from '@hub/common';
import type { CrawlStatus } from '../domain/crawl-state.js';
import { UNREADABLE, silentSince } from '../domain/page-health.js';
import { instant } from './posts.repo.js';

/** A page as pageHealth lists it, from the monitoring.page_health read contract (docs/READ-CONTRACTS.md). */
export interface PageHealthRow {
  pageId: string;
  organizationId: string;
  platform: string;
  /** The status pageHealth shows: NOT_CONFIGURED before any crawl on a platform the hub does not read. */
  status: CrawlStatus | null;
  /** The page was crawled at least once. */
  crawled: boolean;
  lastCrawledAt: Date | null;
  lastPostAt: Date | null;
  postsLast7Days: number;
  error: string | null;
  /** The keyset's values: troubleRank, lastPostAt (the epoch when none) and the page id. */
  rank: number;
  silentKey: string;
}

export interface PageHealthQuery {
  /** The organization whose tree is listed; null for the region. */
  withinTreeOf: string | null;
  statuses: readonly CrawlStatus[] | null;
  silentForDays: number | null;
  /** The platforms the hub reads (has credentials for). */
  readable: readonly string[];
  now: Date;
  after: (string | number)[] | null;
  size: number;
}

const EPOCH = new Date(0).toISOString();

/** The status shown: a page never crawled on a platform the hub does not read is NOT_CONFIGURED at once, as OfficialPage.crawl says. */
const statusOf = (readable: readonly string[]): Sql =>
  sql`coalesce(h.status, case when h.platform <> all(${readable}::text[]) then 'NOT_CONFIGURED' end)`;

/** domain/page-health.ts troubleRank, in SQL. */
const rankOf = (status: Sql): Sql =>
  sql`(case when ${status} = any(${UNREADABLE}::text[]) then 0 when ${status} = 'OK' then 1 when ${status} = 'NOT_CONFIGURED' then 2 else 3 end)`;

const SILENT_KEY = sql`coalesce(h.last_post_at, ${EPOCH}::timestamptz)`;

export const PAGE_HEALTH_CURSOR_KEYS = ['int', 'instant', 'uuid'] as const;

type Stored = Omit<PageHealthRow, 'lastCrawledAt' | 'lastPostAt'> & { lastCrawledAt: string | null; lastPostAt: string | null };

/** One page of the pages' health, most troubled first (domain/page-health.ts), keyset-paged. */
export async function pageHealthPage(em: EntityManager, query: PageHealthQuery): Promise<{ totalCount: number; rows: PageHealthRow[] }> {
  const status = statusOf(query.readable);
  const rank = rankOf(status);
  const order: KeysetColumn[] = [
    { by: rank, key: 'int' },
    { by: SILENT_KEY, key: 'instant' },
    { by: sql`h.page_id`, key: 'uuid' },
  ];
  const where: Sql[] = [];
  if (query.withinTreeOf) where.push(sql`h.organization_id in (${subtreeOf(query.withinTreeOf)})`);
  if (query.statuses) where.push(sql`${status} = any(${query.statuses}::text[])`);
  if (query.silentForDays !== null) {
    // domain/page-health.ts isSilent.
    const since = silentSince(query.now, query.silentForDays);
    where.push(sql`(h.last_post_at <= ${since} or (h.last_post_at is null and h.status = 'OK'))`);
  }
  const { totalCount, rows } = await keysetPage<Stored>(em, {
    select: sql`h.page_id as "pageId", h.organization_id as "organizationId", h.platform, ${status} as status,
      h.status is not null as crawled, h.last_crawled_at as "lastCrawledAt", h.last_post_at as "lastPostAt", h.error,
      ${rank} as rank, ${SILENT_KEY}::text as "silentKey",
      (select count(*)::int from monitoring.page_post p
        where p.page_id = h.page_id and p.deleted_at is null
          and p.published_at >= ${query.now}::timestamptz - interval '7 days' and p.published_at <= ${query.now}) as "postsLast7Days"`,
    from: sql`monitoring.page_health() h`,
    where: sql.and(where),
    order,
    after: query.after,
    size: query.size,
  });
  return {
    totalCount,
    rows: rows.map((row) => ({ ...row, lastCrawledAt: instant(row.lastCrawledAt), lastPostAt: instant(row.lastPostAt) })),
  };
}
