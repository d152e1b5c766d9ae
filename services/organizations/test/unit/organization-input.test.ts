import { describe, expect, it } from 'vitest';
import { HubError, parseInput } from '@hub/common';
import { registerOrganizationInput } from '../../src/domain/organization-input.js';

const valid = {
  name: 'Министерство культуры Хабаровского края',
  kind: 'EXECUTIVE_BODY',
  inn: '7707083893',
  head: { fullName: 'Иванова Мария Петровна', position: 'Министр культуры', email: 'Head@Khv-Region.test' },
};

function fieldOf(input: unknown): string | undefined {
  try {
    parseInput(registerOrganizationInput, input);
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(HubError);
    expect((err as HubError).code).toBe('BAD_USER_INPUT');
    return (err as HubError).details.field as string;
  }
}

describe('registerOrganization input', () => {
  it('accepts a complete body and lower-cases the e-mail', () => {
    expect(parseInput(registerOrganizationInput, valid).head.email).toBe('head@khv-region.test');
  });

  it('names the field that is wrong', () => {
    expect(fieldOf({ ...valid, inn: '7707083894' })).toBe('inn');
    expect(fieldOf({ ...valid, inn: '12345' })).toBe('inn');
    expect(fieldOf({ ...valid, head: { ...valid.head, email: 'not-an-address' } })).toBe('head.email');
    expect(fieldOf({ ...valid, contactEmail: 'press@' })).toBe('contactEmail');
    expect(fieldOf({ ...valid, name: '   ' })).toBe('name');
    expect(fieldOf({ ...valid, parentId: 'abc' })).toBe('parentId');
  });
});
