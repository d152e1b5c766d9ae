import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ORGANIZATION_KINDS, RULE_CODES } from '@hub/common';

/** An organization's standing on one rule for one period (unique per organization, rule, period). */
export const ComplianceResultEntity = defineEntity({
  name: 'ComplianceResult',
  tableName: 'compliance_result',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    organizationId: p.uuid(),
    organizationKind: p.enum([...ORGANIZATION_KINDS]),
    parentId: p.uuid().nullable(),
    municipalityId: p.uuid().nullable(),
    rule: p.enum([...RULE_CODES]),
    period: p.text(),
    periodStart: p.datetime(),
    severity: p.enum(['MANDATORY', 'RECOMMENDED']),
    decreeItem: p.text(),
    required: p.integer(),
    actual: p.integer(),
    status: p.enum(['MET', 'MISSED', 'EXEMPT']),
    consecutiveMisses: p.integer().default(0),
    exemptionId: p.uuid().nullable(),
    runId: p.uuid(),
    evaluatedAt: p.datetime(),
  },
});

export type ComplianceResult = InferEntity<typeof ComplianceResultEntity>;
