// Compiled by `npm run typecheck` (services/content/tsconfig.json includes test/**), never run: it
// proves that the generated resolver types (src/generated/graphql.ts, `npm run codegen`) hold the
// resolvers to schema.graphql. Each resolver below drifts from the SDL and must not compile; if the
// types stopped catching it, its @ts-expect-error would be unused and the typecheck would fail.
import type { MaterialResolvers, QueryResolvers } from '../../src/generated/graphql.js';

export const renamedArgument: QueryResolvers = {
  // The SDL names the argument `id` (material(id: ID!)): a resolver reading it as `materialId` must fail.
  // @ts-expect-error Property 'materialId' does not exist on type 'RequireFields<QueryMaterialArgs, "id">'.
  material: (_, args, ctx) => ctx.materials.byId.load(args.materialId),
};

export const wrongReturnType: MaterialResolvers = {
  // Material.recipientCount is Int!: a resolver answering a string must fail.
  // @ts-expect-error Type 'string' is not assignable to type 'number'.
  recipientCount: (material) => `${material.recipientCount} organizations`,
};
