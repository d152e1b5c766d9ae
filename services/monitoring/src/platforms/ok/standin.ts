/**
 * The stand-in's OK: answers url.getInfo, group.getInfo, mediatopic.getTopics and
 * mediatopic.getByIds from the given pages as the OK REST API does, at `fb.do` (or the base
 * address itself) or `/api/<group>/<method>`, POST form or GET query alike. Requests must carry
 * application_key, sig and access_token; the stand-in cannot check the signature (it has no secret).
 */
import { createHash } from 'node:crypto';
import type { StandInAnswer, StandInPage, StandInPlatform, StandInPost, StandInRequest } from '../../standin/pages.js';

type Json = Record<string, unknown>;

export const okStandIn: StandInPlatform = (request, pages) => {
  const params = requestParams(request);
  const method = methodOf(request.url.pathname, params);
  if (method === null) return null;
  if (!params.get('application_key')) return okError(101, 'PARAM_API_KEY : No application key');
  if (!params.get('sig')) return okError(104, 'PARAM_SIGNATURE : No signature specified');
  if (!params.get('access_token') && !params.get('session_key')) return okError(103, 'PARAM_SESSION_KEY : No session key');
  const okPages = pages.filter((page) => page.platform === 'OK');
  switch (method) {
    case 'url.getInfo':
      return urlGetInfo(okPages, params.get('url') ?? '');
    case 'group.getInfo':
      return okAnswer(
        (params.get('uids') ?? '')
          .split(',')
          .map((uid) => okPages.find((page) => page.platformPageId === uid.trim() && page.status !== 'NOT_FOUND'))
          .filter((page) => page !== undefined)
          .map(renderGroup),
      );
    case 'mediatopic.getTopics':
      return getTopics(okPages, params);
    case 'mediatopic.getByIds':
      return getByIds(okPages, params.get('topic_ids') ?? '');
    default:
      return okError(3, `METHOD : Method ${method} not found`);
  }
};

/** `fb.do?method=group.getInfo` (or the base address itself), or `/api/group/getInfo`. */
function methodOf(pathname: string, params: URLSearchParams): string | null {
  const path = pathname.replace(/\/+$/u, '');
  if (path === '' || path === '/fb.do') return params.get('method');
  const rest = /^\/api\/([A-Za-z]+)\/([A-Za-z]+)$/u.exec(path);
  return rest ? `${rest[1]}.${rest[2]}` : null;
}

function urlGetInfo(pages: StandInPage[], address: string): StandInAnswer {
  const path = URL.canParse(address) ? new URL(address).pathname.replace(/^\/+|\/+$/gu, '').toLowerCase() : '';
  const page = pages.find((p) => p.handle.toLowerCase() === path || `group/${p.platformPageId}` === path);
  if (!page || page.status === 'NOT_FOUND') return okError(300, `NOT_FOUND : Object not found by url ${address}`);
  return okAnswer({ objectId: Number(page.platformPageId), type: 'GROUP' });
}

function renderGroup(page: StandInPage): Json {
  return { uid: page.platformPageId, name: page.title, access_type: page.status === 'PRIVATE' ? 'CLOSED' : 'OPEN' };
}

function getTopics(pages: StandInPage[], params: URLSearchParams): StandInAnswer {
  const page = pages.find((p) => p.platformPageId === params.get('gid'));
  if (!page || page.status === 'NOT_FOUND') return okError(300, 'NOT_FOUND : Group not found');
  if (page.status === 'PRIVATE') return okError(10, 'PERMISSION_DENIED : Group content is available to its members only');
  const count = Math.min(Math.max(Number(params.get('count') ?? 10) || 0, 1), 100);
  const anchor = params.get('anchor');
  const offset = anchor ? Number(Buffer.from(anchor, 'base64url').toString('utf8').split(':')[1] ?? 0) || 0 : 0;
  const feed = feedOrder(page.posts);
  const slice = feed.slice(offset, offset + count);
  const next = offset + slice.length;
  return okAnswer({
    media_topics: slice.map((post) => renderTopic(page, post)),
    entities: renderEntities(page, slice),
    anchor: Buffer.from(`${page.platformPageId}:${next}`).toString('base64url'),
    has_more: next < feed.length,
  });
}

