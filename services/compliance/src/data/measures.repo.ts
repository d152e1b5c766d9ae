import type { EntityManager } from '@mikro-orm/postgresql';
import { runSql, type OrganizationKind, type Period, type RuleCode } from '@hub/common';
import type { OrganizationMeasure } from '../domain/evaluate.js';

interface CountsRow {
  organization_id: string;
  kind: OrganizationKind;
  parent_id: string | null;
  parent_kind: OrganizationKind | null;
  active: boolean;
  registered_at: string;
  materials_placed: number;
  pages: number;
  pages_without_widget: number;
  media_publications: number;
  last_reported_at: string | null;
}

/** Each rule's measure, read from the organizations subgraph's read contract. */
const MEASURE: Record<Exclude<RuleCode, 'CONTENT_CENTER_WEEKLY_SUPPLY'>, (row: CountsRow) => number> = {
  WEEKLY_PLACEMENTS: (row) => row.materials_placed,
  MONTHLY_MEDIA_MENTION: (row) => row.media_publications,
  FEEDBACK_WIDGET: (row) => row.pages - row.pages_without_widget,
};

export interface Measures {
  organizations: OrganizationMeasure[];
  /** The latest report that went into these counts: a later report makes the result stale. */
  lastReportedAt: Date | null;
}

/**
 * One aggregate query per read contract: organizations.period_counts for every organization,
 * and for the content center's supply content.distribution_log.
 */
export async function loadMeasures(em: EntityManager, rule: RuleCode, period: Period): Promise<Measures> {
  const rows = await runSql<CountsRow[]>(
    em,
    `select * from organizations.period_counts(?, ?)${rule === 'CONTENT_CENTER_WEEKLY_SUPPLY' ? " where kind = 'CONTENT_CENTER'" : ''}`,
    [period.start, period.end],
  );
  let measure: (row: CountsRow) => number;
  if (rule === 'CONTENT_CENTER_WEEKLY_SUPPLY') {
    const [supply] = await runSql<{ count: number }[]>(
      em,
      'select count(*)::int as count from content.distribution_log where distributed_at >= ? and distributed_at < ?',
      [period.start, period.end],
    );
    measure = () => supply?.count ?? 0;
  } else {
    measure = MEASURE[rule];
  }
  let lastReportedAt: Date | null = null;
  const organizations = rows.map((row) => {
    if (row.last_reported_at) {
      const at = new Date(row.last_reported_at);
      if (!lastReportedAt || at > lastReportedAt) lastReportedAt = at;
    }
    return {
      organizationId: row.organization_id,
      kind: row.kind,
      parentId: row.parent_id,
      parentKind: row.parent_kind,
      active: row.active,
      registeredAt: new Date(row.registered_at),
      actual: measure(row),
      pages: row.pages,
    };
  });
  return { organizations, lastReportedAt };
}
