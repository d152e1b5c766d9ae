import { createDirectoryHierarchy, type BaseContext } from '@hub/common';
import { createOrganizationLoaders, type OrganizationLoaders } from './loaders/organization.loader.js';
import { createPageLoaders, type PageLoaders } from './loaders/official-page.loader.js';

export interface OrganizationsContext extends BaseContext {
  organizations: OrganizationLoaders;
  pages: PageLoaders;
  hierarchy: ReturnType<typeof createDirectoryHierarchy>;
}

export function createContext(base: BaseContext): OrganizationsContext {
  const hierarchy = createDirectoryHierarchy(base.em);
  return { ...base, organizations: createOrganizationLoaders(base.em), pages: createPageLoaders(base.em), hierarchy };
}
