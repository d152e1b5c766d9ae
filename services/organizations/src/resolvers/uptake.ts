import { leastPickedUpMaterials, parsePeriod, requireRole, scopeRoot, uptakeByTopic, uptakeRate, type MaterialUptake as UptakeRow } from '@hub/common';
import type { OrganizationsContext } from '../context.js';
import { materialUptake } from '../data/uptake.repo.js';

/** OPERATOR and HEAD read it too, counting only the recipients in their tree. */
const READERS = ['ADMIN', 'ANALYST', 'EDITOR', 'OPERATOR', 'HEAD'] as const;

async function weekUptake(ctx: OrganizationsContext, label: string): Promise<UptakeRow[]> {
  requireRole(ctx.auth, ...READERS);
  const week = parsePeriod(label, ctx.timezone, { field: 'week', kinds: ['WEEK'] });
  return materialUptake(ctx.em, week, scopeRoot(ctx.auth));
}

const withRate = <T extends { placedBy: number; recipients: number }>(row: T) => ({ ...row, uptakeRate: uptakeRate(row.placedBy, row.recipients) });

export const UptakeQuery = {
  contentUptake: async (_: unknown, args: { week: string }, ctx: OrganizationsContext) =>
    leastPickedUpMaterials(await weekUptake(ctx, args.week)).map(withRate),
  topicUptake: async (_: unknown, args: { week: string }, ctx: OrganizationsContext) =>
    uptakeByTopic(await weekUptake(ctx, args.week)).map(withRate),
};

export const MaterialUptake = {
  material: (row: UptakeRow) => ({ __typename: 'Material', id: row.materialId }),
};
