import type { OrganizationKind } from '@hub/common';

export type Severity = 'MANDATORY' | 'RECOMMENDED';

/** One audience of a rule: organizations of a kind, how strongly the decree binds them and by which item. */
export interface RuleApplicability {
  kind: OrganizationKind;
  /** For a SUBORDINATE: the kind of its parent; null matches any parent. */
  parentKind: OrganizationKind | null;
  severity: Severity;
  /** The decree item it rests on, e.g. 3.1 for an executive body, 4 for a municipality. */
  decreeItem: string;
}

export interface Footing {
  severity: Severity;
  decreeItem: string;
}

/**
 * The footing a rule has for an organization, or null when it does not apply. A subordinate
 * inherits its parent's: mandatory under an executive body (decree 3.1), recommended under a
 * municipality (decree 4).
 */
export function footingFor(
  appliesTo: readonly RuleApplicability[],
  org: { kind: OrganizationKind; parentKind: OrganizationKind | null },
): Footing | null {
  const match = appliesTo.find((a) => a.kind === org.kind && (a.parentKind === null || a.parentKind === org.parentKind));
  return match ? { severity: match.severity, decreeItem: match.decreeItem } : null;
}

export function severityFor(
  appliesTo: readonly RuleApplicability[],
  org: { kind: OrganizationKind; parentKind: OrganizationKind | null },
): Severity | null {
  return footingFor(appliesTo, org)?.severity ?? null;
}
