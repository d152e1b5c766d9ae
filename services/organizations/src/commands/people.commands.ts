import { badInput, forbidden, isUuid, notFound, parseInput, type Claims } from '@hub/common';
import type { OrganizationsContext } from '../context.js';
import { inviteUserInput } from '../domain/organization-input.js';
import { deactivatePerson, personById, storePerson, type Person } from '../data/people.repo.js';
import { loadOrganization } from './organization.commands.js';

/**
 * Who may register or deactivate a person of `role` for `organizationId` (docs/DESIGN.md,
 * "People"): ADMIN anyone; a HEAD the OPERATORs of its organization and those below it.
 */
async function assertCanManage(ctx: OrganizationsContext, auth: Claims, role: string, organizationId: string | null): Promise<void> {
  if (auth.role === 'ADMIN') return;
  if (auth.role !== 'HEAD') throw forbidden(`Role ${auth.role} may not manage people`);
  if (role !== 'OPERATOR') throw forbidden('A head registers communications officers (OPERATOR) only');
  if (!organizationId || !(await ctx.hierarchy.isWithin(auth.org!, [organizationId]))) {
    throw forbidden('The organization is outside your scope');
  }
}

export async function inviteUser(ctx: OrganizationsContext, raw: unknown): Promise<Person> {
  const input = parseInput(inviteUserInput, raw);
  await assertCanManage(ctx, ctx.auth, input.role, input.organizationId ?? null);
  if (input.organizationId) {
    const org = await loadOrganization(ctx, input.organizationId, 'organizationId');
    if (!org.active) throw badInput('organizationId', `organizationId: «${org.name}» is inactive`);
  }
  const person = await storePerson(ctx.em, {
    email: input.email,
    fullName: input.fullName,
    role: input.role,
    organizationId: input.organizationId ?? null,
    invitedBy: ctx.auth.sub,
    invitedAt: ctx.clock(),
  });
  if (!person) throw badInput('email', `email: ${input.email} is already registered`);
  return person;
}

export async function deactivateUser(ctx: OrganizationsContext, id: string): Promise<Person> {
  if (!isUuid(id)) throw badInput('id', 'id: is not a valid id');
  const person = await personById(ctx.em, id);
  if (!person) throw notFound('User', id, 'id');
  await assertCanManage(ctx, ctx.auth, person.role, person.organizationId);
  if (person.email.toLowerCase() === ctx.auth.sub.toLowerCase()) throw badInput('id', 'id: no one deactivates themself');
  return (await deactivatePerson(ctx.em, id, ctx.clock()))!;
}
