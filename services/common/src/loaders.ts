import DataLoader from 'dataloader';
import type { EntityManager, EntitySchema } from '@mikro-orm/postgresql';
import { isUuid } from './collections.js';
import type { Period } from './periods.js';

/** Entities by id, one query per batch; unknown or malformed ids resolve to null. */
export function byIdLoader<T extends { id: string }>(em: EntityManager, entity: EntitySchema<T, never>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const valid = ids.filter(isUuid);
    const found = valid.length ? ((await em.find(entity, { id: { $in: valid } } as never)) as T[]) : [];
    const byId = new Map(found.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * Per-(id, period) values, batched: keys are "id|period-label"; one fetch per distinct period
 * in the batch (usually one), e.g. every organization's count for the same week in one GROUP BY.
 */
export function periodLoader<V>(
  parse: (label: string) => Period,
  fetch: (ids: string[], period: Period) => Promise<Map<string, V>>,
  fallback: () => V,
): DataLoader<string, V> {
  return new DataLoader<string, V>(async (keys) => {
    const idsByLabel = new Map<string, string[]>();
    for (const key of keys) {
      const [id, label] = key.split('|') as [string, string];
      idsByLabel.set(label, [...(idsByLabel.get(label) ?? []), id]);
    }
    const results = new Map<string, V>();
    for (const [label, ids] of idsByLabel) {
      const found = await fetch(ids, parse(label));
      for (const id of ids) results.set(`${id}|${label}`, found.get(id) ?? fallback());
    }
    return keys.map((key) => results.get(key) ?? fallback());
  });
}

export const periodKey = (id: string, period: Period) => `${id}|${period.label}`;
