import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default defineConfig({
  root,
  test: {
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['server/src/**/*.test.ts', 'seed/src/**/*.test.ts', 'db/node/**/*.test.ts'],
          setupFiles: ['tests/setup/reflect.ts'],
        },
      },
      {
        // Integration and browser tests share one throw-away Neo4j with the NRW data (docs/decisions/004).
        extends: true,
        test: {
          name: 'db',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          setupFiles: ['tests/setup/reflect.ts'],
          globalSetup: ['tests/setup/global-neo4j.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
          // Browser pages wait for the API and lazy chunks: poll for up to 15 s, not the default 1 s.
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
