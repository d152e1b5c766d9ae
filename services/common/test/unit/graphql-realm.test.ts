import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { GraphQLError } from 'graphql';

// Apollo's packages load graphql's CommonJS build; if tests loaded the ESM build, errors and
// schemas made by our code would fail Apollo's instanceof checks only under test.
it('tests and Apollo packages share one graphql module', () => {
  const apollo = createRequire(import.meta.url)('graphql');
  expect(apollo.GraphQLError).toBe(GraphQLError);
});
