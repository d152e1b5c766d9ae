import type { Platform } from '@hub/common';
import { normalizePageUrl, platformIdOf } from './page-url.js';

export type PostUrlResult = { ok: true; url: string } | { ok: false; message: string };

const segments = (url: URL) => url.pathname.split('/').filter(Boolean);
const host = (url: URL) => url.hostname.toLowerCase().replace(/^(www\.|m\.)/, '');
const same = (a: string | undefined, b: string | undefined) => !!a && !!b && a.toLowerCase() === b.toLowerCase();
const POST_ID = /^[A-Za-z0-9_-]{3,}$/;
/** A VK wall post: the owner (a community's id with a minus, a person's without) and the post's number. */
const WALL = /^wall(-?\d+)_\d+$/;
const wallOwner = (wall: string) => WALL.exec(wall)![1]!;

/** vk.com/<page>?w=wall…: <page> is the page's own address, or its community by number. */
function onThisVkPage(post: URL, page: URL, pagePlatformId: string | null): boolean {
  if (same(segments(post)[0], segments(page)[0])) return true;
  return !!pagePlatformId && platformIdOf('VK', `${post.origin}${post.pathname}`) === pagePlatformId;
}

/**
 * Is `url` one post (not the page itself) on the given official page? Each platform spells a
 * post its own way; where the URL names its page, it must be this page.
 *   VK:        vk.com/wall-123_456, or vk.com/<page>?w=wall-123_456; the wall's owner (-123: the
 *              community 123) must be the page's community when its id is known (`pagePlatformId`)
 *   Telegram:  t.me/<channel>/<message number>  (t.me/s/<channel>/<n> too)
 *   OK:        ok.ru/group/<id>/topic/<id>, ok.ru/<page>/topic/<id>
 *   MAX:       max.ru/<channel>/<post id>
 *   Gospabliki and websites: a deeper path under the page
 */
export function checkPostUrl(platform: Platform, pageUrl: string, raw: string, pagePlatformId: string | null = null): PostUrlResult {
  const onPlatform = normalizePageUrl(platform, raw);
  if (!onPlatform.ok) return onPlatform;
  const post = new URL(raw.trim());
  const page = new URL(pageUrl);
  const [first, second, third, fourth] = segments(post);
  const pageSegments = segments(page);
  const notAPost = { ok: false as const, message: `is not a post on ${pageUrl} (a page address is not a post)` };

  switch (platform) {
    case 'VK': {
      const w = post.searchParams.get('w');
      const wall = first && WALL.test(first) ? first : w && WALL.test(w) && onThisVkPage(post, page, pagePlatformId) ? w : null;
      if (!wall) return notAPost;
      const owner = wallOwner(wall);
      if (pagePlatformId && owner !== `-${pagePlatformId}`) {
        return { ok: false, message: `is a post on the wall ${owner}, not of ${pageUrl} (community ${pagePlatformId})` };
      }
      return { ok: true, url: post.toString() };
    }
    case 'TELEGRAM': {
      const [channel, message] = first === 's' ? [second, third] : [first, second];
      if (!same(channel, pageSegments[0])) return { ok: false, message: `is not a message of the channel ${pageUrl}` };
      return message && /^\d+$/.test(message) ? { ok: true, url: post.toString() } : notAPost;
    }
    case 'OK': {
      const topicAt = first === 'group' ? 2 : 1;
      const pagePath = segments(post).slice(0, topicAt).join('/');
      if (pagePath.toLowerCase() !== pageSegments.join('/').toLowerCase()) return { ok: false, message: `is not a topic of ${pageUrl}` };
      const [kind, id] = first === 'group' ? [third, fourth] : [second, third];
      return kind === 'topic' && id && /^\d+$/.test(id) ? { ok: true, url: post.toString() } : notAPost;
    }
    case 'MAX':
      if (!same(first, pageSegments[0])) return { ok: false, message: `is not a post of ${pageUrl}` };
      return second && POST_ID.test(second) ? { ok: true, url: post.toString() } : notAPost;
    case 'GOSPABLIKI':
    case 'WEBSITE': {
      if (host(post) !== host(page)) return { ok: false, message: `is not on ${host(page)}` };
      const postPath = segments(post).map((s) => s.toLowerCase());
      const under = pageSegments.every((s, i) => postPath[i] === s.toLowerCase());
      return under && postPath.length > pageSegments.length ? { ok: true, url: post.toString() } : notAPost;
    }
  }
}
