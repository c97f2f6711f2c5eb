import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findFreePort } from '@ka/db';
import { OUTPUT_DIR, REPO_ROOT } from '../support/paths';

/**
 * The real server entry point in a process of its own, so load generation does not share its event loop. The rate
 * limits are raised: a benchmark is one address sending thousands of requests on purpose. Its log (one line per
 * request) goes to a file, as in production: through a pipe to the busy benchmark process, a full pipe would
 * block the server's synchronous log writes and make the measured latencies the benchmark's own.
 */
export async function startServerProcess(neo4jUri: string, env: Record<string, string> = {}): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await findFreePort();
  const logFile = path.join(OUTPUT_DIR, `server-bench-${port}.log`);
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const log = fs.openSync(logFile, 'w');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.join(REPO_ROOT, 'server'),
    env: {
      ...process.env,
      PORT: String(port),
      NEO4J_URI: neo4jUri,
      KA_SEED_ON_START: 'false',
      KA_ALLOW_SYNTHETIC: 'true',
      NODE_ENV: 'production',
      KA_RATE_LIMIT_MAX: '100000000',
      KA_RATE_LIMIT_EXPENSIVE_MAX: '100000000',
      ...env,
    },
    stdio: ['ignore', log, 'inherit'],
  });
  fs.closeSync(log);
  await new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => {
      if (fs.readFileSync(logFile, 'utf8').includes('läuft auf')) {
        clearInterval(poll);
        resolve();
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(poll);
      reject(new Error(`server exited with ${code}: ${fs.readFileSync(logFile, 'utf8').slice(-2000)}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        // A server that does not finish its graceful shutdown in time is killed, so no test leaves one running.
        const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(kill);
          fs.rmSync(logFile, { force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** `count` server processes; when one fails to start, the ones that did are stopped before the error is thrown. */
export async function startServerProcesses(neo4jUri: string, count: number): Promise<Array<{ url: string; stop: () => Promise<void> }>> {
  const started = await Promise.allSettled(Array.from({ length: count }, () => startServerProcess(neo4jUri)));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  if (failed) {
    await Promise.all(servers.map((s) => s.stop()));
    throw failed.reason;
  }
  return servers;
}
