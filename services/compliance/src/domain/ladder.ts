import type { OrganizationKind, RuleCode } from '@hub/common';
import type { Severity } from './applicability.js';

/**
 * Who a letter goes to, relative to the organization that missed: its own head, its parent's
 * head or press contact, the head who answers for it (a body's or municipality's own head, else
 * its parent's), the ЦУР, the committee, or the content center (for a recipient it shorted).
 */
export type RecipientRole = 'HEAD' | 'PARENT_CONTACT' | 'PARENT_HEAD' | 'RESPONSIBLE_HEAD' | 'CUR' | 'COMMITTEE' | 'CONTENT_CENTER';

export interface LadderLevel {
  level: number;
  /** Reached at this many consecutive misses… */
  minConsecutive: number;
  /** …or, for an executive body's own mandatory miss, at this many. */
  mandatoryBodyMinConsecutive?: number;
  recipients: RecipientRole[];
}

export interface EscalationPolicy {
  levels: LadderLevel[];
  /** A recipient short of the supply (decree 2.2) is told to these: the content center, the committee in copy. */
  contentCenterRecipients: RecipientRole[];
  /** A recommended miss (decree 4) is told to these only, and never climbs the ladder. */
  recommendedRecipients: RecipientRole[];
  /** Leave an organization's own head out when its parent's head is told about it in the same run. */
  suppressWhenParentTold: boolean;
}

export interface Miss {
  rule: RuleCode;
  kind: OrganizationKind;
  severity: Severity;
  consecutiveMisses: number;
}

/**
 * The highest level of the ladder this miss reaches, with the roles to write to; null below level 1.
 * The ladder is for mandatory misses (docs/DESIGN.md, "The escalation ladder"): a short supply
 * goes to the content center and a recommended miss to its responsible head, at level 1 always.
 */
export function escalationFor(policy: EscalationPolicy, miss: Miss): { level: number; roles: RecipientRole[] } | null {
  if (miss.consecutiveMisses < 1) return null;
  if (miss.rule === 'CONTENT_CENTER_WEEKLY_SUPPLY') return { level: 1, roles: policy.contentCenterRecipients };
  if (miss.severity === 'RECOMMENDED') return { level: 1, roles: policy.recommendedRecipients };
  let reached: LadderLevel | null = null;
  for (const level of [...policy.levels].sort((a, b) => a.level - b.level)) {
    const bodyOwnMiss =
      miss.kind === 'EXECUTIVE_BODY' &&
      miss.severity === 'MANDATORY' &&
      level.mandatoryBodyMinConsecutive !== undefined &&
      miss.consecutiveMisses >= level.mandatoryBodyMinConsecutive;
    if (miss.consecutiveMisses >= level.minConsecutive || bodyOwnMiss) reached = level;
  }
  if (!reached) return null;
  return { level: reached.level, roles: reached.recipients };
}

export interface Contact {
  id: string;
  name: string;
  headName: string;
  headEmail: string | null;
  contactEmail: string | null;
}

export interface Address {
  role: RecipientRole;
  email: string;
  /** Goes as a copy on the letter to this address rather than in a letter of its own. */
  copyOf?: string;
}

/**
 * The addresses behind the roles; a parent's responsible contact is its press contact, else its
 * head. The content center's letter goes to its head with its editors' address and the
 * committee in copy (decree 1: the committee coordinates the center).
 */
export function addressesFor(
  roles: readonly RecipientRole[],
  who: {
    organization: Contact;
    kind: OrganizationKind;
    parent: Contact | null;
    cur: Contact | null;
    committee: Contact | null;
    contentCenter: Contact | null;
  },
): Address[] {
  const out: Address[] = [];
  const add = (role: RecipientRole, email: string | null | undefined, copyOf?: string) => {
    if (email && !out.some((o) => o.email === email)) out.push({ role, email, ...(copyOf ? { copyOf } : {}) });
  };
  const center = who.contentCenter?.headEmail ?? who.contentCenter?.contactEmail ?? null;
  const responsible = who.kind === 'SUBORDINATE' ? who.parent : who.organization;
  for (const role of roles) {
    if (role === 'HEAD') add(role, who.organization.headEmail);
    if (role === 'PARENT_CONTACT') add(role, who.parent?.contactEmail ?? who.parent?.headEmail);
    if (role === 'PARENT_HEAD') add(role, who.parent?.headEmail);
    if (role === 'RESPONSIBLE_HEAD') add(role, responsible?.headEmail);
    if (role === 'CUR') add(role, who.cur?.contactEmail ?? who.cur?.headEmail);
    if (role === 'CONTENT_CENTER') {
      add(role, center);
      if (center) add(role, who.contentCenter?.contactEmail, center);
    }
    if (role === 'COMMITTEE')
      add(
        role,
        who.committee?.contactEmail ?? who.committee?.headEmail,
        roles.includes('CONTENT_CENTER') ? (center ?? undefined) : undefined,
      );
  }
  return out;
}
