import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { groupBy, isUuid } from '@hub/common';
import { lastEscalationsOf, type EscalationRow } from '../data/escalations.repo.js';

/** "orgId|last". */
export const escalationsKey = (organizationId: string, last: number) => `${organizationId}|${last}`;

/**
 * Each organization's last escalations, newest first: a page of organizations asking for theirs
 * costs one statement, not one per organization. One statement per distinct `last` in the batch,
 * usually one.
 */
export function createEscalationsLoader(em: EntityManager): DataLoader<string, EscalationRow[]> {
  return new DataLoader<string, EscalationRow[]>(async (keys) => {
    const idsByLast = new Map<string, string[]>();
    for (const key of keys) {
      const [id, last] = key.split('|') as [string, string];
      if (isUuid(id)) idsByLast.set(last, [...(idsByLast.get(last) ?? []), id]);
    }
    const results = new Map<string, EscalationRow[]>();
    for (const [last, ids] of idsByLast) {
      const found = groupBy(await lastEscalationsOf(em, ids, Number(last)), (r) => r.organization_id);
      // PostgreSQL spells a uuid in lower case; the id asked for may not.
      for (const id of ids) results.set(escalationsKey(id, Number(last)), found.get(id.toLowerCase()) ?? []);
    }
    return keys.map((key) => results.get(key) ?? []);
  });
}
