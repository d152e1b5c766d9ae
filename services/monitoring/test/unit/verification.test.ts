import { describe, expect, it } from 'vitest';
import { disproofReason, nextPlacementCheck, verificationOf, type VerificationFacts } from '../../src/domain/verification.js';

const base: VerificationFacts = {
  post: null,
  matched: false,
  publishedAt: new Date('2026-12-03T02:00:00Z'),
  lastSuccessAt: null,
  timezone: 'Asia/Vladivostok',
};

describe("a reported placement's verification", () => {
  it('is VERIFIED when its post was seen and matches its material, MISMATCH when it places something else', () => {
    expect(verificationOf({ ...base, post: { deletedAt: null }, matched: true })).toBe('VERIFIED');
    expect(verificationOf({ ...base, post: { deletedAt: null }, matched: false })).toBe('MISMATCH');
  });

  it('is NOT_FOUND when the post was deleted, or a crawl read the page past its time and back to it', () => {
    expect(verificationOf({ ...base, post: { deletedAt: new Date('2026-12-04T00:00:00Z') }, matched: true })).toBe('NOT_FOUND');
    expect(verificationOf({ ...base, lastSuccessAt: new Date('2026-12-04T00:00:00Z') })).toBe('NOT_FOUND');
  });

  it('is PENDING before such a crawl: none yet, one before the post, or one whose window no longer reaches it', () => {
    expect(verificationOf(base)).toBe('PENDING');
    expect(verificationOf({ ...base, lastSuccessAt: new Date('2026-12-03T01:00:00Z') })).toBe('PENDING');
    // Three weeks later a crawl reads back to the previous week's Monday only.
    expect(verificationOf({ ...base, lastSuccessAt: new Date('2026-12-24T00:00:00Z') })).toBe('PENDING');
  });
});

describe('when a placement stops counting', () => {
  it('is on the second crawl in a row that finds it NOT_FOUND or MISMATCH, not the first', () => {
    const first = nextPlacementCheck(null, 'NOT_FOUND');
    expect(first).toEqual({ verification: 'NOT_FOUND', failedCrawls: 1, disprove: false });
    const second = nextPlacementCheck({ failedCrawls: first.failedCrawls, disproved: false }, 'MISMATCH');
    expect(second).toEqual({ verification: 'MISMATCH', failedCrawls: 2, disprove: true });
  });

  it('starts over when the post is seen matching again, and waits while the crawl does not reach it', () => {
    expect(nextPlacementCheck({ failedCrawls: 1, disproved: false }, 'VERIFIED')).toEqual({
      verification: 'VERIFIED',
      failedCrawls: 0,
      disprove: false,
    });
    expect(nextPlacementCheck({ failedCrawls: 1, disproved: false }, 'PENDING')).toEqual({
      verification: 'PENDING',
      failedCrawls: 1,
      disprove: false,
    });
  });

  it('is decided once: a placement already disproved is not disproved again', () => {
    expect(nextPlacementCheck({ failedCrawls: 2, disproved: true }, 'NOT_FOUND').disprove).toBe(false);
  });

  it('says why in words its officer reads', () => {
    expect(disproofReason('NOT_FOUND', 'https://vk.com/wall-1_2', '06.12.2026 12:00')).toBe(
      'Мониторинг: публикация https://vk.com/wall-1_2 не найдена на странице (удалена или не опубликована) при 2 проверках подряд, последняя — 06.12.2026 12:00. Размещение не засчитывается.',
    );
    expect(disproofReason('MISMATCH', 'https://t.me/a/5', '06.12.2026 12:00')).toContain('не соответствует материалу');
  });
});
