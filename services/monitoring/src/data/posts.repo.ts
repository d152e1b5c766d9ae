import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, keysetPage, queryRows, sql, type KeysetColumn } from '@hub/common';
import type { PlatformPost } from '../platforms/adapter.js';

/** A post as stored: what the platform gave, and when the hub saw it. */
export interface PagePostRow extends PlatformPost {
  id: string;
  pageId: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  deletedAt: Date | null;
  /** The perceptual hashes of its first photos (domain/image-hash.ts); null until computed. */
  imageHashes: string[] | null;
}

const COLUMNS = sql`p.id, p.page_id as "pageId", p.platform_post_id as "platformPostId", p.url, p.published_at as "publishedAt", p.text,
  p.links, p.attachments, p.views, p.likes, p.reposts, p.comments,
  p.first_seen_at as "firstSeenAt", p.last_seen_at as "lastSeenAt", p.deleted_at as "deletedAt", p.image_hashes as "imageHashes"`;

/**
 * Stores what a crawl read, in one statement: new posts are added, known ones get their text and
 * counters as now seen (and are no longer deleted if they came back). `imageHashes` holds the
 * photo hashes computed by this crawl, by platformPostId; a post not in it keeps its stored ones,
 * unless its attachments changed (then they are to be computed again: null).
 */
export async function upsertPosts(
  em: EntityManager,
  pageId: string,
  posts: readonly PlatformPost[],
  seenAt: Date,
  imageHashes: ReadonlyMap<string, readonly string[] | null> = new Map(),
): Promise<void> {
  if (!posts.length) return;
  const rows = JSON.stringify(
    posts.map((p) => ({
      ...p,
      publishedAt: p.publishedAt.toISOString(),
      imageHashes: imageHashes.get(p.platformPostId) ?? null,
    })),
  );
  await execSql(
    em,
    sql`insert into monitoring.page_post
          (page_id, platform_post_id, url, published_at, text, links, attachments, views, likes, reposts, comments, first_seen_at, last_seen_at,
           image_hashes)
        select ${pageId}::uuid, r."platformPostId", r.url, r."publishedAt", r.text,
               array(select jsonb_array_elements_text(r.links)), array(select jsonb_array_elements_text(r.attachments)),
               r.views, r.likes, r.reposts, r.comments, ${seenAt}, ${seenAt},
               case when r."imageHashes" is null then null else array(select jsonb_array_elements_text(r."imageHashes")) end
        from jsonb_to_recordset(${rows}::jsonb) as r(
          "platformPostId" text, url text, "publishedAt" timestamptz, text text, links jsonb, attachments jsonb,
          views int, likes int, reposts int, comments int, "imageHashes" jsonb)
        on conflict (page_id, platform_post_id) do update set
          url = excluded.url, published_at = excluded.published_at, text = excluded.text, links = excluded.links,
          attachments = excluded.attachments, views = excluded.views, likes = excluded.likes, reposts = excluded.reposts,
          comments = excluded.comments, last_seen_at = excluded.last_seen_at, deleted_at = null,
          image_hashes = case
            when excluded.platform_post_id = any(${[...imageHashes.keys()]}::text[]) then excluded.image_hashes
            when page_post.attachments is distinct from excluded.attachments then null
            else page_post.image_hashes end`,
  );
}

/** What the page's stored posts among `platformPostIds` had attached, and the photo hashes computed of that. */
export async function storedPhotos(
  em: EntityManager,
  pageId: string,
  platformPostIds: readonly string[],
): Promise<Map<string, { attachments: string[]; imageHashes: string[] | null }>> {
  if (!platformPostIds.length) return new Map();
  const rows = await queryRows<{ platformPostId: string; attachments: string[]; imageHashes: string[] | null }>(
    em,
    sql`select platform_post_id as "platformPostId", attachments, image_hashes as "imageHashes" from monitoring.page_post
        where page_id = ${pageId}::uuid and platform_post_id = any(${platformPostIds}::text[])`,
  );
  return new Map(rows.map(({ platformPostId, ...row }) => [platformPostId, row]));
}

/** Posts of the page published since `since` that this crawl did not see any more: gone from the page. */
export const markGone = (em: EntityManager, pageId: string, since: Date, seen: readonly string[], at: Date): Promise<number> =>
  execSql(
    em,
    sql`update monitoring.page_post set deleted_at = ${at}
        where page_id = ${pageId}::uuid and published_at >= ${since} and deleted_at is null
          and platform_post_id <> all(${seen}::text[])`,
  );

const ORDER: KeysetColumn[] = [
  { by: sql`p.published_at`, key: 'instant', desc: true },
  { by: sql`p.id`, key: 'uuid', desc: true },
];

type Stored<Row> = { [K in keyof Row]: Row[K] extends Date ? string : Row[K] extends Date | null ? string | null : Row[K] };
/** The driver hands timestamps over as text. */
export const instant = (value: Date | string | null) => (value === null ? null : new Date(value));

/** The driver hands timestamps over as text. */
const toPost = (row: Stored<PagePostRow>): PagePostRow => ({
  ...row,
  publishedAt: new Date(row.publishedAt),
  firstSeenAt: new Date(row.firstSeenAt),
  lastSeenAt: new Date(row.lastSeenAt),
  deletedAt: instant(row.deletedAt),
});

/** One page of a page's posts, newest first. */
export async function postsPage(em: EntityManager, pageId: string, after: (string | number)[] | null, size: number) {
  const { totalCount, rows } = await keysetPage<Stored<PagePostRow>>(em, {
    select: COLUMNS,
    from: sql`monitoring.page_post p`,
    where: sql`p.page_id = ${pageId}::uuid`,
    order: ORDER,
    after,
    size,
  });
  return { totalCount, rows: rows.map(toPost) };
}

/** The page's posts published since `since`, deleted ones included. */
export async function postsSince(em: EntityManager, pageId: string, since: Date): Promise<PagePostRow[]> {
  const rows = await queryRows<Stored<PagePostRow>>(
    em,
    sql`select ${COLUMNS} from monitoring.page_post p where p.page_id = ${pageId}::uuid and p.published_at >= ${since}`,
  );
  return rows.map(toPost);
}

/** The posts stored under the given addresses on the given pages (a placement's post), keyed "pageId|url". */
export async function postsByAddress(
  em: EntityManager,
  keys: readonly { pageId: string; url: string }[],
): Promise<Map<string, PagePostRow>> {
  const rows = await queryRows<Stored<PagePostRow>>(
    em,
    sql`select ${COLUMNS} from monitoring.page_post p
        join unnest(${keys.map((k) => k.pageId)}::uuid[], ${keys.map((k) => k.url)}::text[]) as k(page_id, url)
          on p.page_id = k.page_id and p.url = k.url`,
  );
  return new Map(rows.map((row) => [`${row.pageId}|${row.url}`, toPost(row)]));
}

export const POST_CURSOR_KEYS = ORDER.map((c) => c.key);

export interface PostMatchRow {
  postId: string;
  materialId: string;
  score: number;
  evidence: 'LINK' | 'TEXT' | 'IMAGE';
  decision: 'AUTO' | 'CONFIRMED' | 'REJECTED' | null;
}

/** The matches of a batch of posts, best first. */
export const matchesOfPosts = (em: EntityManager, postIds: readonly string[]): Promise<PostMatchRow[]> =>
  queryRows<PostMatchRow>(
    em,
    sql`select post_id as "postId", material_id as "materialId", score, evidence, decision
        from monitoring.post_match where post_id = any(${postIds}::uuid[]) order by post_id, score desc, material_id`,
  );
