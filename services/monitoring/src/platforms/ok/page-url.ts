const OK_HOSTS = new Set(['ok.ru', 'www.ok.ru', 'm.ok.ru', 'odnoklassniki.ru', 'www.odnoklassniki.ru']);

/** ok.ru's own sections, never a group's short name. */
const RESERVED = new Set(['group', 'groups', 'profile', 'dk', 'game', 'games', 'app', 'video', 'music', 'feed', 'search', 'messages']);

const SHORT_NAME = /^[A-Za-z0-9_.-]+$/u;

export type OkGroupRef = { groupId: string } | { shortNameUrl: string };

/**
 * A group's registered address: ok.ru/group/<id> names the group; ok.ru/<short name> is resolved
 * with url.getInfo, which takes the full address (asked in its ok.ru form whatever host it was
 * registered with). Null when the address is not an OK group's.
 */
export function okGroupRef(pageUrl: string): OkGroupRef | null {
  let url: URL;
  try {
    url = new URL(pageUrl.trim());
  } catch {
    return null;
  }
  if (!['http:', 'https:'].includes(url.protocol) || !OK_HOSTS.has(url.hostname.toLowerCase())) return null;
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  if (segments.length === 2 && segments[0] === 'group' && /^\d+$/u.test(segments[1] ?? '')) return { groupId: segments[1] ?? '' };
  const name = segments[0] ?? '';
  if (segments.length !== 1 || RESERVED.has(name.toLowerCase()) || !SHORT_NAME.test(name)) return null;
  return { shortNameUrl: `https://ok.ru/${name}` };
}
