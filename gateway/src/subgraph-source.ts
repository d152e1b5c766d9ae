import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { CLIENT_HEADER, GATEWAY_CREDENTIAL_HEADER } from '@hub/common';
import type { GatewayContext } from './auth.js';

/**
 * One subgraph as the gateway calls it: forwards the caller's token with the gateway's own
 * credential (docs/SECURITY.md: the subgraphs answer nobody else), and reports a subgraph
 * that cannot be reached (down, refusing connections, timing out) as DOWNSTREAM_SERVICE_ERROR
 * naming it, so the client gets the other subgraphs' data and a clear reason for the rest.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const authorization = (context as Partial<GatewayContext>).authorization;
    if (authorization) request.http?.headers.set('authorization', authorization);
    const client = (context as Partial<GatewayContext>).client;
    if (client) request.http?.headers.set(CLIENT_HEADER, client);
    request.http?.headers.set(GATEWAY_CREDENTIAL_HEADER, await this.credential());
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    try {
      return await super.process(options);
    } catch (err) {
      if (err instanceof GraphQLError) throw err;
      const reason = (err as Error).name === 'TimeoutError' ? 'did not answer in time' : 'is unavailable';
      throw new GraphQLError(`The ${this.name} service ${reason}`, {
        extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: this.name },
      });
    }
  }

  constructor(
    readonly name: string,
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
    private readonly credential: () => Promise<string>,
  ) {
    super(config);
  }
}
