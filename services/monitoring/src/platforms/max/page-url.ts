const MAX_HOSTS = new Set(['max.ru', 'www.max.ru']);

/** A public link as GET /chats/{chatLink} takes it: `@?[a-zA-Z]+[\w-]*` (dev.max.ru/docs-api). */
const CHAT_LINK = /^[A-Za-z][A-Za-z0-9_-]*$/u;

export type MaxPageRef = { kind: 'link'; link: string } | { kind: 'invite' } | null;

/**
 * The public link a MAX page's registered address names: max.ru/<link>, with or without the
 * scheme, www., an @ or a trailing slash, or a bare @link. max.ru/join/<hash> invites to a
 * private chat, which has no public link ('invite'); a user's max.ru/u/<hash>, a post's
 * max.ru/<link>/<post> or another site are null.
 */
export function maxPageRef(pageUrl: string): MaxPageRef {
  const typed = pageUrl.trim();
  if (typed.startsWith('@')) return linkRef(typed.slice(1));
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//iu.test(typed) ? typed : `https://${typed}`);
  } catch {
    return null;
  }
  if (!['http:', 'https:'].includes(url.protocol) || !MAX_HOSTS.has(url.hostname.toLowerCase())) return null;
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  if (segments[0] === 'join' && segments.length === 2) return { kind: 'invite' };
  const [link, ...rest] = segments;
  return link !== undefined && rest.length === 0 ? linkRef(link.replace(/^@/u, '')) : null;
}

function linkRef(link: string): MaxPageRef {
  return CHAT_LINK.test(link) && !['join', 'u', 'c'].includes(link) ? { kind: 'link', link } : null;
}
