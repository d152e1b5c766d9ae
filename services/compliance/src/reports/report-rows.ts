import type { EntityManager } from '@mikro-orm/postgresql';
import type { RuleCode } from '@hub/common';
import { where } from '../data/analytics.repo.js';

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

const BATCH = 2000;

/**
 * The period's results with names, by organization name, read through a server-side cursor a
 * batch at a time: a report of any size costs one sort in PostgreSQL and one batch in memory.
 */
export async function* reportRows(em: EntityManager, selection: ReportSelection): AsyncGenerator<ReportRow[]> {
  const filter = where({ rule: selection.rules, periods: [selection.period], root: selection.root });
  const trx = await em.getKnex().transaction(undefined, { readOnly: true });
  try {
    await trx.raw(
      `declare report_rows no scroll cursor for
       select d.name as organization, r.organization_kind as kind, p.name as parent, m.name as municipality,
              r.rule, r.period, r.severity, r.decree_item, r.required, r.actual, r.status, r.consecutive_misses,
              e.reason as exemption_reason, r.evaluated_at
       from compliance.compliance_result r
       join organizations.directory d on d.id = r.organization_id
       left join organizations.directory p on p.id = r.parent_id
       left join organizations.directory m on m.id = r.municipality_id
       left join compliance.exemption e on e.id = r.exemption_id
       where ${filter.sql}
       order by d.name, r.organization_id, r.rule`,
      filter.params as string[],
    );
    for (;;) {
      const { rows } = (await trx.raw(`fetch ${BATCH} from report_rows`)) as { rows: ReportRow[] };
      if (!rows.length) break;
      yield rows;
    }
    await trx.commit();
  } catch (err) {
    await trx.rollback();
    throw err;
  } finally {
    if (!trx.isCompleted()) await trx.rollback();
  }
}
