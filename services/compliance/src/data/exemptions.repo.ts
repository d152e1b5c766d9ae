import type { EntityManager } from '@mikro-orm/postgresql';
import type { RuleCode } from '@hub/common';
import { ExemptionEntity, type Exemption } from '../entities/exemption.entity.js';

/** Exemptions, latest granted first, of one rule or period when named; revoked ones only when asked. */
export async function listExemptions(
  em: EntityManager,
  filter: { rule?: RuleCode | null; period?: string | null; includeRevoked?: boolean | null },
): Promise<Exemption[]> {
  const where: Record<string, unknown> = {};
  if (filter.rule) where.rule = filter.rule;
  if (filter.period) where.period = filter.period;
  if (!filter.includeRevoked) where.revokedAt = null;
  return em.find(ExemptionEntity, where, { orderBy: { grantedAt: 'desc' } });
}
