// What the compliance subgraph's resolvers receive as the parent of a type that is neither one of
// its entities nor the schema's own shape (codegen.ts maps the types to these). No imports from
// src/generated: the generated types import this file.
import type { OrganizationKind, OrganizationReference, RuleCode } from '@hub/common';
import type { Severity } from '../domain/applicability.js';

/**
 * Organization is the organizations subgraph's entity: the gateway sends its key, and with
 * `applicableRules` the fields that field @requires (kind, the parent's kind).
 */
export interface OrganizationRepresentation extends OrganizationReference {
  kind?: OrganizationKind;
  parent?: { kind: OrganizationKind } | null;
}

/** ContentSupply is content's entity: its key, and `distributed` when `met` is asked (@requires). */
export interface ContentSupplyRepresentation {
  __typename?: 'ContentSupply';
  week: string;
  distributed?: number;
}

/** An escalation as resolvers/mail.ts reads it; Escalation.notifications resolves the letters. */
export interface EscalationView {
  id: string;
  level: number;
  rule: RuleCode;
  period: string;
  severity: Severity;
  decreeItem: string | null;
  resolvedAt: Date | null;
  organization: OrganizationReference;
  consecutiveMisses: number;
  recipients: string[];
  createdAt: Date;
}
