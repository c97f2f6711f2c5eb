import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '@ka/db';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { REPO_ROOT } from '../support/paths';

/**
 * What production runs (docs/decisions/002): `pnpm build:server` compiles the server with tsc, and plain
 * `node server/dist/main.js` serves it against an external Neo4j — here the test run's Neo4j, started separately by
 * the global setup. The process gets a PATH that holds nothing but node (no java, mvn, tsx, pnpm or npm), an offline
 * npm configuration and no inherited NODE_OPTIONS, so anything that needed Java, Maven, tsx or a registry would fail.
 */
describe('the production build', () => {
  let binDir: string;
  let env: Record<string, string>;
  let server: ChildProcess | undefined;
  let port: number;
  let stdout = '';

  beforeAll(async () => {
    const build = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build-server.mjs')], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    expect(fs.existsSync(path.join(REPO_ROOT, 'server', 'dist', 'main.js'))).toBe(true);

    binDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ka-prod-bin-'));
    fs.symlinkSync(process.execPath, path.join(binDir, 'node'));
    port = await findFreePort();
    env = { PATH: binDir, HOME: binDir, npm_config_offline: 'true', NEO4J_URI: inject('boltUri'), PORT: String(port) };
  }, 240_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGKILL');
      await new Promise((resolve) => server!.once('exit', resolve));
    }
    if (binDir) fs.rmSync(binDir, { recursive: true, force: true });
  });

  it('finds no java, mvn, tsx, pnpm or npm in the environment it starts with', () => {
    for (const tool of ['java', 'mvn', 'tsx', 'pnpm', 'npm']) {
      const probe = spawnSync('/bin/sh', ['-c', `command -v ${tool}`], { env, encoding: 'utf8' });
      expect(probe.status, `${tool} found at ${probe.stdout}`).not.toBe(0);
    }
  });

  it('builds the same GraphQL schema as the sources (type-graphql without decorator metadata)', () => {
    const check = spawnSync(path.join(binDir, 'node'), [path.join(REPO_ROOT, 'server', 'dist', 'emit-schema.js'), '--check'], { env, encoding: 'utf8' });
    expect(check.status, `${check.stdout}\n${check.stderr}`).toBe(0);
    expect(check.stdout).toMatch(/schema\/schema\.graphql is up to date/);
  });

  it('starts with plain node, is ready, answers GraphQL and the analytics worker, serves the client and stops cleanly', async () => {
    // A working directory outside the checkout: the build finds its files from its own location, not from cwd.
    server = spawn(path.join(binDir, 'node'), [path.join(REPO_ROOT, 'server', 'dist', 'main.js')], { cwd: binDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    server.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // 'close', not 'exit': it comes after the child's stdout is read to the end, so its last log line is in `stdout`.
    const exited = new Promise<number | null>((resolve) => server!.once('close', (code) => resolve(code)));

    const started = await Promise.race([
      new Promise<boolean>((resolve) => {
        const poll = setInterval(() => {
          if (stdout.includes('läuft auf')) {
            clearInterval(poll);
            resolve(true);
          }
        }, 100);
        void exited.then(() => clearInterval(poll));
      }),
      exited.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 60_000)),
    ]);
    expect(started, `the built server did not start:\n${stdout}\n${stderr}`).toBe(true);
    expect(stdout).toMatch(/using external Neo4j at bolt:\/\/127\.0\.0\.1/);
    expect(stdout).not.toMatch(/starting embedded Neo4j/);

    const base = `http://127.0.0.1:${port}`;
    let ready: Response | undefined;
    for (let attempt = 0; attempt < 300; attempt += 1) {
      ready = await fetch(`${base}/health/ready`);
      if (ready.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(ready!.status).toBe(200);
    expect(await ready!.json()).toEqual({ status: 'ready', neo4j: 'up', snapshot: 'loaded' });

    const graphql = async (query: string) => {
      const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      expect(response.status).toBe(200);
      return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    };
    const olsberg = await graphql('{ municipality(ags: "05958036") { name neighbours { municipality { ags } } } }');
    expect(olsberg.errors).toBeUndefined();
    const municipality = olsberg.data!.municipality as { name: string; neighbours: unknown[] };
    expect(municipality.name).toBe('Olsberg, Stadt');
    expect(municipality.neighbours.length).toBeGreaterThan(3);
    // Louvain runs in a worker thread whose entry the build must have compiled beside network-analyzer.js.
    const network = await graphql('{ cooperationNetwork { communityCount edges { weight } } }');
    expect(network.errors).toBeUndefined();
    expect((network.data!.cooperationNetwork as { communityCount: number }).communityCount).toBeGreaterThan(1);

    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);

    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/"msg":"stopped"/);
    expect(stderr).toBe('');
  }, 120_000);
});
