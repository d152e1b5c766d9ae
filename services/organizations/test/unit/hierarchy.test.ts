import { describe, expect, it } from 'vitest';
import { createsCycle, parentProblem } from '../../src/domain/hierarchy.js';

describe('organization hierarchy', () => {
  it('lets a subordinate report to an executive body or a municipality', () => {
    expect(parentProblem('SUBORDINATE', 'EXECUTIVE_BODY')).toBeNull();
    expect(parentProblem('SUBORDINATE', 'MUNICIPALITY')).toBeNull();
  });

  it('refuses a subordinate without a parent or under another subordinate or a coordinator', () => {
    expect(parentProblem('SUBORDINATE', null)).toMatch(/needs its EXECUTIVE_BODY or MUNICIPALITY parent/);
    expect(parentProblem('SUBORDINATE', 'SUBORDINATE')).toMatch(/cannot report to a SUBORDINATE/);
    expect(parentProblem('SUBORDINATE', 'COMMITTEE')).toMatch(/cannot report to a COMMITTEE/);
  });

  it('keeps bodies, municipalities and coordinators at the top', () => {
    expect(parentProblem('EXECUTIVE_BODY', null)).toBeNull();
    expect(parentProblem('MUNICIPALITY', 'EXECUTIVE_BODY')).toMatch(/has no parent/);
  });

  it('sees a cycle when the new parent is the organization or below it', () => {
    expect(createsCycle('a', ['a'])).toBe(true);
    expect(createsCycle('a', ['c', 'b', 'a'])).toBe(true);
    expect(createsCycle('a', ['c', 'b'])).toBe(false);
  });
});
