import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { RULE_CODES } from '@hub/common';
import type { RuleApplicability } from '../domain/applicability.js';

export const ComplianceRuleEntity = defineEntity({
  name: 'ComplianceRule',
  tableName: 'compliance_rule',
  properties: {
    code: p.enum([...RULE_CODES]).primary(),
    title: p.text(),
    decreeItem: p.text(),
    periodKind: p.enum(['WEEK', 'MONTH', 'DAY']),
    threshold: p.integer(),
    deadline: p.date().nullable(),
    /** Null: the hub's time zone (HUB_TIMEZONE). */
    timezone: p.text().nullable(),
    appliesTo: p.json<RuleApplicability[]>(),
    enabled: p.boolean().default(true),
    updatedBy: p.text(),
    updatedAt: p.datetime().defaultRaw('now()'),
  },
});

export type ComplianceRule = InferEntity<typeof ComplianceRuleEntity>;
