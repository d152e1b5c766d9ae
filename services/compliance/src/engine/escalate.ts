import type { EntityManager } from '@mikro-orm/postgresql';
import { runSql, runSqlBound, type Period, type RuleCode } from '@hub/common';
import type { Evaluation } from '../domain/evaluate.js';
import { addressesFor, escalationFor, type EscalationPolicy } from '../domain/ladder.js';
import { buildDigests, type EscalatedMiss } from '../domain/digests.js';
import { renderEscalationLetter } from '../mail/letters.js';
import { addressees, openMaterials } from '../data/mail-directory.repo.js';
import { queueLetters } from '../data/outbox.repo.js';

const LETTERS_PER_STATEMENT = 500;

export interface EscalationContext {
  rule: RuleCode;
  threshold: number;
  period: Period;
  timeZone: string;
  runId: string;
  now: Date;
  publicUrl: string;
}

/**
 * Escalates the run's misses by the ladder, in the run's transaction: escalations unique per
 * (organization, rule, period, level), so a re-run creates none twice and writes no letter; the
 * new ones go out as one digest per recipient, written to the outbox in the same transaction.
 * A daily rule (the widget) escalates a level once, not every day: a head would otherwise get
 * the same letter each morning.
 */
export async function escalate(tx: EntityManager, evaluations: readonly Evaluation[], ctx: EscalationContext): Promise<{ escalations: number; letters: number }> {
  const [policyRow] = await runSql<{ levels: EscalationPolicy['levels']; content_center_recipients: EscalationPolicy['contentCenterRecipients']; suppress_when_parent_told: boolean }[]>(
    tx, 'select levels, content_center_recipients, suppress_when_parent_told from compliance.escalation_policy where id = 1',
  );
  if (!policyRow) return { escalations: 0, letters: 0 };
  const policy: EscalationPolicy = {
    levels: policyRow.levels, contentCenterRecipients: policyRow.content_center_recipients, suppressWhenParentTold: policyRow.suppress_when_parent_told,
  };
  const missed = evaluations.flatMap((e) => {
    if (e.status !== 'MISSED') return [];
    const step = escalationFor(policy, { kind: e.kind, severity: e.severity, consecutiveMisses: e.consecutiveMisses });
    return step ? [{ evaluation: e, ...step }] : [];
  });
  if (!missed.length) return { escalations: 0, letters: 0 };

  const ids = [...new Set(missed.flatMap((m) => [m.evaluation.organizationId, m.evaluation.parentId].filter((x): x is string => !!x)))];
  const people = await addressees(tx, ids);
  const cur = [...people.values()].find((p) => p.kind === 'REGIONAL_MANAGEMENT_CENTER') ?? null;
  const committee = [...people.values()].find((p) => p.kind === 'COMMITTEE') ?? null;

  const candidates = missed.map((m) => {
    const organization = people.get(m.evaluation.organizationId);
    const parent = m.evaluation.parentId ? people.get(m.evaluation.parentId) ?? null : null;
    const recipients = organization ? addressesFor(m.roles, { organization, parent, cur, committee }) : [];
    return { ...m, organization, recipients };
  });
  const { rows: inserted } = await runSqlBound<{ id: string; organization_id: string }>(
    tx,
    `insert into compliance.escalation (organization_id, rule, period, level, consecutive_misses, recipients, run_id, created_at)
     select * from json_to_recordset(?::json) as e(organization_id uuid, rule text, period text, level int, consecutive_misses int, recipients text[], run_id uuid, created_at timestamptz)
     where not (? and exists (
       select 1 from compliance.escalation x where x.organization_id = e.organization_id and x.rule = e.rule and x.level = e.level))
     on conflict (organization_id, rule, period, level) do nothing
     returning id, organization_id`,
    [JSON.stringify(candidates.map((c) => ({
      organization_id: c.evaluation.organizationId, rule: ctx.rule, period: ctx.period.label, level: c.level,
      consecutive_misses: c.evaluation.consecutiveMisses, recipients: c.recipients.map((r) => r.email), run_id: ctx.runId, created_at: ctx.now,
    }))), ctx.period.kind === 'DAY'],
  );
  if (!inserted.length) return { escalations: 0, letters: 0 };

  const created = new Map(inserted.map((r) => [r.organization_id, r.id]));
  const misses: EscalatedMiss[] = candidates
    .filter((c) => created.has(c.evaluation.organizationId))
    .map((c) => ({
      escalationId: created.get(c.evaluation.organizationId)!,
      organizationId: c.evaluation.organizationId,
      organizationName: c.organization?.name ?? c.evaluation.organizationId,
      parentId: c.evaluation.parentId,
      required: c.evaluation.required,
      actual: c.evaluation.actual,
      consecutiveMisses: c.evaluation.consecutiveMisses,
      level: c.level,
      toldCur: c.roles.includes('CUR'),
      recipients: c.recipients.map(({ role, email }) => ({ role, email })),
    }));
  const digests = buildDigests(misses, { suppressWhenParentTold: policy.suppressWhenParentTold });
  const open = await openMaterials(tx, misses.map((m) => m.organizationId), ctx.now);
  const letterContext = {
    rule: ctx.rule, threshold: ctx.threshold, period: ctx.period, timeZone: ctx.timeZone, publicUrl: ctx.publicUrl,
    committeeEmail: committee?.contactEmail ?? committee?.headEmail ?? null, openMaterials: open,
  };
  // Rendered and stored a batch at a time: the country's 17,000 letters at once held 850 MB (bench weekly-check, nation).
  for (let i = 0; i < digests.length; i += LETTERS_PER_STATEMENT) {
    await queueLetters(tx, digests.slice(i, i + LETTERS_PER_STATEMENT).map((digest) => ({
      kind: 'ESCALATION_DIGEST',
      dedupKey: `escalation:${ctx.rule}:${ctx.period.label}:${ctx.runId}:${digest.to}`,
      ...renderEscalationLetter(digest, letterContext),
      escalationIds: digest.items.map((item) => item.escalationId),
    })), ctx.now);
  }
  return { escalations: inserted.length, letters: digests.length };
}
