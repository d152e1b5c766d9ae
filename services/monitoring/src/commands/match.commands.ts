import { badInput, forbidden, isUuid, notFound, type Claims } from '@hub/common';
import type { MonitoringContext } from '../context.js';
import { pageById } from '../data/pages.repo.js';
import { decideMatch, postPage, type MatchDecision } from '../data/matches.repo.js';
import type { PostMatchRow } from '../data/posts.repo.js';
import type { HubApi } from '../hub-api.js';
import { reportPageDiscoveries } from '../engine/act-on-evidence.js';

const validId = (value: string, field: string): string => {
  if (!isUuid(value)) throw badInput(field, `${field}: is not a valid id`);
  return value;
};

/** Deciding on a match: ADMIN anywhere, an OPERATOR for the posts of its organization's tree; nobody else. */
function assertMayDecide(auth: Claims): void {
  if (auth.role !== 'ADMIN' && auth.role !== 'OPERATOR') throw forbidden(`Role ${auth.role} may not decide on matches`);
}

async function assertPageInScope(ctx: MonitoringContext, organizationId: string): Promise<void> {
  if (ctx.auth.role === 'ADMIN') return;
  if (!(await ctx.hierarchy.isWithin(ctx.auth.org!, [organizationId]))) throw forbidden('The post is on a page outside your scope');
}

/**
 * What follows an officer's decision elsewhere in the hub: a CONFIRMED post that nobody reported
 * is reported at once as a DISCOVERED placement of the material (engine/act-on-evidence.ts, as a
 * crawl does), so the officer sees it count without waiting for the next crawl. A gateway that
 * cannot be reached now leaves it to the page's next crawl.
 */
async function afterMatchDecided(ctx: MonitoringContext, pageId: string, match: PostMatchRow, hub?: HubApi): Promise<void> {
  if (match.decision !== 'CONFIRMED' || !hub) return;
  await reportPageDiscoveries({ em: ctx.em, timezone: ctx.timezone, logger: ctx.logger, hub }, pageId, ctx.clock());
}

/**
 * decidePostMatch: the officer confirms (CONFIRMED) or rejects (REJECTED) the hub's match of a
 * post to a material, a suggestion or not, and may change an earlier decision. Stored with the
 * caller's subject and the time; a refused call changes nothing.
 */
export async function decidePostMatch(
  ctx: MonitoringContext,
  args: { postId: string; materialId: string; confirmed: boolean },
  hub?: HubApi,
): Promise<PostMatchRow> {
  const postId = validId(args.postId, 'postId');
  const materialId = validId(args.materialId, 'materialId');
  assertMayDecide(ctx.auth);
  const post = await postPage(ctx.em, postId);
  if (!post) throw notFound('Post', postId, 'postId');
  const page = await pageById(ctx.em, post.pageId);
  // The page is gone from the registry: nobody answers for its posts any more.
  if (!page) throw notFound('Post', postId, 'postId');
  await assertPageInScope(ctx, page.organizationId);
  const decision: MatchDecision = args.confirmed ? 'CONFIRMED' : 'REJECTED';
  const match = await decideMatch(ctx.em, { postId, materialId }, decision, ctx.auth.sub, ctx.clock());
  if (!match) throw notFound('Match of the post to material', materialId, 'materialId');
  await afterMatchDecided(ctx, page.id, match, hub);
  return match;
}
