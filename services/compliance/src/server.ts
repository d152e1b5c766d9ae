import { loadTypeDefs, type SubgraphDefinition } from '@hub/common';
import { createContext, type ComplianceContext } from './context.js';
import { resolvers } from './resolvers/index.js';
import { ComplianceRuleEntity } from './entities/compliance-rule.entity.js';
import { ComplianceRunEntity } from './entities/compliance-run.entity.js';
import { ComplianceResultEntity } from './entities/compliance-result.entity.js';
import { ExemptionEntity } from './entities/exemption.entity.js';
import { migrations } from './migrations/index.js';
import { mountComplianceExport } from './reports/export-route.js';
import { mountSessionRoutes } from './sign-in/session-routes.js';

export const complianceSubgraph: SubgraphDefinition<ComplianceContext> = {
  name: 'compliance',
  dbSchema: 'compliance',
  typeDefs: loadTypeDefs(new URL('../schema.graphql', import.meta.url)),
  resolvers,
  entities: [ComplianceRuleEntity, ComplianceRunEntity, ComplianceResultEntity, ExemptionEntity],
  migrations,
  context: createContext,
  routes: (app, orm, runtime) => {
    mountComplianceExport(app, orm, runtime);
    mountSessionRoutes(app, orm, runtime);
  },
};
