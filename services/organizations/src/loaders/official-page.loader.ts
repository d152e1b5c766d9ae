import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OfficialPageEntity, type OfficialPage } from '../entities/official-page.entity.js';
import { groupBy, isUuid } from '@hub/common';

export function createPageLoaders(em: EntityManager) {
  return {
    byId: new DataLoader<string, OfficialPage | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const found = valid.length ? await em.find(OfficialPageEntity, { id: { $in: valid } }) : [];
      const byId = new Map(found.map((p) => [p.id, p]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    ofOrganization: new DataLoader<string, OfficialPage[]>(async (ids) => {
      const found = await em.find(
        OfficialPageEntity,
        { organizationId: { $in: [...ids] } },
        { orderBy: { platform: 'asc', createdAt: 'asc' } },
      );
      const groups = groupBy(found, (p) => p.organizationId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
  };
}

export type PageLoaders = ReturnType<typeof createPageLoaders>;
