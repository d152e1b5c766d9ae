import { assertCanRead, decodeCursor, encodeCursor, notFound, pageSize, scopeRoot, toConnection, type OrganizationKind } from '@hub/common';
import type { OrganizationsContext } from '../context.js';
import type { FeedbackForm } from '../domain/feedback-widget.js';
import { pagesWithoutWidget, widgetCoverage, type PageSet } from '../data/widget-coverage.repo.js';

interface PageSetArgs {
  kind?: OrganizationKind | null;
  underOrganizationId?: string | null;
}

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

export const WidgetCoverageQuery = {
  pagesWithoutWidget: async (
    _: unknown,
    args: PageSetArgs & { form?: FeedbackForm | null; first?: number | null; after?: string | null },
    ctx: OrganizationsContext,
  ) => {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after, ['instant', 'uuid']) as [string, string] | null;
    const { rows, total } = await pagesWithoutWidget(ctx.em, await pageSet(ctx, args), args.form ?? null, size, after);
    const connection = toConnection(rows, size, total, (r) => encodeCursor([r.createdAt, r.page.id]));
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: e.node.page })) };
  },
  widgetCoverage: async (_: unknown, args: PageSetArgs, ctx: OrganizationsContext) => widgetCoverage(ctx.em, await pageSet(ctx, args)),
};
