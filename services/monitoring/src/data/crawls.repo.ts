import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, queryRow, queryRows, sql } from '@hub/common';
import type { CrawlState, CrawlStatus } from '../domain/crawl-state.js';
import { instant } from './posts.repo.js';

export interface PageCrawlRow extends CrawlState {
  pageId: string;
  platformPageId: string | null;
  lastCrawledAt: Date | null;
  /** The last crawl that read the page. */
  lastSuccessAt: Date | null;
  lastPostAt: Date | null;
  /** Posts published in the 7 days before the read and not deleted. */
  postsLast7Days: number;
  leasedBy: string | null;
  leasedUntil: Date | null;
}

/** Each page's crawl state, with its posts of the last 7 days counted (one query for the batch). */
export const crawlStates = async (em: EntityManager, pageIds: readonly string[], now: Date): Promise<PageCrawlRow[]> =>
  (
    await queryRows<PageCrawlRow>(
      em,
      sql`select c.page_id as "pageId", c.status, c.platform_page_id as "platformPageId", c.last_crawled_at as "lastCrawledAt", c.last_success_at as "lastSuccessAt",
               c.last_post_at as "lastPostAt", c.consecutive_failures as "consecutiveFailures", c.error,
               c.leased_by as "leasedBy", c.leased_until as "leasedUntil",
               (select count(*)::int from monitoring.page_post p
                 where p.page_id = c.page_id and p.deleted_at is null
                   and p.published_at >= ${now}::timestamptz - interval '7 days' and p.published_at <= ${now}) as "postsLast7Days"
        from monitoring.page_crawl c where c.page_id = any(${pageIds}::uuid[])`,
    )
  ).map((row) => ({
    ...row,
    // The driver hands timestamps over as text.
    lastCrawledAt: instant(row.lastCrawledAt),
    lastSuccessAt: instant(row.lastSuccessAt),
    lastPostAt: instant(row.lastPostAt),
    leasedUntil: instant(row.leasedUntil),
  }));

/**
 * Takes the page's lease for `ttlMs` unless another crawl holds it: true when this caller may
 * crawl. A crashed worker's lease runs out and the page is taken over.
 */
export async function takeLease(em: EntityManager, pageId: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const until = new Date(now.getTime() + ttlMs);
  const row = await queryRow<{ page_id: string }>(
    em,
    sql`insert into monitoring.page_crawl (page_id, leased_by, leased_until) values (${pageId}::uuid, ${holder}, ${until})
        on conflict (page_id) do update set leased_by = excluded.leased_by, leased_until = excluded.leased_until
        where page_crawl.leased_until is null or page_crawl.leased_until < ${now}
        returning page_id`,
  );
  return row !== undefined;
}

export interface CrawlRecord {
  state: CrawlState;
  /** Resolved on this crawl (or null to keep what was known). */
  platformPageId: string | null;
  at: Date;
  succeeded: boolean;
}

/** Writes the crawl's outcome and gives the lease back. */
export async function recordCrawl(em: EntityManager, pageId: string, holder: string, record: CrawlRecord): Promise<void> {
  const status: CrawlStatus | null = record.state.status;
  await execSql(
    em,
    sql`update monitoring.page_crawl set
          status = ${status}, consecutive_failures = ${record.state.consecutiveFailures}, error = ${record.state.error},
          platform_page_id = coalesce(${record.platformPageId}, platform_page_id),
          last_crawled_at = ${record.at},
          last_success_at = case when ${record.succeeded} then ${record.at}::timestamptz else last_success_at end,
          last_post_at = (select max(published_at) from monitoring.page_post where page_id = ${pageId}::uuid and deleted_at is null),
          leased_by = null, leased_until = null
        where page_id = ${pageId}::uuid and leased_by = ${holder}`,
  );
}

/** Gives a lease back without recording anything (the crawl could not start). */
export const releaseLease = (em: EntityManager, pageId: string, holder: string): Promise<number> =>
  execSql(
    em,
    sql`update monitoring.page_crawl set leased_by = null, leased_until = null where page_id = ${pageId}::uuid and leased_by = ${holder}`,
  );
