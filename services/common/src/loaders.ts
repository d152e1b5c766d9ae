import DataLoader from 'dataloader';
import type { EntityManager, EntitySchema } from '@mikro-orm/postgresql';
import { isUuid } from './collections.js';

/** Entities by id, one query per batch; unknown or malformed ids resolve to null. */
export function byIdLoader<T extends { id: string }>(em: EntityManager, entity: EntitySchema<T, never>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const valid = ids.filter(isUuid);
    const found = valid.length ? ((await em.find(entity, { id: { $in: valid } } as never)) as T[]) : [];
    const byId = new Map(found.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
