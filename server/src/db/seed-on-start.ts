import { IMPORT_VERSION, importData } from '@ka/seed';
import type { Database } from './database';

/**
 * Loads the NRW data into an empty database; later starts find it there and skip the import, unless it was
 * written by an older import version (then the idempotent import runs again to add what is new).
 */
export async function seedIfEmpty(db: Database, dataDir: string, log: (line: string) => void): Promise<void> {
  const result = await db.read("MATCH (m:Municipality) WITH count(m) AS n OPTIONAL MATCH (d:Dataset {key: 'main'}) RETURN n, d.importVersion AS version, d.scope AS scope");
  const count = result.records[0]?.get('n') as number;
  const version = (result.records[0]?.get('version') as number | null) ?? 0;
  const scope = (result.records[0]?.get('scope') as 'nrw' | 'de' | null) ?? 'nrw';
  if (count > 0 && version >= IMPORT_VERSION) {
    log(`database holds ${count} municipalities: skipping the import`);
    return;
  }
  log(count > 0 ? `database was imported by an older version (${version} < ${IMPORT_VERSION}): updating it from ${dataDir}` : `database is empty: importing the NRW data from ${dataDir}`);
  let lastStage = '';
  const report = await importData({
    driver: db.driver,
    database: db.name,
    dataDir,
    scope,
    progress: (stage, done, total) => {
      if (done === total && stage !== lastStage) {
        lastStage = stage;
        log(`  ${stage}: ${total}`);
      }
    },
  });
  log(`import done in ${((report.timings.get('total') ?? 0) / 1000).toFixed(1)} s: ${report.counts.get('Municipality')} municipalities, ${report.counts.get('BORDERS')} borders, ${
    (report.counts.get('Cooperation (researched)') ?? 0) + (report.counts.get('Cooperation (generated)') ?? 0)
  } cooperations`);
  for (const line of report.problemLines()) log(`  bad row left out: ${line}`);
}
