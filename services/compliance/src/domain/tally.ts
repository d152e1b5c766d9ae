import { ORGANIZATION_KINDS, type OrganizationKind } from '@hub/common';
import type { Severity } from './applicability.js';

export type ComplianceStatus = 'MET' | 'MISSED' | 'EXEMPT';

export interface Tally {
  evaluated: number;
  met: number;
  missed: number;
  exempt: number;
  /**
   * met / (met + missed): an exemption counts neither way; null when nothing was due, and when
   * mandatory and recommended results are both counted (they are never one rate: see bySeverity).
   */
  rate: number | null;
}

export interface StatusCount {
  status: ComplianceStatus;
  n: number;
  severity?: Severity;
}

export function rateOf(met: number, missed: number): number | null {
  return met + missed === 0 ? null : met / (met + missed);
}

export function tally(counts: Iterable<StatusCount>): Tally {
  let met = 0;
  let missed = 0;
  let exempt = 0;
  const severities = new Set<Severity>();
  for (const { status, n, severity } of counts) {
    if (severity) severities.add(severity);
    if (status === 'MET') met += n;
    else if (status === 'MISSED') missed += n;
    else exempt += n;
  }
  return { evaluated: met + missed + exempt, met, missed, exempt, rate: severities.size > 1 ? null : rateOf(met, missed) };
}

/** Lowest rate first; nothing due (null) last; ties by key. */
function byRate<T extends { rate: number | null }>(key: (row: T) => string) {
  return (a: T, b: T) => (a.rate ?? 2) - (b.rate ?? 2) || key(a).localeCompare(key(b));
}

export interface SummaryCount extends StatusCount {
  kind: OrganizationKind;
  municipalityId: string | null;
  severity: Severity;
}

const SEVERITIES: Severity[] = ['MANDATORY', 'RECOMMENDED'];

/**
 * One period's results grouped (kind, severity, municipality, status) into the totals and the
 * breakdowns: by severity, by kind and severity (a subordinate is mandatory under a body and
 * recommended under a municipality), by municipality.
 */
export function summarize(rows: readonly SummaryCount[]) {
  const bySeverity = SEVERITIES.map((severity) => ({ severity, rows: rows.filter((r) => r.severity === severity) }))
    .filter((group) => group.rows.length > 0)
    .map((group) => ({ severity: group.severity, ...tally(group.rows) }));
  const byKind = ORGANIZATION_KINDS.flatMap((kind) =>
    SEVERITIES.map((severity) => ({ kind, severity, rows: rows.filter((r) => r.kind === kind && r.severity === severity) })),
  )
    .filter((group) => group.rows.length > 0)
    .map((group) => ({ kind: group.kind, severity: group.severity, ...tally(group.rows) }));
  const municipalities = new Map<string | null, SummaryCount[]>();
  for (const row of rows) municipalities.set(row.municipalityId, [...(municipalities.get(row.municipalityId) ?? []), row]);
  const byMunicipality = [...municipalities]
    .map(([municipalityId, group]) => ({ municipalityId, ...tally(group) }))
    .sort(byRate((r) => r.municipalityId ?? '~'));
  return { ...tally(rows), bySeverity, byKind, byMunicipality };
}

export interface PeriodCount extends StatusCount {
  period: string;
}

/** A tally per period, in the order given; a period without results is all zeros. */
export function trend(periods: readonly string[], rows: readonly PeriodCount[]) {
  return periods.map((period) => ({ period, ...tally(rows.filter((r) => r.period === period)) }));
}

/** A heatmap row's statuses in column order; null where the period was not evaluated. */
export function cells(periods: readonly string[], statuses: Readonly<Record<string, ComplianceStatus>>): (ComplianceStatus | null)[] {
  return periods.map((period) => statuses[period] ?? null);
}
