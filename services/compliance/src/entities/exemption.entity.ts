import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { RULE_CODES } from '@hub/common';

/** Turns one organization's miss of one rule in one period into EXEMPT, with the reason kept. */
export const ExemptionEntity = defineEntity({
  name: 'Exemption',
  tableName: 'exemption',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    organizationId: p.uuid(),
    rule: p.enum([...RULE_CODES]),
    period: p.text(),
    reason: p.text(),
    expiresAt: p.datetime().nullable(),
    grantedBy: p.text(),
    grantedAt: p.datetime(),
    revokedBy: p.text().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});

export type Exemption = InferEntity<typeof ExemptionEntity>;
