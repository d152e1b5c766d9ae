import { createDateTimeScalar, type SubgraphRuntime } from '@hub/common';
import { Query } from './query.js';
import { mutationResolvers } from './mutation.js';
import { Material, Organization } from './material.js';
import { MethodologicalNote } from './note.js';

export const resolvers = (runtime: SubgraphRuntime) => ({
  DateTime: createDateTimeScalar(runtime.timezone),
  Query,
  Mutation: mutationResolvers({ fourEyes: runtime.contentFourEyes ?? true }),
  Material,
  MethodologicalNote,
  Organization,
  ContentSupply: {
    // The week is the key: resolving it again is one count over an index.
    __resolveReference: (ref: { week: string }, ctx: import('../context.js').ContentContext) => Query.contentSupply(null, ref, ctx),
  },
});
