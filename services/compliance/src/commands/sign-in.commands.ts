import type { EntityManager } from '@mikro-orm/postgresql';
import { HubError, emailAddress, parseInput, type Clock } from '@hub/common';
import { LINK_TTL_MS, REQUEST_WINDOW_MS, newSecret, secretHash, signInRequest, withinLimits } from '../domain/sign-in.js';
import {
  activePerson,
  recordRequest,
  requestCounts,
  revokeSession,
  sessionPerson,
  storeLink,
  storeSession,
  useLink,
  type SignInPerson,
} from '../data/sign-in.repo.js';
import { queueLetters, wakeDispatcher } from '../data/outbox.repo.js';
import { signInLetter } from '../mail/sign-in-letter.js';

export interface SignInDeps {
  em: EntityManager;
  clock: Clock;
  /** The gateway's public address: the link is `<publicUrl>/sign-in/<token>`. */
  publicUrl: string;
}

/**
 * requestSignIn (docs/DESIGN.md, "Signing in"): a link to a registered, active person, through
 * the outbox; for any other address nothing is sent. Either way the answer is the same `true`, and
 * the same limits count the request, so the answer tells nothing of who is registered. Over the
 * limits (per address, per client) the request is refused with TOO_MANY_REQUESTS; what is not an
 * address at all, with BAD_USER_INPUT naming `email`.
 */
export async function requestSignIn(deps: SignInDeps, raw: { email: string; next?: string | null }, client: string): Promise<boolean> {
  const { email, next } = parseInput(signInRequest, raw);
  const now = deps.clock();
  const since = new Date(now.getTime() - REQUEST_WINDOW_MS);
  return deps.em.transactional(async (em) => {
    if (!withinLimits(await requestCounts(em, email, client, since))) {
      throw new HubError('TOO_MANY_REQUESTS', 'Too many sign-in requests: try again in 15 minutes', {
        field: 'email',
        retryAfterSeconds: REQUEST_WINDOW_MS / 1000,
      });
    }
    await recordRequest(em, email, client, now, since);
    const person = await activePerson(em, email);
    if (!person) return true;
    const token = newSecret();
    const tokenHash = secretHash(token);
    await storeLink(em, tokenHash, person.email, now, new Date(now.getTime() + LINK_TTL_MS), next ?? null);
    await queueLetters(em, [signInLetter(person, `${deps.publicUrl.replace(/\/+$/u, '')}/sign-in/${token}`, tokenHash)], now);
    // The person waits at the sign-in page for this letter: a worker sends it once this commits.
    await wakeDispatcher(em);
    return true;
  });
}

/** A session opened by a link: its secret id (the cookie's value) and until when it lasts. */
export interface OpenedSession {
  session: string;
  expiresAt: Date;
  person: SignInPerson;
  /** The page asked for with the link (SIGN_IN_PAGE), or null for the front page. */
  next: string | null;
}

/** Uses a link once: a session for its person, or null for a link unknown, used, expired, or of a person since deactivated. */
export async function openSession(deps: SignInDeps, token: string, lifetimeMs: number): Promise<OpenedSession | null> {
  const now = deps.clock();
  return deps.em.transactional(async (em) => {
    const link = await useLink(em, secretHash(token), now);
    const person = link ? await activePerson(em, link.email) : null;
    if (!person) return null;
    return { ...(await startSession(em, person, now, lifetimeMs)), next: link!.next };
  });
}

/**
 * A session for the active person of an address the OpenID Connect provider vouched for (the
 * gateway checked its ID token: docs/DESIGN.md, "Signing in"), or null for an address no active
 * person has. The role and organization are the hub's own, whatever the provider says.
 */
export async function openSessionForPerson(deps: SignInDeps, address: string, lifetimeMs: number): Promise<OpenedSession | null> {
  // Compared lower-cased, as requestSignIn compares it; what is not an address is no one's.
  const email = emailAddress().safeParse(address);
  if (!email.success) return null;
  const now = deps.clock();
  return deps.em.transactional(async (em) => {
    const person = await activePerson(em, email.data);
    return person && { ...(await startSession(em, person, now, lifetimeMs)), next: null };
  });
}

/** Stores a fresh session for the person: its secret id is given out once, only its hash is kept. */
async function startSession(em: EntityManager, person: SignInPerson, now: Date, lifetimeMs: number) {
  const session = newSecret();
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  await storeSession(em, secretHash(session), person.email, now, expiresAt);
  return { session, expiresAt, person };
}

/** Who a session is for, while it lasts, is not revoked and its person is active; else null. */
export const sessionOf = (deps: SignInDeps, session: string) => sessionPerson(deps.em, secretHash(session), deps.clock());

export const closeSession = (deps: SignInDeps, session: string) => revokeSession(deps.em, secretHash(session), deps.clock());
