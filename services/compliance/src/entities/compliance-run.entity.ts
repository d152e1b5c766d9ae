import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { RULE_CODES } from '@hub/common';

export const RUN_TRIGGERS = ['MANUAL', 'SCHEDULE', 'CATCH_UP'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

/** One evaluation of one rule for one period: who or what started it and what it found. */
export const ComplianceRunEntity = defineEntity({
  name: 'ComplianceRun',
  tableName: 'compliance_run',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    rule: p.enum([...RULE_CODES]),
    period: p.text(),
    trigger: p.enum([...RUN_TRIGGERS]),
    triggeredBy: p.text(),
    status: p.enum(['RUNNING', 'SUCCEEDED', 'FAILED']).default('RUNNING'),
    startedAt: p.datetime(),
    finishedAt: p.datetime().nullable(),
    evaluated: p.integer().default(0),
    met: p.integer().default(0),
    missed: p.integer().default(0),
    exempt: p.integer().default(0),
    error: p.text().nullable(),
  },
});

export type ComplianceRun = InferEntity<typeof ComplianceRunEntity>;
