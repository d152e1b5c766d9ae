import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, queryRows, sql } from '@hub/common';

/** A material's image link to fetch and hash. */
export interface MaterialImageLink {
  materialId: string;
  url: string;
}

/** What fetching a link gave: a hash (null: a flat picture), or a failure, final or to try again from `retryAfter`. */
export interface MaterialImageResult extends MaterialImageLink {
  hash: string | null;
  failure: string | null;
  retryAfter: Date | null;
}

/**
 * The media links of the materials the organization received in the matching window (as
 * matches.repo.ts's receivedMaterials) that have not been fetched yet, or whose last fetch failed
 * in a way that may pass and is due again. At most `limit`, oldest materials last.
 */
export async function imageLinksToFetch(
  em: EntityManager,
  organizationId: string,
  since: Date,
  now: Date,
  limit: number,
): Promise<MaterialImageLink[]> {
  return queryRows<MaterialImageLink>(
    em,
    sql`select t.material_id as "materialId", link.url
        from content.received_log r
        join content.material_text t on t.material_id = r.material_id
        cross join lateral unnest(t.media_links) as link(url)
        left join monitoring.material_image i on i.material_id = t.material_id and i.url = link.url
        where r.organization_id = ${organizationId}::uuid and t.distributed_at < ${now}
          and (t.withdrawn_at is null or t.withdrawn_at > ${since})
          and t.distributed_at > ${since}::timestamptz - interval '28 days'
          and (i.material_id is null or i.retry_after <= ${now})
        order by t.distributed_at desc, link.url
        limit ${limit}`,
  );
}

/** Stores what fetching the links gave, in one statement; a link fetched again replaces its row. */
export async function storeMaterialImages(em: EntityManager, results: readonly MaterialImageResult[], fetchedAt: Date): Promise<void> {
  if (!results.length) return;
  const rows = JSON.stringify(results.map((r) => ({ ...r, retryAfter: r.retryAfter?.toISOString() ?? null })));
  await execSql(
    em,
    sql`insert into monitoring.material_image (material_id, url, hash, failure, fetched_at, retry_after)
        select r."materialId", r.url, r.hash, r.failure, ${fetchedAt}, r."retryAfter"
        from jsonb_to_recordset(${rows}::jsonb) as r("materialId" uuid, url text, hash text, failure text, "retryAfter" timestamptz)
        on conflict (material_id, url) do update set
          hash = excluded.hash, failure = excluded.failure, fetched_at = excluded.fetched_at, retry_after = excluded.retry_after`,
  );
}
