import { assertCanRead, organizationRef, scopeRoot } from '@hub/common';
import type { ContentContext } from '../context.js';
import type { Material as MaterialRow } from '../entities/material.entity.js';
import { recipientIds } from '../data/materials.repo.js';
import { materialNotes } from './note.js';

export const Material = {
  __resolveReference: (ref: { id: string }, ctx: ContentContext) => ctx.materials.byId.load(ref.id),
  author: (m: MaterialRow) => m.createdBy,
  placementWindow: (m: MaterialRow) => (m.windowFrom || m.windowUntil ? { from: m.windowFrom, until: m.windowUntil } : null),
  audience: (m: MaterialRow) =>
    m.audience
      ? {
          kinds: m.audience.kinds,
          organizationIds: m.audience.organizationIds,
          everyOrganizationWithPages: m.audience.kinds.length === 0 && m.audience.organizationIds.length === 0,
        }
      : null,
  recipients: async (m: MaterialRow, _: unknown, ctx: ContentContext) => {
    if (!m.distributedAt) return [];
    const ids = await recipientIds(ctx.em, m.id, scopeRoot(ctx.auth));
    return ids.map((id) => organizationRef(id));
  },
  notes: materialNotes,
};

export const Organization = {
  receivedMaterials: async (org: { id: string }, args: { week?: string | null }, ctx: ContentContext) => {
    await assertCanRead(ctx.auth, [org.id], ctx.hierarchy);
    return ctx.received.load(`${org.id}|${ctx.week(args.week).label}`);
  },
};
