import { z } from 'zod';
import { badInput, parseInput, requireRole } from '@hub/common';
import type { ComplianceContext } from '../context.js';
import { updatePolicy } from '../data/policy.repo.js';

const role = z.enum(['HEAD', 'PARENT_CONTACT', 'PARENT_HEAD', 'RESPONSIBLE_HEAD', 'CUR', 'COMMITTEE', 'CONTENT_CENTER']);
const level = z.object({
  level: z.number().int().min(1).max(10),
  minConsecutive: z.number().int().min(1, 'must be at least 1').max(100),
  mandatoryBodyMinConsecutive: z.number().int().min(1).max(100).nullish(),
  recipients: z.array(role).min(1, 'name at least one recipient'),
});
const input = z.object({
  levels: z.array(level).min(1, 'the ladder needs at least one level').max(10).nullish(),
  contentCenterRecipients: z.array(role).min(1, 'name at least one recipient').nullish(),
  recommendedRecipients: z.array(role).min(1, 'name at least one recipient').nullish(),
  suppressWhenParentTold: z.boolean().nullish(),
});

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
  return updatePolicy(
    ctx.em,
    {
      levels: patch.levels?.map((l) => ({ ...l, mandatoryBodyMinConsecutive: l.mandatoryBodyMinConsecutive ?? undefined })),
      contentCenterRecipients: patch.contentCenterRecipients,
      recommendedRecipients: patch.recommendedRecipients,
      suppressWhenParentTold: patch.suppressWhenParentTold,
    },
    ctx.auth.sub,
    ctx.clock(),
  );
}
