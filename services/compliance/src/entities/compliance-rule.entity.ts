import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { RULE_CODES } from '@hub/common';

/**
 * A rule of the decree: what it is. What it asks and of whom (threshold, audience, severity,
 * deadline) are its versions, each in force from a period (data/rules.repo.ts).
 */
export const ComplianceRuleEntity = defineEntity({
  name: 'ComplianceRule',
  tableName: 'compliance_rule',
  properties: {
    code: p.enum([...RULE_CODES]).primary(),
    title: p.text(),
    decreeItem: p.text(),
    periodKind: p.enum(['WEEK', 'MONTH', 'DAY']),
  },
});

export type ComplianceRuleIdentity = InferEntity<typeof ComplianceRuleEntity>;
