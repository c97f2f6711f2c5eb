// ESLint for every package (`pnpm lint`, part of `npm test`): the recommended JavaScript and typescript-eslint rules,
// the React hooks rules on the client, and the import boundaries of ENGINEERING.md (rule `ka/boundaries` below).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const CLIENT = path.join(ROOT, 'client', 'src');
const SERVER = path.join(ROOT, 'server', 'src');

/** The client area a file belongs to: `feature:<name>`, `shared`, `app` or null. */
function clientArea(file) {
  const relative = path.relative(CLIENT, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const [top, name] = relative.split(path.sep);
  if (top === 'features' && name) return `feature:${name}`;
  if (top === 'shared' || top === 'app') return top;
  return null;
}

/** Modules that talk to Neo4j: the driver, the server's db/ folder and the @ka/db package. */
function isDatabaseModule(specifier, resolved) {
  if (specifier === 'neo4j-driver' || specifier.startsWith('neo4j-driver/') || specifier === '@ka/db') return true;
  return resolved !== null && !path.relative(path.join(SERVER, 'db'), resolved).startsWith('..');
}

/** Server files allowed to import them: repositories, Cypher files, db/ itself, and the entry points that wire it. */
function mayTouchDatabase(file) {
  const relative = path.relative(SERVER, file).split(path.sep).join('/');
  return (
    /\.(repository|queries)\.ts$/.test(relative) ||
    relative.startsWith('db/') ||
    /\.test\.ts$/.test(relative) ||
    ['main.ts', 'app.ts', 'admin-cli.ts'].includes(relative)
  );
}

/** Names of @ka/db that are not database access (its start-up error class). */
const NEUTRAL_DB_EXPORTS = new Set(['StartupError']);

const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Import boundaries: features, shared and app on the client; database access on the server' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = clientArea(file);
    const onServer = !path.relative(SERVER, file).startsWith('..');
    const check = (node, specifier, { typeOnly, names }) => {
      const resolved = specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : null;
      if (from && resolved) {
        const to = clientArea(resolved);
        if (from.startsWith('feature:') && to?.startsWith('feature:') && to !== from) {
          context.report({
            node,
            message: `${from.slice(8)} imports the feature ${to.slice(8)}: no feature imports another (move what both need to shared/, or compose them in app/)`,
          });
        } else if (from === 'shared' && to?.startsWith('feature:')) {
          context.report({ node, message: `shared/ imports the feature ${to.slice(8)}: shared code never imports features` });
        } else if (from !== 'app' && to === 'app') {
          context.report({ node, message: `${from.replace('feature:', '')} imports app/: imports run shared → features → app` });
        }
      }
      // Type-only imports (the Database type a service is handed, QueryCounter) do not reach the database.
      if (onServer && !typeOnly && !mayTouchDatabase(file) && isDatabaseModule(specifier, resolved)) {
        if (specifier === '@ka/db' && names.length > 0 && names.every((name) => NEUTRAL_DB_EXPORTS.has(name))) return;
        context.report({
          node,
          message: `${specifier} is database access: only *.repository.ts, *.queries.ts and server/src/db/ import it (type-only imports are fine)`,
        });
      }
    };
    return {
      ImportDeclaration(node) {
        const valueSpecifiers = node.specifiers.filter((s) => s.type !== 'ImportSpecifier' || s.importKind !== 'type');
        const typeOnly = node.importKind === 'type' || (node.specifiers.length > 0 && valueSpecifiers.length === 0);
        const names = valueSpecifiers.map((s) => (s.type === 'ImportSpecifier' ? (s.imported.name ?? s.imported.value) : '*'));
        check(node, node.source.value, { typeOnly, names });
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source.value, { typeOnly: node.exportKind === 'type', names: ['*'] });
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value, { typeOnly: node.exportKind === 'type', names: ['*'] });
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal' && typeof node.source.value === 'string') check(node, node.source.value, { typeOnly: false, names: ['*'] });
      },
    };
  },
};

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'db/target/**', 'client/src/gql/**', 'tests/output/**', '**/*.tmp.ts', '.data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { ka: { rules: { boundaries } } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'ka/boundaries': 'error',
      // `_name` marks a parameter or binding that must exist for its position (callbacks, destructuring) but is unused.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Tests read GraphQL answers of any shape and assert on them; typing each one would only restate the query.
    files: ['tests/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js', 'client/vite.config.ts', 'client/codegen.ts'],
    languageOptions: { globals: globals.node },
  },
);
