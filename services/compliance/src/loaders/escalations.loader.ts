import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { groupBy, groupedLoader } from '@hub/common';
import { lastEscalationsOf, type EscalationRow } from '../data/escalations.repo.js';

/** "orgId|last". */
export const escalationsKey = (organizationId: string, last: number) => `${organizationId}|${last}`;

/**
 * Each organization's last escalations, newest first: a page of organizations asking for theirs
 * costs one statement, not one per organization. One statement per distinct `last` in the batch,
 * usually one.
 */
export function createEscalationsLoader(em: EntityManager): DataLoader<string, EscalationRow[]> {
  return groupedLoader(
    async (ids, last) => groupBy(await lastEscalationsOf(em, ids, Number(last)), (r) => r.organization_id),
    () => [],
  );
}
