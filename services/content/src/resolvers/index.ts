import { createDateTimeScalar, type SubgraphRuntime } from '@hub/common';
import type { ContentContext } from '../context.js';

export const resolvers = (runtime: SubgraphRuntime) => ({
  DateTime: createDateTimeScalar(runtime.timezone),
  Query: {
    material: (_: unknown, args: { id: string }, ctx: ContentContext) => ctx.materials.byId.load(args.id),
  },
  Material: {
    __resolveReference: (ref: { id: string }, ctx: ContentContext) => ctx.materials.byId.load(ref.id),
  },
});
