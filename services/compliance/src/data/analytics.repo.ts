import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, runSql, SUBTREE_SQL, type OrganizationKind, type RuleCode } from '@hub/common';
import type { ComplianceStatus, PeriodCount, SummaryCount } from '../domain/tally.js';
import type { Severity } from '../domain/applicability.js';

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

/** The where clause over `compliance.compliance_result r` for a scope, with its bindings. */
export function where(scope: ResultScope): { sql: string; params: unknown[] } {
  const rules = typeof scope.rule === 'string' ? null : scope.rule;
  const clauses = [rules ? 'r.rule = any(?::text[])' : 'r.rule = ?', 'r.period = any(?::text[])'];
  const params: unknown[] = [rules ? pgArray(rules) : scope.rule, pgArray(scope.periods)];
  const narrow = (clause: string, value: unknown) => {
    clauses.push(clause);
    params.push(value);
  };
  if (scope.status) narrow('r.status = ?', scope.status);
  if (scope.severity) narrow('r.severity = ?', scope.severity);
  if (scope.kind) narrow('r.organization_kind = ?', scope.kind);
  if (scope.parentId) narrow('r.parent_id = ?', scope.parentId);
  if (scope.municipalityId) narrow('r.municipality_id = ?', scope.municipalityId);
  if (scope.root) narrow(`r.organization_id in (${SUBTREE_SQL})`, scope.root);
  return { sql: clauses.join(' and '), params };
}

/** complianceReport's keyset: the longest run of misses first, then organization id. */
export type ReportCursor = [consecutiveMisses: number, organizationId: string];

/** A page of the scope's results (size + 1 rows, to tell whether another follows) and their total. */
export async function reportPage(
  em: EntityManager,
  scope: ResultScope,
  page: { size: number; after: ReportCursor | null },
): Promise<{ totalCount: number; rows: Record<string, unknown>[] }> {
  const filter = where(scope);
  const keyset = page.after ? 'and (r.consecutive_misses < ? or (r.consecutive_misses = ? and r.organization_id > ?::uuid))' : '';
  const [{ total } = { total: 0 }] = await runSql<{ total: number }[]>(
    em, `select count(*)::int as total from compliance.compliance_result r where ${filter.sql}`, filter.params,
  );
  const rows = await runSql<Record<string, unknown>[]>(
    em,
    `select r.* from compliance.compliance_result r where ${filter.sql} ${keyset}
     order by r.consecutive_misses desc, r.organization_id limit ?`,
    [...filter.params, ...(page.after ? [page.after[0], page.after[0], page.after[1]] : []), page.size + 1],
  );
  return { totalCount: total, rows };
}

export async function summaryCounts(em: EntityManager, scope: ResultScope): Promise<SummaryCount[]> {
  const filter = where(scope);
  const rows = await runSql<{ kind: OrganizationKind; municipality_id: string | null; severity: Severity; status: ComplianceStatus; n: number }[]>(
    em,
    `select r.organization_kind as kind, r.municipality_id, r.severity, r.status, count(*)::int as n
     from compliance.compliance_result r where ${filter.sql} group by 1, 2, 3, 4`,
    filter.params,
  );
  return rows.map((r) => ({ kind: r.kind, municipalityId: r.municipality_id, severity: r.severity, status: r.status, n: r.n }));
}

export async function periodCounts(em: EntityManager, scope: ResultScope): Promise<PeriodCount[]> {
  const filter = where(scope);
  return runSql<PeriodCount[]>(
    em,
    `select r.period, r.severity, r.status, count(*)::int as n from compliance.compliance_result r where ${filter.sql} group by 1, 2, 3`,
    filter.params,
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

/**
 * One statement: the per-organization tallies over the scope, the page of them, the page's
 * statuses, and the total. Only the page's organizations build a statuses object: building one
 * for every organization, then a second pass for the count, took 20 s at 100,000 organizations
 * (bench dashboard, nation scale). The streak (the latest period's run) is the largest of
 * epoch × 10⁶ + run, a scalar: an array per row ([epoch, run]) and a materialized copy of the
 * scope spilled 86 MB to disk at the country and took 1.2–1.5 s; now 0.5 s, a parallel scan
 * tallied by hash.
 */
export async function heatmapPage(
  em: EntityManager,
  scope: ResultScope,
  page: { size: number; after: HeatmapCursor | null },
): Promise<{ totalCount: number; rows: HeatmapRowData[] }> {
  const filter = where(scope);
  const keyset = page.after
    ? 'where (missed < ? or (missed = ? and streak < ?) or (missed = ? and streak = ? and organization_id > ?::uuid))'
    : '';
  const [missed, streak, id] = page.after ?? [];
  const rows = await runSql<{ total: number; organization_id: string | null; missed: number; streak: number; statuses: Record<string, ComplianceStatus> }[]>(
    em,
    `with grouped as (
       select r.organization_id, count(*) filter (where r.status = 'MISSED')::int as missed,
              (max(extract(epoch from r.period_start)::bigint * 1000000 + r.consecutive_misses) % 1000000)::int as streak
       from compliance.compliance_result r where ${filter.sql}
       group by r.organization_id
     ), page as (
       select * from grouped ${keyset} order by missed desc, streak desc, organization_id limit ?
     ), statuses as (
       select r.organization_id, jsonb_object_agg(r.period, r.status) as statuses
       from compliance.compliance_result r
       where ${filter.sql} and r.organization_id in (select organization_id from page)
       group by r.organization_id
     )
     select (select count(*) from grouped)::int as total, page.organization_id, page.missed, page.streak, statuses.statuses
     from (select 1) as one
     left join page on true
     left join statuses on statuses.organization_id = page.organization_id
     order by page.missed desc, page.streak desc, page.organization_id`,
    [...filter.params, ...(page.after ? [missed, missed, streak, missed, streak, id] : []), page.size + 1, ...filter.params],
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
  severity: string;
  required: number;
  actual: number;
  consecutive_misses: number;
  missed_since: string;
}

/**
 * The period's misses with the longest runs, each with the first period of its run: the earliest
 * miss after the last MET before it (an exempt period neither extends nor breaks a run). The
 * run's start is looked up for the page only (a miss always finds itself, so no row is lost):
 * looking it up for every miss first took 2.7 s at 100,000 organizations (bench dashboard).
 */
export async function laggards(em: EntityManager, scope: ResultScope, limit: number): Promise<LaggardRow[]> {
  const filter = where(scope);
  return runSql<LaggardRow[]>(
    em,
    `select r.organization_id, r.parent_id, r.municipality_id, r.rule, r.period, r.severity, r.required, r.actual,
            r.consecutive_misses, since.period as missed_since
     from (
       select * from compliance.compliance_result r
       where ${filter.sql} and r.status = 'MISSED'
       order by r.consecutive_misses desc, r.organization_id limit ?
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
    [...filter.params, limit],
  );
}
