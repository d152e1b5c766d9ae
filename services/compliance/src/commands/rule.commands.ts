import { z } from 'zod';
import { parseInput, requireRole, runSql, RULE_CODES } from '@hub/common';
import type { ComplianceContext } from '../context.js';
import { ComplianceRuleEntity, type ComplianceRule } from '../entities/compliance-rule.entity.js';

const isZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const updateInput = z.object({
  threshold: z.number().int().min(0, 'must not be negative').max(1000).nullish(),
  enabled: z.boolean().nullish(),
  deadline: z.iso.date('must be a date YYYY-MM-DD').nullish(),
  timezone: z.string().refine(isZone, 'is not an IANA time zone').nullish(),
});

const snapshot = (rule: ComplianceRule) => ({
  threshold: rule.threshold, enabled: rule.enabled, deadline: rule.deadline ?? null, timezone: rule.timezone ?? null,
});

/** The committee edits the decree's defaults; every change is kept with who made it. */
export async function updateComplianceRule(ctx: ComplianceContext, code: string, raw: unknown): Promise<ComplianceRule> {
  requireRole(ctx.auth, 'ADMIN');
  const rule = await ctx.em.findOneOrFail(ComplianceRuleEntity, { code: z.enum(RULE_CODES).parse(code) });
  const input = parseInput(updateInput, raw);
  const before = snapshot(rule);
  if (input.threshold !== undefined && input.threshold !== null) rule.threshold = input.threshold;
  if (input.enabled !== undefined && input.enabled !== null) rule.enabled = input.enabled;
  if (input.deadline !== undefined) rule.deadline = input.deadline ?? null;
  if (input.timezone !== undefined) rule.timezone = input.timezone ?? null;
  rule.updatedBy = ctx.auth.sub;
  rule.updatedAt = ctx.clock();
  // The change and its record commit together.
  await ctx.em.begin();
  try {
    await ctx.em.flush();
    await runSql(
      ctx.em,
      'insert into compliance.rule_change (rule, changed_by, changed_at, before, after) values (?, ?, ?, ?, ?)',
      [rule.code, ctx.auth.sub, ctx.clock(), JSON.stringify(before), JSON.stringify(snapshot(rule))],
      'run',
    );
    await ctx.em.commit();
  } catch (err) {
    await ctx.em.rollback();
    throw err;
  }
  return rule;
}
