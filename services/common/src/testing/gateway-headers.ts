import { GATEWAY_CREDENTIAL_HEADER, gatewayCredential, subgraphKey } from '../gateway-credential.js';
import { TEST_JWT_SECRET } from './tokens.js';

/** The header the gateway adds for a subgraph, for tests that call a subgraph as the gateway would. */
export async function asGateway(jwtSecret = TEST_JWT_SECRET): Promise<Record<string, string>> {
  return { [GATEWAY_CREDENTIAL_HEADER]: await gatewayCredential(subgraphKey(jwtSecret))() };
}
