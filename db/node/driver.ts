import neo4j, { type Driver } from 'neo4j-driver';
import { StartupError } from './errors';

export interface DriverOptions {
  uri: string;
  user?: string | undefined;
  password?: string | undefined;
}

/**
 * One driver per process. Timeouts are short on purpose: when the database is down the API must answer
 * UNAVAILABLE within seconds instead of retrying for the driver's default 30 s.
 */
export function createDriver({ uri, user, password }: DriverOptions): Driver {
  const auth = user ? neo4j.auth.basic(user, password ?? '') : undefined;
  return neo4j.driver(uri, auth, {
    maxTransactionRetryTime: 3_000,
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: 5_000,
    maxConnectionPoolSize: 50,
    // Counts, populations and years all fit in a double; plain numbers keep repositories simple.
    disableLosslessIntegers: true,
    userAgent: 'kooperationsatlas/0.1',
  });
}

/** Polls until Bolt answers or the timeout passes; then fails with one clear line. */
export async function waitForBolt(driver: Driver, uri: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await driver.getServerInfo();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  const reason = lastError instanceof Error ? lastError.message.split('\n')[0] : String(lastError);
  throw new StartupError(`Neo4j at ${uri} did not answer within ${Math.round(timeoutMs / 1000)} s (${reason})`);
}
