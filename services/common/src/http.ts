import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError } from 'graphql';
import { HubError, createErrorFormatter, httpStatusOf } from './errors.js';
import type { Logger } from './logger.js';

/** A refusal outside GraphQL (an export, its proxy): the code's HTTP status and `{ error: { code, message, …details } }`. */
export function sendRefusal(res: Response, error: HubError): void {
  res.status(httpStatusOf(error.code)).json({ error: { code: error.code, message: error.message, ...error.details } });
}

export interface HttpServiceOptions<TContext extends BaseContext> {
  name: string;
  production: boolean;
  logger: Logger;
  apollo: Omit<ApolloServerOptions<TContext>, 'formatError' | 'plugins' | 'introspection'> & {
    plugins?: ApolloServerOptions<TContext>['plugins'];
  };
  context: (req: Request) => Promise<TContext>;
  /** Throws when the service cannot do its work (e.g. the database is unreachable). */
  health: () => Promise<Record<string, unknown> | void>;
  /** Extra routes mounted before /graphql (exports, the dashboard). */
  routes?: (app: Express) => void;
  /**
   * Runs before every route but /health (GraphQL and the extra routes alike) and refuses by
   * throwing a HubError: the subgraphs' check that the gateway sent the request (docs/SECURITY.md).
   */
  guard?: (req: Request) => Promise<void>;
  bodyLimit?: string;
}

/**
 * Errors raised before GraphQL sees the request (a body too large, JSON that does not parse) as
 * GraphQL-shaped JSON with a code, never express's HTML page with a stack trace.
 */
function requestErrorHandler(logger: Logger) {
  return (err: { type?: string; status?: number; message?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const known: Record<string, [number, string, string]> = {
      'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than this service accepts'],
      'entity.parse.failed': [400, 'BAD_REQUEST', 'The request body is not valid JSON'],
      'encoding.unsupported': [415, 'BAD_REQUEST', 'Unsupported request encoding'],
    };
    const [status, code, message] = known[err.type ?? ''] ?? [500, 'INTERNAL_SERVER_ERROR', 'Internal server error'];
    if (status === 500) logger.error({ err }, 'request failed outside GraphQL');
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
}

/**
 * What a service cannot run is refused as the caller's error before execution: a document whose
 * operation the request does not pick out, a subscription (none is served over HTTP), an
 * operation type the schema lacks. Left to execution, the gateway's query planner throws on them:
 * HTTP 500 and an error logged with its stack (docs/SECURITY.md, "What errors tell").
 */
const refuseUnservedOperations: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request, schema }) {
        if (!operation) {
          throw new GraphQLError(
            request.operationName
              ? `Unknown operation named "${request.operationName}".`
              : 'Must provide operation name if query contains multiple operations.',
            { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } },
          );
        }
        if (operation.operation === 'subscription' || !schema.getRootType(operation.operation)) {
          throw new GraphQLError(`This service does not serve ${operation.operation} operations; send a query or a mutation.`, {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      },
    };
  },
};

export interface HttpService {
  app: Express;
  listen(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

/** Apollo Server 5 on express with /health, one error mapper and a drain on stop. */
export async function createHttpService<TContext extends BaseContext>(options: HttpServiceOptions<TContext>): Promise<HttpService> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  httpServer.keepAliveTimeout = 65_000;
  const apollo = new ApolloServer<TContext>({
    ...(options.apollo as ApolloServerOptions<TContext>),
    introspection: !options.production,
    // The process owns shutdown (boot.ts): every part stops once, in order.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !options.production,
    formatError: createErrorFormatter({
      maskInternal: options.production,
      log: (err) => options.logger.error({ err }, 'unexpected error'),
    }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No Apollo Studio here: federated traces would only add bytes to every subgraph answer.
      ...(options.name === 'gateway' ? [] : [ApolloServerPluginInlineTraceDisabled()]),
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
      refuseUnservedOperations as ApolloServerPlugin<TContext>,
      ...(options.apollo.plugins ?? []),
    ],
  });
  await apollo.start();

  app.get('/health', async (_req, res) => {
    try {
      const details = await options.health();
      res.json({ status: 'ok', service: options.name, ...(details ?? {}) });
    } catch (err) {
      res.status(503).json({ status: 'unavailable', service: options.name, error: (err as Error).message });
    }
  });
  if (options.guard) {
    const guard = options.guard;
    app.use((req: Request, res: Response, next: NextFunction) => {
      guard(req).then(
        () => next(),
        (err: unknown) => {
          const known = err instanceof HubError ? err : new HubError('UNAUTHENTICATED', 'Refused');
          res.status(httpStatusOf(known.code)).json({ errors: [{ message: known.message, extensions: { code: known.code } }] });
        },
      );
    });
  }
  options.routes?.(app);
  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit ?? '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        try {
          return await options.context(req);
        } catch (err) {
          if (err instanceof HubError) throw err.toGraphQLError();
          throw err instanceof GraphQLError ? err : new GraphQLError('Context failed');
        }
      },
    }),
  );

  app.use(requestErrorHandler(options.logger));

  return {
    app,
    listen: (port, host = '0.0.0.0') =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const { port: actual } = httpServer.address() as AddressInfo;
          resolve(`http://127.0.0.1:${actual}`);
        });
      }),
    stop: async () => {
      await apollo.stop();
      httpServer.closeAllConnections();
    },
  };
}
