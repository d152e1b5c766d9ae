import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows, sql, type OrganizationKind, type Period, type RuleCode } from '@hub/common';
import { countSubordinatesForBodies, type OrganizationMeasure } from '../domain/evaluate.js';
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

/**
 * Each rule's measure and the narrowest read contract of the organizations subgraph that has it:
 * the weekly norm and the supply read the registry with placements only (period_counts also
 * aggregates every official page).
 */
const MEASURE: Record<RuleCode, { contract: 'placement_counts' | 'period_counts'; actual: (row: CountsRow) => number }> = {
  WEEKLY_PLACEMENTS: { contract: 'placement_counts', actual: (row) => row.materials_placed ?? 0 },
  CONTENT_CENTER_WEEKLY_SUPPLY: { contract: 'placement_counts', actual: () => 0 },
  MONTHLY_MEDIA_MENTION: { contract: 'period_counts', actual: (row) => row.media_publications ?? 0 },
  FEEDBACK_WIDGET: { contract: 'period_counts', actual: (row) => (row.pages ?? 0) - (row.pages_without_widget ?? 0) },
};

export interface Measures {
  organizations: OrganizationMeasure[];
}

/**
 * One aggregate query per read contract, for every organization or only `only` (placement_counts
 * answers for a few organizations from their own placements; a weekly norm rule only). The
 * supply counts what each recipient received (content.received_log); the media rule counts a
 * subordinate's publications for its body too (decree 3.3).
 */
export async function loadMeasures(em: EntityManager, rule: RuleCode, period: Period, only?: readonly string[]): Promise<Measures> {
  const source = MEASURE[rule];
  if (only && rule !== 'WEEKLY_PLACEMENTS') throw new Error(`loadMeasures: ${rule} is measured for the whole registry only`);
  const rows = await queryRows<CountsRow>(
    em,
    source.contract === 'placement_counts'
      ? sql`select * from organizations.placement_counts(${period.start}, ${period.end}, ${only ?? null}::uuid[])`
      : sql`select * from organizations.period_counts(${period.start}, ${period.end})`,
  );
  const received = rule === 'CONTENT_CENTER_WEEKLY_SUPPLY' ? await receivedCounts(em, period) : null;
  const parentKind = await parentKinds(em, rows);
  const organizations = rows.map((row) => ({
    organizationId: row.organization_id,
    kind: row.kind,
    parentId: row.parent_id,
    parentKind: parentKind(row),
    active: row.active,
    registeredAt: new Date(row.registered_at),
    actual: received ? (received.get(row.organization_id) ?? 0) : source.actual(row),
    pages: row.pages ?? 0,
  }));
  return { organizations: rule === 'MONTHLY_MEDIA_MENTION' ? countSubordinatesForBodies(organizations) : organizations };
}

/**
 * Distinct materials each organization received in the period and that were not withdrawn
 * before it ended (decree 2.2 counts per recipient), from content.received_log in one query.
 */
async function receivedCounts(em: EntityManager, period: Period): Promise<Map<string, number>> {
  const rows = await queryRows<{ organization_id: string; received: number }>(
    em,
    sql`select organization_id, count(distinct material_id)::int as received from content.received_log
        where distributed_at >= ${period.start} and distributed_at < ${period.end} and (withdrawn_at is null or withdrawn_at >= ${period.end})
        group by organization_id`,
  );
  return new Map(rows.map((r) => [r.organization_id, r.received]));
}

/**
 * Each row's parent's kind: from the same rows when the parent is among them (reading the whole
 * registry), else from organizations.directory in one query.
 */
async function parentKinds(em: EntityManager, rows: CountsRow[]): Promise<(row: CountsRow) => OrganizationKind | null> {
  const kinds = new Map(rows.map((r) => [r.organization_id, r.kind]));
  const missing = [
    ...new Set(rows.flatMap((r) => (r.parent_kind === undefined && r.parent_id && !kinds.has(r.parent_id) ? [r.parent_id] : []))),
  ];
  for (const [id, kind] of await directoryKinds(em, missing)) kinds.set(id, kind);
  return (row) => (row.parent_kind !== undefined ? row.parent_kind : row.parent_id ? (kinds.get(row.parent_id) ?? null) : null);
}

/** Each period's latest report (organizations.last_report), all in one statement: what makes an evaluated period stale. */
export async function latestReports(em: EntityManager, periods: readonly Period[]): Promise<Map<string, Date | null>> {
  if (!periods.length) return new Map();
  const rows = await queryRows<{ label: string; at: string | null }>(
    em,
    sql`select p.label, organizations.last_report(p.start_at, p.end_at) as at
        from unnest(${periods.map((p) => p.label)}::text[], ${periods.map((p) => p.start)}::timestamptz[], ${periods.map((p) => p.end)}::timestamptz[])
          as p(label, start_at, end_at)`,
  );
  return new Map(rows.map((r) => [r.label, r.at ? new Date(r.at) : null]));
}
