import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { HubError, unauthenticated } from './errors.js';

export const ROLES = ['ADMIN', 'EDITOR', 'OPERATOR', 'ANALYST', 'HEAD'] as const;
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
const key = (secret: string) => encoder.encode(secret);

export async function signToken(secret: string, claims: Claims, expiresIn: string | number = '12h'): Promise<string> {
  const payload: Record<string, unknown> = { role: claims.role };
  if (claims.org) payload.org = claims.org;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key(secret));
}

/** Verifies an HS256 token (no other algorithm, `exp` required) and returns its claims. */
export async function verifyToken(secret: string, token: string): Promise<Claims> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'], requiredClaims: ['exp', 'sub'] });
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

export async function authenticate(secret: string, authorization: string | undefined | null): Promise<Claims> {
  const token = bearerToken(authorization);
  if (!token) throw unauthenticated();
  return verifyToken(secret, token);
}
