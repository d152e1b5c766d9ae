import { describe, expect, it } from 'vitest';
import { severityFor, type RuleApplicability } from '../../src/domain/applicability.js';

const WEEKLY_PLACEMENTS: RuleApplicability[] = [
  { kind: 'EXECUTIVE_BODY', parentKind: null, severity: 'MANDATORY' },
  { kind: 'SUBORDINATE', parentKind: 'EXECUTIVE_BODY', severity: 'MANDATORY' },
  { kind: 'MUNICIPALITY', parentKind: null, severity: 'RECOMMENDED' },
  { kind: 'SUBORDINATE', parentKind: 'MUNICIPALITY', severity: 'RECOMMENDED' },
];

describe('who a rule applies to', () => {
  it('holds bodies and their subordinates to the weekly norm as mandatory (decree 3.1)', () => {
    expect(severityFor(WEEKLY_PLACEMENTS, { kind: 'EXECUTIVE_BODY', parentKind: null })).toBe('MANDATORY');
    expect(severityFor(WEEKLY_PLACEMENTS, { kind: 'SUBORDINATE', parentKind: 'EXECUTIVE_BODY' })).toBe('MANDATORY');
  });

  it('only recommends it to municipalities and their subordinates (decree 4)', () => {
    expect(severityFor(WEEKLY_PLACEMENTS, { kind: 'MUNICIPALITY', parentKind: null })).toBe('RECOMMENDED');
    expect(severityFor(WEEKLY_PLACEMENTS, { kind: 'SUBORDINATE', parentKind: 'MUNICIPALITY' })).toBe('RECOMMENDED');
  });

  it('does not apply to the coordinators', () => {
    expect(severityFor(WEEKLY_PLACEMENTS, { kind: 'COMMITTEE', parentKind: null })).toBeNull();
    expect(severityFor(WEEKLY_PLACEMENTS, { kind: 'CONTENT_CENTER', parentKind: null })).toBeNull();
  });
});
