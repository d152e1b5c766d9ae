import type { EntityManager } from '@mikro-orm/postgresql';
import {
  keysetAfter,
  keysetOrder,
  keysetPage,
  queryRows,
  sql,
  subtreeOf,
  type KeysetColumn,
  type OrganizationKind,
  type RuleCode,
  type Sql,
} from '@hub/common';
import type { ComplianceStatus, PeriodCount, SummaryCount } from '../domain/tally.js';
import type { Severity } from '../domain/applicability.js';
import { RESULT_COLUMNS, type ResultRow } from './results.repo.js';

/**
 * Which results a query reads: a rule (or several, for the export), some periods, optionally
 * narrowed. complianceReport, the summaries, the heatmap, the laggards and the export all filter
 * through `where`, so their counts agree by construction.
 */
export interface ResultScope {
  rule: RuleCode | readonly RuleCode[];
  periods: readonly string[];
  /** A scoped role's organization: only it and those below it. */
  root: string | null;
  kind?: OrganizationKind | null;
  municipalityId?: string | null;
  parentId?: string | null;
  status?: ComplianceStatus | null;
  /** Mandatory or recommended results only (they are never one rate). */
  severity?: Severity | null;
}

/** The where clause over `compliance.compliance_result r` for a scope. */
export function where(scope: ResultScope): Sql {
  const clauses = [
    typeof scope.rule === 'string' ? sql`r.rule = ${scope.rule}` : sql`r.rule = any(${scope.rule}::text[])`,
    sql`r.period = any(${scope.periods}::text[])`,
  ];
  if (scope.status) clauses.push(sql`r.status = ${scope.status}`);
  if (scope.severity) clauses.push(sql`r.severity = ${scope.severity}`);
  if (scope.kind) clauses.push(sql`r.organization_kind = ${scope.kind}`);
  if (scope.parentId) clauses.push(sql`r.parent_id = ${scope.parentId}`);
  if (scope.municipalityId) clauses.push(sql`r.municipality_id = ${scope.municipalityId}`);
  if (scope.root) clauses.push(sql`r.organization_id in (${subtreeOf(scope.root)})`);
  return sql.and(clauses);
}

/** complianceReport's keyset: the longest run of misses first, then organization id. */
export type ReportCursor = [consecutiveMisses: number, organizationId: string];

const REPORT_ORDER: KeysetColumn[] = [
  { by: sql`r.consecutive_misses`, key: 'int', desc: true },
  { by: sql`r.organization_id`, key: 'uuid' },
];

/** A page of the scope's results (size + 1 rows, to tell whether another follows) and their total. */
export async function reportPage(
  em: EntityManager,
  scope: ResultScope,
  page: { size: number; after: ReportCursor | null },
): Promise<{ totalCount: number; rows: ResultRow[] }> {
  return keysetPage(em, {
    select: RESULT_COLUMNS,
    from: sql`compliance.compliance_result r`,
    where: where(scope),
    order: REPORT_ORDER,
    ...page,
  });
}

export async function summaryCounts(em: EntityManager, scope: ResultScope): Promise<SummaryCount[]> {
  const rows = await queryRows<{
    kind: OrganizationKind;
    municipality_id: string | null;
    severity: Severity;
    status: ComplianceStatus;
    n: number;
  }>(
    em,
    sql`select r.organization_kind as kind, r.municipality_id, r.severity, r.status, count(*)::int as n
        from compliance.compliance_result r where ${where(scope)} group by 1, 2, 3, 4`,
  );
  return rows.map((r) => ({ kind: r.kind, municipalityId: r.municipality_id, severity: r.severity, status: r.status, n: r.n }));
}

export async function periodCounts(em: EntityManager, scope: ResultScope): Promise<PeriodCount[]> {
  return queryRows<PeriodCount>(
    em,
    sql`select r.period, r.severity, r.status, count(*)::int as n from compliance.compliance_result r where ${where(scope)} group by 1, 2, 3`,
  );
}

export interface HeatmapRowData {
  organizationId: string;
  missed: number;
  consecutiveMisses: number;
  statuses: Record<string, ComplianceStatus>;
}

