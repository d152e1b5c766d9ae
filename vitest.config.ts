import { defineConfig } from 'vitest/config';

const globalSetup = ['services/common/src/testing/global-setup.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['services/*/test/unit/**/*.test.ts', 'gateway/test/unit/**/*.test.ts', 'infra/test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['services/*/test/integration/**/*.test.ts', 'gateway/test/integration/**/*.test.ts', 'infra/test/integration/**/*.test.ts'],
          globalSetup,
          testTimeout: 30_000,
          hookTimeout: 90_000,
        },
      },
      {
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
