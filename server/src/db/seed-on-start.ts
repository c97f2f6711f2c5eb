import { importData } from '@ka/seed';
import type { Database } from './database';

/** Loads the NRW data into an empty database; later starts find it there and skip the import. */
export async function seedIfEmpty(db: Database, dataDir: string, log: (line: string) => void): Promise<void> {
  const result = await db.read('MATCH (m:Municipality) RETURN count(m) AS n');
  const count = result.records[0]?.get('n') as number;
  if (count > 0) {
    log(`database holds ${count} municipalities: skipping the import`);
    return;
  }
  log(`database is empty: importing the NRW data from ${dataDir}`);
  let lastStage = '';
  const report = await importData({
    driver: db.driver,
    database: db.name,
    dataDir,
    scope: 'nrw',
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
