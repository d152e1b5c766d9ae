import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { HubError, badInput, conflict, notFound, parseInput, requireRole, type OrganizationKind } from '@hub/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { OrganizationsContext } from '../context.js';
import { OrganizationEntity, type Organization } from '../entities/organization.entity.js';
import { createsCycle, parentProblem } from '../domain/hierarchy.js';
import { deactivationInput, registerOrganizationInput, updateOrganizationInput } from '../domain/organization-input.js';
import { identityHolder, lockRegistryIdentity } from '../data/registry-identity.repo.js';
import { activeOfKind, activeSubordinateCount, isActive } from '../data/organizations.repo.js';

export async function loadOrganization(ctx: OrganizationsContext, id: string, field = 'id'): Promise<Organization> {
  const org = await ctx.organizations.byId.load(id);
  if (!org) throw notFound('Organization', id, field);
  return org;
}

/** An INN or a name already registered is a CONFLICT naming the holder: nothing is written. */
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

/** The region has one of each (letters go to "the" committee): at most one active organization of these kinds. */
const SINGLETON_KINDS: ReadonlySet<OrganizationKind> = new Set(['COMMITTEE', 'REGIONAL_MANAGEMENT_CENTER', 'CONTENT_CENTER']);
/** The partial unique index behind SINGLETON_KINDS (migration-20261207-input-hygiene.ts). */
const SINGLETON_INDEX = 'organization_singleton_kind_idx';

/** A second active committee, ЦУР or content center is a CONFLICT naming the one there is; nothing is written. */
async function assertKindFree(em: EntityManager, kind: OrganizationKind): Promise<void> {
  if (!SINGLETON_KINDS.has(kind)) return;
  const holder = await activeOfKind(em, kind);
  if (holder) throw new HubError('CONFLICT', `kind: the region has one active ${kind}, «${holder.name}»`, { field: 'kind', id: holder.id });
}

async function flushUnique<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    // The unique indexes are the last word should anything write past the checks above.
    if (err instanceof UniqueConstraintViolationException) {
      if ((err as { constraint?: string }).constraint === SINGLETON_INDEX)
        throw conflict('kind: the region has one active organization of this kind', 'kind');
      throw conflict('inn: already registered', 'inn');
    }
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
  return flushUnique(() =>
    ctx.em.transactional(async (em) => {
      await assertIdentityFree(em, { name: input.name, inn: input.inn }, null);
      await assertKindFree(em, input.kind);
      if (parent) await assertStillActive(em, parent);
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
    }),
  );
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
  return flushUnique(() =>
    ctx.em.transactional(async (em) => {
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
    }),
  );
}

/** A parent deactivated while the registration waited for the registry lock: nothing is registered below it. */
async function assertStillActive(em: EntityManager, parent: Organization): Promise<void> {
  if (!(await isActive(em, parent.id))) throw badInput('parentId', `parentId: «${parent.name}» is inactive`);
}

/**
 * An organization answers for those below it (decree 3.1, 4): deactivating one whose subordinates
 * are still active would leave them evaluated under an inactive parent. Refused with CONFLICT
 * saying how many are active; they are deactivated or moved first. Registrations below it wait
 * on the registry lock, so none slips in between the count and the write.
 */
export async function deactivateOrganization(ctx: OrganizationsContext, id: string, rawReason: unknown): Promise<Organization> {
  requireRole(ctx.auth, 'ADMIN');
  const org = await loadOrganization(ctx, id);
  const { reason } = parseInput(deactivationInput, { reason: rawReason });
  if (!org.active) return org;
  return ctx.em.transactional(async (em) => {
    await lockRegistryIdentity(em);
    const active = await activeSubordinateCount(em, org.id);
    if (active > 0) {
      const what = active === 1 ? '1 active subordinate organization' : `${active} active subordinate organizations`;
      throw new HubError('CONFLICT', `«${org.name}» has ${what}; deactivate them or move them to another parent first`, {
        id: org.id,
        field: 'id',
        activeChildren: active,
      });
    }
    org.active = false;
    org.deactivationReason = reason;
    org.deactivatedAt = ctx.clock();
    return org;
  });
}
