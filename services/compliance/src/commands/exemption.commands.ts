import { z } from 'zod';
import {
  HubError,
  badInput,
  freeText,
  notFound,
  parseInput,
  parsePeriod,
  requireRole,
  shiftPeriod,
  RULE_CODES,
  isUuid,
  type Period,
} from '@hub/common';
import type { ComplianceContext } from '../context.js';
import { ExemptionEntity, type Exemption } from '../entities/exemption.entity.js';
import { ruleInForce } from '../data/rules.repo.js';
import { isEvaluated } from '../data/results.repo.js';
import { isRegistered } from '../data/directory.repo.js';
import { runComplianceCheck, ruleTimeZone } from '../engine/run-check.js';

const grantInput = z.object({
  organizationId: z.uuid('is not a valid id'),
  rule: z.enum(RULE_CODES),
  period: z.string(),
  reason: freeText(2000, { min: 3, minMessage: 'say why (at least 3 characters)' }),
  expiresAt: z.date().nullish(),
});

/** Re-evaluates a period that was evaluated already, so the exemption shows at once. */
async function refreshIfEvaluated(ctx: ComplianceContext, rule: Exemption['rule'], period: string): Promise<void> {
  if (await isEvaluated(ctx.em, rule, period))
    await runComplianceCheck(ctx.engine, { rule, period, trigger: 'MANUAL', actor: ctx.auth.sub });
}

export async function grantExemption(ctx: ComplianceContext, raw: unknown): Promise<Exemption> {
  requireRole(ctx.auth, 'ADMIN');
  const input = parseInput(grantInput, raw);
  const rule = (await ruleInForce(ctx.em, input.rule, ctx.clock()))!;
  const period = parsePeriod(input.period, ruleTimeZone(rule, ctx.timezone), { field: 'period', kinds: [rule.periodKind] });
  if (input.expiresAt && input.expiresAt <= ctx.clock()) throw badInput('expiresAt', 'expiresAt: is already past');
  if (!(await isRegistered(ctx.em, input.organizationId))) throw notFound('Organization', input.organizationId, 'organizationId');
  const existing = await ctx.em.findOne(ExemptionEntity, {
    organizationId: input.organizationId,
    rule: input.rule,
    period: period.label,
    revokedAt: null,
  });
  if (existing) throw new HubError('CONFLICT', `An exemption for ${input.rule} in ${period.label} already exists`, { id: existing.id });
  const exemption = ctx.em.create(ExemptionEntity, {
    organizationId: input.organizationId,
    rule: input.rule,
    period: period.label,
    reason: input.reason,
    expiresAt: input.expiresAt ?? null,
    grantedBy: ctx.auth.sub,
    grantedAt: ctx.clock(),
  });
  await ctx.em.flush();
  await refreshIfEvaluated(ctx, exemption.rule, exemption.period);
  return exemption;
}

const rangeInput = grantInput.omit({ period: true }).extend({ from: z.string(), until: z.string() });

/** A year of weeks: a longer absence is not an exemption but a change to the registry. */
export const MAX_EXEMPTION_PERIODS = 53;

/** The periods from `from` to `until`, both included, oldest first. */
function periodsBetween(from: Period, until: Period, timeZone: string): Period[] {
  if (until.start < from.start) throw badInput('until', 'until: is before from');
  const periods = [from];
  while (periods.at(-1)!.label !== until.label) {
    if (periods.length === MAX_EXEMPTION_PERIODS) throw badInput('until', `until: at most ${MAX_EXEMPTION_PERIODS} periods at once`);
    periods.push(shiftPeriod(periods.at(-1)!, 1, timeZone));
  }
  return periods;
}

/**
 * grantExemptions: one exemption for each period of a range (a leave, a reorganisation), all or
 * none: a period that already has one refuses the whole range (CONFLICT naming it).
 */
export async function grantExemptions(ctx: ComplianceContext, raw: unknown): Promise<Exemption[]> {
  requireRole(ctx.auth, 'ADMIN');
  const input = parseInput(rangeInput, raw);
  const rule = (await ruleInForce(ctx.em, input.rule, ctx.clock()))!;
  const timeZone = ruleTimeZone(rule, ctx.timezone);
  const from = parsePeriod(input.from, timeZone, { field: 'from', kinds: [rule.periodKind] });
  const until = parsePeriod(input.until, timeZone, { field: 'until', kinds: [rule.periodKind] });
  const periods = periodsBetween(from, until, timeZone).map((p) => p.label);
  if (input.expiresAt && input.expiresAt <= ctx.clock()) throw badInput('expiresAt', 'expiresAt: is already past');
  if (!(await isRegistered(ctx.em, input.organizationId))) throw notFound('Organization', input.organizationId, 'organizationId');
  const exemptions = await ctx.em.transactional(async (em) => {
    const existing = await em.find(ExemptionEntity, {
      organizationId: input.organizationId,
      rule: input.rule,
      period: { $in: periods },
      revokedAt: null,
    });
    if (existing.length) {
      const taken = existing.map((e) => e.period).sort();
      throw new HubError('CONFLICT', `Exemptions for ${input.rule} already exist in ${taken.join(', ')}`, { id: existing[0]!.id });
    }
    return periods.map((period) =>
      em.create(ExemptionEntity, {
        organizationId: input.organizationId,
        rule: input.rule,
        period,
        reason: input.reason,
        expiresAt: input.expiresAt ?? null,
        grantedBy: ctx.auth.sub,
        grantedAt: ctx.clock(),
      }),
    );
  });
  for (const period of periods) await refreshIfEvaluated(ctx, input.rule, period);
  return exemptions;
}

export async function revokeExemption(ctx: ComplianceContext, id: string): Promise<Exemption> {
  requireRole(ctx.auth, 'ADMIN');
  const exemption = isUuid(id) ? await ctx.em.findOne(ExemptionEntity, { id }) : null;
  if (!exemption) throw notFound('Exemption', id, 'id');
  if (exemption.revokedAt) throw new HubError('CONFLICT', 'The exemption is already revoked', { id });
  exemption.revokedAt = ctx.clock();
  exemption.revokedBy = ctx.auth.sub;
  await ctx.em.flush();
  await refreshIfEvaluated(ctx, exemption.rule, exemption.period);
  return exemption;
}
