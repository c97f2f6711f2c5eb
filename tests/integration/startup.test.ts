import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { findFreePort } from '@ka/db';
import { describe, expect, it, inject } from 'vitest';
import { REPO_ROOT } from '../support/app';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the real server entry point and collects its output until it exits or `until` matches. */
function startServer(env: Record<string, string>, until?: RegExp, timeoutMs = 60_000): Promise<Run & { stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: path.join(REPO_ROOT, 'server'),
      env: { PATH: process.env.PATH!, HOME: process.env.HOME!, NODE_ENV: 'test', KA_SEED_ON_START: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: Run = { code: null, stdout: '', stderr: '' };
    const stop = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not finish within ${timeoutMs} ms:\n${run.stdout}\n${run.stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      run.stdout += chunk.toString();
      if (until && until.test(run.stdout)) {
        clearTimeout(timer);
        resolve({ ...run, stop });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      run.code = code;
      resolve({ ...run, stop });
    });
  });
}

function expectOneClearLine(run: Run, pattern: RegExp): void {
  expect(run.code).not.toBe(0);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('bad start-up conditions end with one clear line', () => {
  it('an invalid environment value', async () => {
    const run = await startServer({ PORT: 'vierzig' });
    expectOneClearLine(run, /^Kooperationsatlas could not start: invalid environment value PORT="vierzig"/);
  });

  it('the HTTP port already in use', async () => {
    const blocker = net.createServer();
    const port = await findFreePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const run = await startServer({ PORT: String(port), NEO4J_URI: inject('boltUri') });
      expectOneClearLine(run, new RegExp(`^Kooperationsatlas could not start: port ${port} .*already in use`));
    } finally {
      blocker.close();
    }
  });

  it('the embedded Bolt port already in use', async () => {
    const boltPort = Number(new URL(inject('boltUri').replace('bolt:', 'http:')).port);
    const run = await startServer({ PORT: String(await findFreePort()), NEO4J_BOLT_PORT: String(boltPort), NEO4J_EPHEMERAL: 'true' });
    expectOneClearLine(run, new RegExp(`^Kooperationsatlas could not start: port ${boltPort} .*already in use`));
  });

  it('an external Neo4j that does not answer', async () => {
    const deadPort = await findFreePort();
    const run = await startServer({ PORT: String(await findFreePort()), NEO4J_URI: `bolt://127.0.0.1:${deadPort}`, NEO4J_CONNECT_TIMEOUT_MS: '1500' });
    expectOneClearLine(run, /^Kooperationsatlas could not start: Neo4j at bolt:\/\/127\.0\.0\.1:\d+ did not answer within 2 s/);
  });
});

describe('an external Neo4j via NEO4J_URI', () => {
  it('is used as is and no embedded Neo4j is started', async () => {
    const port = await findFreePort();
    const run = await startServer({ PORT: String(port), NEO4J_URI: inject('boltUri') }, /läuft auf/);
    try {
      expect(run.stdout).toMatch(/using external Neo4j at bolt:\/\/127\.0\.0\.1/);
      expect(run.stdout).not.toMatch(/starting embedded Neo4j/);
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(await health.json()).toEqual({ status: 'ok', neo4j: 'up' });
    } finally {
      await run.stop();
    }
  });
});
