import type { CrawlShard } from '@hub/common';
import { PLATFORMS } from '../platforms/adapter.js';
import { pagesDue } from '../data/pages.repo.js';
import { crawlPage, type CrawlDeps } from './crawl-page.js';

export interface CrawlDueOptions {
  /** Every page is crawled this often (MONITORING_INTERVAL_HOURS). */
  intervalMs: number;
  /** Pages crawled at once; each platform's limiter still paces its requests. */
  concurrency?: number;
  /** Pages taken per round. */
  batch?: number;
  /** Keeps the scheduler's lock alive during a long run (Agenda's job.touch). */
  touch?: () => Promise<void>;
  /** Only this shard's pages (MONITORING_SHARD); all when absent. */
  shard?: CrawlShard;
}

/**
 * One scheduled run: crawls every page of a read platform whose last crawl is older than the
 * interval, the longest waiting first, until none is left. Pages another worker holds are left to
 * it; a page that fails is recorded as failed and the run goes on.
 */
export async function crawlDuePages(deps: CrawlDeps, options: CrawlDueOptions): Promise<{ crawled: number }> {
  const concurrency = options.concurrency ?? 8;
  const batch = options.batch ?? 200;
  const platforms = PLATFORMS.filter((p) => deps.platforms[p].configured);
  let crawled = 0;
  const skipped = new Set<string>();
  for (;;) {
    const now = deps.clock();
    const due = (await pagesDue(deps.em, platforms, new Date(now.getTime() - options.intervalMs), now, batch, options.shard)).filter(
      (p) => !skipped.has(p.id),
    );
    if (!due.length) return { crawled };
    const queue = [...due];
    await Promise.all(
      Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
        for (let page = queue.shift(); page; page = queue.shift()) {
          // Each crawl works on its own fork: the crawls of one run share no unit of work.
          const result = await crawlPage({ ...deps, em: deps.em.fork() }, page);
          if (result === 'crawled') crawled += 1;
          else skipped.add(page.id);
        }
      }),
    );
    await options.touch?.();
  }
}
