import {
  assertCanRead, badInput, decodeCursor, encodeCursor, forbidden, idFilter, organizationRef, pageSize, periodContaining, periodsEndingWith,
  scopeRoot, toConnection, type OrgHierarchy,
} from '@hub/common';
import type { ContentContext } from '../context.js';
import { distributedCount, distributedCounts, listMaterials, sentWithinTree } from '../data/materials.repo.js';
import type { Material, MaterialStatus, MaterialTopic } from '../entities/material.entity.js';
import { windowOpen } from '../domain/placement-window.js';
import { noteQueries } from './note.js';

/** Two years of weekly supply. */
const MAX_HISTORY_WEEKS = 104;

interface MaterialsArgs {
  status?: MaterialStatus | null;
  topic?: MaterialTopic | null;
  week?: string | null;
  first?: number | null;
  after?: string | null;
}

/** OPERATOR and HEAD see a material only when it reached their organization or one below it. */
export async function assertReceivedInScope(ctx: ContentContext, material: Material): Promise<void> {
  const root = scopeRoot(ctx.auth);
  if (!root) return;
  if (!(await sentWithinTree(ctx.em, material.id, root))) throw forbidden('This material was not sent to your organization');
}

export const Query = {
  ...noteQueries,

  materials: async (_: unknown, args: MaterialsArgs, ctx: ContentContext) => {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after, ['instant', 'uuid']) as [string, string] | null;
    const { rows, total } = await listMaterials(
      ctx.em,
      {
        status: args.status,
        topic: args.topic,
        distributedIn: args.week ? ctx.week(args.week) : null,
        receivedWithinTreeOf: scopeRoot(ctx.auth),
      },
      size,
      after,
    );
    return toConnection(rows, size, total, (m) => encodeCursor([m.createdAt.toISOString(), m.id]));
  },

  material: async (_: unknown, args: { id: string }, ctx: ContentContext) => {
    const material = await ctx.materials.byId.load(args.id);
    if (!material) return null;
    await assertReceivedInScope(ctx, material);
    return material;
  },

  inbox: async (_: unknown, args: { week?: string | null; organizationId?: string | null }, ctx: ContentContext) => {
    const organizationId = idFilter(args.organizationId, 'organizationId') ?? ctx.auth.org;
    if (!organizationId) throw badInput('organizationId', 'organizationId: say whose inbox (your token acts for no organization)');
    await assertCanRead(ctx.auth, [organizationId], ctx.hierarchy as OrgHierarchy);
    const week = ctx.week(args.week);
    const materials = await ctx.received.load(`${organizationId}|${week.label}`);
    const now = ctx.clock();
    return materials.map((material) => ({
      material,
      organization: organizationRef(organizationId),
      receivedAt: material.distributedAt,
      windowOpen: windowOpen(material, now),
    }));
  },

  contentSupply: async (_: unknown, args: { week: string }, ctx: ContentContext) => {
    const week = ctx.week(args.week);
    return { week: week.label, from: week.start, until: week.end, distributed: await distributedCount(ctx.em, week) };
  },

  contentSupplyHistory: async (_: unknown, args: { weeks: number }, ctx: ContentContext) => {
    if (!Number.isInteger(args.weeks) || args.weeks < 1 || args.weeks > MAX_HISTORY_WEEKS) {
      throw badInput('weeks', `weeks must be between 1 and ${MAX_HISTORY_WEEKS}`);
    }
    const weeks = periodsEndingWith(periodContaining('WEEK', ctx.clock(), ctx.timezone), args.weeks, ctx.timezone);
    const counts = await distributedCounts(ctx.em, weeks);
    return weeks.map((week, i) => ({ week: week.label, from: week.start, until: week.end, distributed: counts[i]! }));
  },
};
