import type { EntityManager } from '@mikro-orm/postgresql';
import { runSqlBound, type Period, type RuleCode } from '@hub/common';
import type { Evaluation } from '../domain/evaluate.js';
import { addressesFor, escalationFor } from '../domain/ladder.js';
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
export async function escalate(tx: EntityManager, evaluations: readonly Evaluation[], ctx: EscalationContext): Promise<{ escalations: number; resolved: number }> {
  const daily = ctx.period.kind === 'DAY';
  const cleared = evaluations.filter((e) => e.status !== 'MISSED').map((e) => e.organizationId);
  const { rowCount: resolved } = cleared.length
    ? await runSqlBound(
      tx,
      `update compliance.escalation set resolved_at = ?
       where rule = ? and organization_id = any(?::uuid[]) and resolved_at is null
         and ${daily ? 'period <= ?' : 'period = ?'}`,
      [ctx.now, ctx.rule, cleared, ctx.period.label],
    )
    : { rowCount: 0 };

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
  const rows = missed.map((m) => {
    const organization = people.get(m.evaluation.organizationId);
    const parent = m.evaluation.parentId ? people.get(m.evaluation.parentId) ?? null : null;
    const addresses = organization
      ? addressesFor(m.roles, { organization, kind: m.evaluation.kind, parent, cur, committee, contentCenter })
      : [];
    return {
      organization_id: m.evaluation.organizationId, rule: ctx.rule, period: ctx.period.label, level: m.level,
      consecutive_misses: m.evaluation.consecutiveMisses, recipients: addresses.map((a) => a.email), addressees: addresses,
      severity: m.evaluation.severity, decree_item: m.evaluation.decreeItem, run_id: ctx.runId, created_at: ctx.now,
    };
  });
  const { rowCount } = await runSqlBound(
    tx,
    `insert into compliance.escalation (organization_id, rule, period, level, consecutive_misses, recipients, addressees, severity, decree_item, run_id, created_at)
     select * from json_to_recordset(?::json) as e(organization_id uuid, rule text, period text, level int, consecutive_misses int,
       recipients text[], addressees jsonb, severity text, decree_item text, run_id uuid, created_at timestamptz)
     where not (? and exists (
       select 1 from compliance.escalation x where x.organization_id = e.organization_id and x.rule = e.rule and x.level = e.level
         and x.resolved_at is null))
     on conflict (organization_id, rule, period, level) do update
       set resolved_at = null, resolution_told_at = null, notified_at = null, run_id = excluded.run_id, created_at = excluded.created_at,
           consecutive_misses = excluded.consecutive_misses, recipients = excluded.recipients, addressees = excluded.addressees
       where compliance.escalation.resolved_at is not null`,
    [JSON.stringify(rows), daily],
  );
  return { escalations: rowCount, resolved };
}
