import { createDateTimeScalar, type SubgraphRuntime } from '@hub/common';
import type { Resolvers } from '../generated/graphql.js';
import { contentSupply, Query } from './query.js';
import { mutationResolvers } from './mutation.js';
import { Material, Organization } from './material.js';
import { MethodologicalNote } from './note.js';
import { supplyByRecipientGroup } from '../data/materials.repo.js';

export const resolvers = (runtime: SubgraphRuntime): Resolvers => ({
  DateTime: createDateTimeScalar(runtime.timezone),
  Query,
  Mutation: mutationResolvers({ fourEyes: runtime.contentFourEyes ?? true }),
  Material,
  MethodologicalNote,
  Organization,
  ContentSupply: {
    // The week is the key: resolving it again is one count over an index.
    __resolveReference: (ref, ctx) => contentSupply(ctx, ref.week),
    byRecipientGroup: (supply, _, ctx) => supplyByRecipientGroup(ctx.em, ctx.week(supply.week)),
  },
});