function getByIds(pages: StandInPage[], topicIds: string): StandInAnswer {
  const found = topicIds.split(',').flatMap((id) => {
    const page = pages.find((p) => p.status === 'OK' && p.posts.some((post) => post.id === id.trim()));
    const post = page?.posts.find((p) => p.id === id.trim());
    return page && post ? [{ page, post }] : [];
  });
  const entities = found.map(({ page, post }) => renderEntities(page, [post]));
  return okAnswer({
    media_topics: found.map(({ page, post }) => renderTopic(page, post)),
    entities: {
      groups: entities.flatMap((e) => e.groups),
      group_photos: entities.flatMap((e) => e.group_photos),
      media_topics: entities.flatMap((e) => e.media_topics),
    },
  });
}

/** A group's feed as OK shows it: the pinned (sticky) topic first, then newest first. */
function feedOrder(posts: readonly StandInPost[]): StandInPost[] {
  const newestFirst = [...posts].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
  return [...newestFirst.filter((p) => p.pinned), ...newestFirst.filter((p) => !p.pinned)];
}

/** The stand-in's reshares quote a topic of the same group, with an id of its own. */
function reshareId(post: StandInPost): string {
  return `${post.id}01`;
}

function photoId(image: string): string {
  return String(createHash('md5').update(image).digest().readUInt32BE(0) + 900_000_000_000);
}

function renderTopic(page: StandInPage, post: StandInPost): Json {
  const group = `group:${page.platformPageId}`;
  const media: Json[] = [];
  if (post.text !== '') media.push({ type: 'text', text: post.text });
  media.push(...post.links.map(linkBlock));
  if (post.images.length > 0) media.push({ type: 'photo', photo_refs: post.images.map((image) => `group_photo:${photoId(image)}`) });
  if (post.repostOf) {
    media.push({ type: 'topic', reshare: true, media_topic_refs: [`media_topic:${reshareId(post)}`], reshare_owner_refs: [group] });
  }
  return {
    id: post.id,
    ref: `media_topic:${post.id}`,
    created_ms: post.publishedAt.getTime(),
    author_ref: group,
    owner_ref: group,
    media,
    ...(post.pinned ? { is_sticky: true } : {}),
    like_summary: { count: post.likes, like_possible: true, self: false, unlike_possible: true },
    reshare_summary: { count: post.reposts, self: false, reshare_possible: true },
    discussion_summary: { comments_count: post.comments, discussion_id: post.id, discussion_type: 'GROUP_TOPIC' },
    views_count: post.views,
  };
}

function renderEntities(page: StandInPage, posts: StandInPost[]): { groups: Json[]; group_photos: Json[]; media_topics: Json[] } {
  const group = `group:${page.platformPageId}`;
  return {
    groups: [{ uid: page.platformPageId, name: page.title, ref: group }],
    group_photos: posts.flatMap((post) =>
      post.images.map((image) => ({
        id: photoId(image),
        ref: `group_photo:${photoId(image)}`,
        group_id: page.platformPageId,
        pic128x128: `${image}${image.includes('?') ? '&' : '?'}fn=w_128`,
        pic640x480: `${image}${image.includes('?') ? '&' : '?'}fn=w_640`,
        pic_max: image,
        standard_width: 1280,
        standard_height: 853,
      })),
    ),
    media_topics: posts.flatMap((post) =>
      post.repostOf
        ? [
            {
              id: reshareId(post),
              ref: `media_topic:${reshareId(post)}`,
              created_ms: post.publishedAt.getTime() - 3_600_000,
              author_ref: group,
              owner_ref: group,
              media: [
                ...(post.repostOf.text !== '' ? [{ type: 'text', text: post.repostOf.text }] : []),
                ...post.repostOf.links.map(linkBlock),
              ],
            },
          ]
        : [],
    ),
  };
}

function linkBlock(url: string): Json {
  const host = new URL(url).hostname;
  return { type: 'link', url, title: host, description: '' };
}

function requestParams(request: StandInRequest): URLSearchParams {
  const params = new URLSearchParams(request.url.searchParams);
  const contentType = String(request.headers['content-type'] ?? '');
  if (request.body !== '' && contentType.includes('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(request.body)) params.set(key, value);
  }
  return params;
}

function okAnswer(body: unknown): StandInAnswer {
  return { status: 200, contentType: 'application/json;charset=utf-8', body: JSON.stringify(body) };
}

/** OK answers an error as JSON with status 200 (and its code in the invocation-error header). */
function okError(code: number, message: string): StandInAnswer {
  return {
    status: 200,
    contentType: 'application/json;charset=utf-8',
    body: JSON.stringify({ error_code: code, error_msg: message, error_data: null }),
  };
}
