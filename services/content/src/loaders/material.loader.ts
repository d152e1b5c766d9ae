import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '@hub/common';
import { MaterialEntity } from '../entities/material.entity.js';

export function createMaterialLoaders(em: EntityManager) {
  return {
    byId: byIdLoader(em, MaterialEntity),
  };
}

export type MaterialLoaders = ReturnType<typeof createMaterialLoaders>;
