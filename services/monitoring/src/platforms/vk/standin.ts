/**
 * The stand-in's VK: answers groups.getById, wall.get and wall.getById from the given pages as
 * VK's API 5.199 does (shapes from github.com/VKCOM/vk-api-schema), POST form or GET query alike.
 */
import { createHash } from 'node:crypto';
import type { StandInAnswer, StandInPage, StandInPlatform, StandInPost, StandInRequest } from '../../standin/pages.js';

const METHODS = new Set(['groups.getById', 'wall.get', 'wall.getById']);
const COMMUNITY_BY_NUMBER = /^(?:club|public|event)(\d+)$/u;

export const vkStandIn: StandInPlatform = (request, pages) => {
  const method = request.url.pathname.replace(/^\/+/u, '');
  if (!METHODS.has(method)) return null;
  const params = requestParams(request);
  if (!params.get('access_token')) return vkError(5, 'User authorization failed: no access_token passed.', method, params);
  if (!params.get('v')) return vkError(8, 'Invalid request: v (version) is required', method, params);
  const vkPages = pages.filter((page) => page.platform === 'VK');
  if (method === 'groups.getById') return getById(vkPages, params, method);
  if (method === 'wall.get') return wallGet(vkPages, params, method);
  return wallGetById(vkPages, params);
};

function getById(pages: StandInPage[], params: URLSearchParams, method: string): StandInAnswer {
  const ref = (params.get('group_id') ?? params.get('group_ids')?.split(',')[0] ?? '').toLowerCase();
  const number = COMMUNITY_BY_NUMBER.exec(ref)?.[1] ?? ref;
  const page = pages.find((p) => p.handle.toLowerCase() === ref || p.platformPageId === number);
  if (!page) return vkError(100, 'One of the parameters specified was missing or invalid: group_ids is undefined', method, params);
  const id = Number(page.platformPageId);
  return vkResponse({
    groups: [
      {
        id,
        name: page.title,
        screen_name: page.handle,
        is_closed: page.status === 'PRIVATE' ? 1 : 0,
        type: 'page',
        ...(page.status === 'NOT_FOUND' ? { deactivated: 'deleted' } : {}),
        is_admin: 0,
        is_member: 0,
        is_advertiser: 0,
        photo_50: `https://sun9-1.userapi.com/community_${id}.jpg?cs=50x50`,
        photo_100: `https://sun9-1.userapi.com/community_${id}.jpg?cs=100x100`,
        photo_200: `https://sun9-1.userapi.com/community_${id}.jpg?cs=200x200`,
      },
    ],
    profiles: [],
  });
}

function wallGet(pages: StandInPage[], params: URLSearchParams, method: string): StandInAnswer {
  const page = pages.find((p) => `-${p.platformPageId}` === params.get('owner_id'));
  if (!page || page.status === 'NOT_FOUND')
    return vkError(100, 'One of the parameters specified was missing or invalid: owner_id is incorrect', method, params);
  if (page.status === 'PRIVATE') return vkError(15, 'Access denied: this wall available only for community members', method, params);
  const count = Math.min(Math.max(Number(params.get('count') ?? 20) || 0, 0), 100);
  const offset = Math.max(Number(params.get('offset') ?? 0) || 0, 0);
  const wall = wallOrder(page.posts);
  return vkResponse({ count: wall.length, items: wall.slice(offset, offset + count).map((post) => renderPost(page, post)) });
}

/** `posts=-123_45,-123_46`: the posts found, in order; deleted or unknown ones are left out. */
function wallGetById(pages: StandInPage[], params: URLSearchParams): StandInAnswer {
  const items = (params.get('posts') ?? '').split(',').flatMap((ref) => {
    const [owner, postId] = ref.trim().split('_');
    const page = pages.find((p) => `-${p.platformPageId}` === owner && p.status === 'OK');
    const post = page?.posts.find((p) => p.id === postId);
    return page && post ? [renderPost(page, post)] : [];
  });
  return vkResponse({ items });
}

