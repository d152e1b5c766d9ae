import { describe, expect, it } from 'vitest';
import { crawlSince, nextCrawlState, type CrawlState } from '../../src/domain/crawl-state.js';

const ok: CrawlState = { status: 'OK', consecutiveFailures: 0, error: null };
const fail = (failure: Parameters<typeof nextCrawlState>[1] & { ok: false }) => failure;

describe('a page after a crawl', () => {
  it('is OK after a good crawl, whatever came before', () => {
    expect(nextCrawlState({ status: 'UNREACHABLE', consecutiveFailures: 5, error: 'x' }, { ok: true })).toEqual(ok);
  });

  it('is UNREACHABLE only on the third network failure in a row, keeping its status meanwhile', () => {
    const network = fail({ ok: false, failure: 'UNREACHABLE', message: 'ECONNRESET' });
    const first = nextCrawlState(ok, network);
    expect(first).toEqual({ status: 'OK', consecutiveFailures: 1, error: 'ECONNRESET' });
    const second = nextCrawlState(first, network);
    expect(second.status).toBe('OK');
    expect(nextCrawlState(second, network)).toEqual({ status: 'UNREACHABLE', consecutiveFailures: 3, error: 'ECONNRESET' });
  });

  it('says RATE_LIMITED when the platform asks to slow down, and counts it as a failure', () => {
    const limited = nextCrawlState(ok, fail({ ok: false, failure: 'RATE_LIMITED', message: 'VK error 6' }));
    expect(limited).toEqual({ status: 'RATE_LIMITED', consecutiveFailures: 1, error: 'VK error 6' });
  });

  it('believes PRIVATE, NOT_FOUND and PARSE_FAILED at once', () => {
    for (const failure of ['PRIVATE', 'NOT_FOUND', 'PARSE_FAILED'] as const) {
      expect(nextCrawlState(ok, { ok: false, failure, message: failure }).status).toBe(failure);
    }
  });

  it('takes the failure as its status on a first crawl, and NOT_CONFIGURED is no failure', () => {
    expect(nextCrawlState(null, { ok: false, failure: 'UNREACHABLE', message: 'down' }).status).toBe('UNREACHABLE');
    expect(nextCrawlState(ok, { ok: false, failure: 'NOT_CONFIGURED', message: 'no token' })).toEqual({
      status: 'NOT_CONFIGURED',
      consecutiveFailures: 0,
      error: 'no token',
    });
  });
});

describe('the window a crawl re-reads', () => {
  it('starts at the previous local week', () => {
    // Sunday 6 December 2026, 12:00 in Vladivostok: this week began on Monday 30 November.
    expect(crawlSince(new Date('2026-12-06T02:00:00Z'), 'Asia/Vladivostok').toISOString()).toBe('2026-11-22T14:00:00.000Z');
    // Monday 7 December, 00:30 local: a new week, the previous one began on 30 November.
    expect(crawlSince(new Date('2026-12-06T14:30:00Z'), 'Asia/Vladivostok').toISOString()).toBe('2026-11-29T14:00:00.000Z');
  });
});
