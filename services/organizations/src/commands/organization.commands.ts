import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { badInput, conflict, notFound, parseInput, requireRole } from '@hub/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { OrganizationsContext } from '../context.js';
import { OrganizationEntity, type Organization } from '../entities/organization.entity.js';
import { createsCycle, parentProblem } from '../domain/hierarchy.js';
import {
  deactivationReason, registerOrganizationInput, updateOrganizationInput,
} from '../domain/organization-input.js';
import { identityHolder, lockRegistryIdentity } from '../data/registry-identity.repo.js';

export async function loadOrganization(ctx: OrganizationsContext, id: string, field = 'id'): Promise<Organization> {
  const org = await ctx.organizations.byId.load(id);
  if (!org) throw notFound('Organization', id, field);
  return org;
}

/** An INN or a name already registered is a CONFLICT naming the holder (issue 14, part 6); nothing is written. */
async function assertIdentityFree(
  em: EntityManager,
  wanted: { name?: string | null; inn?: string | null },
  exceptId: string | null,
): Promise<void> {
  if (!wanted.name && !wanted.inn) return;
  await lockRegistryIdentity(em);
  const holder = await identityHolder(em, wanted, exceptId);
  if (!holder) return;
  if (holder.byInn) throw conflict(`inn: already registered for «${holder.name}»`, 'inn');
  throw conflict(`name: «${holder.name}» is already registered`, 'name');
}

async function flushUnique<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    // The unique index on inn is the last word should anything write past the check above.
    if (err instanceof UniqueConstraintViolationException) throw conflict('inn: already registered', 'inn');
    throw err;
  }
}

export async function registerOrganization(ctx: OrganizationsContext, raw: unknown): Promise<Organization> {
  requireRole(ctx.auth, 'ADMIN');
  const input = parseInput(registerOrganizationInput, raw);
  const parent = input.parentId ? await loadOrganization(ctx, input.parentId, 'parentId') : null;
  const problem = parentProblem(input.kind, parent?.kind ?? null);
  if (problem) throw badInput('parentId', `parentId: ${problem}`);
  if (parent && !parent.active) throw badInput('parentId', `parentId: «${parent.name}» is inactive`);
  return flushUnique(() => ctx.em.transactional(async (em) => {
    await assertIdentityFree(em, { name: input.name, inn: input.inn }, null);
    return em.create(OrganizationEntity, {
      name: input.name,
      shortName: input.shortName ?? null,
      kind: input.kind,
      parentId: parent?.id ?? null,
      inn: input.inn ?? null,
      headFullName: input.head.fullName,
      headPosition: input.head.position,
      headEmail: input.head.email,
      contactEmail: input.contactEmail ?? null,
      registeredAt: ctx.clock(),
      createdBy: ctx.auth.sub,
    });
  }));
}

export async function updateOrganization(ctx: OrganizationsContext, id: string, raw: unknown): Promise<Organization> {
  requireRole(ctx.auth, 'ADMIN');
  const org = await loadOrganization(ctx, id);
  const input = parseInput(updateOrganizationInput, raw);
  if (input.parentId !== undefined) {
    const parent = input.parentId ? await loadOrganization(ctx, input.parentId, 'parentId') : null;
    if (parent && createsCycle(org.id, await ctx.hierarchy.ancestors.load(parent.id))) {
      throw badInput('parentId', 'parentId: an organization cannot be placed below itself');
    }
    const problem = parentProblem(org.kind, parent?.kind ?? null);
    if (problem) throw badInput('parentId', `parentId: ${problem}`);
    org.parentId = parent?.id ?? null;
  }
  return flushUnique(() => ctx.em.transactional(async (em) => {
    await assertIdentityFree(em, { name: input.name, inn: input.inn }, org.id);
    if (input.inn !== undefined) org.inn = input.inn ?? null;
    if (input.name !== undefined) org.name = input.name;
    if (input.shortName !== undefined) org.shortName = input.shortName ?? null;
    if (input.contactEmail !== undefined) org.contactEmail = input.contactEmail ?? null;
    if (input.head) {
      org.headFullName = input.head.fullName;
      org.headPosition = input.head.position;
      org.headEmail = input.head.email;
    }
    return org;
  }));
}

export async function deactivateOrganization(ctx: OrganizationsContext, id: string, rawReason: unknown): Promise<Organization> {
  requireRole(ctx.auth, 'ADMIN');
  const org = await loadOrganization(ctx, id);
  const reason = parseInput(deactivationReason, rawReason);
  if (!org.active) return org;
  org.active = false;
  org.deactivationReason = reason;
  org.deactivatedAt = ctx.clock();
  await ctx.em.flush();
  return org;
}
