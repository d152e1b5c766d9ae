import { assertCanRead, decodeCursor, encodeCursor, idFilter, pageSize, scopeRoot, toConnection } from '@hub/common';
import { listOrganizations } from '../data/organizations.repo.js';
import type { QueryResolvers } from '../generated/graphql.js';

export const Query: QueryResolvers = {
  organizations: async (_, args, ctx) => {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after, ['text', 'uuid']) as [string, string] | null;
    const { rows, total } = await listOrganizations(
      ctx.em,
      {
        kind: args.kind,
        parentId: idFilter(args.parentId, 'parentId'),
        search: args.search?.trim() || null,
        includeInactive: args.includeInactive ?? false,
        withinTreeOf: scopeRoot(ctx.auth),
      },
      size,
      after,
    );
    return toConnection(rows, size, total, (o) => encodeCursor([o.name, o.id]));
  },

  organization: async (_, args, ctx) => {
    const org = await ctx.organizations.byId.load(args.id);
    if (!org) return null;
    await assertCanRead(ctx.auth, [org.id], ctx.hierarchy);
    return org;
  },
};
