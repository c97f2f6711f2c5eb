import { Neo4jError, type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import { UnavailableError } from '../shared/errors';

/** Driver error codes that mean "the database cannot be reached right now". */
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  return UNAVAILABLE_CODES.has(error.code) || /connect|ECONNREFUSED|Pool is closed|acquisition/i.test(error.message);
}

/** Counts queries per request so tests can prove nested operations stay batched (no N+1). */
export interface QueryCounter {
  count: number;
}

/**
 * The only way repositories reach Neo4j: a session per unit of work on the named database, managed
 * transactions (retried by the driver, so the Cypher must be idempotent) and a uniform UNAVAILABLE error.
 */
export class Database {
  constructor(
    readonly driver: Driver,
    readonly name: string,
  ) {}

  async read<R extends RecordShape = RecordShape>(cypher: string, params: Record<string, unknown> = {}, counter?: QueryCounter): Promise<QueryResult<R>> {
    return this.run((tx) => tx.run<R>(cypher, params), 'READ', counter);
  }

  async write<R extends RecordShape = RecordShape>(cypher: string, params: Record<string, unknown> = {}, counter?: QueryCounter): Promise<QueryResult<R>> {
    return this.run((tx) => tx.run<R>(cypher, params), 'WRITE', counter);
  }

  /**
   * Several statements in one write transaction: all of them land or none (retried by the driver, so `work` must be
   * idempotent and free of side effects outside the transaction).
   */
  async writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>, counter?: QueryCounter): Promise<T> {
    return this.run(work, 'WRITE', counter);
  }

  private async run<T>(work: (tx: ManagedTransaction) => Promise<T>, mode: 'READ' | 'WRITE', counter?: QueryCounter): Promise<T> {
    if (counter) counter.count += 1;
    const session = this.driver.session({ database: this.name, defaultAccessMode: mode === 'READ' ? 'READ' : 'WRITE' });
    try {
      return mode === 'READ' ? await session.executeRead(work) : await session.executeWrite(work);
    } catch (error) {
      if (isUnavailable(error)) throw new UnavailableError();
      throw error;
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /** True when the database answers a trivial query. */
  async ping(): Promise<boolean> {
    try {
      await this.read('RETURN 1');
      return true;
    } catch {
      return false;
    }
  }
}
