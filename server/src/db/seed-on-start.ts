import { StartupError } from '@ka/db';
import { DatasetConflictError, IMPORT_VERSION, importData } from '@ka/seed';
import type { Database } from './database';

/**
 * Loads the NRW data into an empty database; later starts find it there and skip the import, unless it was
 * written by an older import version (then the import runs again to add what is new). A database written before
 * the register replaced the generated cooperations (import version < 4) held only imported data, generated
 * records among it: it is emptied and imported anew, so that nothing generated is left to be shown — unless it holds
 * anything users entered through the app (records of provenance USER, versions, contributions, contact persons):
 * then the import refuses to wipe and start-up stops with that message (docs/decisions/012).
 */
export async function seedIfEmpty(db: Database, dataDir: string, log: (line: string) => void): Promise<void> {
  const result = await db.read(
    `MATCH (m:Municipality) WITH count(m) AS n
     OPTIONAL MATCH (d:Dataset {key: 'main'})
     RETURN n, d.importVersion AS version, d.scope AS scope, d.kind AS kind, COUNT { (c:Cooperation {provenance: 'GENERATED'}) } AS generated`,
  );
  const row = result.records[0]!;
  const count = row.get('n') as number;
  const version = (row.get('version') as number | null) ?? 0;
  const scope = (row.get('scope') as 'nrw' | 'de' | null) ?? 'nrw';
  const kind = row.get('kind') as string | null;
  if (kind === 'SYNTHETIC') return; // refuseSyntheticData says what to do
  if (count > 0 && version >= IMPORT_VERSION) {
    log(`database holds ${count} municipalities: skipping the import`);
    return;
  }
  const wipe = count > 0 && version < 4 && (row.get('generated') as number) > 0;
  log(
    count === 0
      ? `database is empty: importing the NRW data from ${dataDir}`
      : wipe
        ? `database was imported by an older version (${version}) with generated cooperations: emptying it and importing the register from ${dataDir}`
        : `database was imported by an older version (${version} < ${IMPORT_VERSION}): updating it from ${dataDir}`,
  );
  let lastStage = '';
  const report = await importData({
    driver: db.driver,
    database: db.name,
    dataDir,
    scope,
    wipe,
    progress: (stage, done, total) => {
      if (done === total && stage !== lastStage) {
        lastStage = stage;
        log(`  ${stage}: ${total}`);
      }
    },
  }).catch((error: unknown) => {
    if (error instanceof DatasetConflictError) throw new StartupError(`the initial import refused: ${error.message}`);
    throw error;
  });
  log(`import done in ${((report.timings.get('total') ?? 0) / 1000).toFixed(1)} s: ${[...report.counts].map(([key, n]) => `${key} ${n}`).join(', ')}`);
  for (const line of report.problemLines()) log(`  bad row left out: ${line}`);
}

/** A synthetic dataset exists for benchmarks only: the app does not serve it to users unless told to (ADR 008). */
export async function refuseSyntheticData(db: Database, allowed: boolean, log: (line: string) => void): Promise<void> {
  const result = await db.read("OPTIONAL MATCH (d:Dataset {key: 'main'}) RETURN d.kind AS kind");
  if (result.records[0]?.get('kind') !== 'SYNTHETIC') return;
  if (allowed) {
    log('serving a SYNTHETIC dataset (KA_ALLOW_SYNTHETIC=true): for benchmarks and load tests only');
    return;
  }
  throw new StartupError(
    'the database holds a synthetic (generated) dataset, which is never shown to users: import the register with `pnpm seed --wipe`, or set KA_ALLOW_SYNTHETIC=true for a benchmark',
  );
}
