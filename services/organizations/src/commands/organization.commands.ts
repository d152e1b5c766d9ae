import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { badInput, notFound, parseInput, requireRole } from '@hub/common';
import type { OrganizationsContext } from '../context.js';
import { OrganizationEntity, type Organization } from '../entities/organization.entity.js';
import { createsCycle, parentProblem } from '../domain/hierarchy.js';
import {
  deactivationReason, registerOrganizationInput, updateOrganizationInput,
} from '../domain/organization-input.js';

export async function loadOrganization(ctx: OrganizationsContext, id: string, field = 'id'): Promise<Organization> {
  const org = await ctx.organizations.byId.load(id);
  if (!org) throw notFound('Organization', id, field);
  return org;
}

async function assertInnFree(ctx: OrganizationsContext, inn: string | null | undefined, exceptId?: string) {
  if (!inn) return;
  const holder = await ctx.em.findOne(OrganizationEntity, { inn });
  if (holder && holder.id !== exceptId) throw badInput('inn', `inn: already registered for «${holder.name}»`);
}

async function flushUnique<T>(ctx: OrganizationsContext, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    // Two registrations racing past the checks above meet the unique index instead.
    if (err instanceof UniqueConstraintViolationException) throw badInput('inn', 'inn: already registered');
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
  await assertInnFree(ctx, input.inn);
  const org = ctx.em.create(OrganizationEntity, {
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
  await flushUnique(ctx, () => ctx.em.flush());
  return org;
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
  if (input.inn !== undefined) {
    await assertInnFree(ctx, input.inn, org.id);
    org.inn = input.inn ?? null;
  }
  if (input.name !== undefined) org.name = input.name;
  if (input.shortName !== undefined) org.shortName = input.shortName ?? null;
  if (input.contactEmail !== undefined) org.contactEmail = input.contactEmail ?? null;
  if (input.head) {
    org.headFullName = input.head.fullName;
    org.headPosition = input.head.position;
    org.headEmail = input.head.email;
  }
  await flushUnique(ctx, () => ctx.em.flush());
  return org;
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
