/**
 * Signing in by an e-mailed link (docs/DESIGN.md, "Signing in"): what a link and a session are
 * worth and how often one may be asked for. Pure: no I/O, the clock is given.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { SIGN_IN_PAGE, emailAddress } from '@hub/common';

/** A link opens a session once, within this long of being sent. */
export const LINK_TTL_MS = 15 * 60_000;
/** The window the request limits count in. */
export const REQUEST_WINDOW_MS = 15 * 60_000;
/** Links asked for one address within the window: enough for a lost letter and a second device. */
export const REQUESTS_PER_ADDRESS = 3;
/** Requests from one client within the window, whatever the addresses: a guesser is slowed down. */
export const REQUESTS_PER_CLIENT = 20;

/** A secret for a link or a session: 256 random bits, URL-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** What is stored of a secret: its SHA-256, so a copy of the table opens nothing. */
export const secretHash = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export interface RequestCounts {
  byAddress: number;
  byClient: number;
}

/** Whether one more request is within the limits: the same answer for a registered and an unknown address. */
export function withinLimits(counts: RequestCounts): boolean {
  return counts.byAddress < REQUESTS_PER_ADDRESS && counts.byClient < REQUESTS_PER_CLIENT;
}

/**
 * What requestSignIn takes: an e-mail address (not one: BAD_USER_INPUT naming `email`), compared
 * lower-cased, and the page to open once signed in (not one of SIGN_IN_PAGE: BAD_USER_INPUT naming `next`).
 */
export const signInRequest = z.object({
  email: emailAddress(),
  next: z
    .string()
    .max(500, 'is too long')
    .regex(SIGN_IN_PAGE, 'must be a page of the hub, such as /dashboard/#/organizations/<id>')
    .nullish(),
});
