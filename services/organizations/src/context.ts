import type { BaseContext, OrgHierarchy } from '@hub/common';
import { createOrganizationLoaders, type OrganizationLoaders } from './loaders/organization.loader.js';
import { createPageLoaders, type PageLoaders } from './loaders/official-page.loader.js';

export interface OrganizationsContext extends BaseContext {
  organizations: OrganizationLoaders;
  pages: PageLoaders;
  hierarchy: OrgHierarchy;
}

export function createContext(base: BaseContext): OrganizationsContext {
  const organizations = createOrganizationLoaders(base.em);
  const hierarchy: OrgHierarchy = {
    isWithin: async (rootId, orgIds) => {
      const chains = await organizations.ancestors.loadMany(orgIds);
      return chains.every((chain) => Array.isArray(chain) && chain.includes(rootId));
    },
  };
  return { ...base, organizations, pages: createPageLoaders(base.em), hierarchy };
}
