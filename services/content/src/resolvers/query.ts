import {
  assertCanRead,
  badInput,
  decodeCursor,
  encodeCursor,
  forbidden,
  idFilter,
  organizationRef,
  pageSize,
  periodContaining,
  periodsEndingWith,
  scopeRoot,
  toConnection,
  type OrgHierarchy,
} from '@hub/common';
import type { ContentContext } from '../context.js';
import { distributedCount, distributedCounts, listMaterials, sentWithinTree } from '../data/materials.repo.js';
import type { Material } from '../entities/material.entity.js';
import type { QueryResolvers } from '../generated/graphql.js';
import { windowOpen } from '../domain/placement-window.js';
import { previewAudience } from '../commands/material.commands.js';
import { noteQueries } from './note.js';

/** Two years of weekly supply. */
const MAX_HISTORY_WEEKS = 104;

/** OPERATOR and HEAD see a material only when it reached their organization or one below it. */
export async function assertReceivedInScope(ctx: ContentContext, material: Material): Promise<void> {
  const root = scopeRoot(ctx.auth);
  if (!root) return;
  if (!(await sentWithinTree(ctx.em, material.id, root))) throw forbidden('This material was not sent to your organization');
}

/** A week's supply as the resolvers pass it on: byRecipientGroup is resolved only when asked. */
export interface ContentSupplyRow {
  week: string;
  from: Date;
  until: Date;
  distributed: number;
}

/** The content center's supply in a week: contentSupply, and a ContentSupply reference. */
export async function contentSupply(ctx: ContentContext, label: string): Promise<ContentSupplyRow> {
  const week = ctx.week(label);
  return { week: week.label, from: week.start, until: week.end, distributed: await distributedCount(ctx.em, week) };
}

export const Query: QueryResolvers = {
  ...noteQueries,

  materials: async (_, args, ctx) => {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after, ['instant', 'uuid']) as [string, string] | null;
    const { rows, total } = await listMaterials(
      ctx.em,
      {
        status: args.status,
        topic: args.topic,
        distributedIn: args.week ? ctx.week(args.week) : null,
        receivedWithinTreeOf: scopeRoot(ctx.auth),
        search: args.search?.trim() || null,
      },
      size,
      after,
    );
    return toConnection(rows, size, total, (m) => encodeCursor([m.createdAt.toISOString(), m.id]));
  },

  material: async (_, args, ctx) => {
    const material = await ctx.materials.byId.load(args.id);
    if (!material) return null;
    await assertReceivedInScope(ctx, material);
    return material;
  },

  inbox: async (_, args, ctx) => {
    const organizationId = idFilter(args.organizationId, 'organizationId') ?? ctx.auth.org;
    if (!organizationId) throw badInput('organizationId', 'organizationId: say whose inbox (your token acts for no organization)');
    await assertCanRead(ctx.auth, [organizationId], ctx.hierarchy as OrgHierarchy);
    const week = ctx.week(args.week);
    const materials = await ctx.received.load(`${organizationId}|${week.label}`);
    const now = ctx.clock();
    return materials.map((material) => ({
      material,
      organization: organizationRef(organizationId),
      // Only a distributed material reaches an inbox: it has its distribution time.
      receivedAt: material.distributedAt!,
      windowOpen: windowOpen(material, now),
    }));
  },

  contentSupply: (_, args, ctx) => contentSupply(ctx, args.week),

  audienceSize: (_, args, ctx) => previewAudience(ctx, args.audience),

  contentSupplyHistory: async (_, args, ctx) => {
    if (!Number.isInteger(args.weeks) || args.weeks < 1 || args.weeks > MAX_HISTORY_WEEKS) {
      throw badInput('weeks', `weeks must be between 1 and ${MAX_HISTORY_WEEKS}`);
    }
    const weeks = periodsEndingWith(periodContaining('WEEK', ctx.clock(), ctx.timezone), args.weeks, ctx.timezone);
    const counts = await distributedCounts(ctx.em, weeks);
    return weeks.map((week, i) => ({ week: week.label, from: week.start, until: week.end, distributed: counts[i]! }));
  },
};
