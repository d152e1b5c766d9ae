import { createSubgraphServer, loadTypeDefs, type Orm, type SubgraphDefinition, type SubgraphRuntime } from '@hub/common';
import { createContext, type ComplianceContext } from './context.js';
import { resolvers } from './resolvers/index.js';
import { ComplianceRuleEntity } from './entities/compliance-rule.entity.js';
import { migrations } from './migrations/index.js';

export const complianceSubgraph: SubgraphDefinition<ComplianceContext> = {
  name: 'compliance',
  dbSchema: 'compliance',
  typeDefs: loadTypeDefs(new URL('../schema.graphql', import.meta.url)),
  resolvers,
  entities: [ComplianceRuleEntity],
  migrations,
  context: createContext,
};

export function createServer(orm: Orm, runtime: SubgraphRuntime) {
  return createSubgraphServer(complianceSubgraph, orm, runtime);
}
