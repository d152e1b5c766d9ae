import { russianOrder, type RuleCode } from '@hub/common';
import type { Severity } from './applicability.js';
import type { Address, RecipientRole } from './ladder.js';

export interface EscalatedMiss {
  escalationId: string;
  organizationId: string;
  organizationName: string;
  parentId: string | null;
  rule: RuleCode;
  period: string;
  periodStart: Date;
  severity: Severity;
  decreeItem: string;
  required: number;
  actual: number;
  consecutiveMisses: number;
  level: number;
  /** This level tells the ЦУР (shown to everyone who gets the letter). */
  toldCur: boolean;
  addresses: Address[];
}

/** An escalation closed since it was told: a late report turned its verdict to MET. */
export interface ResolvedEscalation {
  escalationId: string;
  organizationId: string;
  organizationName: string;
  rule: RuleCode;
  period: string;
  /** The addresses that were told of the miss. */
  recipients: string[];
  /** The period's verdict now: MET after a late or corrected report, EXEMPT after an exemption, null when the organization is no longer checked. */
  nowStatus: 'MET' | 'EXEMPT' | null;
}

/** A miss as one recipient sees it: with the roles that recipient has for it. */
export interface DigestItem extends EscalatedMiss {
  roles: RecipientRole[];
}

export interface Digest {
  to: string;
  cc: string[];
  items: DigestItem[];
  resolved: ResolvedEscalation[];
}

/**
 * One letter per recipient per run or catch-up, listing every organization and period that
 * concerns them (docs/DESIGN.md, "Letters"): never one e-mail per violation or per past week.
 * With `suppressWhenParentTold`, an organization's own head is left out when its parent's head
 * hears of it in the same letter run. An address marked as a copy rides on its letter's Cc. A
 * resolved escalation is one line in the next letter to the people who were told of it.
 */
export function buildDigests(
  misses: readonly EscalatedMiss[],
  resolved: readonly ResolvedEscalation[],
  options: { suppressWhenParentTold: boolean },
): Digest[] {
  const items = new Map<string, Map<string, DigestItem>>();
  const copies = new Map<string, Set<string>>();
  for (const miss of misses) {
    const parentHeadTold = miss.addresses.some((a) => a.role === 'PARENT_HEAD');
    for (const address of miss.addresses) {
      if (address.copyOf) {
        copies.set(address.copyOf, (copies.get(address.copyOf) ?? new Set()).add(address.email));
        continue;
      }
      if (options.suppressWhenParentTold && address.role === 'HEAD' && parentHeadTold) continue;
      const mine = items.get(address.email) ?? new Map<string, DigestItem>();
      const item = mine.get(miss.escalationId);
      if (item) item.roles.push(address.role);
      else mine.set(miss.escalationId, { ...miss, roles: [address.role] });
      items.set(address.email, mine);
    }
  }
  return [...items.entries()]
    .map(([to, mine]) => ({
      to,
      cc: [...(copies.get(to) ?? [])].filter((cc) => cc !== to).sort(),
      items: [...mine.values()].sort(
        (a, b) =>
          a.rule.localeCompare(b.rule) ||
          b.periodStart.getTime() - a.periodStart.getTime() ||
          b.consecutiveMisses - a.consecutiveMisses ||
          russianOrder(a.organizationName, b.organizationName),
      ),
      resolved: resolved.filter((r) => r.recipients.includes(to)),
    }))
    .sort((a, b) => a.to.localeCompare(b.to));
}

/** A page posting nothing for SILENT_PAGE_DAYS or more although the hub read it (monitoring.page_health). */
export interface SilentPage {
  organizationId: string;
  url: string;
  /** Its newest post the hub saw; null when it saw none. */
  lastPostAt: Date | null;
}

/** Days without a post after which a letter names a page the hub reads. */
export const SILENT_PAGE_DAYS = 14;

/** What the recipient answers for in an organization: its own head, its parent's head or press contact. */
const ANSWERS_FOR: ReadonlySet<RecipientRole> = new Set(['HEAD', 'PARENT_HEAD', 'PARENT_CONTACT', 'RESPONSIBLE_HEAD']);

/**
 * The silent pages a digest names: those of the organizations the recipient answers for in it (the
 * ЦУР, the committee and the content center hear of them elsewhere), longest silent first, then
 * by organization and address.
 */
export function silentPagesOf(digest: Digest, pages: ReadonlyMap<string, readonly SilentPage[]>): SilentPage[] {
  const organizations = new Set(
    digest.items
      .filter((item) => item.rule !== 'CONTENT_CENTER_WEEKLY_SUPPLY' && item.roles.some((role) => ANSWERS_FOR.has(role)))
      .map((item) => item.organizationId),
  );
  const since = (page: SilentPage) => page.lastPostAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  return [...organizations]
    .flatMap((id) => pages.get(id) ?? [])
    .sort((a, b) => since(a) - since(b) || a.organizationId.localeCompare(b.organizationId) || a.url.localeCompare(b.url));
}

/** A placement the hub's monitoring withdrew: its post not on its page, or placing something else, on two crawls. */
export interface DisprovedPlacement {
  organizationId: string;
  url: string;
  /** The material's title as the organization received it; null when it was not (or no longer) received. */
  title: string | null;
  /** Why, in the words monitoring gave (organizations.placement_directory.withdrawal_reason). */
  reason: string;
}

/** The key of an (organization, period) in a map of what happened in it: "organizationId|period label". */
export const periodKey = (organizationId: string, period: string) => `${organizationId}|${period}`;

/**
 * The disproved placements behind the digest's missed weeks (WEEKLY_PLACEMENTS items), in the
 * digest's order: what stopped counting and why, so a head is not left to wonder why the count
 * is lower than the officer said.
 */
export function disprovedOf(digest: Digest, disproved: ReadonlyMap<string, readonly DisprovedPlacement[]>): DisprovedPlacement[] {
  return digest.items
    .filter((item) => item.rule === 'WEEKLY_PLACEMENTS')
    .flatMap((item) => disproved.get(periodKey(item.organizationId, item.period)) ?? []);
}
