import { fileURLToPath } from 'node:url';
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// The workspaces' TypeScript sources rather than their build (docs/DESIGN.md, "Build"), on top of
// Vitest's own server conditions (Vite's without "module", which would pick packages' untranspiled ESM).
const SOURCE_CONDITIONS = ['@hub/source', ...defaultServerConditions.filter((condition) => condition !== 'module')];

const globalSetup = ['services/common/src/testing/global-setup.ts'];

export default defineConfig({
  ssr: { resolve: { conditions: SOURCE_CONDITIONS } },
  resolve: {
    conditions: SOURCE_CONDITIONS,
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
          include: [
            'services/*/test/integration/**/*.test.ts',
            'gateway/test/integration/**/*.test.ts',
            'infra/test/integration/**/*.test.ts',
          ],
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
