import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '@ka/db';
import { afterAll, describe, expect, it } from 'vitest';
import { OUTPUT_DIR, startTestApp, type TestApp } from '../support/app';

// A database of its own: this test stops and restarts Neo4j, which must not disturb the shared one.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ka-outage-'));
let neo4j: EmbeddedNeo4j | undefined;
let app: TestApp | undefined;

afterAll(async () => {
  await app?.close();
  await neo4j?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const start = (port: number) => startEmbeddedNeo4j({ port, dataDir, logFile: path.join(OUTPUT_DIR, 'neo4j-outage.log'), heap: '512m', pageCache: '64m' });

describe('when Neo4j goes down', () => {
  it('answers UNAVAILABLE within seconds and recovers by itself when Neo4j is back', async () => {
    const port = await findFreePort();
    neo4j = await start(port);
    app = await startTestApp({ boltUri: neo4j.uri });
    const stats = 'query Stats { stats { municipalities } }';
    expect((await app.graphql(stats)).errors).toBeUndefined();

    await neo4j.crash();
    const before = Date.now();
    const down = await app.graphql(stats);
    const elapsed = Date.now() - before;
    expect(down.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    expect(down.errors?.[0]?.message).toMatch(/nicht erreichbar/);
    // A functional bound (fail fast instead of the driver's 30 s retry), not a performance figure.
    expect(elapsed).toBeLessThan(10_000);
    const health = await fetch(`${app.url}/health`);
    expect(health.status).toBe(503);

    neo4j = await start(port);
    let recovered = false;
    for (let attempt = 0; attempt < 60 && !recovered; attempt++) {
      recovered = (await app.graphql(stats)).errors === undefined;
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(recovered).toBe(true);
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
  });
});
