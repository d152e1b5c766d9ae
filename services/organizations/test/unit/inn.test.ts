import { describe, expect, it } from 'vitest';
import { completeLegalEntityInn, innProblem, isValidInn } from '../../src/domain/inn.js';

describe('INN check digits', () => {
  it('accepts a legal entity INN with the right check digit', () => {
    expect(isValidInn('7707083893')).toBe(true);
    expect(isValidInn('2721000000'.slice(0, 9) + completeLegalEntityInn('272100000').slice(9))).toBe(true);
  });

  it('accepts an individual INN whose two check digits are right', () => {
    expect(isValidInn('500100732259')).toBe(true);
  });

  it('refuses a wrong check digit, a wrong length and non-digits', () => {
    expect(isValidInn('7707083894')).toBe(false);
    expect(isValidInn('500100732258')).toBe(false);
    expect(isValidInn('770708389')).toBe(false);
    expect(isValidInn('77070838931')).toBe(false);
    expect(isValidInn('77070838a3')).toBe(false);
  });

  it('completes nine digits into a valid INN', () => {
    for (const nine of ['270100001', '272312345', '010000000']) {
      expect(isValidInn(completeLegalEntityInn(nine))).toBe(true);
    }
  });

  // Security review: 0000000000 was registered; its check digit adds up (0), but no region's code is 00.
  it('refuses an INN of no region, all zeros included, saying why', () => {
    expect(isValidInn('0000000000')).toBe(false);
    expect(isValidInn('000000000000')).toBe(false);
    expect(isValidInn(completeLegalEntityInn('001234567'))).toBe(false);
    expect(innProblem('0000000000')).toBe('must begin with a region code (01–99), not 00');
    expect(innProblem('7707083894')).toBe('has a wrong check digit');
    expect(innProblem('770708389')).toBe('must be 10 or 12 digits');
    expect(innProblem('7707083893')).toBeNull();
  });
});
