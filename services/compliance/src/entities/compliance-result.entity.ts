import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ORGANIZATION_KINDS, RULE_CODES } from '@hub/common';

/** An organization's standing on one rule for one period, keyed by (rule, period, organization). */
export const ComplianceResultEntity = defineEntity({
  name: 'ComplianceResult',
  tableName: 'compliance_result',
  properties: {
    organizationId: p.uuid().primary(),
    organizationKind: p.enum([...ORGANIZATION_KINDS]),
    parentId: p.uuid().nullable(),
    municipalityId: p.uuid().nullable(),
    rule: p.enum([...RULE_CODES]).primary(),
    period: p.text().primary(),
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
