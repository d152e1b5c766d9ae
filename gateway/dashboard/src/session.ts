/** A pasted token lives in sessionStorage: gone with the tab, and no other site's request carries it. */
const KEY = 'hub.dashboard.token';

/**
 * The "token" of a session opened by a sign-in link: none, as the browser carries the session's
 * HttpOnly cookie itself (SameSite=Lax, and the gateway refuses another site's requests: README.md,
 * "Signing in").
 */
export const COOKIE_SESSION = '';

export interface CookieSession {
  /** Who the browser's session is for, or null when it has none. */
  person: { email: string; fullName: string; role: string } | null;
  /** People sign in through the OpenID Connect provider rather than by e-mailed links. */
  oidc: boolean;
}

/** What GET /session tells: the session's person and how people sign in here. */
export async function cookieSession(): Promise<CookieSession> {
  try {
    const response = await fetch('/session', { headers: { accept: 'application/json' } });
    if (!response.ok) return { person: null, oidc: false };
    const answer = (await response.json()) as Partial<CookieSession>;
    return { person: answer.person ?? null, oidc: answer.oidc === true };
  } catch {
    return { person: null, oidc: false };
  }
}

/** Closes a sign-in link's session; the cookie is cleared by the answer. */
export async function endCookieSession(): Promise<void> {
  await fetch('/sign-out', { method: 'POST', redirect: 'manual' }).catch(() => undefined);
}

export const loadToken = (): string | null => sessionStorage.getItem(KEY);
export const saveToken = (token: string): void => sessionStorage.setItem(KEY, token);
export const clearToken = (): void => sessionStorage.removeItem(KEY);

export interface TokenClaims {
  sub: string;
  role: string;
  org: string | null;
  exp: number | null;
}

/** What the token says about its holder, for the header only: the gateway alone decides what it allows. */
export function readClaims(token: string): TokenClaims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
    return {
      sub: String(claims.sub ?? ''),
      role: String(claims.role ?? ''),
      org: typeof claims.org === 'string' ? claims.org : null,
      exp: typeof claims.exp === 'number' ? claims.exp : null,
    };
  } catch {
    return null;
  }
}
