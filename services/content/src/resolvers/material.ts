import { assertCanRead, organizationRef, scopeRoot } from '@hub/common';
import type { MaterialResolvers, OrganizationResolvers } from '../generated/graphql.js';
import { recipientIds } from '../data/materials.repo.js';
import { materialNotes } from './note.js';

export const Material: MaterialResolvers = {
  __resolveReference: (ref, ctx) => ctx.materials.byId.load(ref.id),
  author: (m) => m.createdBy,
  placementWindow: (m) => (m.windowFrom || m.windowUntil ? { from: m.windowFrom, until: m.windowUntil } : null),
  audience: (m) =>
    m.audience
      ? {
          kinds: m.audience.kinds,
          organizationIds: m.audience.organizationIds,
          everyOrganizationWithPages: m.audience.kinds.length === 0 && m.audience.organizationIds.length === 0,
        }
      : null,
  recipients: async (m, _, ctx) => {
    if (!m.distributedAt) return [];
    const ids = await recipientIds(ctx.em, m.id, scopeRoot(ctx.auth));
    return ids.map((id) => organizationRef(id));
  },
  notes: materialNotes,
};

export const Organization: OrganizationResolvers = {
  receivedMaterials: async (org, args, ctx) => {
    await assertCanRead(ctx.auth, [org.id], ctx.hierarchy);
    return ctx.received.load(`${org.id}|${ctx.week(args.week).label}`);
  },
};
