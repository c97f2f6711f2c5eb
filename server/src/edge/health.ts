import express from 'express';
import type { Database } from '../db/database';
import type { SnapshotStore } from '../modules/matching/snapshot.store';
import { notFound } from './http';

/** A readiness probe answers within this, also when Neo4j hangs. */
const READY_TIMEOUT_MS = 2000;

const within = <T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> =>
  Promise.race([promise, new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms).unref())]);

/**
 * - `/health/live`: the process runs and its event loop answers (no database call: a liveness probe must not
 *   restart the app because Neo4j is down).
 * - `/health/ready`: Neo4j answers and the matching snapshot is in memory; 503 until both hold. Asking starts
 *   loading the snapshot, so a fresh instance becomes ready by being probed.
 * - `/health`: as before, Neo4j up or not (the tests and benchmarks use it).
 */
export function healthRouter(db: Database, snapshots: SnapshotStore): express.Router {
  const router = express.Router();
  const noStore: express.RequestHandler = (_req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    next();
  };
  router.use(noStore);

  router.get('/', async (_req, res) => {
    const neo4j = await db.ping();
    res.status(neo4j ? 200 : 503).json({ status: neo4j ? 'ok' : 'degraded', neo4j: neo4j ? 'up' : 'down' });
  });

  router.get('/live', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/ready', async (_req, res) => {
    if (!snapshots.loaded()) void snapshots.current().catch(() => undefined);
    const neo4j = await within(db.ping(), READY_TIMEOUT_MS, false);
    const snapshot = snapshots.loaded();
    const ready = neo4j && snapshot;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', neo4j: neo4j ? 'up' : 'down', snapshot: snapshot ? 'loaded' : 'loading' });
  });

  router.use(notFound);
  return router;
}
