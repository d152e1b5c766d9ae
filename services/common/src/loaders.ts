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
 * Per-(id, arguments) values, batched: keys are "id|arguments" (the arguments may hold more `|`),
 * one fetch per distinct arguments in the batch (usually one): a page of organizations asking
 * for the same thing costs one statement. Ids that are not UUIDs get the fallback, unfetched.
 */
export function groupedLoader<V>(
  fetch: (ids: string[], args: string) => Promise<Map<string, V>>,
  fallback: () => V,
): DataLoader<string, V> {
  return new DataLoader<string, V>(async (keys) => {
    const idsByArgs = new Map<string, string[]>();
    for (const key of keys) {
      const at = key.indexOf('|');
      const [id, args] = [key.slice(0, at), key.slice(at + 1)];
      if (isUuid(id)) idsByArgs.set(args, [...(idsByArgs.get(args) ?? []), id]);
    }
    const results = new Map<string, V>();
    for (const [args, ids] of idsByArgs) {
      const found = await fetch(ids, args);
      // PostgreSQL spells a uuid in lower case; the id asked for may not.
      for (const id of ids) results.set(`${id}|${args}`, found.get(id) ?? found.get(id.toLowerCase()) ?? fallback());
    }
    return keys.map((key) => results.get(key) ?? fallback());
  });
}

/** Per-(id, period) values, batched by period: keys from periodKey, e.g. every organization's count for one week in one GROUP BY. */
export function periodLoader<V>(
  parse: (label: string) => Period,
  fetch: (ids: string[], period: Period) => Promise<Map<string, V>>,
  fallback: () => V,
): DataLoader<string, V> {
  return groupedLoader((ids, label) => fetch(ids, parse(label)), fallback);
}

export const periodKey = (id: string, period: Period) => `${id}|${period.label}`;

/**
 * A row another references by a foreign key, for a non-null field (a placement's page, a page's
 * organization): it exists, so not finding it is a broken invariant and an error, never a null.
 */
export async function referenced<T>(row: Promise<T | null>, what: string): Promise<T> {
  const found = await row;
  if (found === null) throw new Error(`${what} is missing: a reference to it outlived it`);
  return found;
}
