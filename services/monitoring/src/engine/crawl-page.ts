import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock, Logger } from '@hub/common';
import { PlatformError, type PlatformAdapter, type PlatformPost } from '../platforms/adapter.js';
import type { Platforms } from '../platforms/index.js';
import { crawlSince, nextCrawlState, type CrawlOutcome } from '../domain/crawl-state.js';
import type { DirectoryPage } from '../data/pages.repo.js';
import { crawlStates, recordCrawl, takeLease } from '../data/crawls.repo.js';
import { markGone, postsSince, upsertPosts } from '../data/posts.repo.js';
import { matchPagePosts } from './match-posts.js';
import type { HubApi } from '../hub-api.js';
import { actOnEvidence } from './act-on-evidence.js';
import type { PhotoHasher } from '../platforms/photos.js';
import { hashMaterialImages, hashPostPhotos } from './hash-photos.js';

export interface CrawlDeps {
  em: EntityManager;
  clock: Clock;
  timezone: string;
  logger: Logger;
  platforms: Platforms;
  /** Who holds a page's lease while crawling it (a worker's name, or the GraphQL process's). */
  holder: string;
  /** The gateway as SYSTEM, to tell organizations a page's id on its platform; absent, nothing is told. */
  hub?: HubApi;
  /** Fetches and hashes photos for image matching; absent, photos are not compared. */
  photos?: PhotoHasher;
}

/** A crawl's lease outlives any reasonable crawl of one page (its requests time out well before). */
export const LEASE_MS = 5 * 60_000;

export type CrawlResult = 'crawled' | 'busy';

/**
 * Reads one page on its platform and records what it saw (docs/DESIGN.md, "Evidence from the
 * platforms"): the posts of the crawl window stored or refreshed, those gone from it marked
 * deleted, the page's status. Only one crawl reads a page at a time: 'busy' when another holds it.
 * The platform is read outside any transaction; what was read is written in one.
 */
export async function crawlPage(deps: CrawlDeps, page: DirectoryPage): Promise<CrawlResult> {
  const started = deps.clock();
  if (!(await takeLease(deps.em, page.id, deps.holder, started, LEASE_MS))) return 'busy';
  const [previous] = await crawlStates(deps.em, [page.id], started);
  const adapter: PlatformAdapter | undefined = deps.platforms[page.platform as keyof Platforms];
  const since = crawlSince(started, deps.timezone);
  let outcome: CrawlOutcome;
  let platformPageId = previous?.platformPageId ?? null;
  let posts: PlatformPost[] = [];
  try {
    if (!adapter) throw new PlatformError('NOT_CONFIGURED', `${page.platform} pages are not read by the hub`);
    if (!adapter.configured) throw new PlatformError('NOT_CONFIGURED', `${page.platform}: no credentials configured`);
    // A page read before is known by its id on the platform: resolving its address again would
    // cost a request a crawl (Telegram's preview twice). After a failure it is resolved afresh.
    const known = previous?.status === 'OK' && previous.platformPageId ? { platformPageId: previous.platformPageId, title: null } : null;
    const resolved = known ?? (await adapter.resolvePage(page.url));
    platformPageId = resolved.platformPageId;
    posts = await adapter.listPosts(resolved, since);
    outcome = { ok: true };
  } catch (err) {
    if (!(err instanceof PlatformError)) {
      // A bug in an adapter: recorded as what the platform's answer could not be read as.
      deps.logger.error({ err, pageId: page.id, platform: page.platform }, 'page crawl failed unexpectedly');
    }
    const failure = err instanceof PlatformError ? err.failure : 'PARSE_FAILED';
    outcome = { ok: false, failure, message: (err as Error).message };
  }
  const inWindow = posts.filter((p) => p.publishedAt >= since);
  const photoHashes = outcome.ok ? await hashPhotos(deps, page, inWindow, since) : new Map<string, string[]>();
  const state = nextCrawlState(previous ?? null, outcome);
  const at = deps.clock();
  await deps.em.transactional(async (em) => {
    if (outcome.ok) {
      await upsertPosts(em, page.id, inWindow, at, photoHashes);
      await markGone(
        em,
        page.id,
        since,
        inWindow.map((p) => p.platformPostId),
        at,
      );
      await matchPagePosts(em, page, await postsSince(em, page.id, since), since, at);
    }
    await recordCrawl(em, page.id, deps.holder, { state, platformPageId, at, succeeded: outcome.ok });
  });
  // VK's post addresses name the community by number, so organizations needs it to tell a foreign
  // post from the page's own (the other platforms' addresses carry what they were registered with).
  // Told on every crawl until organizations knows it: a gateway that is down now hears it next time.
  if (outcome.ok && page.platform === 'VK' && platformPageId && platformPageId !== page.platformId && deps.hub) {
    await deps.hub
      .recordPageIdentity(page.id, platformPageId)
      .catch((err: unknown) => deps.logger.warn({ err, pageId: page.id }, "could not tell organizations the page's platform id"));
  }
  const evidence = outcome.ok ? await actOnEvidence(deps, page.id, since, at) : { discovered: 0, disproved: 0 };
  deps.logger.debug(
    {
      pageId: page.id,
      platform: page.platform,
      status: state.status,
      posts: posts.length,
      ...evidence,
      ms: at.getTime() - started.getTime(),
    },
    'page crawled',
  );
  return 'crawled';
}

/**
 * The photo hashes of the crawl's posts that need them, and the images of the materials the page's
 * organization received hashed and stored, read before the crawl's transaction (fetches are
 * slow). A failure here costs the image evidence of this crawl only, never the crawl.
 */
async function hashPhotos(
  deps: CrawlDeps,
  page: DirectoryPage,
  posts: readonly PlatformPost[],
  since: Date,
): Promise<Map<string, string[]>> {
  if (!deps.photos) return new Map();
  try {
    await hashMaterialImages(deps.em, deps.photos, page.organizationId, since, deps.clock());
    return await hashPostPhotos(deps.em, deps.photos, page.id, posts);
  } catch (err) {
    deps.logger.warn({ err, pageId: page.id }, 'photos could not be hashed');
    return new Map();
  }
}
