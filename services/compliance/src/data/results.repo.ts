import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, instantFromMillis, queryRow, queryRows, sql, type Period, type RuleCode } from '@hub/common';
import type { Evaluation } from '../domain/evaluate.js';
import type { ComplianceResult } from '../entities/compliance-result.entity.js';

/**
 * A result's columns as the reads map them (resultOf): its instants as epoch milliseconds, so a
 * row becomes a plain object without the ORM's hydration, which was 39 % of the report's CPU
 * (docs/PERFORMANCE.md, "Subgraph CPU"). Results are read, never changed, through the ORM.
 */
export const RESULT_COLUMNS = sql`r.organization_id, r.organization_kind, r.parent_id, r.municipality_id, r.rule, r.period,
  ${sql.epochMillis('r', 'period_start')}, r.severity, r.decree_item, r.required, r.actual, r.status,
  r.consecutive_misses, r.exemption_id, r.run_id, ${sql.epochMillis('r', 'evaluated_at')}`;

export interface ResultRow {
  organization_id: string;
  organization_kind: ComplianceResult['organizationKind'];
  parent_id: string | null;
  municipality_id: string | null;
  rule: ComplianceResult['rule'];
  period: string;
  period_start_ms: number;
  severity: ComplianceResult['severity'];
  decree_item: string;
  required: number;
  actual: number;
  status: ComplianceResult['status'];
  consecutive_misses: number;
  exemption_id: string | null;
  run_id: string;
  evaluated_at_ms: number;
}

export const resultOf = (row: ResultRow): ComplianceResult => ({
  organizationId: row.organization_id,
  organizationKind: row.organization_kind,
  parentId: row.parent_id,
  municipalityId: row.municipality_id,
  rule: row.rule,
  period: row.period,
  periodStart: instantFromMillis(row.period_start_ms),
  severity: row.severity,
  decreeItem: row.decree_item,
  required: row.required,
  actual: row.actual,
  status: row.status,
  consecutiveMisses: row.consecutive_misses,
  exemptionId: row.exemption_id,
  runId: row.run_id,
  evaluatedAt: instantFromMillis(row.evaluated_at_ms),
});

export async function previousMisses(em: EntityManager, rule: RuleCode, previous: Period): Promise<Map<string, number>> {
  const rows = await queryRows<{ organization_id: string; consecutive_misses: number }>(
    em,
    sql`select organization_id, consecutive_misses from compliance.compliance_result where rule = ${rule} and period = ${previous.label}`,
  );
  return new Map(rows.map((r) => [r.organization_id, r.consecutive_misses]));
}

/** Recipients short of the content center's weekly supply (decree 2.2) in an evaluated week; null before it is evaluated. */
export async function recipientsShort(em: EntityManager, week: string): Promise<number | null> {
  const row = await queryRow<{ evaluated: number; short: number }>(
    em,
    sql`select count(*)::int as evaluated, (count(*) filter (where status = 'MISSED'))::int as short
        from compliance.compliance_result where rule = 'CONTENT_CENTER_WEEKLY_SUPPLY' and period = ${week}`,
  );
  return row && row.evaluated > 0 ? row.short : null;
}

export async function activeExemptions(em: EntityManager, rule: RuleCode, period: Period, now: Date): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; organization_id: string }>(
    em,
    sql`select id, organization_id from compliance.exemption
        where rule = ${rule} and period = ${period.label} and revoked_at is null and (expires_at is null or expires_at > ${now})`,
  );
  return new Map(rows.map((r) => [r.organization_id, r.id]));
}

/**
 * Replaces the period's results with these in one statement: an upsert of all of them and a
 * delete of organizations no longer evaluated (deactivated since the last run, say). The rows
 * travel as one JSON parameter: a multi-row VALUES of 15 bindings per organization cost more to
 * build and plan than the write itself (docs/PERFORMANCE.md).
 */
