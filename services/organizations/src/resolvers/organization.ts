import { canSeePersonalData } from '@hub/common';
import type { OrganizationResolvers } from '../generated/graphql.js';

/**
 * Organization fields. Names, kinds and pages of government bodies are public information,
 * so references (a parent, a child, an entity from another subgraph) resolve for any signed-in
 * role; only the head's e-mail is personal data and is filtered here.
 */
export const Organization: OrganizationResolvers = {
  __resolveReference: (ref, ctx) => ctx.organizations.byId.load(ref.id),
  parent: (org, _, ctx) => (org.parentId ? ctx.organizations.byId.load(org.parentId) : null),
  children: (org, _, ctx) => ctx.organizations.childrenOf.load(org.id),
  pages: (org, _, ctx) => ctx.pages.ofOrganization.load(org.id),
  head: async (org, _, ctx) => ({
    fullName: org.headFullName,
    position: org.headPosition,
    email: (await canSeePersonalData(ctx.auth, org.id, ctx.hierarchy)) ? org.headEmail : null,
  }),
  contactEmail: async (org, _, ctx) => ((await canSeePersonalData(ctx.auth, org.id, ctx.hierarchy)) ? org.contactEmail : null),
};
