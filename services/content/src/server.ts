import { loadTypeDefs, type SubgraphDefinition } from '@hub/common';
import { createContext, type ContentContext } from './context.js';
import { resolvers } from './resolvers/index.js';
import { MaterialEntity } from './entities/material.entity.js';
import { MethodologicalNoteEntity } from './entities/methodological-note.entity.js';
import { migrations } from './migrations/index.js';

export const contentSubgraph: SubgraphDefinition<ContentContext> = {
  name: 'content',
  dbSchema: 'content',
  typeDefs: loadTypeDefs(new URL('../schema.graphql', import.meta.url)),
  resolvers,
  entities: [MaterialEntity, MethodologicalNoteEntity],
  migrations,
  context: createContext,
};
