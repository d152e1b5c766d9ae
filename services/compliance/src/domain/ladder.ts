import type { OrganizationKind } from '@hub/common';
import type { Severity } from './applicability.js';

/** Who a level of the ladder writes to, relative to the organization that missed. */
export type RecipientRole = 'HEAD' | 'PARENT_CONTACT' | 'PARENT_HEAD' | 'CUR' | 'COMMITTEE';

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
  /** The content center's own miss goes to these (DESIGN: the committee and the ЦУР). */
  contentCenterRecipients: RecipientRole[];
  /** Leave an organization's own head out when its parent's head is told about it in the same run. */
  suppressWhenParentTold: boolean;
}

export interface Miss {
  kind: OrganizationKind;
  severity: Severity;
  consecutiveMisses: number;
}

/** The highest level of the ladder this miss reaches, with the roles to write to; null below level 1. */
export function escalationFor(policy: EscalationPolicy, miss: Miss): { level: number; roles: RecipientRole[] } | null {
  let reached: LadderLevel | null = null;
  for (const level of [...policy.levels].sort((a, b) => a.level - b.level)) {
    const bodyOwnMiss = miss.kind === 'EXECUTIVE_BODY' && miss.severity === 'MANDATORY'
      && level.mandatoryBodyMinConsecutive !== undefined && miss.consecutiveMisses >= level.mandatoryBodyMinConsecutive;
    if (miss.consecutiveMisses >= level.minConsecutive || bodyOwnMiss) reached = level;
  }
  if (!reached) return null;
  return { level: reached.level, roles: miss.kind === 'CONTENT_CENTER' ? policy.contentCenterRecipients : reached.recipients };
}

export interface Contact {
  id: string;
  name: string;
  headName: string;
  headEmail: string | null;
  contactEmail: string | null;
}

/** The addresses behind the roles; a parent's responsible contact is its press contact, else its head. */
export function addressesFor(
  roles: readonly RecipientRole[],
  who: { organization: Contact; parent: Contact | null; cur: Contact | null; committee: Contact | null },
): { role: RecipientRole; email: string; contact: Contact }[] {
  const out: { role: RecipientRole; email: string; contact: Contact }[] = [];
  const add = (role: RecipientRole, contact: Contact | null, email: string | null | undefined) => {
    if (contact && email && !out.some((o) => o.email === email)) out.push({ role, email, contact });
  };
  for (const role of roles) {
    if (role === 'HEAD') add(role, who.organization, who.organization.headEmail);
    if (role === 'PARENT_CONTACT') add(role, who.parent, who.parent?.contactEmail ?? who.parent?.headEmail);
    if (role === 'PARENT_HEAD') add(role, who.parent, who.parent?.headEmail);
    if (role === 'CUR') add(role, who.cur, who.cur?.contactEmail ?? who.cur?.headEmail);
    if (role === 'COMMITTEE') add(role, who.committee, who.committee?.contactEmail ?? who.committee?.headEmail);
  }
  return out;
}
