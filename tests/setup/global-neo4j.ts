import path from 'node:path';
import { createDriver, findFreePort, migrate, startEmbeddedNeo4j, waitForBolt } from '@ka/db';
import { importData } from '@ka/seed';
import type { TestProject } from 'vitest/node';

import { DATA_DIR, OUTPUT_DIR } from '../support/paths';

declare module 'vitest' {
  export interface ProvidedContext {
    boltUri: string;
  }
}

/** Starts one throw-away Neo4j for the whole run, applies the migrations and loads the real NRW data. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = await findFreePort();
  const neo4j = await startEmbeddedNeo4j({
    port,
    ephemeral: true,
    logFile: path.join(OUTPUT_DIR, 'neo4j-test.log'),
    heap: '1g',
  });
  const driver = createDriver({ uri: neo4j.uri });
  try {
    await waitForBolt(driver, neo4j.uri, 60_000);
    await migrate(driver, 'neo4j');
    const report = await importData({ driver, dataDir: DATA_DIR, scope: 'nrw' });
    if (report.problems.length > 0) throw new Error(`the NRW import reported bad rows:\n${report.problemLines().join('\n')}`);
  } finally {
    await driver.close();
  }
  project.provide('boltUri', neo4j.uri);
  return async () => {
    await neo4j.stop();
  };
}
