import { assertCanRead, decodeCursor, encodeCursor, notFound, pageSize, scopeRoot, toConnection } from '@hub/common';
import type { OrganizationsContext } from '../context.js';
import { pagesWithoutWidget, widgetCoverage, type PageSet } from '../data/widget-coverage.repo.js';
import type { QueryResolvers, QueryWidgetCoverageArgs } from '../generated/graphql.js';

/** The arguments that choose the pages, as pagesWithoutWidget and widgetCoverage both take them. */
type PageSetArgs = Partial<QueryWidgetCoverageArgs>;

/** The pages asked about: any role may read them, OPERATOR and HEAD never beyond their tree. */
async function pageSet(ctx: OrganizationsContext, args: PageSetArgs): Promise<PageSet> {
  const under = args.underOrganizationId;
  if (under == null) return { kind: args.kind, withinTreeOf: scopeRoot(ctx.auth) };
  const org = await ctx.organizations.byId.load(under);
  if (!org) throw notFound('Organization', under, 'underOrganizationId');
  // Within the caller's tree, the organization's own subtree is the narrower of the two.
  await assertCanRead(ctx.auth, [org.id], ctx.hierarchy);
  return { kind: args.kind, withinTreeOf: org.id };
}

export const WidgetCoverageQuery: QueryResolvers = {
  pagesWithoutWidget: async (_, args, ctx) => {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after, ['instant', 'uuid']) as [string, string] | null;
    const { rows, total } = await pagesWithoutWidget(ctx.em, await pageSet(ctx, args), args.form ?? null, size, after);
    const connection = toConnection(rows, size, total, (r) => encodeCursor([r.createdAt, r.page.id]));
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: e.node.page })) };
  },
  widgetCoverage: async (_, args, ctx) => widgetCoverage(ctx.em, await pageSet(ctx, args)),
};
