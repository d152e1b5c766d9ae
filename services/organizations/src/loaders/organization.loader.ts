import DataLoader from 'dataloader';
import { byIdLoader, groupBy, isUuid } from '@hub/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OrganizationEntity, type Organization } from '../entities/organization.entity.js';
import { ancestorChains } from '../data/organizations.repo.js';


export function createOrganizationLoaders(em: EntityManager) {
  return {
    byId: byIdLoader(em, OrganizationEntity),
    childrenOf: new DataLoader<string, Organization[]>(async (ids) => {
      const found = await em.find(OrganizationEntity, { parentId: { $in: [...ids] } }, { orderBy: { name: 'asc', id: 'asc' } });
      const groups = groupBy(found, (o) => o.parentId!);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    /** The organization itself, its parent, and so on up. */
    ancestors: new DataLoader<string, string[]>(async (ids) => {
      const valid = ids.filter(isUuid);
      const chains = valid.length ? await ancestorChains(em, valid) : new Map<string, string[]>();
      return ids.map((id) => chains.get(id) ?? []);
    }),
  };
}

export type OrganizationLoaders = ReturnType<typeof createOrganizationLoaders>;
