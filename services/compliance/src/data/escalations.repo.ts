import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, queryRow, queryRows, sql, subtreeOf, type PeriodKind, type RuleCode } from '@hub/common';
import type { Severity } from '../domain/applicability.js';
import type { Address } from '../domain/ladder.js';

export interface EscalationRow {
  id: string;
  level: number;
  rule: RuleCode;
  period: string;
  organization_id: string;
  consecutive_misses: number;
  recipients: string[];
  created_at: string;
  severity: Severity;
  decree_item: string | null;
  resolved_at: string | null;
}

const COLUMNS = sql`id, level, rule, period, organization_id, consecutive_misses, recipients, created_at, severity, decree_item, resolved_at`;

/**
 * Each organization's last `last` escalations, newest first, in one statement for the lot.
 * Rows come grouped by organization, each group newest first. (rule breaks the remaining ties:
 * an organization has one escalation per rule, period and level.)
 */
export async function lastEscalationsOf(em: EntityManager, organizationIds: string[], last: number): Promise<EscalationRow[]> {
  if (!organizationIds.length || last <= 0) return [];
  return queryRows<EscalationRow>(
    em,
    sql`select ${COLUMNS} from (
          select ${COLUMNS},
                 row_number() over (partition by organization_id order by created_at desc, period desc, level desc, rule asc) as n
          from compliance.escalation
          where organization_id = any(${organizationIds}::uuid[])
        ) ranked
        where n <= ${last}
        order by organization_id, n`,
  );
}

/** A period's escalations (of one rule, within one organization's tree), the highest level and longest run first. */
export async function escalationsOfPeriod(
  em: EntityManager,
  filter: { period: string; rule?: RuleCode | null; withinTreeOf: string | null },
): Promise<EscalationRow[]> {
  return queryRows<EscalationRow>(
    em,
    sql`select ${COLUMNS} from compliance.escalation
        where period = ${filter.period}
          ${filter.rule ? sql`and rule = ${filter.rule}` : sql.empty}
          ${filter.withinTreeOf ? sql`and organization_id in (${subtreeOf(filter.withinTreeOf)})` : sql.empty}
        order by level desc, consecutive_misses desc, organization_id`,
  );
}

export async function escalationById(em: EntityManager, id: string): Promise<EscalationRow | undefined> {
  return queryRow<EscalationRow>(em, sql`select ${COLUMNS} from compliance.escalation where id = ${id}`);
}

/** A period's escalation as escalate() stores it (compliance.escalation). */
export interface NewEscalation {
  organization_id: string;
  rule: RuleCode;
  period: string;
  level: number;
  consecutive_misses: number;
  recipients: string[];
  addressees: Address[];
  severity: Severity;
  decree_item: string;
  run_id: string;
  created_at: Date;
}

/**
 * Resolves the open escalations of these organizations for the rule and period (for every
 * period up to it when `upToPeriod`: a daily rule's). Answers how many it resolved.
 */
export async function resolveEscalations(
  em: EntityManager,
  target: { rule: RuleCode; organizationIds: readonly string[]; period: string; upToPeriod: boolean },
  at: Date,
): Promise<number> {
  if (!target.organizationIds.length) return 0;
  return execSql(
    em,
    sql`update compliance.escalation set resolved_at = ${at}
        where rule = ${target.rule} and organization_id = any(${target.organizationIds}::uuid[]) and resolved_at is null
          and ${target.upToPeriod ? sql`period <= ${target.period}` : sql`period = ${target.period}`}`,
  );
}

/**
 * Stores escalations, one statement for the lot (the rows as one JSON parameter): unique per
 * (organization, rule, period, level), a resolved one reopens. With `oncePerLevel` (a daily rule)
 * no level is escalated again while one of that level is open. Answers how many were stored.
 */
export async function storeEscalations(em: EntityManager, rows: readonly NewEscalation[], oncePerLevel: boolean): Promise<number> {
  if (!rows.length) return 0;
  return execSql(
    em,
    sql`insert into compliance.escalation (organization_id, rule, period, level, consecutive_misses, recipients, addressees, severity, decree_item, run_id, created_at)
        select * from json_to_recordset(${JSON.stringify(rows)}::json) as e(organization_id uuid, rule text, period text, level int, consecutive_misses int,
          recipients text[], addressees jsonb, severity text, decree_item text, run_id uuid, created_at timestamptz)
        where not (${oncePerLevel} and exists (
          select 1 from compliance.escalation x where x.organization_id = e.organization_id and x.rule = e.rule and x.level = e.level
            and x.resolved_at is null))
        on conflict (organization_id, rule, period, level) do update
          set resolved_at = null, resolution_told_at = null, notified_at = null, run_id = excluded.run_id, created_at = excluded.created_at,
              consecutive_misses = excluded.consecutive_misses, recipients = excluded.recipients, addressees = excluded.addressees
          where compliance.escalation.resolved_at is not null`,
  );
}

/** An escalation no letter told of yet, with what the letter needs of its result and rule. */
export interface UntoldEscalationRow {
  id: string;
  organization_id: string;
  rule: RuleCode;
  period: string;
  level: number;
  consecutive_misses: number;
  addressees: Address[];
  severity: Severity;
  decree_item: string;
  required: number | null;
  actual: number | null;
  parent_id: string | null;
  period_kind: PeriodKind;
}

/** Open escalations not told yet (of these runs only, when given), oldest first. */
export async function untoldEscalations(em: EntityManager, runIds: readonly string[] | null): Promise<UntoldEscalationRow[]> {
  return queryRows<UntoldEscalationRow>(
    em,
    sql`select e.id, e.organization_id, e.rule, e.period, e.level, e.consecutive_misses, e.addressees, e.severity, e.decree_item,
               r.required, r.actual, r.parent_id, cr.period_kind
        from compliance.escalation e
        join compliance.compliance_rule cr on cr.code = e.rule
        left join compliance.compliance_result r on r.organization_id = e.organization_id and r.rule = e.rule and r.period = e.period
        where e.notified_at is null and e.resolved_at is null ${runIds ? sql`and e.run_id = any(${runIds}::uuid[])` : sql.empty}
        order by e.created_at`,
  );
}

export interface UntoldResolutionRow {
  id: string;
  organization_id: string;
  rule: RuleCode;
  period: string;
  recipients: string[];
  now_status: 'MET' | 'EXEMPT' | null;
}

/** Told escalations resolved since, whose resolution no letter told of yet, with the period's verdict now. */
export async function untoldResolutions(em: EntityManager): Promise<UntoldResolutionRow[]> {
  return queryRows<UntoldResolutionRow>(
    em,
    sql`select e.id, e.organization_id, e.rule, e.period, e.recipients, nullif(r.status, 'MISSED') as now_status
        from compliance.escalation e
        left join compliance.compliance_result r on r.organization_id = e.organization_id and r.rule = e.rule and r.period = e.period
        where e.resolved_at is not null and e.resolution_told_at is null and e.notified_at is not null`,
  );
}

export async function markEscalationsTold(em: EntityManager, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length) await execSql(em, sql`update compliance.escalation set notified_at = ${at} where id = any(${ids}::uuid[])`);
}

export async function markResolutionsTold(em: EntityManager, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length) await execSql(em, sql`update compliance.escalation set resolution_told_at = ${at} where id = any(${ids}::uuid[])`);
}
