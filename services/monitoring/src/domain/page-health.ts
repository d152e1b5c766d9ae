import type { CrawlStatus } from './crawl-state.js';

export const DAY_MS = 86_400_000;

/** The most days `silentForDays` may ask for (ten years). */
export const MAX_SILENT_DAYS = 3650;

/** Statuses that say the hub cannot read the page: the most troubled pages, listed first. */
export const UNREADABLE: readonly CrawlStatus[] = ['UNREACHABLE', 'PRIVATE', 'NOT_FOUND', 'PARSE_FAILED', 'RATE_LIMITED'];

/**
 * How troubled a page is, most first (pageHealth's order): 0 the hub cannot read it, 1 read (OK),
 * 2 on a platform the hub does not read (NOT_CONFIGURED), 3 not crawled yet.
 */
export function troubleRank(status: CrawlStatus | null): number {
  if (status === null) return 3;
  if (status === 'OK') return 1;
  if (status === 'NOT_CONFIGURED') return 2;
  return 0;
}

/** Whole days of 24 hours since the page's newest post; null when no post was seen. */
export function daysSince(lastPostAt: Date | null, now: Date): number | null {
  if (!lastPostAt) return null;
  return Math.max(0, Math.floor((now.getTime() - lastPostAt.getTime()) / DAY_MS));
}

/** The newest post a page silent for `days` at `now` may have: posts at or before it. */
export const silentSince = (now: Date, days: number): Date => new Date(now.getTime() - days * DAY_MS);

/**
 * Silent for at least `days`: its newest post is that old, or the hub read it (OK) and never saw
 * it post. A page the hub could not read and saw no post on is not known to be silent.
 */
export function isSilent(page: { status: CrawlStatus | null; lastPostAt: Date | null }, now: Date, days: number): boolean {
  if (page.lastPostAt) return page.lastPostAt.getTime() <= silentSince(now, days).getTime();
  return page.status === 'OK';
}

/** A page the hub does not read, before any crawl: why, as OfficialPage.crawl says it. */
export const notReadError = (platform: string): string => `${platform}: the hub does not read this platform (no credentials configured)`;
