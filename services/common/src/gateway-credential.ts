import { createHmac } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { hmacKey, type HmacKey } from './auth.js';
import { getOrCreate } from './collections.js';
import { HubError } from './errors.js';

/**
 * The gateway's credential on every call it makes to a subgraph (docs/SECURITY.md, "Subgraphs
 * behind the gateway"). A user's token alone reaches no subgraph: the subgraphs answer only
 * requests that also carry this short-lived token, signed with a key users never hold. The key is
 * SUBGRAPH_SECRET when set, else derived from AUTH_JWT_SECRET under a label of its own, so a
 * user's token (signed with AUTH_JWT_SECRET itself) can never pass for it.
 */
export const GATEWAY_CREDENTIAL_HEADER = 'x-hub-gateway';
const AUDIENCE = 'hub-subgraph';
const ISSUER = 'hub-gateway';
const LIFETIME_S = 60;
/** Signed once and reused for this long, well inside its lifetime: one signature per half minute, not per call. */
const REUSE_MS = 30_000;

export function subgraphKey(jwtSecret: string, subgraphSecret?: string): Uint8Array {
  if (subgraphSecret) return new TextEncoder().encode(subgraphSecret);
  return createHmac('sha256', jwtSecret).update('hub:gateway-to-subgraph:v1').digest();
}

/** The gateway's side: a function giving the current credential. */
export function gatewayCredential(key: Uint8Array, now: () => number = Date.now): () => Promise<string> {
  let current: { token: string; until: number } | null = null;
  return async () => {
    const at = now();
    if (current && at < current.until) return current.token;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(at / 1000))
      .setExpirationTime(Math.floor(at / 1000) + LIFETIME_S)
      .sign(key);
    current = { token, until: at + REUSE_MS };
    return token;
  };
}

/** The subgraph's key imported once per key, not on every request it checks. */
const imported = new WeakMap<Uint8Array, Promise<HmacKey>>();
const cryptoKey = (key: Uint8Array): Promise<HmacKey> => getOrCreate(imported, key, () => hmacKey(key));

/** A subgraph's side: throws UNAUTHENTICATED unless the header carries a valid credential of the gateway. */
export async function verifyGatewayCredential(key: Uint8Array, header: string | string[] | undefined): Promise<void> {
  const token = Array.isArray(header) ? header[0] : header;
  if (!token) throw new HubError('UNAUTHENTICATED', 'This service answers the gateway only; send requests to the gateway');
  try {
    await jwtVerify(token, await cryptoKey(key), {
      algorithms: ['HS256'],
      audience: AUDIENCE,
      issuer: ISSUER,
      maxTokenAge: LIFETIME_S + 5,
      clockTolerance: 5,
    });
  } catch {
    throw new HubError('UNAUTHENTICATED', 'This service answers the gateway only; send requests to the gateway');
  }
}
