import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDriver, findFreePort, migrate, startEmbeddedNeo4j, waitForBolt } from '@ka/db';
import type { TestProject } from 'vitest/node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

declare module 'vitest' {
  export interface ProvidedContext {
    boltUri: string;
  }
}

/** Starts one throw-away Neo4j for the whole run, applies the migrations and loads the NRW data. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = await findFreePort();
  const neo4j = await startEmbeddedNeo4j({
    port,
    ephemeral: true,
    logFile: path.join(root, 'tests', 'output', 'neo4j-test.log'),
    heap: '1g',
  });
  const driver = createDriver({ uri: neo4j.uri });
  try {
    await waitForBolt(driver, neo4j.uri, 60_000);
    await migrate(driver, 'neo4j');
  } finally {
    await driver.close();
  }
  project.provide('boltUri', neo4j.uri);
  return async () => {
    await neo4j.stop();
  };
}
