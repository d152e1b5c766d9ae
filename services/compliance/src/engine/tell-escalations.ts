import type { EntityManager } from '@mikro-orm/postgresql';
import { parsePeriod, periodContaining, runSqlBound, shiftPeriod, type PeriodKind, type RuleCode } from '@hub/common';
import { buildDigests, type EscalatedMiss, type ResolvedEscalation } from '../domain/digests.js';
import type { Address } from '../domain/ladder.js';
import type { Severity } from '../domain/applicability.js';
import { renderDigestLetter } from '../mail/letters.js';
import { addressees, openMaterials } from '../data/mail-directory.repo.js';
import { queueLetters } from '../data/outbox.repo.js';
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

interface UntoldRow {
  id: string; organization_id: string; rule: RuleCode; period: string; level: number; consecutive_misses: number;
  addressees: Address[]; severity: Severity; decree_item: string; required: number | null; actual: number | null;
  parent_id: string | null; period_kind: PeriodKind;
}

interface ResolvedRow { id: string; organization_id: string; rule: RuleCode; period: string; recipients: string[]; now_status: 'MET' | 'EXEMPT' | null }

/**
 * Writes the letters for escalations not told yet: one digest per recipient for all of them
 * (every rule and period of a run or a whole catch-up), with the resolutions not told yet as one
 * line each in the letters to those who heard of the miss. The escalations are marked told in
 * the same transaction as the letters enter the outbox, so nothing is told twice or lost; one
 * writer at a time (an advisory lock), so two workers never split or double a digest.
 */
export async function tellEscalations(tx: EntityManager, ctx: TellContext): Promise<{ letters: number; told: number }> {
  await runSqlBound(tx, 'select pg_advisory_xact_lock(hashtext(?))', ['compliance:tell-escalations']);
  const only = ctx.runIds ? [...ctx.runIds] : null;
  const { rows: untold } = await runSqlBound<UntoldRow>(
    tx,
    `select e.id, e.organization_id, e.rule, e.period, e.level, e.consecutive_misses, e.addressees, e.severity, e.decree_item,
            r.required, r.actual, r.parent_id, cr.period_kind
     from compliance.escalation e
     join compliance.compliance_rule cr on cr.code = e.rule
     left join compliance.compliance_result r on r.organization_id = e.organization_id and r.rule = e.rule and r.period = e.period
     where e.notified_at is null and e.resolved_at is null and (?::uuid[] is null or e.run_id = any(?::uuid[]))
     order by e.created_at`,
    [only, only],
  );
  const { rows: resolved } = await runSqlBound<ResolvedRow>(
    tx,
    `select e.id, e.organization_id, e.rule, e.period, e.recipients, nullif(r.status, 'MISSED') as now_status
     from compliance.escalation e
     left join compliance.compliance_result r on r.organization_id = e.organization_id and r.rule = e.rule and r.period = e.period
     where e.resolved_at is not null and e.resolution_told_at is null and e.notified_at is not null`,
    [],
  );
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
    escalationId: r.id, organizationId: r.organization_id, organizationName: nameOf(r.organization_id), rule: r.rule, period: r.period, recipients: r.recipients,
    nowStatus: r.now_status,
  }));
  const digests = buildDigests(misses, resolutions, { suppressWhenParentTold: policy.suppressWhenParentTold });
  const committee = [...people.values()].find((p) => p.kind === 'COMMITTEE');
  const rules = new Map((await rulesInForce(tx, ctx.now)).map((r) => [r.code, r]));
  const kinds = new Map(untold.map((e) => [e.rule, e.period_kind]));
  const current = new Map([...kinds].map(([rule, kind]) => {
    const now = periodContaining(kind, ctx.now, ctx.timeZone);
    return [rule, kind === 'DAY' ? now : shiftPeriod(now, -1, ctx.timeZone)];
  }));
  const letterContext = {
    now: ctx.now,
    timeZone: ctx.timeZone,
    publicUrl: ctx.publicUrl,
    committeeEmail: committee?.contactEmail ?? committee?.headEmail ?? null,
    currentPeriod: (rule: RuleCode) => current.get(rule)!,
    threshold: (rule: RuleCode) => rules.get(rule)?.threshold ?? 0,
    openMaterials: await openMaterials(tx, misses.map((m) => m.organizationId), ctx.now),
  };
  const batch = `${ctx.now.toISOString()}:${untold[0]!.id}`;
  let letters = 0;
  // Rendered and stored a batch at a time: the country's 17,000 letters at once held 850 MB (bench weekly-check, nation).
  for (let i = 0; i < digests.length; i += LETTERS_PER_STATEMENT) {
    letters += await queueLetters(tx, digests.slice(i, i + LETTERS_PER_STATEMENT).map((digest) => ({
      kind: 'ESCALATION_DIGEST',
      dedupKey: `escalation:${batch}:${digest.to}`,
      ...renderDigestLetter(digest, letterContext),
      escalationIds: digest.items.map((item) => item.escalationId),
    })), ctx.now);
  }
  const toldResolutions = resolutions.filter((r) => digests.some((d) => d.resolved.includes(r))).map((r) => r.escalationId);
  await runSqlBound(tx, 'update compliance.escalation set notified_at = ? where id = any(?::uuid[])', [ctx.now, untold.map((e) => e.id)]);
  if (toldResolutions.length) {
    await runSqlBound(tx, 'update compliance.escalation set resolution_told_at = ? where id = any(?::uuid[])', [ctx.now, toldResolutions]);
  }
  return { letters, told: untold.length };
}
