import type { OrganizationKind } from '@hub/common';

export type Severity = 'MANDATORY' | 'RECOMMENDED';

export interface RuleApplicability {
  kind: OrganizationKind;
  /** For a SUBORDINATE: the kind of its parent; null matches any parent. */
  parentKind: OrganizationKind | null;
  severity: Severity;
}

/**
 * The severity a rule has for an organization, or null when it does not apply. A subordinate
 * inherits its parent's footing: mandatory under an executive body (decree 3.1), recommended
 * under a municipality (decree 4).
 */
export function severityFor(
  appliesTo: readonly RuleApplicability[],
  org: { kind: OrganizationKind; parentKind: OrganizationKind | null },
): Severity | null {
  const match = appliesTo.find((a) => a.kind === org.kind && (a.parentKind === null || a.parentKind === org.parentKind));
  return match?.severity ?? null;
}
