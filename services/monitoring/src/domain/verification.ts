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

/** Crawls in a row that must find a placement NOT_FOUND or MISMATCH before it stops counting. */
export const DISPROVE_AFTER_CRAWLS = 2;

export interface PlacementCheck {
  verification: PlacementVerification;
  /** Crawls in a row that found it NOT_FOUND or MISMATCH. */
  failedCrawls: number;
  /** This crawl makes it stop counting (it did not already). */
  disprove: boolean;
}

/**
 * A placement's check after a crawl (docs/DESIGN.md, "Evidence from the platforms"): one crawl
 * that misses a post may have met a platform's hiccup, so a placement stops counting on the
 * second crawl in a row that finds it absent or placing something else. Seen and matching again
 * starts the count over; PENDING (the crawl did not reach its time) leaves it as it was.
 */
export function nextPlacementCheck(
  previous: { failedCrawls: number; disproved: boolean } | null,
  verification: PlacementVerification,
): PlacementCheck {
  const before = previous?.failedCrawls ?? 0;
  const failedCrawls = verification === 'VERIFIED' ? 0 : verification === 'PENDING' ? before : before + 1;
  return { verification, failedCrawls, disprove: !previous?.disproved && failedCrawls >= DISPROVE_AFTER_CRAWLS };
}

/** Why a placement stopped counting, in the words its officer reads (the placement's reason, the letters). */
export function disproofReason(verification: 'NOT_FOUND' | 'MISMATCH', url: string, checkedAt: string): string {
  const what =
    verification === 'NOT_FOUND'
      ? `публикация ${url} не найдена на странице (удалена или не опубликована)`
      : `публикация ${url} на странице не соответствует материалу`;
  return `Мониторинг: ${what} при ${DISPROVE_AFTER_CRAWLS} проверках подряд, последняя — ${checkedAt}. Размещение не засчитывается.`;
}
