import { z } from 'zod';
import { LockMode } from '@mikro-orm/core';
import {
  HubError,
  badInput,
  forbidden,
  isUuid,
  notFound,
  parseInput,
  periodContaining,
  requireRole,
  ORGANIZATION_KINDS,
} from '@hub/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ContentContext } from '../context.js';
import { MaterialEntity, type AudienceSpec, type Material } from '../entities/material.entity.js';
import { transition, type MaterialAction } from '../domain/lifecycle.js';
import { createMaterialInput, updateMaterialInput, withdrawalInput, type UpdateMaterialInput } from '../domain/material-input.js';
import { titleKey } from '../domain/material-quality.js';
import { audienceSize, lockTitle, recentlyDistributedTitles, storeRecipients, unusableOrganizations } from '../data/materials.repo.js';

/** Decree 2.1: the content center (EDITOR) and the committee (ADMIN) run the materials. */
const WRITERS = ['EDITOR', 'ADMIN'] as const;

/** How the content center's own rules are configured (CONTENT_FOUR_EYES). */
export interface ContentPolicy {
  /** The author of a material may not approve it. */
  fourEyes: boolean;
}

/** Organizations place a week's materials over the following weeks: a headline repeated within four of them reads as a rerun. */
const TITLE_REPEAT_DAYS = 28;

/**
 * Refuses a title distributed in the last four weeks: at writing (BAD_USER_INPUT on `title`) and
 * again at distribution (CONFLICT), since a draft's twin may have gone out in between. A
 * distribution holds a lock on the title until it commits, so two twins distributed at once
 * cannot both pass.
 */
async function assertTitleNotRecent(
  ctx: ContentContext,
  em: EntityManager,
  title: string,
  exceptId: string | null,
  at: 'WRITE' | 'DISTRIBUTE',
): Promise<void> {
  const since = new Date(ctx.clock().getTime() - TITLE_REPEAT_DAYS * 86_400_000);
  const key = titleKey(title);
  if (at === 'DISTRIBUTE') await lockTitle(em, key);
  const clash = (await recentlyDistributedTitles(em, since, exceptId)).find((m) => titleKey(m.title) === key);
  if (!clash) return;
  const day = periodContaining('DAY', clash.distributedAt, ctx.timezone).label;
  const why = `«${clash.title}» was distributed on ${day}; a title may repeat ${TITLE_REPEAT_DAYS} days after`;
  if (at === 'WRITE') throw badInput('title', `title: ${why}`);
  throw new HubError('CONFLICT', `Material «${title}»: ${why}; change its title first`, { id: exceptId });
}

/** Row-locked: two editors acting on one material (approving while distributing, say) take turns. */
async function loadForUpdate(em: EntityManager, id: string): Promise<Material> {
  const material = isUuid(id) ? await em.findOne(MaterialEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!material) throw notFound('Material', id, 'id');
  return material;
}

function advance(material: Material, action: MaterialAction): void {
  const next = transition(material.status, action);
  if (!next.ok) throw new HubError('CONFLICT', `Material «${material.title}»: ${next.message}`, { id: material.id });
  material.status = next.status;
}

function applyContent(material: Material, input: UpdateMaterialInput): void {
  if (input.title !== undefined) material.title = input.title;
  if (input.body !== undefined) material.body = input.body;
  if (input.topic !== undefined) material.topic = input.topic;
  if (input.summary !== undefined) material.summary = input.summary ?? null;
  if (input.hashtags !== undefined) material.hashtags = input.hashtags ?? [];
  if (input.mediaLinks !== undefined) material.mediaLinks = input.mediaLinks ?? [];
  if (input.placementWindow !== undefined) {
    material.windowFrom = input.placementWindow?.from ?? null;
    material.windowUntil = input.placementWindow?.until ?? null;
  }
}

export async function createMaterial(ctx: ContentContext, raw: unknown): Promise<Material> {
  requireRole(ctx.auth, ...WRITERS);
  const input = parseInput(createMaterialInput, raw);
  await assertTitleNotRecent(ctx, ctx.em, input.title, null, 'WRITE');
  const now = ctx.clock();
  const material = ctx.em.create(MaterialEntity, {
    title: input.title,
    body: input.body,
    topic: input.topic,
    status: 'DRAFT',
    createdBy: ctx.auth.sub,
    createdAt: now,
    updatedAt: now,
    recipientCount: 0,
  });
  applyContent(material, input);
  await ctx.em.flush();
  return material;
}

