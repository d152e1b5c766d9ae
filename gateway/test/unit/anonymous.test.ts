import { describe, expect, it } from 'vitest';
import { isAnonymousRequest } from '../../src/anonymous.js';

describe('the requests a caller without a credential may send', () => {
  it('lets through a mutation asking for requestSignIn alone', () => {
    expect(isAnonymousRequest({ query: 'mutation($e: String!) { requestSignIn(email: $e) }', variables: { e: 'a@b.c' } })).toBe(true);
    expect(isAnonymousRequest({ query: 'mutation Ask { requestSignIn(email: "a@b.c") __typename }', operationName: 'Ask' })).toBe(true);
  });

  it('refuses anything more or else: another field, an alias of another, a query, a fragment, a second operation, a batch', () => {
    for (const query of [
      'mutation { requestSignIn(email: "a@b.c") deactivateUser(id: "x") { id } }',
      'mutation { ask: deactivateUser(id: "x") { id } }',
      'query { requestSignIn }',
      '{ me { email } }',
      'mutation { ...F } fragment F on Mutation { requestSignIn(email: "a@b.c") }',
      'mutation A { requestSignIn(email: "a@b.c") } query B { me { email } }',
      'not graphql at all',
    ]) {
      expect(isAnonymousRequest({ query }), query).toBe(false);
    }
    expect(isAnonymousRequest({ query: 'mutation A { requestSignIn(email: "a") } query B { me { email } }', operationName: 'B' })).toBe(
      false,
    );
    expect(isAnonymousRequest([{ query: 'mutation { requestSignIn(email: "a") }' }])).toBe(false);
    expect(isAnonymousRequest(undefined)).toBe(false);
  });
});
