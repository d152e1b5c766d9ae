import type { EntityManager } from '@mikro-orm/postgresql';
import { parsePeriod, periodContaining, shiftPeriod, type RuleCode } from '@hub/common';
import { buildDigests, type EscalatedMiss, type ResolvedEscalation } from '../domain/digests.js';
import { renderDigestLetter } from '../mail/letters.js';
import { markEscalationsTold, markResolutionsTold, untoldEscalations, untoldResolutions } from '../data/escalations.repo.js';
import { lockUntilCommit } from '../data/locks.repo.js';
import { disprovedPlacements } from '../data/disproved.repo.js';
import { addressees, openMaterials } from '../data/mail-directory.repo.js';
import { queueLetters } from '../data/outbox.repo.js';
import { silentPages } from '../data/page-health.repo.js';
import { loadPolicy } from '../data/policy.repo.js';
import { rulesInForce } from '../data/rules.repo.js';

const LETTERS_PER_STATEMENT = 500;

export interface TellContext {
  now: Date;
  timeZone: string;
  publicUrl: string;
  /** Only these runs' escalations (a single check); all untold ones when absent (a scheduled run or catch-up). */
  runIds?: readonly string[];
}

/**
 * Writes the letters for escalations not told yet: one digest per recipient for all of them
 * (every rule and period of a run or a whole catch-up), with the resolutions not told yet as one
 * line each in the letters to those who heard of the miss. The escalations are marked told in
 * the same transaction as the letters enter the outbox, so nothing is told twice or lost; one
 * writer at a time (an advisory lock), so two workers never split or double a digest.
 */
export async function tellEscalations(tx: EntityManager, ctx: TellContext): Promise<{ letters: number; told: number }> {
  await lockUntilCommit(tx, 'compliance:tell-escalations');
  const untold = await untoldEscalations(tx, ctx.runIds ?? null);
  const resolved = await untoldResolutions(tx);
  if (!untold.length) return { letters: 0, told: 0 };

  const policy = await loadPolicy(tx);
  const ids = [...new Set([...untold.map((e) => e.organization_id), ...resolved.map((r) => r.organization_id)])];
  const people = await addressees(tx, ids);
  const nameOf = (id: string) => people.get(id)?.name ?? id;
  const misses: EscalatedMiss[] = untold.map((e) => ({
    escalationId: e.id,
    organizationId: e.organization_id,
    organizationName: nameOf(e.organization_id),
    parentId: e.parent_id,
    rule: e.rule,
    period: e.period,
    periodStart: parsePeriod(e.period, ctx.timeZone).start,
    severity: e.severity,
    decreeItem: e.decree_item,
    required: e.required ?? 0,
    actual: e.actual ?? 0,
    consecutiveMisses: e.consecutive_misses,
    level: e.level,
    toldCur: e.addressees.some((a) => a.role === 'CUR'),
    addresses: e.addressees,
  }));
  const resolutions: ResolvedEscalation[] = resolved.map((r) => ({
    escalationId: r.id,
    organizationId: r.organization_id,
    organizationName: nameOf(r.organization_id),
    rule: r.rule,
    period: r.period,
    recipients: r.recipients,
    nowStatus: r.now_status,
  }));
  const digests = buildDigests(misses, resolutions, { suppressWhenParentTold: policy.suppressWhenParentTold });
  const committee = [...people.values()].find((p) => p.kind === 'COMMITTEE');
  const rules = new Map((await rulesInForce(tx, ctx.now)).map((r) => [r.code, r]));
  const kinds = new Map(untold.map((e) => [e.rule, e.period_kind]));
  const current = new Map(
    [...kinds].map(([rule, kind]) => {
      const now = periodContaining(kind, ctx.now, ctx.timeZone);
      return [rule, kind === 'DAY' ? now : shiftPeriod(now, -1, ctx.timeZone)];
    }),
  );
  const letterContext = {
    now: ctx.now,
    timeZone: ctx.timeZone,
    publicUrl: ctx.publicUrl,
    committeeEmail: committee?.contactEmail ?? committee?.headEmail ?? null,
    currentPeriod: (rule: RuleCode) => current.get(rule)!,
    threshold: (rule: RuleCode) => rules.get(rule)?.threshold ?? 0,
    openMaterials: await openMaterials(
      tx,
      misses.map((m) => m.organizationId),
      ctx.now,
    ),
    silentPages: await silentPages(
      tx,
      misses.map((m) => m.organizationId),
      ctx.now,
    ),
    disproved: await disprovedPlacements(
      tx,
      misses
        .filter((m) => m.rule === 'WEEKLY_PLACEMENTS')
        .map((m) => ({ organizationId: m.organizationId, period: parsePeriod(m.period, ctx.timeZone) })),
    ),
  };
  const batch = `${ctx.now.toISOString()}:${untold[0]!.id}`;
  let letters = 0;
  // Rendered and stored a batch at a time: all of the country's letters at once held too much memory (docs/PERFORMANCE.md).
  for (let i = 0; i < digests.length; i += LETTERS_PER_STATEMENT) {
    letters += await queueLetters(
      tx,
      digests.slice(i, i + LETTERS_PER_STATEMENT).map((digest) => ({
        kind: 'ESCALATION_DIGEST',
        dedupKey: `escalation:${batch}:${digest.to}`,
        ...renderDigestLetter(digest, letterContext),
        escalationIds: digest.items.map((item) => item.escalationId),
      })),
      ctx.now,
    );
  }
  const toldResolutions = resolutions.filter((r) => digests.some((d) => d.resolved.includes(r))).map((r) => r.escalationId);
  await markEscalationsTold(
    tx,
    untold.map((e) => e.id),
    ctx.now,
  );
  await markResolutionsTold(tx, toldResolutions, ctx.now);
  return { letters, told: untold.length };
}
