const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a row and resolves to null rather than a SQL error. */
export const isUuid = (value: string): boolean => UUID.test(value);

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Russian alphabetical order. One collator for every comparison: `localeCompare(b, 'ru')` looks
 * up the locale on each call, three times slower in a sort of 100,000 names (a country's digest).
 */
export const russianOrder: (a: string, b: string) => number = new Intl.Collator('ru').compare;
