/**
 * VK communities through VK's public API (https://dev.vk.com/ru/reference), version 5.199, with a
 * service token: groups.getById to resolve a page, wall.get to list its posts, wall.getById to read
 * one. Every call is a form POST to `<apiUrl>/<method>` (VK accepts GET or POST; POST keeps the
 * token out of request lines and logs).
 */
import { PlatformError, type PlatformAdapter, type PlatformPost, type ResolvedPage } from '../adapter.js';
import { parseJson, type PlatformHttpOptions } from '../http.js';
import { TokenPool, type PooledToken } from '../token-pool.js';
import { vkGroupRef } from './page-url.js';
import { VK_API_VERSION, parseCommunity, parseWallById, parseWallPage, readVkAnswer, vkFailure, type VkWallPost } from './parse.js';

/** wall.get's largest page (its `count` is at most 100). */
const WALL_PAGE_SIZE = 100;

export interface VkSettings {
  /** VK_API_URL (its default: services/common/src/config.ts). */
  apiUrl: string;
  /** One service token, or several comma-separated (a pool: each its own rate limit). */
  serviceToken: string | null;
  http: PlatformHttpOptions;
}

export function createVkAdapter(settings: VkSettings): PlatformAdapter {
  const pool = new TokenPool('VK', settings.serviceToken, settings.http);

  function requireToken(): PooledToken {
    const pooled = pool.next();
    if (pooled === null) throw new PlatformError('NOT_CONFIGURED', 'VK: no service token is configured');
    return pooled;
  }
  const assertConfigured = () => void (pool.size === 0 && requireToken());

  async function callMethod(method: string, params: Record<string, string>): Promise<unknown> {
    const { token, http } = requireToken();
    const url = new URL(method, settings.apiUrl.endsWith('/') ? settings.apiUrl : `${settings.apiUrl}/`).toString();
    const body = new URLSearchParams({ ...params, access_token: token, v: VK_API_VERSION });
    return http.call(async (send) => {
      const answer = await send(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      if (answer.status !== 200) throw new PlatformError('UNREACHABLE', `VK: ${method} answered HTTP ${answer.status}`, answer.status);
      const parsed = readVkAnswer(parseJson('VK', answer.text));
      if (!parsed.ok) throw vkFailure(parsed.error, method);
      return parsed.response;
    });
  }

  return {
    platform: 'VK',
    configured: pool.size > 0,

    async resolvePage(pageUrl: string): Promise<ResolvedPage> {
      assertConfigured();
      const groupRef = vkGroupRef(pageUrl);
      if (groupRef === null) throw new PlatformError('NOT_FOUND', `VK: ${pageUrl} is not a VK community's address`);
      const community = parseCommunity(await callMethod('groups.getById', { group_id: groupRef }));
      if (community.deactivated === 'deleted') throw new PlatformError('NOT_FOUND', `VK: community ${community.id} is deleted`);
      if (community.deactivated !== null) throw new PlatformError('PRIVATE', `VK: community ${community.id} is ${community.deactivated}`);
      if (community.isClosed !== 0) throw new PlatformError('PRIVATE', `VK: community ${community.id} is closed`);
      return { platformPageId: String(community.id), title: community.name };
    },

    async listPosts(page: ResolvedPage, since: Date): Promise<PlatformPost[]> {
      assertConfigured();
      const ownerId = wallOwnerId(page);
      const found = new Map<string, PlatformPost>();
      for (let offset = 0; ; offset += WALL_PAGE_SIZE) {
        const wall = parseWallPage(
          await callMethod('wall.get', { owner_id: ownerId, count: String(WALL_PAGE_SIZE), offset: String(offset) }),
        );
        // Newest first, except a pinned post which VK puts on top whatever its age: only an
        // unpinned post older than `since` ends the listing.
        let pastSince = false;
        for (const post of wall.posts) {
          if (post.publishedAt >= since) found.set(post.platformPostId, withoutPinned(post));
          else if (!post.pinned) pastSince = true;
        }
        // The offset counts wall positions: VK may return fewer items than `count` (posts hidden
        // from the token), so the next page starts a full page further on.
        if (pastSince || wall.posts.length === 0 || offset + WALL_PAGE_SIZE >= wall.total) break;
      }
      return [...found.values()].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
    },

    async readPost(_page: ResolvedPage, platformPostId: string): Promise<PlatformPost | null> {
      assertConfigured();
      if (!/^-\d+_\d+$/u.test(platformPostId)) return null;
      try {
        const post = parseWallById(await callMethod('wall.getById', { posts: platformPostId }));
        return post === null ? null : withoutPinned(post);
      } catch (err) {
        if (err instanceof PlatformError && err.failure === 'NOT_FOUND') return null;
        throw err;
      }
    },
  };
}

/** A community's wall is owned by minus its id. */
function wallOwnerId(page: ResolvedPage): string {
  if (!/^\d+$/u.test(page.platformPageId)) throw new PlatformError('NOT_FOUND', `VK: ${page.platformPageId} is not a community id`);
  return `-${page.platformPageId}`;
}

function withoutPinned({ pinned: _pinned, ...post }: VkWallPost): PlatformPost {
  return post;
}