export async function updateMaterial(ctx: ContentContext, id: string, raw: unknown): Promise<Material> {
  requireRole(ctx.auth, ...WRITERS);
  const input = parseInput(updateMaterialInput, raw);
  return ctx.em.transactional(async (em) => {
    const material = await loadForUpdate(em, id);
    advance(material, 'EDIT');
    if (input.title !== undefined) await assertTitleNotRecent(ctx, em, input.title, material.id, 'WRITE');
    applyContent(material, input);
    if (material.windowFrom && material.windowUntil && material.windowUntil <= material.windowFrom) {
      throw badInput('placementWindow.until', 'placementWindow.until: must end after it starts');
    }
    material.updatedAt = ctx.clock();
    material.updatedBy = ctx.auth.sub;
    return material;
  });
}

export async function approveMaterial(ctx: ContentContext, id: string, policy: ContentPolicy): Promise<Material> {
  requireRole(ctx.auth, ...WRITERS);
  return ctx.em.transactional(async (em) => {
    const material = await loadForUpdate(em, id);
    advance(material, 'APPROVE');
    if (policy.fourEyes && material.createdBy === ctx.auth.sub) {
      throw forbidden(`Material «${material.title}»: its author cannot approve it; another editor approves (four eyes)`);
    }
    material.approvedAt = ctx.clock();
    material.approvedBy = ctx.auth.sub;
    return material;
  });
}

const audienceInput = z.object({
  kinds: z.array(z.enum(ORGANIZATION_KINDS)).nullish(),
  organizationIds: z.array(z.uuid('is not a valid id')).max(10_000).nullish(),
});

/** The audience as given, each kind and organization once. */
function parseAudience(raw: unknown): AudienceSpec {
  const parsed = parseInput(audienceInput, raw);
  return { kinds: [...new Set(parsed.kinds ?? [])], organizationIds: [...new Set(parsed.organizationIds ?? [])] };
}

/** An organization named that the registry does not know, or knows as inactive, is a mistake to show, not to skip. */
async function assertUsable(em: EntityManager, audience: AudienceSpec): Promise<void> {
  const unknown = await unusableOrganizations(em, audience.organizationIds);
  if (unknown.length) {
    throw badInput('audience.organizationIds', `audience.organizationIds: unknown or inactive organizations: ${unknown.join(', ')}`);
  }
}

/** audienceSize: the recipients distributing now would store, for the editor to see before sending. */
export async function previewAudience(ctx: ContentContext, raw: unknown): Promise<number> {
  requireRole(ctx.auth, ...WRITERS);
  const audience = parseAudience(raw);
  await assertUsable(ctx.em, audience);
  return audienceSize(ctx.em, audience);
}

export async function distributeMaterial(ctx: ContentContext, id: string, raw: unknown): Promise<Material> {
  requireRole(ctx.auth, ...WRITERS);
  const audience = parseAudience(raw);
  return ctx.em.transactional(async (em) => {
    const material = await loadForUpdate(em, id);
    advance(material, 'DISTRIBUTE');
    await assertTitleNotRecent(ctx, em, material.title, material.id, 'DISTRIBUTE');
    await assertUsable(em, audience);
    const count = await storeRecipients(em, material.id, audience);
    if (count === 0) throw badInput('audience', 'audience: no active organization matches it');
    material.audience = audience;
    material.recipientCount = count;
    material.distributedAt = ctx.clock();
    material.distributedBy = ctx.auth.sub;
    return material;
  });
}

export async function withdrawMaterial(ctx: ContentContext, id: string, rawReason: unknown): Promise<Material> {
  requireRole(ctx.auth, ...WRITERS);
  const { reason } = parseInput(withdrawalInput, { reason: rawReason });
  return ctx.em.transactional(async (em) => {
    const material = await loadForUpdate(em, id);
    advance(material, 'WITHDRAW');
    material.withdrawnAt = ctx.clock();
    material.withdrawnBy = ctx.auth.sub;
    material.withdrawalReason = reason;
    return material;
  });
}
