/**
 * Sessions opened by sign-in links or through the OpenID Connect provider (docs/DESIGN.md,
 * "Signing in"), as the gateway holds them: an HttpOnly, SameSite=Lax cookie with the session's
 * secret id, which the compliance subgraph (the owner of sign-in, beside the outbox that sends the
 * links) opens, resolves and closes. A request
 * with the cookie and no bearer token is let in as the session's person: the gateway forwards a
 * short-lived token of its own naming that person, so the subgraphs check it as any other.
 */
import { request } from 'undici';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import type { Request } from 'express';
import { GATEWAY_CREDENTIAL_HEADER, signToken, type Claims, type Logger } from '@hub/common';

export const SESSION_COOKIE = 'hub_session';
/** A session resolved is trusted this long: a closed session or a deactivated person stops working within it. */
const RESOLVED_FOR_MS = 30_000;
/** The token forwarded for a session's request: long enough for the request, short enough to be worthless once logged. */
const FORWARDED_TOKEN_TTL = '5m';

export interface SessionPerson {
  email: string;
  fullName: string;
  role: Claims['role'];
  organizationId: string | null;
}

export interface SessionsOptions {
  /** The compliance subgraph's GraphQL URL; its session routes live beside it. */
  complianceUrl: string;
  credential: () => Promise<string>;
  jwtSecret: string;
  timeoutMs: number;
  /** How long a session lasts (SESSION_HOURS). */
  lifetimeMs: number;
  /** Cookies are Secure when the hub is served over https (HUB_PUBLIC_URL). */
  secure: boolean;
  logger: Logger;
}

export interface Sessions {
  /** Opens a session with a link's token: the cookie to set, the person and the page asked for, or null for a link that opens nothing. */
  open(token: string): Promise<{ cookie: string; person: SessionPerson; next: string | null } | null>;
  /** Opens a session for the active person of an address the OpenID Connect provider vouched for: the cookie to set and the person, or null for an address no active person has. */
  openForPerson(email: string): Promise<{ cookie: string; person: SessionPerson } | null>;
  /** The bearer token to forward for a request carrying a live session cookie, or null. */
  authorizationOf(req: Request): Promise<string | null>;
  /** The person of the request's live session, or null. */
  personOf(req: Request): Promise<SessionPerson | null>;
  /** Closes the request's session, if any: the cookie that clears it. */
  close(req: Request): Promise<string>;
}

export function createSessions(options: SessionsOptions): Sessions {
  const base = new URL('/', options.complianceUrl);
  const resolved = new Map<string, { until: number; person: SessionPerson | null; authorization: string | null }>();

  const call = async <T>(path: string, body: Record<string, unknown>): Promise<T> => {
    const response = await request(new URL(path, base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [GATEWAY_CREDENTIAL_HEADER]: await options.credential() },
      body: JSON.stringify(body),
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    const answer = (await response.body.json()) as T;
    if (response.statusCode !== 200) throw new Error(`compliance ${path} answered ${response.statusCode}`);
    return answer;
  };

  const cookie = (value: string, maxAgeSeconds: number) =>
    serializeCookie(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: options.secure, path: '/', maxAge: maxAgeSeconds });

  const sessionCookie = (session: string) => cookie(session, Math.floor(options.lifetimeMs / 1000));

  const sessionOf = (req: Request): string | null => {
    const header = req.headers.cookie;
    return header ? (parseCookies(header)[SESSION_COOKIE] ?? null) : null;
  };

  /** The request's session as compliance last told it (cached RESOLVED_FOR_MS), or null without one. */
  const resolve = async (req: Request) => {
    const session = sessionOf(req);
    if (!session) return null;
    const now = Date.now();
    const known = resolved.get(session);
    if (known && known.until > now) return known;
    const person = await call<SessionPerson | null>('/sessions/resolve', { session }).catch((err: unknown) => {
      options.logger.warn({ err }, 'a session could not be resolved');
      return null;
    });
    const authorization = person
      ? `Bearer ${await signToken(options.jwtSecret, { sub: person.email, role: person.role, org: person.organizationId }, FORWARDED_TOKEN_TTL)}`
      : null;
    const entry = { until: now + RESOLVED_FOR_MS, person, authorization };
    resolved.set(session, entry);
    if (resolved.size > 10_000) resolved.delete(resolved.keys().next().value!);
    return entry;
  };

  return {
    async open(token) {
      const opened = await call<(SessionPerson & { session: string; next: string | null }) | null>('/sessions/open', {
        token,
        lifetimeMs: options.lifetimeMs,
      });
      if (!opened) return null;
      const { session, next, ...person } = opened;
      return { cookie: sessionCookie(session), person, next };
    },
    async openForPerson(email) {
      const opened = await call<(SessionPerson & { session: string }) | null>('/sessions/open-for-person', {
        email,
        lifetimeMs: options.lifetimeMs,
      });
      if (!opened) return null;
      const { session, ...person } = opened;
      return { cookie: sessionCookie(session), person };
    },
    async authorizationOf(req) {
      return (await resolve(req))?.authorization ?? null;
    },
    async personOf(req) {
      return (await resolve(req))?.person ?? null;
    },
    async close(req) {
      const session = sessionOf(req);
      if (session) {
        resolved.delete(session);
        await call('/sessions/close', { session }).catch((err: unknown) => options.logger.warn({ err }, 'a session could not be closed'));
      }
      return cookie('', 0);
    },
  };
}
