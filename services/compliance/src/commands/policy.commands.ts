import { z } from 'zod';
import { badInput, parseInput, requireRole, runSql } from '@hub/common';
import type { ComplianceContext } from '../context.js';

const role = z.enum(['HEAD', 'PARENT_CONTACT', 'PARENT_HEAD', 'CUR', 'COMMITTEE']);
const level = z.object({
  level: z.number().int().min(1).max(10),
  minConsecutive: z.number().int().min(1, 'must be at least 1').max(100),
  mandatoryBodyMinConsecutive: z.number().int().min(1).max(100).nullish(),
  recipients: z.array(role).min(1, 'name at least one recipient'),
});
const input = z.object({
  levels: z.array(level).min(1, 'the ladder needs at least one level').max(10).nullish(),
  contentCenterRecipients: z.array(role).min(1, 'name at least one recipient').nullish(),
  suppressWhenParentTold: z.boolean().nullish(),
});

interface PolicyRow { levels: unknown; content_center_recipients: unknown; suppress_when_parent_told: boolean; updated_by: string; updated_at: string }

const toPolicy = (r: PolicyRow) => ({
  levels: r.levels, contentCenterRecipients: r.content_center_recipients, suppressWhenParentTold: r.suppress_when_parent_told,
  updatedBy: r.updated_by, updatedAt: new Date(r.updated_at),
});

export async function escalationPolicy(ctx: ComplianceContext) {
  const [row] = await runSql<PolicyRow[]>(ctx.em, 'select * from compliance.escalation_policy where id = 1');
  return toPolicy(row!);
}

export async function updateEscalationPolicy(ctx: ComplianceContext, raw: unknown) {
  requireRole(ctx.auth, 'ADMIN');
  const patch = parseInput(input, raw);
  if (patch.levels) {
    const numbers = patch.levels.map((l) => l.level);
    if (new Set(numbers).size !== numbers.length) throw badInput('levels', 'levels: each level number once');
    const ordered = [...patch.levels].sort((a, b) => a.level - b.level);
    if (ordered.some((l, i) => i > 0 && l.minConsecutive < ordered[i - 1]!.minConsecutive)) {
      throw badInput('levels', 'levels: a higher level cannot need fewer consecutive misses');
    }
  }
  const [row] = await runSql<PolicyRow[]>(
    ctx.em,
    `update compliance.escalation_policy set
       levels = coalesce(?::jsonb, levels),
       content_center_recipients = coalesce(?::jsonb, content_center_recipients),
       suppress_when_parent_told = coalesce(?, suppress_when_parent_told),
       updated_by = ?, updated_at = ?
     where id = 1 returning *`,
    [
      patch.levels ? JSON.stringify(patch.levels.map((l) => ({ ...l, mandatoryBodyMinConsecutive: l.mandatoryBodyMinConsecutive ?? undefined }))) : null,
      patch.contentCenterRecipients ? JSON.stringify(patch.contentCenterRecipients) : null,
      patch.suppressWhenParentTold ?? null,
      ctx.auth.sub,
      ctx.clock(),
    ],
  );
  return toPolicy(row!);
}
