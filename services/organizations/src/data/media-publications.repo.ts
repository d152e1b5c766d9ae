import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, sql } from '@hub/common';

export interface NewMediaPublication {
  organizationId: string;
  outlet: string;
  url: string | null;
  issueReference: string | null;
  /** The article's identity (domain/media-article.ts): the same article reported twice is stored once. */
  dedupKey: string;
  publishedAt: Date;
  about: string | null;
  reportedBy: string;
  reportedAt: Date;
}

/** Stores the publication unless the organization has that article already; answers whether it was new. */
export async function insertMediaPublication(em: EntityManager, p: NewMediaPublication): Promise<boolean> {
  return (
    (await execSql(
      em,
      sql`insert into organizations.media_publication
          (organization_id, outlet, url, issue_reference, dedup_key, published_at, about, reported_by, reported_at)
        values (${p.organizationId}, ${p.outlet}, ${p.url}, ${p.issueReference}, ${p.dedupKey}, ${p.publishedAt}, ${p.about}, ${p.reportedBy}, ${p.reportedAt})
        on conflict (organization_id, dedup_key) do nothing`,
    )) > 0
  );
}
