import { describe, expect, it } from 'vitest';
import { footingFor, severityFor, type RuleApplicability } from '../../src/domain/applicability.js';

const WEEKLY_PLACEMENTS: RuleApplicability[] = [
  { kind: 'EXECUTIVE_BODY', parentKind: null, severity: 'MANDATORY', decreeItem: '3.1' },
  { kind: 'SUBORDINATE', parentKind: 'EXECUTIVE_BODY', severity: 'MANDATORY', decreeItem: '3.1' },
  { kind: 'MUNICIPALITY', parentKind: null, severity: 'RECOMMENDED', decreeItem: '4' },
  { kind: 'SUBORDINATE', parentKind: 'MUNICIPALITY', severity: 'RECOMMENDED', decreeItem: '4' },
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

describe('the decree item each result rests on', () => {
  it('is 3.1 for a body and its subordinates and 4 for a municipality and its, never 3.1 for a municipality', () => {
    expect(footingFor(WEEKLY_PLACEMENTS, { kind: 'EXECUTIVE_BODY', parentKind: null })).toEqual({
      severity: 'MANDATORY',
      decreeItem: '3.1',
    });
    expect(footingFor(WEEKLY_PLACEMENTS, { kind: 'SUBORDINATE', parentKind: 'EXECUTIVE_BODY' })).toEqual({
      severity: 'MANDATORY',
      decreeItem: '3.1',
    });
    expect(footingFor(WEEKLY_PLACEMENTS, { kind: 'MUNICIPALITY', parentKind: null })).toEqual({ severity: 'RECOMMENDED', decreeItem: '4' });
    expect(footingFor(WEEKLY_PLACEMENTS, { kind: 'SUBORDINATE', parentKind: 'MUNICIPALITY' })).toEqual({
      severity: 'RECOMMENDED',
      decreeItem: '4',
    });
    expect(footingFor(WEEKLY_PLACEMENTS, { kind: 'REGIONAL_MANAGEMENT_CENTER', parentKind: null })).toBeNull();
  });
});
