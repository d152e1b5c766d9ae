import { ApolloGateway } from '@apollo/gateway';
import { SubgraphSource } from './subgraph-source.js';
import {
  createHttpService,
  gatewayCredential,
  required,
  subgraphKey,
  type HttpService,
  type Logger,
  type OidcSettings,
  type SubgraphName,
} from '@hub/common';
import { composeSupergraph } from './supergraph.js';
import { createSubgraphFetcher } from './fetcher.js';
import { gatewayContext, type GatewayContext } from './auth.js';
import { checkSubgraphs } from './health.js';
import { mountReports } from './reports.js';
import { QUERY_LIMITS, queryProtection } from '@hub/common';
import { mountDashboard } from './dashboard.js';
import { createSessions } from './sessions.js';
import { mountSignIn } from './sign-in-routes.js';
import { mountOidcSignIn } from './oidc-routes.js';

export interface GatewayOptions {
  jwtSecret: string;
  /** SUBGRAPH_SECRET: the key of the credential the gateway sends the subgraphs; derived from jwtSecret when absent. */
  subgraphSecret?: string;
  /** AUTH_MAX_TOKEN_DAYS: the longest-lived token accepted (30 days when absent). */
  maxTokenDays?: number;
  /** SESSION_HOURS: how long a signed-in session lasts (12 when absent). */
  sessionHours?: number;
  /** HUB_PUBLIC_URL: the session cookie is Secure when it is https; the OpenID Connect callback is under it. */
  publicUrl?: string;
  /** OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: people sign in through that provider (absent: by e-mailed links). */
  oidc?: OidcSettings | null;
  /** TRUST_PROXY: the proxies whose X-Forwarded-For names the client (limits per client). */
  trustProxy?: number | string | null;
  subgraphUrls: Record<SubgraphName, string>;
  subgraphTimeoutMs: number;
  production: boolean;
  logger: Logger;
}

// @apollo/gateway's OpenTelemetry GCP detector would probe a cloud metadata server over the
// network at start; the hub runs on its own servers.
process.env.METADATA_SERVER_DETECTION ??= 'none';

/** The gateway's HTTP service, not yet listening: no side effects beyond building it. */
export async function createGateway(options: GatewayOptions): Promise<HttpService> {
  const supergraphSdl = composeSupergraph(options.subgraphUrls);
  const { fetcher, close } = createSubgraphFetcher({ timeoutMs: options.subgraphTimeoutMs });
  const credential = gatewayCredential(subgraphKey(options.jwtSecret, options.subgraphSecret));
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger: options.logger,
    buildService: ({ name, url }) => new SubgraphSource(name, { url, fetcher }, credential),
  });
  const sessions = createSessions({
    complianceUrl: options.subgraphUrls.compliance,
    credential,
    jwtSecret: options.jwtSecret,
    timeoutMs: options.subgraphTimeoutMs,
    lifetimeMs: (options.sessionHours ?? 12) * 3_600_000,
    secure: options.publicUrl?.startsWith('https:') ?? false,
    logger: options.logger,
  });
  const protection = queryProtection<GatewayContext>();
  const service = await createHttpService<GatewayContext>({
    name: 'gateway',
    production: options.production,
    logger: options.logger,
    apollo: { gateway, ...protection },
    bodyLimit: QUERY_LIMITS.bodyLimit,
    context: (req) => gatewayContext(options.jwtSecret, req, options.maxTokenDays, sessions),
    routes: (app) => {
      if (options.trustProxy != null) app.set('trust proxy', options.trustProxy);
      mountReports(app, {
        jwtSecret: options.jwtSecret,
        complianceUrl: options.subgraphUrls.compliance,
        timeoutMs: options.subgraphTimeoutMs,
        logger: options.logger,
        credential,
        maxTokenDays: options.maxTokenDays,
        sessions,
      });
      if (options.oidc) {
        mountOidcSignIn(app, {
          provider: options.oidc,
          publicUrl: required(options.publicUrl, 'HUB_PUBLIC_URL'),
          secure: options.publicUrl?.startsWith('https:') ?? false,
          sessions,
          logger: options.logger,
        });
      }
      mountSignIn(app, sessions, options.logger, { oidc: Boolean(options.oidc) });
      mountDashboard(app, { logger: options.logger });
    },
    health: async () => {
      const report = await checkSubgraphs(options.subgraphUrls, Math.min(options.subgraphTimeoutMs, 3000));
      if (!report.ok) {
        const down = Object.entries(report.subgraphs).filter(([, s]) => s !== 'ok');
        throw new Error(`subgraph down: ${down.map(([name, s]) => `${name} (${s})`).join(', ')}`);
      }
      return { subgraphs: report.subgraphs };
    },
  });
  return {
    ...service,
    stop: async () => {
      await service.stop();
      await close();
    },
  };
}