/** A wall as VK shows it: the pinned post on top, then newest first. */
function wallOrder(posts: readonly StandInPost[]): StandInPost[] {
  const newestFirst = [...posts].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
  return [...newestFirst.filter((p) => p.pinned), ...newestFirst.filter((p) => !p.pinned)];
}

function renderPost(page: StandInPage, post: StandInPost): Record<string, unknown> {
  const ownerId = -Number(page.platformPageId);
  const date = Math.floor(post.publishedAt.getTime() / 1000);
  return {
    inner_type: 'wall_wallpost',
    donut: { is_donut: false },
    ...(post.pinned ? { is_pinned: 1 } : {}),
    comments: { can_post: 0, count: post.comments, groups_can_post: true },
    marked_as_ads: 0,
    hash: createHash('md5').update(`${ownerId}_${post.id}`).digest('base64url').slice(0, 18),
    type: 'post',
    attachments: [...post.images.map((image) => photoAttachment(ownerId, post, image)), ...post.links.map(linkAttachment)],
    date,
    from_id: ownerId,
    id: Number(post.id),
    is_favorite: false,
    likes: { can_like: 0, count: post.likes, user_likes: 0, can_publish: 0, repost_disabled: false },
    owner_id: ownerId,
    post_source: { type: 'vk' },
    post_type: 'post',
    reposts: { count: post.reposts, user_reposted: 0 },
    text: post.text,
    views: { count: post.views },
    ...(post.repostOf
      ? {
          // The stand-in's reposts quote a post of the same community, an hour older.
          copy_history: [
            {
              inner_type: 'wall_wallpost',
              type: 'post',
              attachments: post.repostOf.links.map(linkAttachment),
              date: date - 3600,
              from_id: ownerId,
              id: Number(post.id) + 1_000_000,
              owner_id: ownerId,
              post_source: { type: 'vk' },
              post_type: 'post',
              text: post.repostOf.text,
            },
          ],
        }
      : {}),
  };
}

/** VK's photo sizes, smallest first; the image given is the largest. */
function photoAttachment(ownerId: number, post: StandInPost, image: string): Record<string, unknown> {
  const resized = (width: number, height: number) => `${image}${image.includes('?') ? '&' : '?'}cs=${width}x${height}`;
  const sizes = [
    { height: 50, type: 's', width: 75, url: resized(75, 50) },
    { height: 87, type: 'm', width: 130, url: resized(130, 87) },
    { height: 403, type: 'x', width: 604, url: resized(604, 403) },
    { height: 538, type: 'y', width: 807, url: resized(807, 538) },
    { height: 853, type: 'z', width: 1280, url: image },
  ];
  const photoId = Number(createHash('md5').update(image).digest().readUInt32BE(0));
  return {
    type: 'photo',
    photo: {
      album_id: -7,
      date: Math.floor(post.publishedAt.getTime() / 1000),
      id: photoId,
      owner_id: ownerId,
      post_id: Number(post.id),
      sizes,
      text: '',
      user_id: 100,
      has_tags: false,
    },
  };
}

function linkAttachment(url: string): Record<string, unknown> {
  const host = new URL(url).hostname;
  return { type: 'link', link: { url, title: host, caption: host, description: '', is_favorite: false } };
}

function requestParams(request: StandInRequest): URLSearchParams {
  const params = new URLSearchParams(request.url.searchParams);
  const contentType = String(request.headers['content-type'] ?? '');
  if (request.body !== '' && contentType.includes('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(request.body)) params.set(key, value);
  }
  return params;
}

function vkResponse(response: unknown): StandInAnswer {
  return { status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify({ response }) };
}

/** VK's error answer: HTTP 200, the request's parameters echoed without the token. */
function vkError(code: number, message: string, method: string, params: URLSearchParams): StandInAnswer {
  const requestParams = [
    { key: 'method', value: method },
    { key: 'oauth', value: '1' },
    ...[...params].filter(([key]) => key !== 'access_token').map(([key, value]) => ({ key, value })),
  ];
  return {
    status: 200,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({ error: { error_code: code, error_msg: message, request_params: requestParams } }),
  };
}
