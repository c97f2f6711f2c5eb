import 'reflect-metadata';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createDriver } from '@ka/db';
import { createApp, type EdgeOptions } from '@ka/server/src/app';
import { createLogger, type Logger } from '@ka/server/src/edge/logger';
import { Database } from '@ka/server/src/db/database';
import type { Driver } from 'neo4j-driver';
import type { AuthOptions } from '@ka/server/src/modules/accounts/auth.options';
import type { MailOptions } from '@ka/server/src/modules/notifications/mail.options';
import type { NoticeMailer } from '@ka/server/src/modules/notifications/notice-mailer';
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
  /** The notice outbox, when `mail` was given. */
  mailer: NoticeMailer | null;
  close(): Promise<void>;
}

/**
 * Every suite sends many requests from 127.0.0.1: the rate limits are raised far above anything a test sends,
 * except where a test passes its own `edge` to see them act.
 */
const TEST_EDGE: Partial<EdgeOptions> = { max: 1_000_000, expensiveMax: 1_000_000 };

/** The real server (Apollo + resolvers + services) on a free port, talking to the test run's Neo4j. */
export async function startTestApp({
  production = false,
  serveClient = false,
  boltUri = inject('boltUri'),
  auth,
  edge,
  logger,
  mail,
}: {
  production?: boolean;
  serveClient?: boolean;
  boltUri?: string;
  auth?: AuthOptions;
  edge?: Partial<EdgeOptions>;
  logger?: Logger;
  mail?: MailOptions;
} = {}): Promise<TestApp> {
  const driver = createDriver({ uri: boltUri });
  const db = new Database(driver, 'neo4j');
  const { httpServer, apollo, mailer } = await createApp({
    db,
    production,
    clientDist: serveClient ? path.join(REPO_ROOT, 'client', 'dist') : undefined,
    // KA_TEST_LOG_LEVEL=info shows the app's log lines while debugging a test.
    logger: logger ?? createLogger(process.env.KA_TEST_LOG_LEVEL ?? 'silent'),
    edge: { ...TEST_EDGE, ...edge },
    auth,
    mail,
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return {
    url,
    driver,
    db,
    mailer,
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
