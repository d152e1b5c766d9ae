import type { EntityManager } from '@mikro-orm/postgresql';
import type { Period, RuleCode } from '@hub/common';
import type { Evaluation } from '../domain/evaluate.js';
import { addressesFor, escalationFor } from '../domain/ladder.js';
import { resolveEscalations, storeEscalations, type NewEscalation } from '../data/escalations.repo.js';
import { addressees } from '../data/mail-directory.repo.js';
import { loadPolicy } from '../data/policy.repo.js';

export interface EscalationContext {
  rule: RuleCode;
  period: Period;
  runId: string;
  now: Date;
}

/**
 * Records the run's escalations, in the run's transaction (docs/DESIGN.md, "The escalation
 * ladder"): unique per (organization, rule, period, level), so a re-run with the same verdicts
 * creates none and nothing is told twice. Each remembers its severity, decree item and addresses;
 * the letters are composed from the untold ones after the run (engine/tell-escalations.ts). A verdict
 * that is no longer a miss resolves the period's open escalations, and a miss again reopens them.
 * A daily rule (the widget) escalates a level once, not every day.
 */
export async function escalate(
  tx: EntityManager,
  evaluations: readonly Evaluation[],
  ctx: EscalationContext,
): Promise<{ escalations: number; resolved: number }> {
  const daily = ctx.period.kind === 'DAY';
  const cleared = evaluations.filter((e) => e.status !== 'MISSED').map((e) => e.organizationId);
  const resolved = await resolveEscalations(
    tx,
    { rule: ctx.rule, organizationIds: cleared, period: ctx.period.label, upToPeriod: daily },
    ctx.now,
  );

  const policy = await loadPolicy(tx);
  const missed = evaluations.flatMap((e) => {
    if (e.status !== 'MISSED') return [];
    const step = escalationFor(policy, { rule: ctx.rule, kind: e.kind, severity: e.severity, consecutiveMisses: e.consecutiveMisses });
    return step ? [{ evaluation: e, ...step }] : [];
  });
  if (!missed.length) return { escalations: 0, resolved };

  const ids = [...new Set(missed.flatMap((m) => [m.evaluation.organizationId, m.evaluation.parentId].filter((x): x is string => !!x)))];
  const people = await addressees(tx, ids);
  const coordinator = (kind: string) => [...people.values()].find((p) => p.kind === kind) ?? null;
  const cur = coordinator('REGIONAL_MANAGEMENT_CENTER');
  const committee = coordinator('COMMITTEE');
  const contentCenter = coordinator('CONTENT_CENTER');
  const rows = missed.map((m): NewEscalation => {
    const organization = people.get(m.evaluation.organizationId);
    const parent = m.evaluation.parentId ? (people.get(m.evaluation.parentId) ?? null) : null;
    const addresses = organization
      ? addressesFor(m.roles, { organization, kind: m.evaluation.kind, parent, cur, committee, contentCenter })
      : [];
    return {
      organization_id: m.evaluation.organizationId,
      rule: ctx.rule,
      period: ctx.period.label,
      level: m.level,
      consecutive_misses: m.evaluation.consecutiveMisses,
      recipients: addresses.map((a) => a.email),
      addressees: addresses,
      severity: m.evaluation.severity,
      decree_item: m.evaluation.decreeItem,
      run_id: ctx.runId,
      created_at: ctx.now,
    };
  });
  return { escalations: await storeEscalations(tx, rows, daily), resolved };
}
