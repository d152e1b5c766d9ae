/** The token lives in sessionStorage: gone with the tab, and no cookie means no other site's request carries it. */
const KEY = 'hub.dashboard.token';

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
