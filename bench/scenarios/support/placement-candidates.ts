import type pg from 'pg';
import type { Platform } from '@hub/common';
import { checkPostUrl } from '@hub/organizations';

export interface PlacementCandidate {
  materialId: string;
  pageId: string;
  organizationId: string;
  platform: Platform;
  url: string;
  publishedAt: Date;
}

/**
 * Material × page pairs an organization could really report: the material was distributed to
 * the page's organization, is not yet placed there, and `publishedAt` lies inside its window,
 * before any withdrawal and before `now` (the hub's clock). Spread over the region by a hash
 * order, so batches touch many organizations as operators' reports do.
 */
export async function placementCandidates(client: pg.Client, count: number, now: Date): Promise<PlacementCandidate[]> {
  const { rows } = await client.query<{
    material_id: string;
    page_id: string;
    organization_id: string;
    platform: Platform;
    page_url: string;
    published_at: Date;
  }>(
    `with pairs as (
       select r.material_id, p.id as page_id, p.organization_id, p.platform, p.url as page_url,
              greatest(m.distributed_at, coalesce(m.window_from, m.distributed_at)) + interval '1 hour' as published_at,
              least($1::timestamptz, coalesce(m.window_until, 'infinity'), coalesce(m.withdrawn_at, 'infinity')) as latest
       from content.material_recipient r
       join content.material m on m.id = r.material_id and m.distributed_at is not null
       join organizations.official_page p on p.organization_id = r.organization_id
       where not exists (select 1 from organizations.placement pl where pl.material_id = r.material_id and pl.page_id = p.id))
     select material_id, page_id, organization_id, platform, page_url, published_at from pairs
     where published_at < latest
     order by md5(material_id::text || page_id::text)
     limit $2`,
    [now, count],
  );
  if (rows.length < count) throw new Error(`the dataset offers ${rows.length} unplaced material × page pairs, ${count} needed`);
  return rows.map((r, index) => {
    const url = postUrl(r.platform, r.page_url, 700_000_000 + index);
    const check = checkPostUrl(r.platform, r.page_url, url);
    if (!check.ok) throw new Error(`bench post URL ${url} for ${r.page_url}: ${check.message}`);
    return {
      materialId: r.material_id,
      pageId: r.page_id,
      organizationId: r.organization_id,
      platform: r.platform,
      url,
      publishedAt: r.published_at,
    };
  });
}

/** A post on the page, spelled as its platform spells one (see domain/post-url.ts). */
function postUrl(platform: Platform, pageUrl: string, n: number): string {
  const page = new URL(pageUrl);
  const base = `${page.origin}${page.pathname.replace(/\/+$/, '')}`;
  switch (platform) {
    case 'VK':
      return `https://vk.com/wall-${100000 + (n % 900000)}_${n}`;
    case 'TELEGRAM':
      return `${base}/${n}`;
    case 'OK':
      return `${base}/topic/${n}`;
    case 'MAX':
      return `${base}/p${n.toString(36)}`;
    case 'GOSPABLIKI':
      return `${base}/posts/${n}`;
    case 'WEBSITE':
      return `${base}/news/${n}`;
  }
}

/** Puts the dataset back as it was: removes these pairs' placements, however they got there. */
export async function deletePlacements(client: pg.Client, pairs: readonly PlacementCandidate[]): Promise<number> {
  const result = await client.query(
    `delete from organizations.placement p using unnest($1::uuid[], $2::uuid[]) as t(material_id, page_id)
     where p.material_id = t.material_id and p.page_id = t.page_id`,
    [pairs.map((p) => p.materialId), pairs.map((p) => p.pageId)],
  );
  return result.rowCount ?? 0;
}
