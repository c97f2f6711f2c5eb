#!/usr/bin/env node
// `pnpm build:server`: compiles the server and the workspace code it runs (@ka/db's node part, @ka/seed) ahead of
// time with tsc, so production starts with plain `node server/dist/main.js`: no tsx, no Java, no Maven, no registry
// (docs/decisions/002). One program type-checks all three packages and emits each beside its source:
// server/src → server/dist, db/node → db/dist, seed/src → seed/dist (the same depth, so the paths the code computes
// from import.meta.url — the repository root, schema/migrations, client/dist, the analytics worker — stay right).
//
// The sources import without file extensions (moduleResolution Bundler), which Node's ESM loader does not accept, and
// the server imports @ka/db and @ka/seed, whose package.json points at TypeScript. A transformer therefore rewrites
// every import that TypeScript resolves to a file of this build into the relative path of that file's output
// (`./config` → `./config.js`, `@ka/db` → `../../db/dist/index.js`), and a deep import into a CommonJS package
// into the file it names. tsc (not esbuild) emits the decorators; emitDecoratorMetadata stays off as in tsx and
// Vitest, since every type-graphql decorator names its type (ADR 002).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ts = createRequire(path.join(ROOT, 'server', 'package.json'))('typescript');

/** Source folder → output folder, both relative to the repository root. */
const UNITS = [
  { src: 'server/src', out: 'server/dist' },
  { src: 'db/node', out: 'db/dist' },
  { src: 'seed/src', out: 'seed/dist' },
];
const BUILD_DIR = path.join(ROOT, 'node_modules', '.cache', 'ka-build'); // tsc's outDir; files are moved by writeFile

function fail(message) {
  console.error(`build-server: ${message}`);
  process.exit(1);
}

function sourceFiles(dir) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !/\.test\.ts$|\.tmp\.ts$/.test(entry.name)) files.push(full);
  }
  return files;
}

/** Where a file of the build (source .ts/.json, or tsc's output below BUILD_DIR) ends up; null if it is not ours. */
function outputPath(file, { fromBuildDir = false } = {}) {
  const relative = path
    .relative(fromBuildDir ? BUILD_DIR : ROOT, file)
    .split(path.sep)
    .join('/');
  for (const unit of UNITS) {
    if (!relative.startsWith(`${unit.src}/`)) continue;
    const inner = relative.slice(unit.src.length + 1).replace(/\.ts$/, '.js');
    return path.join(ROOT, unit.out, inner);
  }
  return null;
}

const configFile = path.join(ROOT, 'server', 'tsconfig.json');
const parsed = ts.getParsedCommandLineOfConfigFile(
  configFile,
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')) },
);
const options = {
  ...parsed.options,
  noEmit: false,
  outDir: BUILD_DIR,
  rootDir: ROOT,
  sourceMap: true,
  declaration: false,
  incremental: false,
  noEmitOnError: true,
};
const files = UNITS.flatMap((unit) => sourceFiles(path.join(ROOT, unit.src)));
const host = ts.createCompilerHost(options);
const program = ts.createProgram({ rootNames: files, options, host });

const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length > 0) {
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, { ...host, getNewLine: () => '\n' }));
  fail(`${diagnostics.length} type error(s): nothing written`);
}

/**
 * A deep import into a CommonJS package without an "exports" map (`graphology-metrics/centrality/betweenness`) works
 * with require's extension search but not with Node's ESM loader: name the file it resolves to.
 */
function deepImportFile(specifier, fromFile) {
  const match = /^((?:@[^/]+\/)?[^/.@][^/]*)\/(.+)$/.exec(specifier);
  if (!match) return null;
  const require = createRequire(fromFile);
  let manifest;
  try {
    manifest = require.resolve(`${match[1]}/package.json`);
  } catch {
    return null; // an "exports" map that hides package.json: Node resolves the subpath by that map
  }
  if (JSON.parse(fs.readFileSync(manifest, 'utf8')).exports !== undefined) return null;
  const file = require.resolve(specifier);
  const relative = path.relative(path.dirname(manifest), file).split(path.sep).join('/');
  return relative === match[2] ? null : `${match[1]}/${relative}`;
}

/** The specifier that points from `fromFile`'s output to the output of what `specifier` resolves to, or null. */
function rewrite(specifier, fromFile) {
  if (!specifier.startsWith('.') && !specifier.startsWith('@ka/')) return deepImportFile(specifier, fromFile);
  const resolved = ts.resolveModuleName(specifier, fromFile, options, host).resolvedModule;
  if (!resolved || resolved.resolvedFileName.endsWith('.d.ts')) return null;
  const target = outputPath(resolved.resolvedFileName);
  const from = outputPath(fromFile);
  if (!target || !from) return null;
  let relative = path.relative(path.dirname(from), target).split(path.sep).join('/');
  if (!relative.startsWith('.')) relative = `./${relative}`;
  return relative === specifier ? null : relative;
}

/** Runs after TypeScript's own transforms, on the ES module it emits (type-only imports are already gone). */
const specifiers = (context) => (sourceFile) => {
  const { factory } = context;
  const fromFile = sourceFile.fileName;
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const next = rewrite(node.moduleSpecifier.text, fromFile);
      if (next) {
        return ts.isImportDeclaration(node)
          ? factory.updateImportDeclaration(node, node.modifiers, node.importClause, factory.createStringLiteral(next), node.attributes)
          : factory.updateExportDeclaration(node, node.modifiers, node.isTypeOnly, node.exportClause, factory.createStringLiteral(next), node.attributes);
      }
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      const next = rewrite(node.arguments[0].text, fromFile);
      if (next) return factory.updateCallExpression(node, node.expression, node.typeArguments, [factory.createStringLiteral(next), ...node.arguments.slice(1)]);
    }
    return ts.visitEachChild(node, visit, context);
  };
  return ts.visitEachChild(sourceFile, visit, context);
};

for (const unit of UNITS) fs.rmSync(path.join(ROOT, unit.out), { recursive: true, force: true });
let written = 0;
const writeFile = (fileName, text) => {
  // tsc writes x.js, x.js.map and imported x.json below BUILD_DIR, mirroring the repository: move each to its unit.
  const out = outputPath(fileName, { fromBuildDir: true });
  if (!out) fail(`unexpected output ${fileName}`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // A source map names its source relative to the map: from the unit's folder, that is the .ts beside it in src/.
  const content = fileName.endsWith('.js.map') ? fixSourceMap(text, fileName, out) : text;
  fs.writeFileSync(out, content);
  written += 1;
};

function fixSourceMap(text, fileName, out) {
  const map = JSON.parse(text);
  const source = path.join(ROOT, path.relative(BUILD_DIR, fileName)).replace(/\.js\.map$/, '.ts');
  map.sources = [path.relative(path.dirname(out), source).split(path.sep).join('/')];
  return JSON.stringify(map);
}

const result = program.emit(undefined, writeFile, undefined, false, { after: [specifiers] });
if (result.emitSkipped || result.diagnostics.length > 0) {
  console.error(ts.formatDiagnostics(result.diagnostics, { ...host, getNewLine: () => '\n' }));
  fail('emit failed');
}
console.log(`build-server: ${files.length} files compiled, ${written} written to ${UNITS.map((unit) => unit.out).join(', ')}`);
