import DataLoader from 'dataloader';
import { createDirectoryHierarchy, groupBy, type BaseContext } from '@hub/common';
import { pagesByIds, type DirectoryPage } from './data/pages.repo.js';
import { crawlStates, type PageCrawlRow } from './data/crawls.repo.js';
import { matchesOfPosts, postsByAddress, type PagePostRow, type PostMatchRow } from './data/posts.repo.js';

export interface MonitoringContext extends BaseContext {
  hierarchy: ReturnType<typeof createDirectoryHierarchy>;
  /** Pages of the organizations.page_directory read contract, by id. */
  pages: DataLoader<string, DirectoryPage | null>;
  /** Each page's crawl state, null before its first crawl. */
  crawls: DataLoader<string, PageCrawlRow | null>;
  /** Each post's matches, best first. */
  matches: DataLoader<string, PostMatchRow[]>;
  /** The post stored at an address on a page (a placement's), keyed "pageId|url". */
  postAt: DataLoader<string, PagePostRow | null>;
}

export function createContext(base: BaseContext): MonitoringContext {
  const byKey = <Row, Key extends keyof Row>(rows: Row[], key: Key) => new Map(rows.map((row) => [row[key], row]));
  return {
    ...base,
    hierarchy: createDirectoryHierarchy(base.em),
    pages: new DataLoader(async (ids) => {
      const found = byKey(await pagesByIds(base.em, ids), 'id');
      return ids.map((id) => found.get(id) ?? null);
    }),
    crawls: new DataLoader(async (ids) => {
      const found = byKey(await crawlStates(base.em, ids, base.clock()), 'pageId');
      return ids.map((id) => found.get(id) ?? null);
    }),
    postAt: new DataLoader(async (keys) => {
      const found = await postsByAddress(
        base.em,
        keys.map((key) => {
          const [pageId = '', ...url] = key.split('|');
          return { pageId, url: url.join('|') };
        }),
      );
      return keys.map((key) => found.get(key) ?? null);
    }),
    matches: new DataLoader(async (ids) => {
      const byPost = groupBy(await matchesOfPosts(base.em, ids), (row) => row.postId);
      return ids.map((id) => byPost.get(id) ?? []);
    }),
  };
}
