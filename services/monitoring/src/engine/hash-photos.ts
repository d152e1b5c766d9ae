/**
 * Photos as matching evidence (docs/DESIGN.md, "Matching"): before a crawl writes what it read,
 * the photos of its new or changed posts and the images of the materials the page's organization
 * received are fetched and hashed (platforms/photos.ts), so the matcher compares hashes, never
 * fetches. Nothing here fails a crawl: a photo that cannot be read now is tried on the next one.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PlatformPost } from '../platforms/adapter.js';
import type { PhotoHash, PhotoHasher } from '../platforms/photos.js';
import { storedPhotos } from '../data/posts.repo.js';
import { imageLinksToFetch, storeMaterialImages, type MaterialImageResult } from '../data/material-images.repo.js';

/** A post's first photos are hashed: a placement's picture leads, and a gallery's tail adds fetches, not evidence. */
export const PHOTOS_PER_POST = 4;
/** Material images fetched per crawl of a page at most; the rest on the following crawls. */
const MATERIAL_LINKS_PER_CRAWL = 40;
/** A failure that may pass (a network error, HTTP 5xx) is tried again after this. */
export const PHOTO_RETRY_MS = 60 * 60_000;

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The photo hashes of the posts that need them, by platformPostId: a post with attachments never
 * hashed, or whose attachments changed since. A post any of whose photos failed in a way that may
 * pass is left out (its hashes stay to be computed on the next crawl); photos that will never
 * read (not an image, HTTP 404) are skipped.
 */
export async function hashPostPhotos(
  em: EntityManager,
  hasher: PhotoHasher,
  pageId: string,
  posts: readonly PlatformPost[],
): Promise<Map<string, string[]>> {
  const withPhotos = posts.filter((post) => post.attachments.length > 0);
  const stored = await storedPhotos(
    em,
    pageId,
    withPhotos.map((post) => post.platformPostId),
  );
  const due = withPhotos.filter((post) => {
    const known = stored.get(post.platformPostId);
    return !known || known.imageHashes === null || !sameList(known.attachments, post.attachments);
  });
  const hashed = await Promise.all(
    due.map(
      async (post) =>
        [post.platformPostId, await Promise.all(post.attachments.slice(0, PHOTOS_PER_POST).map((url) => hasher.hash(url)))] as const,
    ),
  );
  const found = new Map<string, string[]>();
  for (const [postId, results] of hashed) {
    if (results.some((result) => 'failure' in result && result.failure === 'TRANSIENT')) continue;
    found.set(postId, hashesOf(results));
  }
  return found;
}

function hashesOf(results: readonly PhotoHash[]): string[] {
  return results.flatMap((result) => ('hash' in result && result.hash ? [result.hash] : []));
}

/**
 * Fetches and stores the hashes of the images of the materials the organization received that
 * are not hashed yet (or whose last fetch may pass now), before the page's posts are matched.
 */
export async function hashMaterialImages(
  em: EntityManager,
  hasher: PhotoHasher,
  organizationId: string,
  since: Date,
  now: Date,
): Promise<number> {
  const links = await imageLinksToFetch(em, organizationId, since, now, MATERIAL_LINKS_PER_CRAWL);
  if (!links.length) return 0;
  const retryAfter = new Date(now.getTime() + PHOTO_RETRY_MS);
  const results: MaterialImageResult[] = await Promise.all(
    links.map(async (link) => {
      const result = await hasher.hash(link.url);
      if ('hash' in result) return { ...link, hash: result.hash, failure: null, retryAfter: null };
      return { ...link, hash: null, failure: result.reason, retryAfter: result.failure === 'TRANSIENT' ? retryAfter : null };
    }),
  );
  await storeMaterialImages(em, results, now);
  return results.filter((result) => result.hash).length;
}
