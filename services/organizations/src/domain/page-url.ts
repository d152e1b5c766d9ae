import { normalizeText, type Platform } from '@hub/common';

/** Hosts each platform's pages live on (decree 3.1 names VK, OK, Telegram, MAX and Gospabliki). */
const PLATFORM_HOSTS: Record<Exclude<Platform, 'WEBSITE'>, readonly string[]> = {
  VK: ['vk.com', 'vk.ru'],
  OK: ['ok.ru'],
  TELEGRAM: ['t.me', 'telegram.me'],
  MAX: ['max.ru'],
  GOSPABLIKI: ['gosuslugi.ru'],
};

const STRIPPED_SUBDOMAINS = /^(www\.|m\.)/;

/** A platform's other domains for the same pages: telegram.me/x is t.me/x. */
const HOST_ALIASES: Partial<Record<Platform, Record<string, string>>> = {
  TELEGRAM: { 'telegram.me': 't.me' },
};

/** The path of an address as typed, before a URL parser resolves its dot segments away. */
const RAW_PATH = /^[a-z][a-z0-9+.-]*:[/\\]*[^/\\?#]*([^?#]*)/i;
/** A "." or ".." path segment, percent-encoded or not (the URL standard reads %2e as a dot). */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;
/** An invisible or bidi character, percent-encoded (what normalizeText removes when typed as is). */
const ENCODED_INVISIBLE = /%e2%80%8[b-f]|%e2%80%a[a-e]|%e2%81%a0|%e2%81%a[6-9]|%ef%bb%bf/i;

/**
 * The longest address once percent-encoded (a Cyrillic letter takes six characters): unique
 * indexes hold pages' and articles' addresses whole, and an index entry has a size limit.
 */
export const MAX_URL_LENGTH = 2000;

export type PageUrlResult = { ok: true; url: string; normalized: string } | { ok: false; message: string };

function hostMatches(host: string, allowed: readonly string[]): boolean {
  return allowed.some((base) => host === base || host.endsWith(`.${base}`));
}

/**
 * Checks that an official page URL belongs to its platform and returns the form used to
 * detect the same page registered twice: https, lower-case host without www./m. and in its
 * platform's main domain (t.me for telegram.me), no query, fragment, trailing or doubled slash.
 * Invisible and bidi characters typed into the address are dropped (normalizeText); a "." or
 * ".." segment is refused rather than resolved: a page's address names the page as it is.
 * A platform page given as http is the https page (stored so); a website must be https already.
 */
export function normalizePageUrl(platform: Platform, raw: string): PageUrlResult {
  // A URL parser drops tabs and line ends anywhere in an address: ".\t." is a ".." segment to it.
  const typed = normalizeText(raw).replace(/[\t\n\r]/g, '');
  const rawPath = RAW_PATH.exec(typed)?.[1] ?? '';
  if (rawPath.split(/[/\\]/).some((segment) => DOT_SEGMENT.test(segment))) {
    return { ok: false, message: 'must not contain . or .. segments' };
  }
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return { ok: false, message: 'is not a valid URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: 'must be an http(s) URL' };
  if (platform === 'WEBSITE' && url.protocol !== 'https:') return { ok: false, message: 'a website must use https' };
  if (ENCODED_INVISIBLE.test(url.pathname)) return { ok: false, message: 'must not contain invisible characters' };
  url.protocol = 'https:';
  if (url.username || url.password) return { ok: false, message: 'must not contain credentials' };
  if (url.href.length > MAX_URL_LENGTH)
    return { ok: false, message: `is too long once percent-encoded (at most ${MAX_URL_LENGTH} characters)` };
  const typedHost = url.hostname.toLowerCase().replace(STRIPPED_SUBDOMAINS, '');
  if (platform !== 'WEBSITE' && !hostMatches(typedHost, PLATFORM_HOSTS[platform])) {
    return { ok: false, message: `is not a ${platform} address (expected ${PLATFORM_HOSTS[platform].join(' or ')})` };
  }
  const host = HOST_ALIASES[platform]?.[typedHost] ?? typedHost;
  let path = url.pathname.replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  if (platform !== 'WEBSITE' && path === '') return { ok: false, message: `must point to a page on ${host}, not the site itself` };
  // t.me/s/<channel> is the web preview of t.me/<channel>: the same channel.
  if (platform === 'TELEGRAM') path = path.replace(/^\/s(?=\/[^/])/i, '');
  const normalized = `https://${host}${path.toLowerCase()}`;
  return { ok: true, url: url.toString(), normalized };
}

/** A VK community's address by number: vk.com/club123, vk.com/public123, vk.com/event123. */
const VK_COMMUNITY = /^(?:club|public|event)(\d+)$/i;

/**
 * The page's own id on its platform when its address carries one: a VK community registered as
 * vk.com/club<id> (or public/event). A page registered by its short name (vk.com/minkult27) has no
 * known id: null. A VK post names its wall's owner by this id (vk.com/wall-<id>_<post>).
 */
export function platformIdOf(platform: Platform, raw: string): string | null {
  if (platform !== 'VK') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  const [first, ...rest] = url.pathname.split('/').filter(Boolean);
  return first && !rest.length ? (VK_COMMUNITY.exec(first)?.[1] ?? null) : null;
}
