import type { EntityManager } from '@mikro-orm/postgresql';
import { runSql, runSqlBound, type OrganizationKind, type Period, type RuleCode } from '@hub/common';
import type { OrganizationMeasure } from '../domain/evaluate.js';
import { directoryKinds } from './directory.repo.js';

interface CountsRow {
  organization_id: string;
  kind: OrganizationKind;
  parent_id: string | null;
  /** period_counts has it; placement_counts leaves it to parentKinds. */
  parent_kind?: OrganizationKind | null;
  active: boolean;
  registered_at: string;
  materials_placed?: number;
  pages?: number;
  pages_without_widget?: number;
  media_publications?: number;
}

type Measured = Exclude<RuleCode, 'CONTENT_CENTER_WEEKLY_SUPPLY'>;

/**
 * Each rule's measure and the narrowest read contract of the organizations subgraph that has it:
 * the weekly norm reads placements only (period_counts also aggregates every official page).
 */
const MEASURE: Record<Measured, { contract: 'placement_counts' | 'period_counts'; actual: (row: CountsRow) => number }> = {
  WEEKLY_PLACEMENTS: { contract: 'placement_counts', actual: (row) => row.materials_placed ?? 0 },
  MONTHLY_MEDIA_MENTION: { contract: 'period_counts', actual: (row) => row.media_publications ?? 0 },
  FEEDBACK_WIDGET: { contract: 'period_counts', actual: (row) => (row.pages ?? 0) - (row.pages_without_widget ?? 0) },
};

export interface Measures {
  organizations: OrganizationMeasure[];
}

/**
 * One aggregate query per read contract, for every organization or only `only` (placement_counts
 * answers for a few organizations from their own placements; a weekly norm rule only), and for
 * the content center's supply content.distribution_log.
 */
export async function loadMeasures(em: EntityManager, rule: RuleCode, period: Period, only?: readonly string[]): Promise<Measures> {
  const source = rule === 'CONTENT_CENTER_WEEKLY_SUPPLY' ? null : MEASURE[rule];
  if (only && source?.contract !== 'placement_counts') throw new Error(`loadMeasures: ${rule} is measured for the whole registry only`);
  const rows = source?.contract === 'placement_counts'
    ? (await runSqlBound<CountsRow>(em, 'select * from organizations.placement_counts(?, ?, ?::uuid[])', [period.start, period.end, only ? [...only] : null])).rows
    : await runSql<CountsRow[]>(
      em,
      `select * from organizations.period_counts(?, ?)${rule === 'CONTENT_CENTER_WEEKLY_SUPPLY' ? " where kind = 'CONTENT_CENTER'" : ''}`,
      [period.start, period.end],
    );
  let measure: (row: CountsRow) => number;
  if (!source) {
    const [supply] = await runSql<{ count: number }[]>(
      em,
      'select count(*)::int as count from content.distribution_log where distributed_at >= ? and distributed_at < ?',
      [period.start, period.end],
    );
    measure = () => supply?.count ?? 0;
  } else {
    measure = source.actual;
  }
  const parentKind = await parentKinds(em, rows);
  const organizations = rows.map((row) => ({
    organizationId: row.organization_id,
    kind: row.kind,
    parentId: row.parent_id,
    parentKind: parentKind(row),
    active: row.active,
    registeredAt: new Date(row.registered_at),
    actual: measure(row),
    pages: row.pages ?? 0,
  }));
  return { organizations };
}

/**
 * Each row's parent's kind: from the same rows when the parent is among them (reading the whole
 * registry), else from organizations.directory in one query.
 */
async function parentKinds(em: EntityManager, rows: CountsRow[]): Promise<(row: CountsRow) => OrganizationKind | null> {
  const kinds = new Map(rows.map((r) => [r.organization_id, r.kind]));
  const missing = [...new Set(rows.flatMap((r) => (r.parent_kind === undefined && r.parent_id && !kinds.has(r.parent_id) ? [r.parent_id] : [])))];
  for (const [id, kind] of await directoryKinds(em, missing)) kinds.set(id, kind);
  return (row) => (row.parent_kind !== undefined ? row.parent_kind : row.parent_id ? kinds.get(row.parent_id) ?? null : null);
}

/** Each period's latest report (organizations.last_report), all in one statement: what makes an evaluated period stale. */
export async function latestReports(em: EntityManager, periods: readonly Period[]): Promise<Map<string, Date | null>> {
  if (!periods.length) return new Map();
  const { rows } = await runSqlBound<{ label: string; at: Date | null }>(
    em,
    `select p.label, organizations.last_report(p.start_at, p.end_at) as at
     from unnest(?::text[], ?::timestamptz[], ?::timestamptz[]) as p(label, start_at, end_at)`,
    [periods.map((p) => p.label), periods.map((p) => p.start.toISOString()), periods.map((p) => p.end.toISOString())],
  );
  return new Map(rows.map((r) => [r.label, r.at ? new Date(r.at) : null]));
}
