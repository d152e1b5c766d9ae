import { webcrypto } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { getOrCreate } from './collections.js';
import { HubError, unauthenticated } from './errors.js';

/** The roles people hold (the contract's). */
export const USER_ROLES = ['ADMIN', 'EDITOR', 'OPERATOR', 'ANALYST', 'HEAD'] as const;
export type UserRole = (typeof USER_ROLES)[number];
/**
 * SYSTEM: the hub's own services acting through the gateway (monitoring), audited like anyone.
 * GUEST: a caller without a credential, which the gateway forwards only for the operations that
 * need none (gateway/src/anonymous.ts: requestSignIn); no role check lets it in anywhere else.
 */
export const ROLES = [...USER_ROLES, 'SYSTEM', 'GUEST'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that act for one organization (and those below it), named by the `org` claim. */
const SCOPED_ROLES: ReadonlySet<Role> = new Set(['OPERATOR', 'HEAD']);

export interface Claims {
  sub: string;
  role: Role;
  org: string | null;
}

const claimsSchema = z
  .object({
    sub: z.string().min(1),
    role: z.enum(ROLES),
    org: z.string().uuid().optional().nullable(),
  })
  .refine((c) => !SCOPED_ROLES.has(c.role) || !!c.org, { message: 'org claim required for this role' });

const encoder = new TextEncoder();

/** An HMAC-SHA-256 key for jose, imported once: handed raw bytes, jose imports them again on every call (docs/PERFORMANCE.md, "Subgraph CPU"). */
export const hmacKey = (bytes: Uint8Array): Promise<HmacKey> =>
  webcrypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
export type HmacKey = webcrypto.CryptoKey;
const keys = new Map<string, Promise<HmacKey>>();
const key = (secret: string): Promise<HmacKey> => getOrCreate(keys, secret, () => hmacKey(encoder.encode(secret)));

/** The longest a token may live unless AUTH_MAX_TOKEN_DAYS says otherwise (the ADMIN token `npm start` prints lives this long). */
export const DEFAULT_MAX_TOKEN_DAYS = 30;
/** How far in the future a token's `iat` may lie: the issuer's clock may run a little ahead. */
export const MAX_CLOCK_SKEW_SECONDS = 60;
const DAY_SECONDS = 86_400;

export interface TokenPolicy {
  /** The longest accepted lifetime, `exp - iat` (or `exp - now` without `iat`), in days. */
  maxTokenDays?: number;
}

export async function signToken(secret: string, claims: Claims, expiresIn: string | number = '12h'): Promise<string> {
  const payload: Record<string, unknown> = { role: claims.role };
  if (claims.org) payload.org = claims.org;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(await key(secret));
}

/**
 * Verifies an HS256 token (no other algorithm, `exp` required) and returns its claims. A token
 * issued in the future (beyond a minute of clock skew) or made to live longer than the policy's
 * maximum is refused: a leaked one must not stay good for a century.
 */
export async function verifyToken(secret: string, token: string, policy: TokenPolicy = {}): Promise<Claims> {
  const maxTokenDays = policy.maxTokenDays ?? DEFAULT_MAX_TOKEN_DAYS;
  try {
    const { payload } = await jwtVerify(token, await key(secret), { algorithms: ['HS256'], requiredClaims: ['exp', 'sub'] });
    const now = Math.floor(Date.now() / 1000);
    const exp = payload.exp!;
    if (payload.iat !== undefined && payload.iat > now + MAX_CLOCK_SKEW_SECONDS) throw unauthenticated('Token is issued in the future');
    if (exp - (payload.iat ?? now) > maxTokenDays * DAY_SECONDS) {
      throw unauthenticated(`Token lifetime exceeds the maximum of ${maxTokenDays} days`);
    }
    const parsed = claimsSchema.safeParse(payload);
    if (!parsed.success) throw unauthenticated('Token claims are invalid');
    return { sub: parsed.data.sub, role: parsed.data.role, org: parsed.data.org ?? null };
  } catch (err) {
    if (err instanceof HubError) throw err;
    if (err instanceof joseErrors.JWTExpired) throw unauthenticated('Token expired');
    throw unauthenticated('Token is invalid');
  }
}

export function bearerToken(header: string | undefined | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}

export async function authenticate(secret: string, authorization: string | undefined | null, policy: TokenPolicy = {}): Promise<Claims> {
  const token = bearerToken(authorization);
  if (!token) throw unauthenticated();
  return verifyToken(secret, token, policy);
}
