import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StartupError } from './errors';
import { isPortFree } from './ports';

const dbDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const classesDir = path.join(dbDir, 'target', 'classes');
const libDir = path.join(dbDir, 'target', 'lib');

/**
 * The module options Neo4j's own launcher passes on Java 17: Netty and the page cache reach into java.nio
 * internals, which the module system closes by default.
 */
const JVM_OPTIONS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-exports=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
];

export interface EmbeddedOptions {
  port: number;
  host?: string;
  /** Neo4j home with the store; ignored when ephemeral. */
  dataDir?: string;
  /** A temporary store deleted on shutdown (tests). */
  ephemeral?: boolean;
  /** The launcher's output goes here (appended). */
  logFile: string;
  heap?: string;
  pageCache?: string;
  startTimeoutMs?: number;
}

export interface EmbeddedNeo4j {
  uri: string;
  process: ChildProcess;
  /** Stops the database (SIGTERM, then SIGKILL after a grace period) and resolves when it has exited. */
  stop(): Promise<void>;
  /** Kills the JVM at once, as a crash would (outage tests). */
  crash(): Promise<void>;
}

/** True when the launcher has been built (`mvn package` in db/). */
export function isLauncherBuilt(): boolean {
  return fs.existsSync(path.join(classesDir, 'de', 'kooperationsatlas', 'db', 'EmbeddedNeo4j.class')) && fs.existsSync(libDir);
}

function assertJavaAvailable(): void {
  const result = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (result.error || result.status !== 0) {
    throw new StartupError('Java 17 or newer is required for the embedded Neo4j but `java` was not found on PATH');
  }
}

export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const host = options.host ?? '127.0.0.1';
  const { port } = options;
  assertJavaAvailable();
  if (!isLauncherBuilt()) {
    throw new StartupError(`the embedded Neo4j launcher is not built: run \`mvn -B package\` in ${dbDir} (npm start does this)`);
  }
  if (!(await isPortFree(port, host))) {
    throw new StartupError(`port ${port} on ${host} is already in use: stop the other process or set NEO4J_BOLT_PORT`);
  }

  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = fs.openSync(options.logFile, 'a');
  const args = [
    `-Xmx${options.heap ?? '1g'}`,
    ...JVM_OPTIONS,
    '-cp',
    `${classesDir}${path.delimiter}${path.join(libDir, '*')}`,
    'de.kooperationsatlas.db.EmbeddedNeo4j',
    '--host',
    host,
    '--port',
    String(port),
    '--page-cache',
    options.pageCache ?? '256m',
    '--watch-stdin',
  ];
  if (options.ephemeral) args.push('--ephemeral');
  else args.push('--data-dir', path.resolve(options.dataDir ?? '.data/neo4j'));

  // stdin stays a pipe we never write to: when this process dies, the pipe closes and the JVM exits too.
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', log] });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));

  const ready = new Promise<void>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      fs.writeSync(log, chunk);
      buffer += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (line.startsWith('NEO4J_READY')) resolve();
        if (line.startsWith('NEO4J_ERROR')) reject(new StartupError(`embedded Neo4j: ${line.slice('NEO4J_ERROR '.length)} (log: ${options.logFile})`));
      }
    });
    child.once('error', (error) => reject(new StartupError(`embedded Neo4j could not be started: ${error.message}`)));
    void exited.then((code) => reject(new StartupError(`embedded Neo4j exited with code ${code} before it was ready (log: ${options.logFile})`)));
  });

  const timeoutMs = options.startTimeoutMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StartupError(`embedded Neo4j did not start within ${timeoutMs / 1000} s (log: ${options.logFile})`)), timeoutMs);
  });

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(killer);
    fs.closeSync(log);
  };

  try {
    await Promise.race([ready, timeout]);
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const crash = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await exited;
    fs.closeSync(log);
  };
  return { uri: `bolt://${host}:${port}`, process: child, stop, crash };
}
