import 'reflect-metadata';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createDriver } from '@ka/db';
import { createApp } from '@ka/server/src/app';
import { Database } from '@ka/server/src/db/database';
import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';

import { REPO_ROOT } from './paths';

export { REPO_ROOT, OUTPUT_DIR, DATA_DIR } from './paths';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  extensions?: { queryCount?: number };
}

export interface TestApp {
  url: string;
  driver: Driver;
  db: Database;
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** The real server (Apollo + resolvers + services) on a free port, talking to the test run's Neo4j. */
export async function startTestApp({ production = false, serveClient = false, boltUri = inject('boltUri') } = {}): Promise<TestApp> {
  const driver = createDriver({ uri: boltUri });
  const db = new Database(driver, 'neo4j');
  const { httpServer, apollo } = await createApp({
    db,
    production,
    clientDist: serveClient ? path.join(REPO_ROOT, 'client', 'dist') : undefined,
    log: () => undefined,
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return {
    url,
    driver,
    db,
    async graphql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    },
    async close() {
      await apollo.stop();
      await driver.close();
    },
  };
}
