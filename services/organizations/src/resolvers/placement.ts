import {
  assertCanRead,
  decodeCursor,
  encodeCursor,
  isInScope,
  pageSize,
  periodKey,
  referenced,
  scopeRoot,
  toConnection,
} from '@hub/common';
import type { OrganizationsContext } from '../context.js';
import { placementsOfMaterial, type MaterialPlacementCursor } from '../data/placements.repo.js';
import type { MaterialResolvers, MediaPublicationResolvers, OrganizationResolvers, PlacementResolvers } from '../generated/graphql.js';

/** Organization fields about what it placed and what the media wrote (decree 3.1, 3.3). */
export const OrganizationActivity: OrganizationResolvers = {
  placements: async (org, args, ctx) => {
    await assertCanRead(ctx.auth, [org.id], ctx.hierarchy);
    return ctx.placements.ofOrganization.load(periodKey(org.id, ctx.period(args.period, 'WEEK', 'period', true)));
  },
  withdrawnPlacements: async (org, args, ctx) => {
    await assertCanRead(ctx.auth, [org.id], ctx.hierarchy);
    return ctx.placements.withdrawnOfOrganization.load(periodKey(org.id, ctx.period(args.period, 'WEEK', 'period', true)));
  },
  placementCount: async (org, args, ctx) => {
    await assertCanRead(ctx.auth, [org.id], ctx.hierarchy);
    return ctx.placements.distinctCount.load(periodKey(org.id, ctx.period(args.week, 'WEEK', 'week')));
  },
  mediaPublications: async (org, args, ctx) => {
    await assertCanRead(ctx.auth, [org.id], ctx.hierarchy);
    return ctx.placements.mediaOfOrganization.load(periodKey(org.id, ctx.period(args.month, 'MONTH', 'month')));
  },
};

export const Material: MaterialResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  placementCount: (material, _, ctx) => ctx.placements.countOfMaterial.load(material.id),
  placements: async (material, args, ctx) => {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after, ['instant', 'uuid']) as MaterialPlacementCursor | null;
    const { totalCount, rows } = await placementsOfMaterial(ctx.em, material.id, scopeRoot(ctx.auth), { size, after });
    return toConnection(rows, size, totalCount, (p) => encodeCursor([p.publishedAt.toISOString(), p.id]));
  },
};

/**
 * A reference (`_entities`) is read like the lists that show it: an organization's placements and
 * publications are seen within its scope, and one outside it resolves to nothing
 * (docs/SECURITY.md, "Subgraphs behind the gateway").
 */
async function inScope<T extends { organizationId: string }>(row: T | null | undefined, ctx: OrganizationsContext): Promise<T | null> {
  if (!row) return null;
  return (await isInScope(ctx.auth, [row.organizationId], ctx.hierarchy)) ? row : null;
}

export const Placement: PlacementResolvers = {
  __resolveReference: async (ref, ctx) => inScope(await ctx.placements.byId.load(ref.id), ctx),
  material: (p) => ({ __typename: 'Material', id: p.materialId }),
  page: (p, _, ctx) => referenced(ctx.pages.byId.load(p.pageId), 'OfficialPage'),
  organization: (p, _, ctx) => referenced(ctx.organizations.byId.load(p.organizationId), 'Organization'),
};

export const MediaPublication: MediaPublicationResolvers = {
  __resolveReference: async (ref, ctx) => inScope(await ctx.placements.mediaById.load(ref.id), ctx),
  organization: (m, _, ctx) => referenced(ctx.organizations.byId.load(m.organizationId), 'Organization'),
};
