import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDriver, waitForBolt } from './driver';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded';
import { migrate } from './migrate';

export interface CliDatabase {
  driver: Driver;
  uri: string;
  database: string;
  /** Closes the driver and stops the embedded Neo4j if this command started it. */
  close: () => Promise<void>;
}

/**
 * The database a command-line tool works on: `NEO4J_URI` when set; else the running app's embedded Neo4j on
 * 127.0.0.1:${NEO4J_BOLT_PORT:-7687}; else the embedded one started on the app's store. Migrations are applied.
 */
export async function openCliDatabase(repoRoot: string, log: (line: string) => void = console.log): Promise<CliDatabase> {
  let embedded: EmbeddedNeo4j | undefined;
  let uri = process.env.NEO4J_URI;
  const database = process.env.NEO4J_DATABASE ?? 'neo4j';
  if (!uri) {
    uri = `bolt://127.0.0.1:${process.env.NEO4J_BOLT_PORT ?? '7687'}`;
    const probe = createDriver({ uri });
    const running = await probe.getServerInfo().then(
      () => true,
      () => false,
    );
    await probe.close();
    if (!running) {
      const dataDir = process.env.NEO4J_DATA_DIR ?? path.join(repoRoot, '.data', 'neo4j');
      log(`starting the embedded Neo4j on ${dataDir}`);
      embedded = await startEmbeddedNeo4j({ port: Number(process.env.NEO4J_BOLT_PORT ?? 7687), dataDir, logFile: path.join(repoRoot, '.data', 'neo4j.log') });
    }
  }
  const driver = createDriver({ uri, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
  const close = async () => {
    await driver.close();
    await embedded?.stop();
  };
  try {
    await waitForBolt(driver, uri, 60_000);
    await migrate(driver, database);
  } catch (error) {
    await close();
    throw error;
  }
  return { driver, uri, database, close };
}
