import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { groupBy, groupedLoader, type RuleCode } from '@hub/common';
import type { ComplianceResult } from '../entities/compliance-result.entity.js';
import { lastResultsOf } from '../data/results.repo.js';

/** "orgId|last|rule" (rule empty for every rule). */
export const recentResultsKey = (organizationId: string, last: number, rule: RuleCode | null) => `${organizationId}|${last}|${rule ?? ''}`;

/**
 * Each organization's last results, newest first: a page of organizations asking for their
 * history costs one statement, not one per organization. One query per distinct (last, rule)
 * in the batch, usually one.
 */
export function createRecentResultsLoader(em: EntityManager): DataLoader<string, ComplianceResult[]> {
  return groupedLoader(
    async (ids, args) => {
      const [last, rule] = args.split('|') as [string, string];
      return groupBy(await lastResultsOf(em, ids, Number(last), (rule || null) as RuleCode | null), (r) => r.organizationId);
    },
    () => [],
  );
}
