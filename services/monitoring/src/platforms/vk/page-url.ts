const VK_HOSTS = new Set(['vk.com', 'www.vk.com', 'm.vk.com', 'vk.ru', 'www.vk.ru', 'm.vk.ru']);

/** vk.com/club123, /public123, /event123: a community by its number. */
const COMMUNITY_BY_NUMBER = /^(?:club|public|event)(\d+)$/u;

/** VK short names are Latin letters, digits, underscores and dots. */
const SHORT_NAME = /^[A-Za-z0-9_.]+$/u;

/**
 * What `groups.getById` takes as group_id for a page's registered address: the community's number
 * (vk.com/club123) or its short name (vk.com/minles_kgku14), from vk.com, vk.ru or m. addresses,
 * with any trailing slash, query or fragment. Null when the address is not a VK community's.
 */
export function vkGroupRef(pageUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(pageUrl.trim());
  } catch {
    return null;
  }
  if (!['http:', 'https:'].includes(url.protocol) || !VK_HOSTS.has(url.hostname.toLowerCase())) return null;
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  if (segments.length !== 1) return null;
  const name = segments[0] ?? '';
  const byNumber = COMMUNITY_BY_NUMBER.exec(name);
  if (byNumber) return byNumber[1] ?? null;
  return SHORT_NAME.test(name) ? name : null;
}
