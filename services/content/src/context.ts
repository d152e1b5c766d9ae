import DataLoader from 'dataloader';
import { createDirectoryHierarchy, parsePeriod, periodContaining, type BaseContext, type Period } from '@hub/common';
import { createMaterialLoaders, type MaterialLoaders } from './loaders/material.loader.js';
import { receivedBy } from './data/materials.repo.js';
import type { Material } from './entities/material.entity.js';

export interface ContentContext extends BaseContext {
  materials: MaterialLoaders;
  hierarchy: ReturnType<typeof createDirectoryHierarchy>;
  /** Materials an organization received in a week, keyed "orgId|week". */
  received: DataLoader<string, Material[]>;
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
    received: new DataLoader(async (keys) => {
      const byWeek = new Map<string, string[]>();
      for (const key of keys) {
        const [orgId, label] = key.split('|') as [string, string];
        byWeek.set(label, [...(byWeek.get(label) ?? []), orgId]);
      }
      const results = new Map<string, Material[]>();
      for (const [label, orgIds] of byWeek) {
        const found = await receivedBy(base.em, orgIds, week(label));
        for (const orgId of orgIds) results.set(`${orgId}|${label}`, found.get(orgId) ?? []);
      }
      return keys.map((key) => results.get(key) ?? []);
    }),
  };
}
