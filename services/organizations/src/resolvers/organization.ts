import { canSeePersonalData } from '@hub/common';
import type { OrganizationsContext } from '../context.js';
import type { Organization as OrganizationRow } from '../entities/organization.entity.js';

/**
 * Organization fields. Names, kinds and pages of government bodies are public information,
 * so references (a parent, a child, an entity from another subgraph) resolve for any signed-in
 * role; only the head's e-mail is personal data and is filtered here.
 */
export const Organization = {
  __resolveReference: (ref: { id: string }, ctx: OrganizationsContext) => ctx.organizations.byId.load(ref.id),
  parent: (org: OrganizationRow, _: unknown, ctx: OrganizationsContext) =>
    org.parentId ? ctx.organizations.byId.load(org.parentId) : null,
  children: (org: OrganizationRow, _: unknown, ctx: OrganizationsContext) => ctx.organizations.childrenOf.load(org.id),
  pages: (org: OrganizationRow, _: unknown, ctx: OrganizationsContext) => ctx.pages.ofOrganization.load(org.id),
  head: async (org: OrganizationRow, _: unknown, ctx: OrganizationsContext) => ({
    fullName: org.headFullName,
    position: org.headPosition,
    email: (await canSeePersonalData(ctx.auth, org.id, ctx.hierarchy)) ? org.headEmail : null,
  }),
  contactEmail: async (org: OrganizationRow, _: unknown, ctx: OrganizationsContext) =>
    (await canSeePersonalData(ctx.auth, org.id, ctx.hierarchy)) ? org.contactEmail : null,
};
