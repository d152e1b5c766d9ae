import type { RecipientRole } from './ladder.js';

export interface EscalatedMiss {
  escalationId: string;
  organizationId: string;
  organizationName: string;
  parentId: string | null;
  required: number;
  actual: number;
  consecutiveMisses: number;
  level: number;
  /** This level tells the ЦУР (shown to everyone who gets the letter). */
  toldCur: boolean;
  recipients: { role: RecipientRole; email: string }[];
}

export interface Digest {
  to: string;
  items: EscalatedMiss[];
}

/**
 * One letter per recipient per run, listing every organization that concerns them (DESIGN:
 * digests, never one e-mail per violation). With `suppressWhenParentTold`, an organization's own
 * head is left out when its parent's head hears of it in the same run.
 */
export function buildDigests(misses: readonly EscalatedMiss[], options: { suppressWhenParentTold: boolean }): Digest[] {
  const byRecipient = new Map<string, EscalatedMiss[]>();
  for (const miss of misses) {
    const parentHeadTold = miss.recipients.some((r) => r.role === 'PARENT_HEAD');
    for (const recipient of miss.recipients) {
      if (options.suppressWhenParentTold && recipient.role === 'HEAD' && parentHeadTold) continue;
      byRecipient.set(recipient.email, [...(byRecipient.get(recipient.email) ?? []), miss]);
    }
  }
  return [...byRecipient.entries()]
    .map(([to, items]) => ({
      to,
      items: [...items].sort((a, b) => b.consecutiveMisses - a.consecutiveMisses || a.organizationName.localeCompare(b.organizationName, 'ru')),
    }))
    .sort((a, b) => a.to.localeCompare(b.to));
}
