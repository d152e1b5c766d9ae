import { crawlSince } from './crawl-state.js';

export type PlacementVerification = 'PENDING' | 'VERIFIED' | 'NOT_FOUND' | 'MISMATCH';

export interface VerificationFacts {
  /** The placement's post as stored, or null when no crawl saw it. */
  post: { deletedAt: Date | null } | null;
  /** The post is matched to the placement's material (AUTO or CONFIRMED). */
  matched: boolean;
  publishedAt: Date;
  /** The page's last crawl that read it; null before one. */
  lastSuccessAt: Date | null;
  timezone: string;
}

/**
 * What the hub can say of a reported placement (docs/DESIGN.md, "Evidence from the platforms"):
 * its post seen and matching its material, seen but placing something else, or absent from a
 * crawl that read the page past the post's time and back to it. Until such a crawl, PENDING.
 */
export function verificationOf(facts: VerificationFacts): PlacementVerification {
  if (facts.post) {
    if (facts.post.deletedAt) return 'NOT_FOUND';
    return facts.matched ? 'VERIFIED' : 'MISMATCH';
  }
  const read = facts.lastSuccessAt;
  const covered = read !== null && read >= facts.publishedAt && facts.publishedAt >= crawlSince(read, facts.timezone);
  return covered ? 'NOT_FOUND' : 'PENDING';
}
