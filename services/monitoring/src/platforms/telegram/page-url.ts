const TELEGRAM_HOSTS = new Set(['t.me', 'www.t.me', 'telegram.me', 'www.telegram.me']);

/**
 * A public username: Latin letters, digits and underscores, starting with a letter, 5–32 long
 * (core.telegram.org/method/account.checkUsername); a few early names are 4 long.
 */
const USERNAME = /^[a-z][a-z0-9_]{3,31}$/u;

/** Invitation links of private chats: t.me/+<hash>, t.me/joinchat/<hash>. */
const INVITE = /^(?:\+|joinchat$)/u;

export type TelegramPageRef = { kind: 'channel'; name: string } | { kind: 'invite' } | null;

/**
 * The channel a page's registered address names: t.me/<name>, t.me/s/<name> (the web preview),
 * telegram.me/<name>, with or without the scheme, an @ or a trailing slash, or a bare @name. The
 * name is lower-cased: Telegram usernames are case-insensitive. An invitation link is a private
 * chat's ('invite'); anything else (a post's address, another site) is null.
 */
export function telegramPageRef(pageUrl: string): TelegramPageRef {
  const typed = pageUrl.trim();
  if (/^@[A-Za-z0-9_]+$/u.test(typed)) return channelRef(typed.slice(1));
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//iu.test(typed) ? typed : `https://${typed}`);
  } catch {
    return null;
  }
  if (!['http:', 'https:'].includes(url.protocol) || !TELEGRAM_HOSTS.has(url.hostname.toLowerCase())) return null;
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  if (segments[0] !== undefined && INVITE.test(segments[0])) return { kind: 'invite' };
  const [name, ...rest] = segments[0] === 's' ? segments.slice(1) : segments;
  return name !== undefined && rest.length === 0 ? channelRef(name.replace(/^@/u, '')) : null;
}

function channelRef(name: string): TelegramPageRef {
  const lower = name.toLowerCase();
  return USERNAME.test(lower) ? { kind: 'channel', name: lower } : null;
}
