#!/usr/bin/env node
// Entry point of `npm start`, `npm test` and `npm run dev` on a fresh machine: installs what is missing
// (pnpm, packages, the Maven artifacts of the embedded Neo4j), builds what is stale, then runs the command.
// Plain Node with no dependencies, because nothing else is installed when it first runs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '10.34.8';
const command = process.argv[2] ?? 'start';
const extraArgs = process.argv.slice(3);

const say = (line) => console.log(`[bootstrap] ${line}`);
function fail(line) {
  console.error(`Kooperationsatlas: ${line}`);
  process.exit(1);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...options });
  if (result.error) fail(`could not run ${cmd}: ${result.error.message}`);
  if (result.status !== 0) fail(`\`${cmd} ${args.join(' ')}\` failed with exit code ${result.status}`);
}

function commandWorks(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: 'pipe', encoding: 'utf8' });
  return result.status === 0 ? (result.stdout || result.stderr).trim() : null;
}

/** Newest modification time below a path (files only), skipping build output and dependencies. */
function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (stat.isFile()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (['node_modules', 'dist', 'target', 'gql'].includes(entry.name)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

function isStale(output, inputs) {
  const built = newestMtime(output);
  return built === 0 || inputs.some((input) => newestMtime(path.join(ROOT, input)) > built);
}

function ensureJavaAndMaven() {
  const java = commandWorks('java', ['-version']);
  if (!java) fail('Java 17 (or newer) is required for the embedded Neo4j: install it, e.g. `apt-get install -y openjdk-17-jdk-headless`');
  if (!commandWorks('mvn', ['-v'])) fail('Maven is required to fetch Neo4j from Maven Central: install it, e.g. `apt-get install -y maven`');
}

function ensurePnpm() {
  const version = commandWorks('pnpm', ['--version']);
  if (version === PNPM_VERSION) return;
  say(`installing pnpm ${PNPM_VERSION} (found: ${version ?? 'none'})`);
  run('npm', ['install', '-g', `pnpm@${PNPM_VERSION}`]);
}

function ensurePackages() {
  const marker = path.join(ROOT, 'node_modules', '.modules.yaml');
  const inputs = ['pnpm-lock.yaml', 'package.json', 'pnpm-workspace.yaml'];
  if (fs.existsSync(marker) && !inputs.some((file) => newestMtime(path.join(ROOT, file)) > newestMtime(marker))) return;
  say('installing packages (pnpm install --frozen-lockfile)');
  run('pnpm', ['install', '--frozen-lockfile']);
}

function ensureNeo4jLauncher() {
  const built = path.join(ROOT, 'db', 'target', 'lib');
  if (fs.existsSync(built) && !isStale(path.join(ROOT, 'db', 'target', 'classes'), ['db/pom.xml', 'db/src'])) return;
  say('building the embedded Neo4j launcher (Maven; the first run downloads Neo4j from Maven Central)');
  run('mvn', ['-B', '-q', 'package'], { cwd: path.join(ROOT, 'db') });
}

function ensureClientBuild() {
  if (!isStale(path.join(ROOT, 'client', 'dist', 'index.html'), ['client/src', 'client/index.html', 'client/vite.config.ts', 'schema/schema.graphql'])) return;
  say('building the web client');
  run('pnpm', ['--filter', '@ka/client', 'codegen']);
  run('pnpm', ['--filter', '@ka/client', 'build']);
}

/** What the tests drive or read their output back with: a browser, pdftotext, and pandas, networkx and GDAL for the exports. */
const TEST_PACKAGES = ['chromium', 'poppler-utils', 'python3-pandas', 'python3-networkx', 'gdal-bin'];

function ensureChromium() {
  // Debian's python3 (/usr/bin/python3, not a pyenv python on PATH) is the one that sees Debian's pandas and networkx.
  const exportTools = commandWorks('/usr/bin/python3', ['-c', 'import pandas, networkx']) !== null && commandWorks('ogrinfo', ['--version']);
  if (fs.existsSync('/usr/bin/chromium') && commandWorks('pdftotext', ['-v']) && exportTools) return;
  if (process.getuid?.() === 0 && commandWorks('apt-get', ['--version'])) {
    say(`installing Debian's ${TEST_PACKAGES.join(', ')} for the browser and export tests`);
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', ...TEST_PACKAGES], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return;
  }
  fail(
    `the tests need Chromium at /usr/bin/chromium, pdftotext, /usr/bin/python3 with pandas and networkx, and ogrinfo: install them with \`apt-get install -y ${TEST_PACKAGES.join(' ')}\``,
  );
}

/** Runs a long-lived child, forwarding Ctrl-C / SIGTERM so the server can stop its database cleanly. */
function runForeground(cmd, args, options) {
  const child = spawn(cmd, args, { stdio: 'inherit', cwd: ROOT, ...options });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** With an external Neo4j (NEO4J_URI) `start` needs neither Java nor Maven: the embedded launcher is not built. */
function prepare({ embedded = true } = {}) {
  if (embedded) ensureJavaAndMaven();
  ensurePnpm();
  ensurePackages();
  if (embedded) ensureNeo4jLauncher();
}

switch (command) {
  case 'start':
    prepare({ embedded: !process.env.NEO4J_URI });
    ensureClientBuild();
    runForeground(process.execPath, ['--import', 'tsx', 'src/main.ts', ...extraArgs], {
      cwd: path.join(ROOT, 'server'),
      env: { NODE_ENV: 'production', ...process.env },
    });
    break;
  case 'dev':
    prepare();
    run('pnpm', ['--filter', '@ka/client', 'codegen']);
    runForeground('pnpm', ['--parallel', '--filter', '@ka/server', '--filter', '@ka/client', 'dev'], {
      env: { NODE_ENV: 'development', ...process.env },
    });
    break;
  case 'test':
    prepare();
    ensureChromium();
    ensureClientBuild();
    say('linting (ESLint, Prettier)');
    run('pnpm', ['lint']);
    runForeground('pnpm', ['--filter', '@ka/tests', 'test', ...extraArgs], { env: { ...process.env, NODE_ENV: 'test' } });
    break;
  default:
    fail(`unknown command "${command}" (use start, dev or test)`);
}
