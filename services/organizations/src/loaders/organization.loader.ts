import DataLoader from 'dataloader';
import { groupBy, isUuid } from '@hub/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OrganizationEntity, type Organization } from '../entities/organization.entity.js';
import { ancestorChains } from '../data/organizations.repo.js';


export function createOrganizationLoaders(em: EntityManager) {
  return {
    /** Unknown or malformed ids resolve to null. */
    byId: new DataLoader<string, Organization | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const found = valid.length ? await em.find(OrganizationEntity, { id: { $in: valid } }) : [];
      const byId = new Map(found.map((o) => [o.id, o]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
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
