import 'reflect-metadata';
import autocannon from 'autocannon';
import seedrandom from 'seedrandom';
import { prepareData, writeData } from '@ka/seed';
import { Database } from '@ka/server/src/db/database';
import { MatchingRepository } from '@ka/server/src/modules/matching/matching.repository';
import { SnapshotStore } from '@ka/server/src/modules/matching/snapshot.store';
import { createCooperation, updateCooperation } from '@ka/server/src/modules/register/register-write.repository';
import type { Driver } from 'neo4j-driver';
import { DATA_DIR } from '../support/paths';
import { recordOf, TEST_META } from '../support/register-writes';
import { benchDatabase, wipe } from './harness';
import { startServerProcess } from './server-process';

const SUGGEST = `query Suggest($ags: ID!, $taskArea: ID!) {
  partnerSuggestions(ags: $ags, taskArea: $taskArea, options: { limit: 10 }) {
    candidates { rank score municipality { ags shortName } components { key points strength reasonDe } facts { distanceKm hops } funding { maxGrantEur } }
    existingPartners { ags }
  }
}`;

interface Suggestions {
  candidates: Array<{ municipality: { ags: string } }>;
  existingPartners: Array<{ ags: string }>;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const sleep = (delay: number) => new Promise((resolve) => setTimeout(resolve, delay));

async function focalSet(driver: Driver, count: number): Promise<Array<{ ags: string; task: string }>> {
  const session = driver.session();
  try {
    const places = (
      await session.run(
        "MATCH (m:Municipality) WHERE m.centroid IS NOT NULL AND m.type <> 'GEMEINDEFREIES_GEBIET' AND NOT m:CrossBorder RETURN m.ags AS ags ORDER BY ags",
      )
    ).records.map((r) => r.get('ags') as string);
    const tasks = (await session.run('MATCH (t:TaskArea) RETURN t.id AS id ORDER BY id')).records.map((r) => r.get('id') as string);
    const random = seedrandom('bench-write');
    return Array.from({ length: count }, () => ({ ags: places[Math.floor(random() * places.length)]!, task: tasks[Math.floor(random() * tasks.length)]! }));
  } finally {
    await session.close();
  }
}

async function suggest(url: string, ags: string, task: string): Promise<Suggestions> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: SUGGEST, variables: { ags, taskArea: task } }),
  });
  const body = (await response.json()) as { data?: { partnerSuggestions: Suggestions }; errors?: unknown };
  if (!body.data) throw new Error(`ranking failed: ${JSON.stringify(body.errors)}`);
  return body.data.partnerSuggestions;
}

async function ready(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if ((await fetch(`${url}/health/ready`).catch(() => null))?.status === 200) return;
    await sleep(100);
  }
  throw new Error('server did not become ready');
}

