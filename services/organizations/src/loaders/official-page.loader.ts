import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OfficialPageEntity, type OfficialPage } from '../entities/official-page.entity.js';
import { byIdLoader, groupBy } from '@hub/common';
import { pagesOf } from '../data/official-pages.repo.js';

export function createPageLoaders(em: EntityManager) {
  return {
    byId: byIdLoader(em, OfficialPageEntity),
    ofOrganization: new DataLoader<string, OfficialPage[]>(async (ids) => {
      const found = await pagesOf(em, ids);
      const groups = groupBy(found, (p) => p.organizationId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
  };
}

export type PageLoaders = ReturnType<typeof createPageLoaders>;
