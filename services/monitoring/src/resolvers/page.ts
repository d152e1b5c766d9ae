import { assertCanRead, canSeePersonalData, decodeCursor, pageSize, toConnection, encodeCursor } from '@hub/common';
import type { OfficialPageResolvers, PagePostResolvers } from '../generated/graphql.js';
import type { MonitoringContext } from '../context.js';
import { POST_CURSOR_KEYS, postsPage } from '../data/posts.repo.js';
import { PLATFORMS } from '../platforms/adapter.js';
import type { Platforms } from '../platforms/index.js';
import type { PageCrawlView } from './mappers.js';

/** The page, once the caller is known to be allowed to see it (its organization in scope). */
async function readablePage(ctx: MonitoringContext, pageId: string) {
  const page = await ctx.pages.load(pageId);
  if (!page) return null;
  await assertCanRead(ctx.auth, [page.organizationId], ctx.hierarchy);
  return page;
}

export const officialPageResolvers = (platforms: Platforms): OfficialPageResolvers<MonitoringContext> => ({
  crawl: async (ref, _args, ctx): Promise<PageCrawlView | null> => {
    const page = await readablePage(ctx, ref.id);
    if (!page) return null;
    const state = await ctx.crawls.load(page.id);
    if (state?.status) return { ...state, status: state.status };
    // Never crawled: a page the hub cannot read says so at once rather than waiting for a crawl.
    const readable = (PLATFORMS as readonly string[]).includes(page.platform) && platforms[page.platform as keyof Platforms].configured;
    if (readable) return null;
    return {
      pageId: page.id,
      status: 'NOT_CONFIGURED',
      lastCrawledAt: null,
      lastPostAt: null,
      postsLast7Days: 0,
      error: `${page.platform}: the hub does not read this platform (no credentials configured)`,
    };
  },
  posts: async (ref, args, ctx) => {
    const page = await readablePage(ctx, ref.id);
    if (!page) return null;
    const size = pageSize(args.first);
    const { totalCount, rows } = await postsPage(ctx.em, page.id, decodeCursor(args.after, POST_CURSOR_KEYS), size);
    return toConnection(rows, size, totalCount, (row) => encodeCursor([row.publishedAt.toISOString(), row.id]));
  },
});

export const PagePost: PagePostResolvers<MonitoringContext> = {
  text: async (post, _args, ctx) => {
    const page = await ctx.pages.load(post.pageId);
    // The organization's working material: the same readers as its head's address (ADMIN, ANALYST, its own scope).
    return page && (await canSeePersonalData(ctx.auth, page.organizationId, ctx.hierarchy)) ? post.text : null;
  },
  matches: async (post, _args, ctx) =>
    (await ctx.matches.load(post.id)).map((m) => ({
      material: { id: m.materialId },
      score: m.score,
      evidence: m.evidence,
      decision: m.decision,
    })),
};
