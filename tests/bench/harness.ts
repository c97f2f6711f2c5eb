import path from 'node:path';
import { createDriver, findFreePort, migrate, startEmbeddedNeo4j, waitForBolt, type EmbeddedNeo4j } from '@ka/db';
import type { Driver } from 'neo4j-driver';
import { OUTPUT_DIR } from '../support/paths';

/** A throw-away Neo4j for one benchmark run, so figures never depend on what the app's database holds. */
export async function benchDatabase(): Promise<{ neo4j: EmbeddedNeo4j; driver: Driver; close: () => Promise<void> }> {
  const neo4j = await startEmbeddedNeo4j({
    port: await findFreePort(),
    ephemeral: true,
    logFile: path.join(OUTPUT_DIR, 'neo4j-bench.log'),
    heap: '2g',
    pageCache: '512m',
  });
  const driver = createDriver({ uri: neo4j.uri });
  await waitForBolt(driver, neo4j.uri);
  await migrate(driver, 'neo4j');
  return {
    neo4j,
    driver,
    close: async () => {
      await driver.close();
      await neo4j.stop();
    },
  };
}

export async function wipe(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    await session.run('MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
