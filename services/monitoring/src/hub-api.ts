import { signToken } from '@hub/common';

/**
 * Monitoring's way to change what other subgraphs own: the gateway's public API as the service
 * identity SYSTEM (docs/DESIGN.md, "Evidence from the platforms"), audited like any caller. It
 * never writes another subgraph's tables.
 */
export interface HubApi {
  /** Tells organizations the page's id on its platform. */
  recordPageIdentity(pageId: string, platformId: string): Promise<void>;
}

export interface HubApiOptions {
  /** The gateway's GraphQL endpoint as this process reaches it (GATEWAY_URL). */
  gatewayUrl: string;
  jwtSecret: string;
  timeoutMs?: number;
}

/** A short-lived token, renewed at half its life. */
const TOKEN_TTL_S = 300;

export function createHubApi(options: HubApiOptions): HubApi {
  let token: { value: string; renewAt: number } | null = null;
  const bearer = async () => {
    if (!token || Date.now() >= token.renewAt) {
      const value = await signToken(options.jwtSecret, { sub: 'monitoring', role: 'SYSTEM', org: null }, `${TOKEN_TTL_S}s`);
      token = { value, renewAt: Date.now() + (TOKEN_TTL_S / 2) * 1000 };
    }
    return token.value;
  };
  const call = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(options.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await bearer()}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length) {
      const [first] = body.errors;
      throw new Error(`gateway: ${first!.extensions?.code ?? 'ERROR'} ${first!.message}`);
    }
  };
  return {
    recordPageIdentity: (pageId, platformId) =>
      call('mutation($pageId: ID!, $platformId: String!) { recordPageIdentity(pageId: $pageId, platformId: $platformId) { id } }', {
        pageId,
        platformId,
      }),
  };
}
