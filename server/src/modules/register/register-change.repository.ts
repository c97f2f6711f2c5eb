import type { ManagedTransaction } from 'neo4j-driver';
import { RECORD_REGISTER_CHANGE } from './register-change.queries';

/**
 * Call inside every write transaction that changes register data (cooperations, members, task areas); returns the
 * feed position of the change.
 */
export async function recordRegisterChange(tx: ManagedTransaction, cooperationIds: readonly string[]): Promise<number> {
  const result = await tx.run(RECORD_REGISTER_CHANGE, { cooperationIds: [...new Set(cooperationIds)] });
  return Number(result.records[0]!.get('seq'));
}
