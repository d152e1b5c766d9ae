import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const globalSetup = ['services/common/src/testing/global-setup.ts'];

export default defineConfig({
  resolve: {
    // graphql ships ESM and CJS builds; Node (and so Apollo's CJS packages) loads the CJS one.
    // Vite would give our sources the ESM one: two graphql realms that refuse each other's objects.
    alias: [{ find: /^graphql$/, replacement: fileURLToPath(new URL('node_modules/graphql/index.js', import.meta.url)) }],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['services/*/test/unit/**/*.test.ts', 'gateway/test/unit/**/*.test.ts', 'infra/test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['services/*/test/integration/**/*.test.ts', 'gateway/test/integration/**/*.test.ts', 'infra/test/integration/**/*.test.ts'],
          globalSetup,
          testTimeout: 30_000,
          hookTimeout: 90_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/**/*.test.ts'],
          globalSetup,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
