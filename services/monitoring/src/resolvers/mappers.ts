// What the resolvers of each schema type receive as their parent (codegen.ts names these as mappers).
import type { CrawlStatus } from '../domain/crawl-state.js';

export type { PagePostRow } from '../data/posts.repo.js';

/**
 * A Placement as the gateway hands it over with the fields monitoring @requires from organizations,
 * as sent: JSON, the time a string.
 */
export interface PlacementRepresentation {
  id: string;
  url?: string;
  publishedAt?: string;
  page?: { id: string };
  material?: { id: string };
}

/** An OfficialPage as the gateway references it. */
export interface OfficialPageReference {
  id: string;
}

/** A page's crawl as stored, or as made up for a page the hub cannot read. */
export interface PageCrawlView {
  pageId: string;
  status: CrawlStatus;
  lastCrawledAt: Date | null;
  lastPostAt: Date | null;
  postsLast7Days: number;
  error: string | null;
}
