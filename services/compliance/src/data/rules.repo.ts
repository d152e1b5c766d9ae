import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, queryRows, sql, type PeriodKind, type RuleCode } from '@hub/common';
import type { RuleApplicability } from '../domain/applicability.js';

/** What a rule asks and of whom: the part of a rule that changes, one version at a time. */
export interface RuleSettings {
  threshold: number;
  enabled: boolean;
  /** ISO date (YYYY-MM-DD) from which a deadline rule is checked. */
  deadline: string | null;
  /** Null: the hub's time zone (HUB_TIMEZONE). */
  timezone: string | null;
  appliesTo: RuleApplicability[];
}

export interface RuleVersion extends RuleSettings {
  code: RuleCode;
  /** The first period it is in force for (the decree's own date for the first version). */
  effectiveFrom: string;
  /** That period's start; null for the first version, in force for every period before the next. */
  effectiveFromStart: Date | null;
  changedBy: string;
  changedAt: Date;
}

/** A rule as it stands for one period: what it is, and the version in force then (docs/DESIGN.md, "Rule versions"). */
export interface ComplianceRule extends RuleSettings {
  code: RuleCode;
  title: string;
  decreeItem: string;
  periodKind: PeriodKind;
  effectiveFrom: string;
  updatedBy: string;
  updatedAt: Date;
}

interface Row {
  code: RuleCode;
  title: string;
  decree_item: string;
  period_kind: PeriodKind;
  effective_from: string;
  effective_from_start: string;
  threshold: number;
  enabled: boolean;
  deadline: string | null;
  timezone: string | null;
  applies_to: RuleApplicability[];
  changed_by: string;
  changed_at: string;
}

const VERSION_COLUMNS = sql`v.code, v.effective_from, v.effective_from_start, v.threshold, v.enabled, v.deadline::text as deadline, v.timezone,
  v.applies_to, v.changed_by, v.changed_at`;

const settingsOf = (r: Row): RuleSettings => ({
  threshold: r.threshold,
  enabled: r.enabled,
  deadline: r.deadline,
  timezone: r.timezone,
  appliesTo: r.applies_to,
});

const toRule = (r: Row): ComplianceRule => ({
  code: r.code,
  title: r.title,
  decreeItem: r.decree_item,
  periodKind: r.period_kind,
  effectiveFrom: r.effective_from,
  ...settingsOf(r),
  updatedBy: r.changed_by,
  updatedAt: new Date(r.changed_at),
});

const toVersion = (r: Row): RuleVersion => {
  const start = new Date(r.effective_from_start);
  return {
    code: r.code,
    effectiveFrom: r.effective_from,
    effectiveFromStart: Number.isFinite(start.getTime()) ? start : null,
    ...settingsOf(r),
    changedBy: r.changed_by,
    changedAt: new Date(r.changed_at),
  };
};

/**
 * Every rule (or one) as it stands at `at`: the latest version whose period had begun by then.
 * To judge a period, pass its start: re-running a past period after a change gives its old verdicts.
 */
export async function rulesInForce(em: EntityManager, at: Date, code?: RuleCode): Promise<ComplianceRule[]> {
  const rows = await queryRows<Row>(
    em,
    sql`select distinct on (r.code) r.title, r.decree_item, r.period_kind, ${VERSION_COLUMNS}
        from compliance.compliance_rule r join compliance.rule_version v on v.code = r.code and v.effective_from_start <= ${at}
        ${code ? sql`where r.code = ${code}` : sql.empty}
        order by r.code, v.effective_from_start desc`,
  );
  return rows.map(toRule);
}

export async function ruleInForce(em: EntityManager, code: RuleCode, at: Date): Promise<ComplianceRule | null> {
  return (await rulesInForce(em, at, code))[0] ?? null;
}

/** Each of these rules' versions, oldest first. */
export async function ruleVersions(em: EntityManager, codes: readonly RuleCode[]): Promise<RuleVersion[]> {
  if (!codes.length) return [];
  const rows = await queryRows<Row>(
    em,
    sql`select ${VERSION_COLUMNS} from compliance.rule_version v where v.code = any(${codes}::text[]) order by v.code, v.effective_from_start`,
  );
  return rows.map(toVersion);
}

/** Stores a version; a second change from the same period replaces that period's version. */
export async function saveVersion(
  em: EntityManager,
  version: Omit<RuleVersion, 'effectiveFromStart'> & { effectiveFromStart: Date },
): Promise<void> {
  await execSql(
    em,
    sql`insert into compliance.rule_version (code, effective_from, effective_from_start, threshold, enabled, deadline, timezone, applies_to, changed_by, changed_at)
        values (${version.code}, ${version.effectiveFrom}, ${version.effectiveFromStart}, ${version.threshold}, ${version.enabled},
          ${version.deadline}::date, ${version.timezone}, ${JSON.stringify(version.appliesTo)}::jsonb, ${version.changedBy}, ${version.changedAt})
        on conflict (code, effective_from_start) do update set effective_from = excluded.effective_from, threshold = excluded.threshold,
          enabled = excluded.enabled, deadline = excluded.deadline, timezone = excluded.timezone, applies_to = excluded.applies_to,
          changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
  );
}

/** Appends a change of a rule's settings to its history (compliance.rule_change). */
export async function recordRuleChange(
  em: EntityManager,
  change: { code: RuleCode; before: RuleSettings; after: RuleSettings; effectiveFrom: string; changedBy: string; changedAt: Date },
): Promise<void> {
  await execSql(
    em,
    sql`insert into compliance.rule_change (rule, changed_by, changed_at, before, after, effective_from)
        values (${change.code}, ${change.changedBy}, ${change.changedAt}, ${JSON.stringify(change.before)}, ${JSON.stringify(change.after)},
          ${change.effectiveFrom})`,
  );
}
