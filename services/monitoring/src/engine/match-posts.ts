import type { EntityManager } from '@mikro-orm/postgresql';
import { AUTO_THRESHOLD, bestMatches } from '../domain/match.js';
import type { DirectoryPage } from '../data/pages.repo.js';
import type { PagePostRow } from '../data/posts.repo.js';
import { receivedMaterials, replaceMatches, type FoundMatch, type ReceivedMaterial } from '../data/matches.repo.js';

/**
 * The materials read so far, by id: a distributed material's text no longer changes, and the
 * matcher keeps each material's fingerprint with its object, so a crawl of many pages of the same
 * recipients fingerprints each material once rather than once a page. Its image hashes do change
 * (fetched after it was first read): a material whose hashes changed is taken afresh. Bounded:
 * oldest out first.
 */
const known = new Map<string, ReceivedMaterial>();
const KNOWN_MAX = 5_000;

function remembered(materials: ReceivedMaterial[]): ReceivedMaterial[] {
  return materials.map((material) => {
    const key = material.id;
    const seen = known.get(key);
    if (seen && seen.distributedAt.getTime() === material.distributedAt.getTime() && sameHashes(seen, material)) return seen;
    known.set(key, material);
    if (known.size > KNOWN_MAX) known.delete(known.keys().next().value!);
    return material;
  });
}

const sameHashes = (a: ReceivedMaterial, b: ReceivedMaterial): boolean =>
  a.imageHashes.length === b.imageHashes.length && a.imageHashes.every((hash, i) => hash === b.imageHashes[i]);

/**
 * Matches the posts of a crawl's window to the materials the page's organization received
 * (docs/DESIGN.md, "Evidence from the platforms"): a post can place a material only after it was
 * distributed. The best match at or above AUTO_THRESHOLD counts at once; the others at or above
 * SUGGEST_THRESHOLD wait for the officer.
 */
export async function matchPagePosts(
  em: EntityManager,
  page: DirectoryPage,
  posts: readonly PagePostRow[],
  since: Date,
  until: Date,
): Promise<number> {
  const live = posts.filter((post) => !post.deletedAt);
  if (!live.length) return 0;
  const materials = remembered(await receivedMaterials(em, page.organizationId, since, until));
  const found: FoundMatch[] = [];
  for (const post of live) {
    const open = materials.filter((m) => m.distributedAt <= post.publishedAt);
    const matches = bestMatches(post, open);
    matches.forEach((match, rank) => {
      const decision = rank === 0 && match.score >= AUTO_THRESHOLD ? 'AUTO' : null;
      found.push({ postId: post.id, materialId: match.material.id, score: match.score, evidence: match.evidence, decision });
    });
  }
  await replaceMatches(
    em,
    live.map((post) => post.id),
    found,
  );
  return found.length;
}