export async function writeResults(
  em: EntityManager,
  rule: RuleCode,
  period: Period,
  runId: string,
  evaluations: Evaluation[],
  evaluatedAt: Date,
): Promise<void> {
  const rows = evaluations.map((e) => ({
    organization_id: e.organizationId,
    organization_kind: e.kind,
    parent_id: e.parentId,
    municipality_id: e.municipalityId,
    severity: e.severity,
    decree_item: e.decreeItem,
    required: e.required,
    actual: e.actual,
    status: e.status,
    consecutive_misses: e.consecutiveMisses,
    exemption_id: e.exemptionId,
  }));
  await execSql(
    em,
    sql`with incoming as (
       select * from json_to_recordset(${JSON.stringify(rows)}::json) as r(organization_id uuid, organization_kind text, parent_id uuid,
         municipality_id uuid, severity text, decree_item text, required int, actual int, status text, consecutive_misses int, exemption_id uuid)
     ), removed as (
       delete from compliance.compliance_result c where c.rule = ${rule} and c.period = ${period.label}
         and not exists (select 1 from incoming i where i.organization_id = c.organization_id)
     )
     insert into compliance.compliance_result (organization_id, organization_kind, parent_id, municipality_id, rule, period, period_start,
       severity, decree_item, required, actual, status, consecutive_misses, exemption_id, run_id, evaluated_at)
     select organization_id, organization_kind, parent_id, municipality_id, ${rule}, ${period.label}, ${period.start}::timestamptz,
       severity, decree_item, required, actual, status, consecutive_misses, exemption_id, ${runId}::uuid, ${evaluatedAt}::timestamptz
     from incoming
     on conflict (organization_id, rule, period) do update set
       organization_kind = excluded.organization_kind, parent_id = excluded.parent_id, municipality_id = excluded.municipality_id,
       period_start = excluded.period_start, severity = excluded.severity, decree_item = excluded.decree_item, required = excluded.required, actual = excluded.actual,
       status = excluded.status, consecutive_misses = excluded.consecutive_misses, exemption_id = excluded.exemption_id,
       run_id = excluded.run_id, evaluated_at = excluded.evaluated_at`,
  );
}

/**
 * After a period is (re)evaluated, later periods' runs of misses may have changed: recompute
 * them by the same definition as `consecutiveMisses` (misses since the last MET; EXEMPT neutral),
 * for the organizations that have a later period only. Those are looked up first, through the
 * key: the Monday check of the latest week finds none and stops there. Asked in one statement
 * with the rule's history, the planner's guess of how many have one decided the plan: at the
 * country, on statistics of a smaller table, a nested loop ran for minutes.
 */
export async function recomputeLaterRuns(em: EntityManager, rule: RuleCode, after: Period): Promise<number> {
  // A rule's period labels sort as their periods do (2026-W09 < 2026-W10, 2026-09 < 2026-10):
  // the key's range on the label, period_start the condition itself.
  const later = await queryRows<{ organization_id: string }>(
    em,
    sql`select distinct organization_id from compliance.compliance_result
        where rule = ${rule} and period > ${after.label} and period_start > ${after.start}`,
  );
  if (!later.length) return 0;
  return execSql(
    em,
    sql`with grouped as (
       select organization_id, period, status, period_start,
              count(*) filter (where status = 'MET') over (partition by organization_id order by period_start) as streak
       from compliance.compliance_result
       where organization_id = any(${later.map((r) => r.organization_id)}::uuid[]) and rule = ${rule}
     ), runs as (
       select organization_id, period, period_start, case when status = 'MET' then 0
         else count(*) filter (where status = 'MISSED') over (partition by organization_id, streak order by period_start) end as misses
       from grouped
     )
     update compliance.compliance_result r set consecutive_misses = runs.misses
     from runs where r.rule = ${rule} and r.period = runs.period and r.organization_id = runs.organization_id
       and runs.period_start > ${after.start} and r.consecutive_misses <> runs.misses`,
  );
}

/** The rule has results for the period: it was evaluated. */
export async function isEvaluated(em: EntityManager, rule: RuleCode, period: string): Promise<boolean> {
  return Boolean(await queryRow(em, sql`select 1 from compliance.compliance_result where rule = ${rule} and period = ${period} limit 1`));
}

/**
 * Each organization's last `last` results (of one rule, when given), newest first, in one
 * statement for the lot; grouped by organization.
 */
export async function lastResultsOf(
  em: EntityManager,
  organizationIds: string[],
  last: number,
  rule: RuleCode | null,
): Promise<ComplianceResult[]> {
  const rows = await queryRows<ResultRow>(
    em,
    sql`select * from (
          select ${RESULT_COLUMNS}, row_number() over (partition by organization_id order by period_start desc, rule asc) as n
          from compliance.compliance_result r
          where organization_id = any(${organizationIds}::uuid[]) ${rule ? sql`and rule = ${rule}` : sql.empty}
        ) ranked
        where n <= ${last}
        order by organization_id, n`,
  );
  return rows.map(resultOf);
}
