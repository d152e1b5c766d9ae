import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, queryRows, sql } from '@hub/common';
import type { PlacementCheck } from '../domain/verification.js';

/** A post matched to a material (AUTO or CONFIRMED) that no counting placement of its page stands for yet. */
export interface Discovery {
  postId: string;
  materialId: string;
  pageId: string;
  url: string;
  publishedAt: Date;
}

/**
 * The page's counting matches not yet told to organizations (nor refused by it) whose material no
 * counting placement of the page stands for (organizations.placement_directory): what the hub
 * found that nobody reported.
 */
export async function untoldDiscoveries(em: EntityManager, pageId: string): Promise<Discovery[]> {
  const rows = await queryRows<{ postId: string; materialId: string; pageId: string; url: string; publishedAt: string }>(
    em,
    sql`select m.post_id as "postId", m.material_id as "materialId", p.page_id as "pageId", p.url, p.published_at as "publishedAt"
        from monitoring.post_match m join monitoring.page_post p on p.id = m.post_id
        where p.page_id = ${pageId}::uuid and p.deleted_at is null and m.decision in ('AUTO', 'CONFIRMED')
          and m.reported_at is null and m.report_error is null
          and not exists (select 1 from organizations.placement_directory d
                          where d.page_id = p.page_id and d.material_id = m.material_id and d.withdrawn_at is null)
        order by p.published_at, m.material_id`,
  );
  return rows.map((row) => ({ ...row, publishedAt: new Date(row.publishedAt) }));
}

/** The match was told to organizations (at `at`), or refused by it with `error`: either way it is not offered again. */
export const markTold = (em: EntityManager, discovery: Discovery, at: Date, error: string | null): Promise<number> =>
  execSql(
    em,
    sql`update monitoring.post_match set reported_at = ${at}, report_error = ${error}
        where post_id = ${discovery.postId}::uuid and material_id = ${discovery.materialId}::uuid`,
  );

/** A counting placement of a page, with its check as of the last crawl (null before one). */
export interface CheckedPlacement {
  id: string;
  materialId: string;
  url: string;
  publishedAt: Date;
  failedCrawls: number | null;
  disproved: boolean;
}

/** The page's counting placements published in [since, until], with their last checks. */
export async function placementsToCheck(em: EntityManager, pageId: string, since: Date, until: Date): Promise<CheckedPlacement[]> {
  const rows = await queryRows<Omit<CheckedPlacement, 'publishedAt'> & { publishedAt: string }>(
    em,
    sql`select d.id, d.material_id as "materialId", d.url, d.published_at as "publishedAt",
               case when c.url = d.url then c.failed_crawls end as "failedCrawls", c.disproved_at is not null as disproved
        from organizations.placement_directory d left join monitoring.placement_check c on c.placement_id = d.id
        where d.page_id = ${pageId}::uuid and d.withdrawn_at is null and d.published_at >= ${since} and d.published_at <= ${until}
        order by d.published_at, d.id`,
  );
  return rows.map((row) => ({ ...row, publishedAt: new Date(row.publishedAt), disproved: !!row.disproved }));
}

/** Stores the crawl's checks of a page's placements, in one statement. */
export async function storeChecks(
  em: EntityManager,
  pageId: string,
  checks: readonly (PlacementCheck & { placementId: string; url: string })[],
  at: Date,
): Promise<void> {
  if (!checks.length) return;
  await execSql(
    em,
    sql`insert into monitoring.placement_check (placement_id, page_id, url, verification, failed_crawls, checked_at)
        select r."placementId", ${pageId}::uuid, r.url, r.verification, r."failedCrawls", ${at}
        from jsonb_to_recordset(${JSON.stringify(checks)}::jsonb) as r("placementId" uuid, url text, verification text, "failedCrawls" int)
        on conflict (placement_id) do update set url = excluded.url, verification = excluded.verification,
          failed_crawls = excluded.failed_crawls, checked_at = excluded.checked_at`,
  );
}

/** The placement was withdrawn for its evidence (or the gateway refused that, with `error`, and the next crawl tries again). */
export const markDisproved = (em: EntityManager, placementId: string, at: Date | null, error: string | null): Promise<number> =>
  execSql(
    em,
    sql`update monitoring.placement_check set disproved_at = ${at}, disprove_error = ${error} where placement_id = ${placementId}::uuid`,
  );
