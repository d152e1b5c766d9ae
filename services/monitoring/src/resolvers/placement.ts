import { assertCanRead, isUuid } from '@hub/common';
import type { PlacementResolvers } from '../generated/graphql.js';
import type { MonitoringContext } from '../context.js';
import { verificationOf } from '../domain/verification.js';
import type { PlacementRepresentation } from './mappers.js';

/** The placement's post as stored, once the caller is known to see its page's organization. */
async function postOf(placement: PlacementRepresentation, ctx: MonitoringContext) {
  const pageId = placement.page?.id;
  if (!pageId || !isUuid(pageId) || !placement.url) return { page: null, post: null };
  const page = await ctx.pages.load(pageId);
  if (!page) return { page: null, post: null };
  await assertCanRead(ctx.auth, [page.organizationId], ctx.hierarchy);
  return { page, post: await ctx.postAt.load(`${pageId}|${placement.url}`) };
}

export const Placement: PlacementResolvers<MonitoringContext> = {
  verification: async (placement, _args, ctx) => {
    const { page, post } = await postOf(placement, ctx);
    if (!page || !placement.publishedAt) return 'PENDING';
    const matches = post ? await ctx.matches.load(post.id) : [];
    const matched = matches.some((m) => m.materialId === placement.material?.id && (m.decision === 'AUTO' || m.decision === 'CONFIRMED'));
    const crawl = await ctx.crawls.load(page.id);
    return verificationOf({
      post,
      matched,
      publishedAt: new Date(placement.publishedAt),
      lastSuccessAt: crawl?.lastSuccessAt ?? null,
      timezone: ctx.timezone,
    });
  },
  reach: async (placement, _args, ctx) => {
    const { post } = await postOf(placement, ctx);
    if (!post) return null;
    return { views: post.views, likes: post.likes, reposts: post.reposts, comments: post.comments, seenAt: post.lastSeenAt };
  },
};
