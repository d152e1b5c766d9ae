import { describe, expect, it } from 'vitest';
import { daysSince, isSilent, silentSince, troubleRank } from '../../src/domain/page-health.js';
import type { CrawlStatus } from '../../src/domain/crawl-state.js';

const now = new Date('2026-12-07T02:00:00Z');
const daysAgo = (days: number, extraMs = 0) => new Date(now.getTime() - days * 86_400_000 - extraMs);

describe("a page's silence", () => {
  it('counts whole days of 24 hours since the newest post, and none when no post was seen', () => {
    expect(daysSince(null, now)).toBeNull();
    expect(daysSince(now, now)).toBe(0);
    expect(daysSince(daysAgo(0, 23 * 3_600_000), now)).toBe(0);
    expect(daysSince(daysAgo(14), now)).toBe(14);
    expect(daysSince(daysAgo(14, -1), now)).toBe(13);
    // A post dated a little ahead of the hub's clock is not a negative silence.
    expect(daysSince(new Date(now.getTime() + 60_000), now)).toBe(0);
  });

  it('is at least N days when the newest post is that old, or when the hub read the page and never saw it post', () => {
    expect(isSilent({ status: 'OK', lastPostAt: daysAgo(14) }, now, 14)).toBe(true);
    expect(isSilent({ status: 'OK', lastPostAt: daysAgo(14, -1) }, now, 14)).toBe(false);
    expect(isSilent({ status: 'PRIVATE', lastPostAt: daysAgo(20) }, now, 14)).toBe(true);
    expect(isSilent({ status: 'OK', lastPostAt: null }, now, 14)).toBe(true);
    // Not read, or not read yet: nothing is known of its posts.
    expect(isSilent({ status: 'PRIVATE', lastPostAt: null }, now, 14)).toBe(false);
    expect(isSilent({ status: null, lastPostAt: null }, now, 14)).toBe(false);
    expect(silentSince(now, 14)).toEqual(daysAgo(14));
  });

  it('agrees with daysSince: silent for N days exactly when daysSince is N or more', () => {
    for (const hours of [0, 1, 23, 24, 25, 24 * 13 + 23, 24 * 14, 24 * 14 + 1, 24 * 30]) {
      const lastPostAt = new Date(now.getTime() - hours * 3_600_000);
      for (const days of [1, 7, 14]) {
        expect(isSilent({ status: 'OK', lastPostAt }, now, days), `${hours} h, ${days} d`).toBe(daysSince(lastPostAt, now)! >= days);
      }
    }
  });
});

describe('the order of pageHealth', () => {
  it('puts the pages the hub cannot read first, then those it reads, then those it does not read, then those not crawled yet', () => {
    const statuses: (CrawlStatus | null)[] = [
      null,
      'NOT_CONFIGURED',
      'OK',
      'RATE_LIMITED',
      'PARSE_FAILED',
      'NOT_FOUND',
      'PRIVATE',
      'UNREACHABLE',
    ];
    const ranked = [...statuses].sort((a, b) => troubleRank(a) - troubleRank(b));
    expect(ranked.slice(0, 5).every((s) => troubleRank(s) === 0)).toBe(true);
    expect(ranked.slice(5)).toEqual(['OK', 'NOT_CONFIGURED', null]);
  });
});
