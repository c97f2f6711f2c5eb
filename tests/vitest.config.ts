import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// type-graphql, Apollo and graphql-query-complexity load graphql's CommonJS build; Vite would give our sources the
// ESM build, a second copy whose instanceof checks fail on the schema ("Cannot use GraphQLSchema from another
// module or realm"). One copy for everything:
const graphqlCjs = createRequire(path.join(root, 'server', 'package.json')).resolve('graphql');

export default defineConfig({
  root,
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCjs }] },
  test: {
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['server/src/**/*.test.ts', 'seed/src/**/*.test.ts', 'db/node/**/*.test.ts', 'tests/lint/**/*.test.ts'],
          setupFiles: ['tests/setup/reflect.ts'],
        },
      },
      {
        // Integration and browser tests share one throw-away Neo4j with the NRW data (docs/decisions/004).
        extends: true,
        test: {
          name: 'db',
          include: ['tests/integration/**/*.test.ts', 'tests/robustness/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
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
