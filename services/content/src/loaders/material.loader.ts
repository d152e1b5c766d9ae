import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '@hub/common';
import { MaterialEntity, type Material } from '../entities/material.entity.js';

export function createMaterialLoaders(em: EntityManager) {
  return {
    byId: new DataLoader<string, Material | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const found = valid.length ? await em.find(MaterialEntity, { id: { $in: valid } }) : [];
      const byId = new Map(found.map((m) => [m.id, m]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type MaterialLoaders = ReturnType<typeof createMaterialLoaders>;
