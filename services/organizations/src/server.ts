import { loadTypeDefs, type SubgraphDefinition } from '@hub/common';
import { createContext, type OrganizationsContext } from './context.js';
import { resolvers } from './resolvers/index.js';
import { OrganizationEntity } from './entities/organization.entity.js';
import { OfficialPageEntity } from './entities/official-page.entity.js';
import { PlacementEntity } from './entities/placement.entity.js';
import { MediaPublicationEntity } from './entities/media-publication.entity.js';
import { migrations } from './migrations/index.js';
import { SCHEMA } from './data/organizations.repo.js';

export const organizationsSubgraph: SubgraphDefinition<OrganizationsContext> = {
  name: 'organizations',
  dbSchema: SCHEMA,
  typeDefs: loadTypeDefs(new URL('../schema.graphql', import.meta.url)),
  resolvers,
  entities: [OrganizationEntity, OfficialPageEntity, PlacementEntity, MediaPublicationEntity],
  migrations,
  context: createContext,
};
