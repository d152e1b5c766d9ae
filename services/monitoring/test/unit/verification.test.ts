import { describe, expect, it } from 'vitest';
import { verificationOf, type VerificationFacts } from '../../src/domain/verification.js';

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
