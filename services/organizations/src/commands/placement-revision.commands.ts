import { z } from 'zod';
import { HubError, badInput, conflict, forbidden, freeText, isUuid, notFound, parseInput, scopeRoot } from '@hub/common';
import type { OrganizationsContext } from '../context.js';
import { PlacementEntity, type Placement } from '../entities/placement.entity.js';
import { checkPlacement } from '../domain/placement-checks.js';
import { distributedMaterials } from '../data/placements.repo.js';
import { correctStored, withdrawStored } from '../data/placement-revisions.repo.js';

const correction = z.object({
  id: z.string(),
  url: z.string().trim().min(1, 'must not be empty').max(2000, 'is too long'),
  publishedAt: z.date(),
});
const withdrawal = z.object({
  id: z.string(),
  reason: freeText(1000),
});

const alreadyWithdrawn = (id: string) => conflict(`Placement ${id} was withdrawn`, 'id');

function assertReporter(ctx: OrganizationsContext, roles: readonly string[] = ['ADMIN', 'OPERATOR']): void {
  if (!roles.includes(ctx.auth.role)) throw forbidden(`Role ${ctx.auth.role} may not change placements`);
}

/**
 * The placement a reporter may change: ADMIN any, an OPERATOR those of its organization and the
 * ones below it (as reportPlacements). Still counting, else CONFLICT.
 */
async function changeablePlacement(ctx: OrganizationsContext, id: string): Promise<Placement> {
  const placement = isUuid(id) ? await ctx.em.findOne(PlacementEntity, { id }) : null;
  if (!placement) throw notFound('Placement', id, 'id');
  const root = scopeRoot(ctx.auth);
  if (root && !(await ctx.hierarchy.isWithin(root, [placement.organizationId]))) {
    throw new HubError('FORBIDDEN', 'The placement belongs to an organization outside your scope');
  }
  if (placement.withdrawnAt) throw alreadyWithdrawn(id);
  return placement;
}

/**
 * A reported placement's post address and publication time, put right. Checked as a new report
 * is (the post on the placement's page, the time when the material could be placed); the
 * material and the page stay. The weeks of the old and the new time become stale for the
 * compliance worker (docs/READ-CONTRACTS.md, "Late reports").
 */
export async function correctPlacement(ctx: OrganizationsContext, raw: unknown): Promise<Placement> {
  assertReporter(ctx);
  const input = parseInput(correction, raw);
  const placement = await changeablePlacement(ctx, input.id);
  const now = ctx.clock();
  const page = (await ctx.pages.byId.load(placement.pageId))!;
  const material = (await distributedMaterials(ctx.em, [placement.materialId])).get(placement.materialId);
  if (!material) throw badInput('id', "id: the placement's material is no longer distributed");
  const checked = checkPlacement(page, material, input.url, input.publishedAt, now);
  if (!checked.ok) throw badInput(checked.field, `${checked.field}: ${checked.message}`);
  const corrected = await ctx.em.transactional((em) =>
    correctStored(em, placement.id, { url: checked.url, publishedAt: input.publishedAt }, { by: ctx.auth.sub, at: now }),
  );
  if (!corrected) throw alreadyWithdrawn(placement.id);
  return corrected;
}

/**
 * A placement reported by mistake stops counting (placementCount, the lists, the read contracts)
 * but stays stored with who withdrew it, when and why; its week becomes stale for the worker.
 * Withdrawn by SYSTEM it is DISPROVED: monitoring did not find its post on its page, or found it
 * placing something else, on two crawls in a row (docs/DESIGN.md, "Evidence from the platforms").
 */
export async function withdrawPlacement(ctx: OrganizationsContext, raw: unknown): Promise<Placement> {
  assertReporter(ctx, ['ADMIN', 'OPERATOR', 'SYSTEM']);
  const input = parseInput(withdrawal, raw);
  const placement = await changeablePlacement(ctx, input.id);
  const change = ctx.auth.role === 'SYSTEM' ? 'DISPROVED' : 'WITHDRAWN';
  const withdrawn = await ctx.em.transactional((em) =>
    withdrawStored(em, placement.id, input.reason, { by: ctx.auth.sub, at: ctx.clock() }, change),
  );
  if (!withdrawn) throw alreadyWithdrawn(placement.id);
  return withdrawn;
}
