import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.tsx',
      'apps/*/test/**/*.test.ts',
      'bench/test/**/*.test.ts',
      'tooling/**/*.test.ts',
    ],
    testTimeout: 30_000,
    pool: 'threads',
  },
});
