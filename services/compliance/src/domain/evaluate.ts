import type { OrganizationKind, Period, RuleCode } from '@hub/common';
import { footingFor, type RuleApplicability, type Severity } from './applicability.js';

export type ComplianceStatus = 'MET' | 'MISSED' | 'EXEMPT';

export interface RuleConfig {
  code: RuleCode;
  threshold: number;
  appliesTo: readonly RuleApplicability[];
}

/** What the read contracts say about one organization for the period. */
export interface OrganizationMeasure {
  organizationId: string;
  kind: OrganizationKind;
  parentId: string | null;
  parentKind: OrganizationKind | null;
  active: boolean;
  registeredAt: Date;
  /** The rule's measure: distinct materials placed, publications, pages with both widgets, materials supplied. */
  actual: number;
  /** Official pages (FEEDBACK_WIDGET requires the widget on every one). */
  pages: number;
}

export interface Evaluation {
  organizationId: string;
  kind: OrganizationKind;
  parentId: string | null;
  municipalityId: string | null;
  severity: Severity;
  decreeItem: string;
  required: number;
  actual: number;
  status: ComplianceStatus;
  consecutiveMisses: number;
  exemptionId: string | null;
}

/**
 * The norm an organization is held to in the period. For the widget rule it is every page
 * (decree 3.2), and an organization with no page at all still owes one: having no page is the
 * problem to escalate.
 */
export function requiredFor(rule: RuleConfig, measure: Pick<OrganizationMeasure, 'pages'>): number {
  return rule.code === 'FEEDBACK_WIDGET' ? Math.max(measure.pages, rule.threshold) : rule.threshold;
}

/**
 * Decree 3.3 is about the pages of an executive body and of its subordinate organizations: a
 * publication reported by a subordinate counts for its body as well as for itself.
 */
export function countSubordinatesForBodies(organizations: readonly OrganizationMeasure[]): OrganizationMeasure[] {
  const fromSubordinates = new Map<string, number>();
  for (const org of organizations) {
    if (org.parentId && org.parentKind === 'EXECUTIVE_BODY')
      fromSubordinates.set(org.parentId, (fromSubordinates.get(org.parentId) ?? 0) + org.actual);
  }
  return organizations.map((org) =>
    fromSubordinates.has(org.organizationId) ? { ...org, actual: org.actual + fromSubordinates.get(org.organizationId)! } : org,
  );
}

/**
 * The run of misses ending at the latest period, oldest first. An exempt period neither extends
 * nor breaks the run; a met period ends it.
 */
export function consecutiveMisses(history: readonly ComplianceStatus[]): number {
  let run = 0;
  for (const status of history) {
    if (status === 'MET') run = 0;
    else if (status === 'MISSED') run += 1;
  }
  return run;
}

/**
 * Evaluates one rule for one period. Pure: everything it needs is passed in.
 *  - only organizations the rule applies to, active, and registered before the period began
 *    (evaluation starts with the first full period after registration);
 *  - `previousMisses`: each organization's consecutive misses at the previous period.
 */
export function evaluate(input: {
  rule: RuleConfig;
  period: Period;
  organizations: readonly OrganizationMeasure[];
  exemptions: ReadonlyMap<string, string>;
  previousMisses: ReadonlyMap<string, number>;
}): Evaluation[] {
  const { rule, period } = input;
  const results: Evaluation[] = [];
  for (const org of input.organizations) {
    if (!org.active || org.registeredAt > period.start) continue;
    const footing = footingFor(rule.appliesTo, { kind: org.kind, parentKind: org.parentKind });
    if (!footing) continue;
    const required = requiredFor(rule, org);
    const exemptionId = input.exemptions.get(org.organizationId) ?? null;
    const status: ComplianceStatus = org.actual >= required ? 'MET' : exemptionId ? 'EXEMPT' : 'MISSED';
    const previous = input.previousMisses.get(org.organizationId) ?? 0;
    results.push({
      organizationId: org.organizationId,
      kind: org.kind,
      parentId: org.parentId,
      municipalityId: org.kind === 'MUNICIPALITY' ? org.organizationId : org.parentKind === 'MUNICIPALITY' ? org.parentId : null,
      severity: footing.severity,
      decreeItem: footing.decreeItem,
      required,
      actual: org.actual,
      status,
      consecutiveMisses: status === 'MET' ? 0 : status === 'MISSED' ? previous + 1 : previous,
      exemptionId: status === 'EXEMPT' ? exemptionId : null,
    });
  }
  return results;
}

export function tally(results: readonly Evaluation[]) {
  return {
    evaluated: results.length,
    met: results.filter((r) => r.status === 'MET').length,
    missed: results.filter((r) => r.status === 'MISSED').length,
    exempt: results.filter((r) => r.status === 'EXEMPT').length,
  };
}
