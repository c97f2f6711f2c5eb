import DataLoader from 'dataloader';
import type { Database, QueryCounter } from './database';

/**
 * A per-request DataLoader whose batch function is one `UNWIND $keys` query returning (key, value) rows.
 * Missing keys resolve to `fallback`, so a field over many parents costs one query however many parents there are.
 */
export function keyedLoader<T>(db: Database, cypher: string, counter: QueryCounter, fallback: T, params: Record<string, unknown> = {}): DataLoader<string, T> {
  return new DataLoader<string, T>(
    async (keys) => {
      const result = await db.read(cypher, { ...params, keys: [...keys] }, counter);
      const byKey = new Map(result.records.map((record) => [record.get('key') as string, record.get('value') as T]));
      return keys.map((key) => byKey.get(key) ?? fallback);
    },
    { maxBatchSize: 1000 },
  );
}
