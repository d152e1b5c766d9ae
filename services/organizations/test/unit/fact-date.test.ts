import { describe, expect, it } from 'vitest';
import { factDateProblem } from '../../src/domain/fact-date.js';

// Security review: a feedback widget placed in 1970 was stored.
describe('the date of a reported fact', () => {
  const now = new Date('2026-11-25T00:00:00Z');
  const earliest = new Date('2022-12-31T14:00:00Z'); // 1 January 2023 in Khabarovsk

  it('lies between 1 January 2023 in the region and now, give or take a clock skew', () => {
    expect(factDateProblem(earliest, now, earliest)).toBeNull();
    expect(factDateProblem(new Date('2026-11-25T00:04:00Z'), now, earliest)).toBeNull();
    expect(factDateProblem(new Date('1970-01-01T00:00:00Z'), now, earliest)).toBe('is before 2023-01-01: the decree dates from 2023');
    expect(factDateProblem(new Date('2022-12-31T13:59:59Z'), now, earliest)).toMatch(/^is before 2023-01-01/);
    expect(factDateProblem(new Date('2026-11-25T00:06:00Z'), now, earliest)).toBe('is in the future');
  });
});
