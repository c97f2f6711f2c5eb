import 'reflect-metadata';
import { createDriver, isPortFree, migrate, startEmbeddedNeo4j, StartupError, waitForBolt, type EmbeddedNeo4j } from '@ka/db';
import { createApp } from './app';
import { createLogger, type Logger } from './edge/logger';
import { loadConfig } from './config';
import { Database } from './db/database';
import { refuseSyntheticData, seedIfEmpty } from './db/seed-on-start';
import { authOptionsFromConfig } from './modules/accounts/auth.options';
import { mailOptionsFromConfig } from './modules/notifications/mail.options';

// Structured lines on stdout (pino); the level comes from LOG_LEVEL once the configuration is read.
let logger: Logger = createLogger();
const log = (line: string): void => logger.info(line);

async function main(): Promise<void> {
  const config = loadConfig();
  logger = createLogger(config.LOG_LEVEL);
  if (!(await isPortFree(config.PORT, config.HOST))) {
    throw new StartupError(`port ${config.PORT} on ${config.HOST} is already in use: stop the other process or set PORT`);
  }

  let embedded: EmbeddedNeo4j | undefined;
  const shutdownTasks: Array<() => Promise<void>> = [];
  const shutdown = async (signal: string): Promise<void> => {
    log(`${signal} received, shutting down`);
    for (const task of shutdownTasks.reverse()) await task().catch((error: unknown) => log(`shutdown step failed: ${String(error)}`));
    log('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  let uri = config.NEO4J_URI;
  if (config.embedded) {
    log(
      `starting embedded Neo4j on 127.0.0.1:${config.NEO4J_BOLT_PORT} (${config.NEO4J_EPHEMERAL ? 'throw-away store' : config.NEO4J_DATA_DIR}; log: ${config.NEO4J_LOG_FILE})`,
    );
    embedded = await startEmbeddedNeo4j({
      port: config.NEO4J_BOLT_PORT,
      dataDir: config.NEO4J_DATA_DIR,
      ephemeral: config.NEO4J_EPHEMERAL,
      logFile: config.NEO4J_LOG_FILE,
      heap: config.NEO4J_HEAP,
    });
    const stopEmbedded = embedded.stop;
    shutdownTasks.push(() => stopEmbedded());
    uri = embedded.uri;
  } else {
    log(`using external Neo4j at ${uri} (no embedded database started)`);
  }

  const driver = createDriver({ uri: uri!, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD });
  shutdownTasks.push(() => driver.close());
  await waitForBolt(driver, uri!, config.NEO4J_CONNECT_TIMEOUT_MS);

  const migrations = await migrate(driver, config.NEO4J_DATABASE);
  log(`schema migrations: ${migrations.applied.length} applied, ${migrations.skipped.length} already in place`);

  const db = new Database(driver, config.NEO4J_DATABASE);
  if (config.KA_SEED_ON_START) await seedIfEmpty(db, config.KA_DATA_DIR, log);
  await refuseSyntheticData(db, config.KA_ALLOW_SYNTHETIC, log);

  const { httpServer, apollo, services } = await createApp({
    db,
    production: config.production,
    clientDist: config.CLIENT_DIST,
    logger,
    auth: authOptionsFromConfig(config),
    mail: mailOptionsFromConfig(config),
    edge: {
      windowMs: config.KA_RATE_LIMIT_WINDOW_MS,
      max: config.KA_RATE_LIMIT_MAX,
      expensiveMax: config.KA_RATE_LIMIT_EXPENSIVE_MAX,
      headersTimeoutMs: config.KA_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: config.KA_REQUEST_TIMEOUT_MS,
      trustProxy: config.KA_TRUST_PROXY,
    },
  });
  shutdownTasks.push(async () => {
    await apollo.stop();
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new StartupError(`port ${config.PORT} is already in use: stop the other process or set PORT`) : error),
    );
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  // Load the matching snapshot now (about 1 s for NRW, 3 s for Germany) rather than on the first user's request.
  const snapshotStart = Date.now();
  services.snapshots
    .current()
    .then(() => log(`matching data in memory (${((Date.now() - snapshotStart) / 1000).toFixed(1)} s)`))
    // The unfiltered network is the page's first view: compute it now, in the analytics worker.
    .then(() => services.network.network(undefined))
    .catch((error: unknown) => log(`matching data or network not loaded yet, will retry on the first request: ${String(error)}`));
  const shownHost = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
  log(`Kooperationsatlas läuft auf http://${shownHost}:${config.PORT} (GraphQL: /graphql, health: /health)`);
}

main().catch((error: unknown) => {
  // One clear line for the user; a stack trace only for what we did not anticipate, and only with DEBUG set.
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  console.error(`Kooperationsatlas could not start: ${message}`);
  if (!(error instanceof StartupError) && process.env.DEBUG) console.error(error);
  process.exit(1);
});
