import {
  assertCanRead, decodeCursor, encodeCursor, isInScope, pageSize, periodKey, scopeRoot, SUBTREE_SQL, toConnection,
} from '@hub/common';
import type { OrganizationsContext } from '../context.js';
import type { Placement as PlacementRow } from '../entities/placement.entity.js';
import type { MediaPublication as MediaRow } from '../entities/media-publication.entity.js';
import type { Organization as OrganizationRow } from '../entities/organization.entity.js';
import { PlacementEntity } from '../entities/placement.entity.js';

/** Organization fields about what it placed and what the media wrote (decree 3.1, 3.3). */
export const OrganizationActivity = {
  placements: async (org: OrganizationRow, args: { period?: string | null }, ctx: OrganizationsContext) => {
    await assertCanRead(ctx.auth, [org.id], ctx.hierarchy);
    return ctx.placements.ofOrganization.load(periodKey(org.id, ctx.period(args.period, 'WEEK', 'period', true)));
  },
  placementCount: async (org: OrganizationRow, args: { week?: string | null }, ctx: OrganizationsContext) => {
    await assertCanRead(ctx.auth, [org.id], ctx.hierarchy);
    return ctx.placements.distinctCount.load(periodKey(org.id, ctx.period(args.week, 'WEEK', 'week')));
  },
  mediaPublications: async (org: OrganizationRow, args: { month?: string | null }, ctx: OrganizationsContext) => {
    await assertCanRead(ctx.auth, [org.id], ctx.hierarchy);
    return ctx.placements.mediaOfOrganization.load(periodKey(org.id, ctx.period(args.month, 'MONTH', 'month')));
  },
};

export const Material = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  placementCount: (material: { id: string }, _: unknown, ctx: OrganizationsContext) => ctx.placements.countOfMaterial.load(material.id),
  placements: async (material: { id: string }, args: { first?: number | null; after?: string | null }, ctx: OrganizationsContext) => {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after, ['instant', 'uuid']) as [string, string] | null;
    const root = scopeRoot(ctx.auth);
    const knex = ctx.em.getKnex();
    const query = knex('organizations.placement as p').where('p.material_id', material.id).whereNull('p.withdrawn_at');
    if (root) query.whereRaw(`p.organization_id in (${SUBTREE_SQL})`, [root]);
    const [{ count }] = (await query.clone().count({ count: '*' })) as [{ count: string }];
    const page = query.clone().select('p.*').orderBy([{ column: 'p.published_at', order: 'desc' }, { column: 'p.id', order: 'desc' }]).limit(size + 1);
    if (after) page.whereRaw('(p.published_at, p.id) < (?::timestamptz, ?::uuid)', after);
    const rows = (await page).map((row) => ctx.em.map(PlacementEntity, row));
    return toConnection(rows, size, Number(count), (p) => encodeCursor([p.publishedAt.toISOString(), p.id]));
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

export const Placement = {
  __resolveReference: async (ref: { id: string }, ctx: OrganizationsContext) => inScope(await ctx.placements.byId.load(ref.id), ctx),
  material: (p: PlacementRow) => ({ __typename: 'Material', id: p.materialId }),
  page: (p: PlacementRow, _: unknown, ctx: OrganizationsContext) => ctx.pages.byId.load(p.pageId),
  organization: (p: PlacementRow, _: unknown, ctx: OrganizationsContext) => ctx.organizations.byId.load(p.organizationId),
};

export const MediaPublication = {
  __resolveReference: async (ref: { id: string }, ctx: OrganizationsContext) => inScope(await ctx.placements.mediaById.load(ref.id), ctx),
  organization: (m: MediaRow, _: unknown, ctx: OrganizationsContext) => ctx.organizations.byId.load(m.organizationId),
};
