import { readFileSync } from 'node:fs';
import { parse, type DocumentNode, type GraphQLResolveInfo, type GraphQLScalarType } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Express, Request } from 'express';
import { auditPlugin } from './audit/plugin.js';
import { auditInTransactions, withMutationAudit } from './audit/in-transaction.js';
import { authenticate, type Claims } from './auth.js';
import { initOrm, migrate, type Orm, type OrmOptions } from './db.js';
import { createHttpService, type HttpService } from './http.js';
import { GATEWAY_CREDENTIAL_HEADER, subgraphKey, verifyGatewayCredential } from './gateway-credential.js';
import { SUBGRAPH_QUERY_LIMITS, hideServiceSdl, queryProtection } from './limits.js';
import type { Logger } from './logger.js';
import type { Clock } from './time.js';
import type { PlatformSettings } from './config.js';

/** What every resolver of every subgraph gets: who asks, a request-scoped entity manager, the clock. */
export interface BaseContext {
  auth: Claims;
  em: EntityManager;
  clock: Clock;
  timezone: string;
  logger: Logger;
  /** The gateway's public address, for links in letters. */
  publicUrl: string;
  /** The caller's network address as the gateway saw it (CLIENT_HEADER), for limits per client. */
  client?: string;
}

/** The header in which the gateway tells a subgraph the caller's address (trusted: only the gateway reaches a subgraph). */
export const CLIENT_HEADER = 'x-hub-client';

/**
 * A subgraph's resolver map as GraphQL Code Generator types it from the subgraph's SDL (`Resolvers`
 * in services/<name>/src/generated/graphql.ts, written by `npm run codegen`): parents, arguments
 * and results are checked there; here only the context is held to the definition's. A field
 * resolver takes (parent, args, context, info), a `__resolveReference` (reference, context, info).
 * Parents and arguments are `any` here as they are in @apollo/subgraph's own map, which this
 * one is handed to unchanged.
 */
