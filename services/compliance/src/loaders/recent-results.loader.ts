import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { groupBy, groupedLoader, pgArray, runSql, type RuleCode } from '@hub/common';
import { ComplianceResultEntity, type ComplianceResult } from '../entities/compliance-result.entity.js';

/** "orgId|last|rule" (rule empty for every rule). */
export const recentResultsKey = (organizationId: string, last: number, rule: RuleCode | null) => `${organizationId}|${last}|${rule ?? ''}`;

/**
 * Each organization's last results, newest first: a page of organizations asking for their
 * history costs one statement, not one per organization. One query per distinct (last, rule)
 * in the batch, usually one.
 */
export function createRecentResultsLoader(em: EntityManager): DataLoader<string, ComplianceResult[]> {
  return groupedLoader(async (ids, args) => {
    const [last, rule] = args.split('|') as [string, string];
    return groupBy(await lastResultsOf(em, ids, Number(last), (rule || null) as RuleCode | null), (r) => r.organizationId);
  }, () => []);
}

async function lastResultsOf(em: EntityManager, organizationIds: string[], last: number, rule: RuleCode | null): Promise<ComplianceResult[]> {
  const rows = await runSql<Record<string, unknown>[]>(
    em,
    `select * from (
       select r.*, row_number() over (partition by organization_id order by period_start desc, rule asc) as n
       from compliance.compliance_result r
       where organization_id = any(?::uuid[])${rule ? ' and rule = ?' : ''}
     ) ranked
     where n <= ?
     order by organization_id, n`,
    [pgArray(organizationIds), ...(rule ? [rule] : []), last],
  );
  return rows.map(({ n: _n, ...row }) => em.map(ComplianceResultEntity, row));
}
