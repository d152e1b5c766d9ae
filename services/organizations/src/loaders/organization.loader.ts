import DataLoader from 'dataloader';
import { byIdLoader, groupBy } from '@hub/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OrganizationEntity, type Organization } from '../entities/organization.entity.js';

export function createOrganizationLoaders(em: EntityManager) {
  return {
    byId: byIdLoader(em, OrganizationEntity),
    childrenOf: new DataLoader<string, Organization[]>(async (ids) => {
      const found = await em.find(OrganizationEntity, { parentId: { $in: [...ids] } }, { orderBy: { name: 'asc', id: 'asc' } });
      const groups = groupBy(found, (o) => o.parentId!);
      return ids.map((id) => groups.get(id) ?? []);
    }),
  };
}

export type OrganizationLoaders = ReturnType<typeof createOrganizationLoaders>;