export interface SubgraphResolvers<TContext> {
  [typeName: string]: GraphQLScalarType | { [fieldName: string]: FieldResolver<TContext> | ReferenceResolver<TContext> };
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see SubgraphResolvers
type FieldResolver<TContext> = (parent: any, args: any, context: TContext, info: GraphQLResolveInfo) => unknown;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see SubgraphResolvers
type ReferenceResolver<TContext> = (reference: any, context: TContext, info: GraphQLResolveInfo) => unknown;

export interface SubgraphDefinition<TContext extends BaseContext> {
  name: string;
  /** PostgreSQL schema the subgraph owns. */
  dbSchema: string;
  typeDefs: DocumentNode;
  resolvers: (runtime: SubgraphRuntime) => SubgraphResolvers<TContext>;
  entities: OrmOptions['entities'];
  migrations: OrmOptions['migrations'];
  context: (base: BaseContext) => TContext;
  /** HTTP routes besides /graphql (a streamed export, say); they authenticate themselves. */
  routes?: (app: Express, orm: Orm, runtime: SubgraphRuntime) => void;
}

export interface SubgraphRuntime {
  jwtSecret: string;
  /** SUBGRAPH_SECRET: the key of the gateway's credential; derived from jwtSecret when absent. */
  subgraphSecret?: string;
  /** AUTH_MAX_TOKEN_DAYS: the longest-lived token accepted (30 days when absent). */
  maxTokenDays?: number;
  production: boolean;
  logger: Logger;
  clock: Clock;
  timezone: string;
  publicUrl: string;
  /** Content: an author may not approve its own material; on unless the configuration says otherwise. */
  contentFourEyes?: boolean;
  /** Monitoring: where and how each platform is read; without it no platform is configured. */
  platforms?: PlatformSettings;
  /** Monitoring: the gateway it acts through as SYSTEM (GATEWAY_URL). */
  gatewayUrl?: string;
}

export interface RunningSubgraph {
  url: string;
  orm: Orm;
  service: HttpService;
  stop(): Promise<void>;
}

export function loadTypeDefs(schemaFile: URL): DocumentNode {
  return parse(readFileSync(schemaFile, 'utf8'));
}

/** The subgraph's HTTP service over an initialized ORM: used by boot and by tests alike. */
export async function createSubgraphServer<TContext extends BaseContext>(
  definition: SubgraphDefinition<TContext>,
  orm: Orm,
  runtime: SubgraphRuntime,
): Promise<HttpService> {
  // Each mutation's audit entry commits with its change (docs/SECURITY.md, "Audit").
  const resolvers = withMutationAudit(definition.resolvers(runtime), definition.name, runtime.clock);
  auditInTransactions(orm);
  const schema = buildSubgraphSchema([{ typeDefs: definition.typeDefs, resolvers }]);
  const gatewayKey = subgraphKey(runtime.jwtSecret, runtime.subgraphSecret);
  // The gateway's limits again, whoever reaches the subgraph (docs/SECURITY.md).
  const protection = queryProtection<TContext>(SUBGRAPH_QUERY_LIMITS);
  return createHttpService<TContext>({
    guard: (req) => verifyGatewayCredential(gatewayKey, req.headers[GATEWAY_CREDENTIAL_HEADER]),
    name: definition.name,
    production: runtime.production,
    logger: runtime.logger,
    apollo: {
      schema,
      ...protection,
      validationRules: [...protection.validationRules, ...(runtime.production ? [hideServiceSdl] : [])],
      plugins: [...protection.plugins, auditPlugin({ subgraph: definition.name, orm, clock: runtime.clock, logger: runtime.logger })],
    },
    routes: definition.routes ? (app) => definition.routes!(app, orm, runtime) : undefined,
    context: async (req: Request) => {
      // The user's token is verified here again: the gateway's credential says who forwarded the
      // request, this says who asks.
      const auth = await authenticate(runtime.jwtSecret, req.headers.authorization, { maxTokenDays: runtime.maxTokenDays });
      return definition.context({
        auth,
        em: orm.em.fork() as EntityManager,
        clock: runtime.clock,
        timezone: runtime.timezone,
        logger: runtime.logger,
        publicUrl: runtime.publicUrl,
        client: typeof req.headers[CLIENT_HEADER] === 'string' ? req.headers[CLIENT_HEADER] : undefined,
      });
    },
    health: async () => {
      await orm.em.getConnection().execute('select 1');
    },
  });
}

export async function startSubgraph<TContext extends BaseContext>(
  definition: SubgraphDefinition<TContext>,
  options: SubgraphRuntime & {
    databaseUrl: string;
    port: number;
    host?: string;
    poolMax?: number;
    /** The gateway's timeout for a subgraph call (SUBGRAPH_TIMEOUT_MS): the subgraph's statements stop before it. */
    gatewayTimeoutMs?: number;
  },
): Promise<RunningSubgraph> {
  const ormOptions = {
    databaseUrl: options.databaseUrl,
    schema: definition.dbSchema,
    entities: definition.entities,
    migrations: definition.migrations,
  };
  // Migrations run on a connection of their own, without the requests' statement timeout: an
  // index on a large table may take longer than any request may.
  // Two connections: migrate() holds its advisory lock on one and migrates on the other.
  const migrator = await initOrm({ ...ormOptions, poolMax: 2 });
  try {
    await migrate(migrator, definition.dbSchema);
  } finally {
    await migrator.close(true);
  }
  const orm = await initOrm({
    ...ormOptions,
    poolMax: options.poolMax,
    statementTimeoutMs: options.gatewayTimeoutMs ? Math.max(1000, Math.floor(options.gatewayTimeoutMs * 0.8)) : undefined,
  });
  try {
    const service = await createSubgraphServer(definition, orm, options);
    const base = await service.listen(options.port, options.host ?? '127.0.0.1');
    options.logger.info({ url: `${base}/graphql` }, `${definition.name} subgraph listening`);
    return {
      url: `${base}/graphql`,
      orm,
      service,
      stop: async () => {
        await service.stop();
        await orm.close(true);
      },
    };
  } catch (err) {
    await orm.close(true);
    throw err;
  }
}

export interface OrganizationReference {
  __typename: 'Organization';
  id: string;
}

/** An organization as a federated reference, resolved by the organizations subgraph; null stays null. */
export function organizationRef(id: string): OrganizationReference;
export function organizationRef(id: string | null): OrganizationReference | null;
export function organizationRef(id: string | null): OrganizationReference | null {
  return id ? { __typename: 'Organization', id } : null;
}
