import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { execSql, queryRows, sql, type RuleCode } from '@hub/common';
import { where } from './analytics.repo.js';

export interface ReportRow {
  organization: string;
  kind: string;
  parent: string | null;
  municipality: string | null;
  rule: RuleCode;
  period: string;
  severity: string;
  decree_item: string;
  required: number;
  actual: number;
  status: string;
  consecutive_misses: number;
  exemption_reason: string | null;
  evaluated_at: Date | string;
}

export interface ReportSelection {
  rules: RuleCode[];
  period: string;
  /** A scoped role's organization: only it and those below it. */
  root: string | null;
}

/**
 * The period's results with names, by organization name, read through a server-side cursor a
 * batch (2,000 rows) at a time: a report of any size costs one sort in PostgreSQL and one batch in memory.
 * The cursor lives in a read-only transaction of its own, whatever the caller's.
 */
export async function* reportRows(em: EntityManager, selection: ReportSelection): AsyncGenerator<ReportRow[]> {
  const filter = where({ rule: selection.rules, periods: [selection.period], root: selection.root });
  const transaction: Knex.Transaction = await em.getKnex().transaction(undefined, { readOnly: true });
  try {
    await execSql(
      em,
      sql`declare report_rows no scroll cursor for
          select d.name as organization, r.organization_kind as kind, p.name as parent, m.name as municipality,
                 r.rule, r.period, r.severity, r.decree_item, r.required, r.actual, r.status, r.consecutive_misses,
                 e.reason as exemption_reason, r.evaluated_at
          from compliance.compliance_result r
          join organizations.directory d on d.id = r.organization_id
          left join organizations.directory p on p.id = r.parent_id
          left join organizations.directory m on m.id = r.municipality_id
          left join compliance.exemption e on e.id = r.exemption_id
          where ${filter}
          order by d.name, r.organization_id, r.rule`,
      { transaction },
    );
    for (;;) {
      const rows = await queryRows<ReportRow>(em, sql`fetch 2000 from report_rows`, { transaction });
      if (!rows.length) break;
      yield rows;
    }
    await transaction.commit();
  } catch (err) {
    await transaction.rollback();
    throw err;
  } finally {
    if (!transaction.isCompleted()) await transaction.rollback();
  }
}
