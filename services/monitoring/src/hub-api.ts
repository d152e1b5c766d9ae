import { signToken } from '@hub/common';

/**
 * Monitoring's way to change what other subgraphs own: the gateway's public API as the service
 * identity SYSTEM (docs/DESIGN.md, "Evidence from the platforms"), audited like any caller. It
 * never writes another subgraph's tables.
 */
export interface HubApi {
  /** Tells organizations the page's id on its platform. */
  recordPageIdentity(pageId: string, platformId: string): Promise<void>;
  /** Reports a post the hub found and matched as a DISCOVERED placement; false when one already counted. */
  reportDiscovered(placement: DiscoveredPlacement): Promise<boolean>;
  /** Withdraws a placement whose post the hub did not find on its page (or found placing something else), with why. */
  disprovePlacement(placementId: string, reason: string): Promise<void>;
}

export interface DiscoveredPlacement {
  materialId: string;
  pageId: string;
  url: string;
  publishedAt: Date;
}

/** The gateway refused the call: `code` is the hub's error code (BAD_USER_INPUT, CONFLICT, …), `field` the input it named. */
export class HubApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field: string | null,
  ) {
    super(message);
  }
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
  const call = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const response = await fetch(options.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await bearer()}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
    if (body.errors?.length) {
      const [first] = body.errors;
      const code = first!.extensions?.code ?? 'ERROR';
      throw new HubApiError(code, `gateway: ${code} ${first!.message}`, first!.extensions?.field ?? null);
    }
    return body.data as T;
  };
  return {
    recordPageIdentity: (pageId, platformId) =>
      call<unknown>(
        'mutation($pageId: ID!, $platformId: String!) { recordPageIdentity(pageId: $pageId, platformId: $platformId) { id } }',
        {
          pageId,
          platformId,
        },
      ).then(() => undefined),
    reportDiscovered: async (placement) => {
      const data = await call<{ reportPlacements: { accepted: number } }>(
        'mutation($input: [ReportPlacementInput!]!) { reportPlacements(input: $input) { accepted } }',
        {
          input: [
            {
              materialId: placement.materialId,
              pageId: placement.pageId,
              url: placement.url,
              publishedAt: placement.publishedAt.toISOString(),
            },
          ],
        },
      );
      return data.reportPlacements.accepted > 0;
    },
    disprovePlacement: (placementId, reason) =>
      call<unknown>('mutation($id: ID!, $reason: String!) { withdrawPlacement(id: $id, reason: $reason) { id } }', {
        id: placementId,
        reason,
      }).then(() => undefined),
  };
}
