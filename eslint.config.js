// typescript-eslint for the code, @graphql-eslint for the subgraphs' schemas and the operations
// clients send (the contract's and the dashboard's), Prettier's config last so that formatting is
// Prettier's alone (`npm run format:check`). Run by `npm run lint`, and so by `npm test`.
import js from '@eslint/js';
import graphql from '@graphql-eslint/eslint-plugin';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const API_SCHEMA = 'infra/supergraph.graphql';
const OPERATIONS = ['gateway/dashboard/src/**/*.ts'];
// One graphql-config project per schema: each file is checked against the schema it belongs to.
const GRAPHQL_CONFIG = {
  projects: {
    ...Object.fromEntries(
      ['content', 'organizations', 'compliance', 'monitoring'].map((name) => [name, { schema: `services/${name}/schema.graphql` }]),
    ),
    dashboard: { schema: API_SCHEMA, documents: OPERATIONS },
  },
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', '.turbo/**', '**/generated/**'] },
  {
    files: ['**/*.{ts,tsx,js}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  { files: ['gateway/dashboard/src/**/*.{ts,tsx}'], languageOptions: { globals: globals.browser } },
  // Command-line tools print to the terminal; that is their job.
  {
    files: ['bench/**', 'infra/src/start.ts', 'infra/src/token.ts', 'infra/build/**', 'gateway/src/compose-cli.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['services/*/schema.graphql'],
    languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig: GRAPHQL_CONFIG } },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      ...graphql.configs['flat/schema-recommended'].rules,
      // Federation's directives come in through `@link`, which this file-by-file check cannot follow;
      // composition validates them (`npm run compose -- --check`).
      '@graphql-eslint/known-directives': 'off',
      // One-line descriptions are written inline, longer ones as blocks; the rule knows only one style.
      '@graphql-eslint/description-style': 'off',
      // Values computed for a request (connections, edges, results, summaries) have no identity to
      // give; what has one carries `id` and a federation `@key`.
      '@graphql-eslint/strict-id-in-types': 'off',
      // A subgraph's entities are reached through `_entities` as well as its root fields; whether a
      // type is reachable is the supergraph's question, and composition answers it.
      '@graphql-eslint/no-unreachable-types': 'off',
    },
  },
  // The dashboard's operations, plucked from its `graphql(...)` calls. The contract's operations
  // (tests/contract) are the outside world's: tests/contract.e2e.test.ts validates each one and
  // knows which are still pending.
  { files: ['gateway/dashboard/src/**/*.ts'], processor: graphql.processor },
  {
    files: ['gateway/dashboard/src/**/*.ts/*.graphql'],
    languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig: GRAPHQL_CONFIG } },
    plugins: { '@graphql-eslint': graphql },
    rules: graphql.configs['flat/operations-recommended'].rules,
  },
  prettier,
);
