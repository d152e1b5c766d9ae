export { createTestDatabase, type TestDatabase } from './database.js';
export { TEST_JWT_SECRET, tokenFor } from './tokens.js';
export { gql, gqlData, graphqlClient, errorCodes, type GraphQLClient, type GraphQLResponse } from './graphql.js';
export { asGateway } from './gateway-headers.js';
