import { loadTypeDefs, type SubgraphDefinition } from '@hub/common';
import { createContext, type MonitoringContext } from './context.js';
import { resolvers } from './resolvers/index.js';
import { migrations } from './migrations/index.js';

/** The monitoring subgraph: what the hub read on the official pages (docs/DESIGN.md, "Evidence from the platforms"). */
export const monitoringSubgraph: SubgraphDefinition<MonitoringContext> = {
  name: 'monitoring',
  dbSchema: 'monitoring',
  typeDefs: loadTypeDefs(new URL('../schema.graphql', import.meta.url)),
  resolvers,
  entities: [],
  migrations,
  context: createContext,
};
