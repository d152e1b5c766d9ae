import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, queryRow, queryRows, sql } from '@hub/common';
import type { MatchEvidence } from '../domain/match.js';
import type { PostMatchRow } from './posts.repo.js';

/** A material an organization received, with its text (content.received_log joined with content.material_text). */
export interface ReceivedMaterial {
  id: string;
  title: string;
  body: string;
  links: string[];
  /** The perceptual hashes of its images fetched so far (monitoring.material_image). */
  imageHashes: string[];
  distributedAt: Date;
}

/** What the organization received that was still open to place after `since` (distributed before `until`, not withdrawn by then). */
export async function receivedMaterials(em: EntityManager, organizationId: string, since: Date, until: Date): Promise<ReceivedMaterial[]> {
  const rows = await queryRows<{ id: string; title: string; body: string; links: string[]; imageHashes: string[]; distributed_at: string }>(
    em,
    sql`select t.material_id as id, t.title, t.body, t.media_links as links, t.distributed_at,
               array(select i.hash from monitoring.material_image i
                     where i.material_id = t.material_id and i.hash is not null order by i.url) as "imageHashes"
        from content.received_log r join content.material_text t on t.material_id = r.material_id
        where r.organization_id = ${organizationId}::uuid and t.distributed_at < ${until}
          and (t.withdrawn_at is null or t.withdrawn_at > ${since})
          and t.distributed_at > ${since}::timestamptz - interval '28 days'`,
  );
  return rows.map((row) => ({ ...row, distributedAt: new Date(row.distributed_at) }));
}

export interface FoundMatch {
  postId: string;
  materialId: string;
  score: number;
  evidence: MatchEvidence;
  /** AUTO when it counts at once; null when it waits for the officer. */
  decision: 'AUTO' | null;
}

/**
 * Stores what matching found for the given posts, in one statement each way: new and changed
 * matches are written, and a match the hub made (AUTO or a suggestion) that no longer holds is
 * removed. What an officer decided (CONFIRMED, REJECTED) is kept as decided.
 */
export async function replaceMatches(em: EntityManager, postIds: readonly string[], found: readonly FoundMatch[]): Promise<void> {
  if (!postIds.length) return;
  const keep = found.map((m) => `${m.postId}|${m.materialId}`);
  await execSql(
    em,
    sql`delete from monitoring.post_match
        where post_id = any(${postIds}::uuid[]) and (decision is null or decision = 'AUTO')
          and post_id::text || '|' || material_id::text <> all(${keep}::text[])`,
  );
  if (!found.length) return;
  await execSql(
    em,
    sql`insert into monitoring.post_match (post_id, material_id, score, evidence, decision, decided_by, decided_at)
        select r."postId", r."materialId", r.score, r.evidence, r.decision, case when r.decision is null then null else 'monitoring' end,
               case when r.decision is null then null else now() end
        from jsonb_to_recordset(${JSON.stringify(found)}::jsonb) as r("postId" uuid, "materialId" uuid, score real, evidence text, decision text)
        on conflict (post_id, material_id) do update set score = excluded.score, evidence = excluded.evidence,
          decision = case when post_match.decision in ('CONFIRMED', 'REJECTED') then post_match.decision else excluded.decision end`,
  );
}

/** The page a stored post is on; undefined when there is no such post. */
export const postPage = (em: EntityManager, postId: string): Promise<{ pageId: string } | undefined> =>
  queryRow<{ pageId: string }>(em, sql`select page_id as "pageId" from monitoring.page_post where id = ${postId}::uuid`);

/** What an officer decides of a match. */
export type MatchDecision = 'CONFIRMED' | 'REJECTED';

/**
 * Stores an officer's decision on a post's match, with who decided and when (replaceMatches keeps
 * it on later crawls); undefined when the post has no match to that material.
 */
export const decideMatch = (
  em: EntityManager,
  match: { postId: string; materialId: string },
  decision: MatchDecision,
  decidedBy: string,
  at: Date,
): Promise<PostMatchRow | undefined> =>
  queryRow<PostMatchRow>(
    em,
    sql`update monitoring.post_match set decision = ${decision}, decided_by = ${decidedBy}, decided_at = ${at}
        where post_id = ${match.postId}::uuid and material_id = ${match.materialId}::uuid
        returning post_id as "postId", material_id as "materialId", score, evidence, decision`,
  );
