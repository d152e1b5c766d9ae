import type { Platform } from '@hub/common';

/** Hosts each platform's pages live on (decree 3.1 names VK, OK, Telegram, MAX and Gospabliki). */
const PLATFORM_HOSTS: Record<Exclude<Platform, 'WEBSITE'>, readonly string[]> = {
  VK: ['vk.com', 'vk.ru'],
  OK: ['ok.ru'],
  TELEGRAM: ['t.me', 'telegram.me'],
  MAX: ['max.ru'],
  GOSPABLIKI: ['gosuslugi.ru'],
};

const STRIPPED_SUBDOMAINS = /^(www\.|m\.)/;

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
 * detect the same page registered twice: https, lower-case host without www./m., no
 * query, fragment or trailing slash.
 */
export function normalizePageUrl(platform: Platform, raw: string): PageUrlResult {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: 'is not a valid URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: 'must be an http(s) URL' };
  if (platform === 'WEBSITE' && url.protocol !== 'https:') return { ok: false, message: 'a website must use https' };
  if (url.username || url.password) return { ok: false, message: 'must not contain credentials' };
  if (url.href.length > MAX_URL_LENGTH) return { ok: false, message: `is too long once percent-encoded (at most ${MAX_URL_LENGTH} characters)` };
  const host = url.hostname.toLowerCase().replace(STRIPPED_SUBDOMAINS, '');
  if (platform !== 'WEBSITE' && !hostMatches(host, PLATFORM_HOSTS[platform])) {
    return { ok: false, message: `is not a ${platform} address (expected ${PLATFORM_HOSTS[platform].join(' or ')})` };
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (platform !== 'WEBSITE' && path === '') return { ok: false, message: `must point to a page on ${host}, not the site itself` };
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
