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

/**
 * Starts one throw-away Neo4j for the whole run, applies the migrations and loads the real NRW data: the register
 * of real cooperations (never the synthetic one), the regions and the neighbours across the Land border. Any bad
 * row in the real files fails the run.
 */
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
    const report = await importData({ driver, dataDir: DATA_DIR, scope: 'nrw', synthetic: false });
    if (report.problems.length > 0) throw new Error(`the NRW import reported bad rows:\n${report.problemLines().join('\n')}`);
    if (report.counts.get('Cooperation (generated)') !== 0) throw new Error('the NRW test database holds generated cooperations');
  } finally {
    await driver.close();
  }
  project.provide('boltUri', neo4j.uri);
  return async () => {
    await neo4j.stop();
  };
}
