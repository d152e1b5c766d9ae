import type { Platform } from '@hub/common';
import { isInTheFuture } from './fact-date.js';
import { checkPostUrl } from './post-url.js';

export interface PlacedPage {
  platform: Platform;
  url: string;
  platformId?: string | null;
}

export interface PlacedMaterial {
  distributedAt: Date;
  withdrawnAt: Date | null;
}

export type PlacementCheck = { ok: true; url: string } | { ok: false; field: 'url' | 'publishedAt'; message: string };

/**
 * Decree 3.1 as a reported placement must meet it, the same for a new report and a correction:
 * the address is a post on this very page, and it was published when the material could be
 * placed (after it was sent, before it was withdrawn, not in the future).
 */
export function checkPlacement(page: PlacedPage, material: PlacedMaterial, url: string, publishedAt: Date, now: Date): PlacementCheck {
  const post = checkPostUrl(page.platform, page.url, url, page.platformId ?? null);
  if (!post.ok) return { ok: false, field: 'url', message: post.message };
  if (isInTheFuture(publishedAt, now)) return { ok: false, field: 'publishedAt', message: 'is in the future' };
  if (publishedAt < material.distributedAt) return { ok: false, field: 'publishedAt', message: 'is before the material was distributed' };
  if (material.withdrawnAt && material.withdrawnAt <= publishedAt) {
    return { ok: false, field: 'publishedAt', message: 'the material had been withdrawn by then' };
  }
  return { ok: true, url: post.url };
}
