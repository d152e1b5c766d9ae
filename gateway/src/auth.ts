import { authenticate, signToken, type Claims } from '@hub/common';
import type { Request } from 'express';
import type { Sessions } from './sessions.js';
import { isAnonymousRequest } from './anonymous.js';

export interface GatewayContext {
  auth: Claims;
  /** Forwarded as is: every subgraph verifies the token again. */
  authorization: string;
  /** The caller's address, forwarded for the limits per client (requestSignIn). */
  client: string;
}

/** A caller without a credential asking only for what needs none: a GUEST for one minute. */
const guestAuthorization = async (secret: string) => `Bearer ${await signToken(secret, { sub: 'guest', role: 'GUEST', org: null }, '1m')}`;

/**
 * Who asks: a bearer token as given (API clients); else a signed-in session's person (the cookie,
 * when sessions are on); else, for a request that needs no credential (requestSignIn), a GUEST;
 * else UNAUTHENTICATED.
 */
export async function gatewayContext(secret: string, req: Request, maxTokenDays?: number, sessions?: Sessions): Promise<GatewayContext> {
  let authorization = req.headers.authorization ?? '';
  if (!authorization && sessions) authorization = (await sessions.authorizationOf(req)) ?? '';
  if (!authorization && isAnonymousRequest(req.body)) authorization = await guestAuthorization(secret);
  const auth = await authenticate(secret, authorization, { maxTokenDays });
  return { auth, authorization, client: req.ip ?? req.socket.remoteAddress ?? 'unknown' };
}
