import { describe, expect, it } from 'vitest';
import { createErrorFormatter } from '../../src/errors.js';

// Found by tests/property-inputs.e2e.test.ts: 501 placements with a bad publishedAt each came back as INTERNAL_SERVER_ERROR.
describe('the error mapper', () => {
  it('codes graphql-js giving up on too many bad variables as BAD_USER_INPUT, not as an internal fault', () => {
    const logged: unknown[] = [];
    for (const maskInternal of [true, false]) {
      const format = createErrorFormatter({ maskInternal, log: (err) => logged.push(err) });
      const formatted = format({ message: 'Too many errors processing variables, error limit reached. Execution aborted.' }, new Error());
      expect(formatted.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(logged).toEqual([]);
  });
});
