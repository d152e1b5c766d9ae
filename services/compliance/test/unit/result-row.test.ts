import { describe, expect, it } from 'vitest';
import { resultOf } from '../../src/data/results.repo.js';

describe('a result read as a plain object', () => {
  it('keeps every column, and its instants to the millisecond from their epoch milliseconds', () => {
    expect(
      resultOf({
        organization_id: 'org',
        organization_kind: 'SUBORDINATE',
        parent_id: 'parent',
        municipality_id: null,
        rule: 'WEEKLY_PLACEMENTS',
        period: '2026-W48',
        period_start_ms: Date.parse('2026-11-22T14:00:00Z'),
        severity: 'MANDATORY',
        decree_item: '3.1',
        required: 3,
        actual: 2,
        status: 'MISSED',
        consecutive_misses: 2,
        exemption_id: null,
        run_id: 'run',
        evaluated_at_ms: Date.parse('2026-11-30T00:00:00.123Z'),
      }),
    ).toEqual({
      organizationId: 'org',
      organizationKind: 'SUBORDINATE',
      parentId: 'parent',
      municipalityId: null,
      rule: 'WEEKLY_PLACEMENTS',
      period: '2026-W48',
      periodStart: new Date('2026-11-22T14:00:00Z'),
      severity: 'MANDATORY',
      decreeItem: '3.1',
      required: 3,
      actual: 2,
      status: 'MISSED',
      consecutiveMisses: 2,
      exemptionId: null,
      runId: 'run',
      evaluatedAt: new Date('2026-11-30T00:00:00.123Z'),
    });
  });
});
