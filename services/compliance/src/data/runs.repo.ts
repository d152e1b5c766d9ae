import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows, sql, type RuleCode } from '@hub/common';
import { ComplianceRunEntity, type ComplianceRun } from '../entities/compliance-run.entity.js';

/** When each period of the rule was last evaluated: the start of its latest succeeded run. */
export async function lastEvaluations(em: EntityManager, rule: RuleCode): Promise<Map<string, Date>> {
  const rows = await queryRows<{ period: string; started_at: string }>(
    em,
    sql`select period, max(started_at) as started_at from compliance.compliance_run where rule = ${rule} and status = 'SUCCEEDED' group by period`,
  );
  return new Map(rows.map((r) => [r.period, new Date(r.started_at)]));
}

/** The latest runs, newest first, of one rule or period when named. */
export async function latestRuns(
  em: EntityManager,
  filter: { rule?: RuleCode | null; period?: string | null },
  limit: number,
): Promise<ComplianceRun[]> {
  const where: Record<string, unknown> = {};
  if (filter.rule) where.rule = filter.rule;
  if (filter.period) where.period = filter.period;
  return em.find(ComplianceRunEntity, where, { orderBy: { startedAt: 'desc', id: 'desc' }, limit });
}