/** Heatmap keyset: most misses first, then the longest current run, then id. */
export type HeatmapCursor = [missed: number, consecutiveMisses: number, organizationId: string];

const HEATMAP_ORDER: KeysetColumn[] = [
  { by: sql`missed`, key: 'int', desc: true },
  { by: sql`streak`, key: 'int', desc: true },
  { by: sql`organization_id`, key: 'uuid' },
];

/**
 * One statement, not keysetPage's two: the per-organization tallies over the scope, the page of
 * them, the page's statuses, and the total (counted over the same tallies). Only the page's
 * organizations build a statuses object. The streak (the latest period's run) is the largest of
 * epoch × 10⁶ + run, a scalar: an array per row ([epoch, run]) and a materialized copy of the
 * scope spilled to disk at the country (docs/PERFORMANCE.md).
 */
export async function heatmapPage(
  em: EntityManager,
  scope: ResultScope,
  page: { size: number; after: HeatmapCursor | null },
): Promise<{ totalCount: number; rows: HeatmapRowData[] }> {
  const filter = where(scope);
  const rows = await queryRows<{
    total: number;
    organization_id: string | null;
    missed: number;
    streak: number;
    statuses: Record<string, ComplianceStatus>;
  }>(
    em,
    sql`with grouped as (
          select r.organization_id, count(*) filter (where r.status = 'MISSED')::int as missed,
                 (max(extract(epoch from r.period_start)::bigint * 1000000 + r.consecutive_misses) % 1000000)::int as streak
          from compliance.compliance_result r where ${filter}
          group by r.organization_id
        ), page as (
          select * from grouped where ${keysetAfter(HEATMAP_ORDER, page.after)} order by ${keysetOrder(HEATMAP_ORDER)} limit ${page.size + 1}
        ), statuses as (
          select r.organization_id, jsonb_object_agg(r.period, r.status) as statuses
          from compliance.compliance_result r
          where ${filter} and r.organization_id in (select organization_id from page)
          group by r.organization_id
        )
        select (select count(*) from grouped)::int as total, page.organization_id, page.missed, page.streak, statuses.statuses
        from (select 1) as one
        left join page on true
        left join statuses on statuses.organization_id = page.organization_id
        order by page.missed desc, page.streak desc, page.organization_id`,
  );
  return {
    totalCount: rows[0]?.total ?? 0,
    rows: rows
      .filter((r) => r.organization_id !== null)
      .map((r) => ({ organizationId: r.organization_id!, missed: r.missed, consecutiveMisses: r.streak, statuses: r.statuses })),
  };
}

export interface LaggardRow {
  organization_id: string;
  parent_id: string | null;
  municipality_id: string | null;
  rule: RuleCode;
  period: string;
  severity: Severity;
  required: number;
  actual: number;
  consecutive_misses: number;
  missed_since: string;
}

/**
 * The period's misses with the longest runs, each with the first period of its run: the earliest
 * miss after the last MET before it (an exempt period neither extends nor breaks a run). The
 * run's start is looked up for the page only, after the sort and limit (a miss always finds
 * itself, so no row is lost).
 */
export async function laggards(em: EntityManager, scope: ResultScope, limit: number): Promise<LaggardRow[]> {
  return queryRows<LaggardRow>(
    em,
    sql`select r.organization_id, r.parent_id, r.municipality_id, r.rule, r.period, r.severity, r.required, r.actual,
            r.consecutive_misses, since.period as missed_since
     from (
       select * from compliance.compliance_result r
       where ${where(scope)} and r.status = 'MISSED'
       order by r.consecutive_misses desc, r.organization_id limit ${limit}
     ) r
     cross join lateral (
       select x.period from compliance.compliance_result x
       where x.rule = r.rule and x.organization_id = r.organization_id and x.status = 'MISSED'
         and x.period_start <= r.period_start
         and x.period_start > coalesce((
           select max(m.period_start) from compliance.compliance_result m
           where m.rule = r.rule and m.organization_id = r.organization_id and m.status = 'MET' and m.period_start < r.period_start
         ), '-infinity')
       order by x.period_start limit 1
     ) since
     order by r.consecutive_misses desc, r.organization_id`,
  );
}
