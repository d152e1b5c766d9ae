import { hostname } from 'node:os';
import { forbidden, idFilter, notFound, type Claims } from '@hub/common';
import type { MonitoringContext } from '../context.js';
import { pageById } from '../data/pages.repo.js';
import { crawlStates } from '../data/crawls.repo.js';
import { crawlPage, LEASE_MS, type CrawlDeps } from '../engine/crawl-page.js';
import type { PageCrawlView } from '../resolvers/mappers.js';

const HOLDER = `graphql:${hostname()}:${process.pid}`;
const WAIT_STEP_MS = 250;

/** Crawling a page now: ADMIN and ANALYST anywhere, an OPERATOR for the pages of its organization's tree. */
async function assertCanCrawl(auth: Claims, organizationId: string, ctx: MonitoringContext): Promise<void> {
  if (auth.role === 'ADMIN' || auth.role === 'ANALYST') return;
  if (auth.role !== 'OPERATOR') throw forbidden(`Role ${auth.role} may not crawl pages`);
  if (!(await ctx.hierarchy.isWithin(auth.org!, [organizationId]))) throw forbidden('The page is outside your scope');
}

/**
 * crawlPage: reads the page now and answers with its state when done. When a worker is crawling
 * it at that moment, waits for that crawl instead of reading the page twice.
 */
export async function crawlPageNow(
  ctx: MonitoringContext,
  readers: Pick<CrawlDeps, 'platforms' | 'photos' | 'hub'>,
  pageId: string,
): Promise<PageCrawlView> {
  const id = idFilter(pageId, 'pageId')!;
  const page = await pageById(ctx.em, id);
  if (!page) throw notFound('Official page', id, 'pageId');
  await assertCanCrawl(ctx.auth, page.organizationId, ctx);
  const deps: CrawlDeps = { em: ctx.em, clock: ctx.clock, timezone: ctx.timezone, logger: ctx.logger, holder: HOLDER, ...readers };
  if ((await crawlPage(deps, page)) === 'busy') {
    const deadline = Date.now() + LEASE_MS;
    while (Date.now() < deadline && (await crawlStates(ctx.em, [id], ctx.clock()))[0]?.leasedBy) {
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
  }
  const [state] = await crawlStates(ctx.em, [id], ctx.clock());
  if (!state?.status) throw new Error(`page ${id}: no crawl recorded`);
  return { ...state, status: state.status };
}
