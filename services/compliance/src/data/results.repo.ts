import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, runSql, type Period, type RuleCode } from '@hub/common';
import type { Evaluation } from '../domain/evaluate.js';

export async function previousMisses(em: EntityManager, rule: RuleCode, previous: Period): Promise<Map<string, number>> {
  const rows = await runSql<{ organization_id: string; consecutive_misses: number }[]>(
    em,
    'select organization_id, consecutive_misses from compliance.compliance_result where rule = ? and period = ?',
    [rule, previous.label],
  );
  return new Map(rows.map((r) => [r.organization_id, r.consecutive_misses]));
}

export async function activeExemptions(em: EntityManager, rule: RuleCode, period: Period, now: Date): Promise<Map<string, string>> {
  const rows = await runSql<{ id: string; organization_id: string }[]>(
    em,
    `select id, organization_id from compliance.exemption
     where rule = ? and period = ? and revoked_at is null and (expires_at is null or expires_at > ?)`,
    [rule, period.label, now],
  );
  return new Map(rows.map((r) => [r.organization_id, r.id]));
}

/**
 * Replaces the period's results with these, set-based: one upsert for all of them, one delete
 * for organizations no longer evaluated (deactivated since the last run, say).
 */
export async function writeResults(
  em: EntityManager,
  rule: RuleCode,
  period: Period,
  runId: string,
  evaluations: Evaluation[],
  evaluatedAt: Date,
): Promise<void> {
  const ids = evaluations.map((e) => e.organizationId);
  await runSql(
    em,
    `delete from compliance.compliance_result where rule = ? and period = ? and not (organization_id = any(?::uuid[]))`,
    [rule, period.label, pgArray(ids)],
    'run',
  );
  const CHUNK = 3000;
  for (let i = 0; i < evaluations.length; i += CHUNK) {
    const query = em
      .getKnex()('compliance.compliance_result')
      .insert(
        evaluations.slice(i, i + CHUNK).map((e) => ({
          organization_id: e.organizationId,
          organization_kind: e.kind,
          parent_id: e.parentId,
          municipality_id: e.municipalityId,
          rule,
          period: period.label,
          period_start: period.start,
          severity: e.severity,
          required: e.required,
          actual: e.actual,
          status: e.status,
          consecutive_misses: e.consecutiveMisses,
          exemption_id: e.exemptionId,
          run_id: runId,
          evaluated_at: evaluatedAt,
        })),
      )
      .onConflict(['organization_id', 'rule', 'period'])
      .merge();
    const tx = em.getTransactionContext();
    await (tx ? query.transacting(tx) : query);
  }
}

/**
 * After a period is (re)evaluated, later periods' runs of misses may have changed: recompute
 * them for the whole rule in one statement, by the same definition as `consecutiveMisses`
 * (misses since the last MET; EXEMPT neutral).
 */
export async function recomputeLaterRuns(em: EntityManager, rule: RuleCode, after: Period): Promise<number> {
  const result = await runSql<{ affectedRows: number }>(
    em,
    `with grouped as (
       select id, organization_id, status, period_start,
              count(*) filter (where status = 'MET') over (partition by organization_id order by period_start) as streak
       from compliance.compliance_result where rule = ?
     ), runs as (
       select id, period_start, case when status = 'MET' then 0
         else count(*) filter (where status = 'MISSED') over (partition by organization_id, streak order by period_start) end as misses
       from grouped
     )
     update compliance.compliance_result r set consecutive_misses = runs.misses
     from runs where runs.id = r.id and runs.period_start > ? and r.consecutive_misses <> runs.misses`,
    [rule, after.start],
    'run',
  );
  return result.affectedRows;
}
