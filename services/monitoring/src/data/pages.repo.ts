import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRow, queryRows, sql, type CrawlShard } from '@hub/common';

/** A row of the organizations.page_directory read contract (docs/READ-CONTRACTS.md). */
export interface DirectoryPage {
  id: string;
  organizationId: string;
  platform: string;
  url: string;
  /** The id organizations knows the page by on its platform, null until recorded. */
  platformId: string | null;
  active: boolean;
}

const SELECT = sql`select id, organization_id as "organizationId", platform, url, platform_id as "platformId", active from organizations.page_directory`;

export const pageById = (em: EntityManager, id: string): Promise<DirectoryPage | undefined> =>
  queryRow<DirectoryPage>(em, sql`${SELECT} where id = ${id}::uuid`);

export const pagesByIds = (em: EntityManager, ids: readonly string[]): Promise<DirectoryPage[]> =>
  queryRows<DirectoryPage>(em, sql`${SELECT} where id = any(${ids}::uuid[])`);

/**
 * Pages of active organizations on the given platforms whose last crawl started before `before`
 * (or that were never crawled), the longest waiting first, and not leased by a crawl under way;
 * of those, the shard's: a page belongs to shard 1 + (hash of its id mod count).
 */
export const pagesDue = (
  em: EntityManager,
  platforms: readonly string[],
  before: Date,
  now: Date,
  limit: number,
  shard: CrawlShard = { index: 1, count: 1 },
): Promise<DirectoryPage[]> =>
  queryRows<DirectoryPage>(
    em,
    sql`select d.id, d.organization_id as "organizationId", d.platform, d.url, d.platform_id as "platformId", d.active
        from organizations.page_directory d
        left join monitoring.page_crawl c on c.page_id = d.id
        where d.active and d.platform = any(${platforms}::text[])
          and (c.last_crawled_at is null or c.last_crawled_at < ${before})
          and (c.leased_until is null or c.leased_until < ${now})
          and (${shard.count} = 1 or (hashtextextended(d.id::text, 0) % ${shard.count} + ${shard.count}) % ${shard.count} = ${shard.index - 1})
        order by c.last_crawled_at nulls first, d.id
        limit ${limit}`,
  );