/** Autocannon rankings for `seconds`; every response time (autocannon's summary has no p95). */
async function rankingLoad(url: string, requests: Array<{ ags: string; task: string }>, seconds: number): Promise<number[]> {
  const random = seedrandom(`load-${seconds}`);
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        connections: 2,
        duration: seconds,
        requests: [
          {
            setupRequest: (req: autocannon.Request) => {
              const r = requests[Math.floor(random() * requests.length)]!;
              return { ...req, body: JSON.stringify({ query: SUGGEST, variables: { ags: r.ags, taskArea: r.task } }) };
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx responses, ${result.errors} errors`);
  return latencies;
}

async function runScale(label: string, driver: Driver, neo4jUri: string, rows: Array<Record<string, string>>): Promise<void> {
  const db = new Database(driver, 'neo4j');
  const repository = new MatchingRepository(db);
  const reloads: number[] = [];
  for (let i = 0; i < 2; i++) {
    const start = performance.now();
    await repository.staticData(await repository.datasetVersion());
    reloads.push(performance.now() - start);
  }
  // The same store the servers run, in this process, to time how long applying a change takes (read + index update).
  const applied: number[] = [];
  const indexed: number[] = [];
  const store = new SnapshotStore(repository, {
    onUpdate: (u) => {
      if (u.full) return;
      applied.push(u.ms);
      indexed.push(u.indexMs);
    },
  });
  await store.current();

  const requests = await focalSet(driver, 60);
  const server = await startServerProcess(neo4jUri);
  try {
    await ready(server.url);
    await rankingLoad(server.url, requests, 6); // warm-up: V8 compiles the hot paths

    // Write → visible: a new cooperation of a municipality with its top-ranked candidate, through the write
    // repository in this process; then the server's ranking is asked every 5 ms until the candidate shows as an
    // existing partner in the task.
    const visible: number[] = [];
    const writes: number[] = [];
    const created: Array<{ id: string; pair: [string, string]; task: string }> = [];
    for (const { ags, task } of requests.slice(0, 40)) {
      const before = await suggest(server.url, ags, task);
      const partner = before.candidates[0]?.municipality.ags;
      if (!partner) continue;
      const start = performance.now();
      const result = await createCooperation(db, recordOf(ags, partner, task, `Bench ${ags}/${task}`), TEST_META);
      writes.push(performance.now() - start);
      created.push({ id: result.id, pair: [ags, partner], task });
      for (;;) {
        const after = await suggest(server.url, ags, task);
        if (after.existingPartners.some((m) => m.ags === partner)) break;
        if (performance.now() - start > 10_000) throw new Error(`${label}: write not visible after 10 s`);
        await sleep(5);
      }
      visible.push(performance.now() - start);
    }

    // Ranking latency without writes, then during a burst of writes (one writer as fast as it goes, each edit
    // changing a record's members so that every one reaches the index).
    const quiet = await rankingLoad(server.url, requests, 8);
    let burstWrites = 0;
    let writing = true;
    const writer = (async () => {
      const random = seedrandom('burst');
      const versions = new Map(created.map((c) => [c.id, 1]));
      while (writing) {
        const target = created[Math.floor(random() * created.length)]!;
        const other = requests[Math.floor(random() * requests.length)]!.ags;
        const version = versions.get(target.id)!;
        await updateCooperation(
          db,
          target.id,
          version,
          recordOf(target.pair[0], other === target.pair[0] ? target.pair[1] : other, target.task, `Bench ${version + 1}`),
          TEST_META,
        );
        versions.set(target.id, version + 1);
        burstWrites++;
      }
    })();
    const burstStart = performance.now();
    const busy = await rankingLoad(server.url, requests, 8);
    const burstSeconds = (performance.now() - burstStart) / 1000;
    writing = false;
    await writer;
    await sleep(500);

    rows.push({
      scale: label,
      'write p50': ms(percentile(writes, 50)),
      'write → visible p50': ms(percentile(visible, 50)),
      'write → visible p95': ms(percentile(visible, 95)),
      'write → visible max': ms(Math.max(...visible)),
      'apply change p50 / p95': `${ms(percentile(applied, 50))} / ${ms(percentile(applied, 95))}`,
      'of it index update p50 / p95': `${ms(percentile(indexed, 50))} / ${ms(percentile(indexed, 95))}`,
      'full reload (before)': ms(Math.min(...reloads)),
      'ranking p50 / p95, no writes': `${ms(percentile(quiet, 50))} / ${ms(percentile(quiet, 95))}`,
      'ranking p50 / p95, write burst': `${ms(percentile(busy, 50))} / ${ms(percentile(busy, 95))}`,
      'burst writes/s': (burstWrites / burstSeconds).toFixed(0),
    });
  } finally {
    store.close();
    await server.stop();
  }
}

/** `pnpm bench write`: register write → visible in another process's ranking, and rankings during a write burst, NRW and Germany. */
export async function benchWrite(): Promise<void> {
  const bench = await benchDatabase();
  const rows: Array<Record<string, string>> = [];
  try {
    await writeData({ driver: bench.driver }, prepareData({ dataDir: DATA_DIR, scope: 'nrw' }));
    await runScale('NRW (register)', bench.driver, bench.neo4j.uri, rows);
    await wipe(bench.driver);
    // Germany at scale: the synthetic dataset (~50,000 cooperations), in this throw-away database only.
    await writeData({ driver: bench.driver }, prepareData({ dataDir: DATA_DIR, scope: 'de', synthetic: true }));
    await runScale('Germany (synthetic)', bench.driver, bench.neo4j.uri, rows);
  } finally {
    await bench.close();
  }
  console.log('\npnpm bench write — register writes through the write repository (this process), rankings from a server process (HTTP)');
  console.table(rows);
  console.log('  write → visible: from the start of createCooperation until the server ranks the new partner as existing (polled every 5 ms), 40 writes;');
  console.log('  apply change: one poll of the change feed in a SnapshotStore of this process — reading the changed cooperations and updating the index');
  console.log('    (CooperationIndex.withChanges), which alone is the index update;');
  console.log('  full reload (before): reading the whole snapshot, as every server did after a change before the change feed;');
  console.log('  ranking: partnerSuggestions (limit 10), 2 connections for 8 s each, without writes and while one writer edits records back to back.');
}
