import DataLoader from 'dataloader';
import { createDirectoryHierarchy, parsePeriod, periodContaining, periodLoader, type BaseContext, type Period } from '@hub/common';
import { createMaterialLoaders, type MaterialLoaders } from './loaders/material.loader.js';
import { receivedBy } from './data/materials.repo.js';
import type { Material } from './entities/material.entity.js';
import type { MethodologicalNote } from './entities/methodological-note.entity.js';
import { notesOfMaterials } from './data/notes.repo.js';

export interface ContentContext extends BaseContext {
  materials: MaterialLoaders;
  hierarchy: ReturnType<typeof createDirectoryHierarchy>;
  /** Materials an organization received in a week, keyed "orgId|week". */
  received: DataLoader<string, Material[]>;
  /** A material's methodological notes, newest first. */
  notesOf: DataLoader<string, MethodologicalNote[]>;
  /** A week argument, or the current local week when none is given. */
  week(label: string | null | undefined, field?: string): Period;
}

export function createContext(base: BaseContext): ContentContext {
  const week = (label: string | null | undefined, field = 'week') =>
    label ? parsePeriod(label, base.timezone, { field, kinds: ['WEEK'] }) : periodContaining('WEEK', base.clock(), base.timezone);
  return {
    ...base,
    materials: createMaterialLoaders(base.em),
    hierarchy: createDirectoryHierarchy(base.em),
    week,
    received: periodLoader(
      (label) => week(label),
      (ids, period) => receivedBy(base.em, ids, period),
      () => [],
    ),
    notesOf: new DataLoader(async (ids) => {
      const byMaterial = await notesOfMaterials(base.em, ids);
      return ids.map((id) => byMaterial.get(id) ?? []);
    }),
  };
}
