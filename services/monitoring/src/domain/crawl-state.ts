import { periodContaining, shiftPeriod } from '@hub/common';
import type { CrawlFailure } from '../platforms/adapter.js';

export type CrawlStatus = 'OK' | CrawlFailure;

/** A page failing this many crawls in a row (network, 5xx, rate limits) is UNREACHABLE. */
export const FAILURES_BEFORE_UNREACHABLE = 3;

export interface CrawlState {
  status: CrawlStatus | null;
  consecutiveFailures: number;
  error: string | null;
}

export type CrawlOutcome = { ok: true } | { ok: false; failure: CrawlFailure; message: string };

/**
 * The page's state after a crawl. A platform saying the page is private, gone or unreadable is
 * believed at once; a platform that cannot be reached or asks to slow down may be passing
 * trouble, so the page keeps its status (with the error) until the third failure in a row.
 * NOT_CONFIGURED is no failure: nothing was tried.
 */
export function nextCrawlState(previous: CrawlState | null, outcome: CrawlOutcome): CrawlState {
  if (outcome.ok) return { status: 'OK', consecutiveFailures: 0, error: null };
  if (outcome.failure === 'NOT_CONFIGURED') return { status: 'NOT_CONFIGURED', consecutiveFailures: 0, error: outcome.message };
  const consecutiveFailures = (previous?.consecutiveFailures ?? 0) + 1;
  const passing = outcome.failure === 'UNREACHABLE' || outcome.failure === 'RATE_LIMITED';
  if (!passing) return { status: outcome.failure, consecutiveFailures, error: outcome.message };
  if (consecutiveFailures >= FAILURES_BEFORE_UNREACHABLE) return { status: 'UNREACHABLE', consecutiveFailures, error: outcome.message };
  const kept = previous?.status && previous.status !== 'NOT_CONFIGURED' ? previous.status : outcome.failure;
  return { status: outcome.failure === 'RATE_LIMITED' ? 'RATE_LIMITED' : kept, consecutiveFailures, error: outcome.message };
}

/**
 * How far back a crawl reads: the start of the previous local week. Placements count in the week
 * they were published and a week's check runs the Monday after, so posts of this and the last
 * week are the ones whose presence, deletion and reach still matter; each crawl re-reads them
 * (a post gone from that window is marked deleted) and older posts are left as last seen.
 */
export function crawlSince(now: Date, timezone: string): Date {
  return shiftPeriod(periodContaining('WEEK', now, timezone), -1, timezone).start;
}
