import 'reflect-metadata';
import autocannon from 'autocannon';
import seedrandom from 'seedrandom';
import { prepareData, writeData } from '@ka/seed';
import { Database } from '@ka/server/src/db/database';
import type { CooperationEvidence } from '@ka/server/src/matching/cooperation-index';
import { defaultMaxDistanceKm, suggestPartners, type MatchingOptions } from '@ka/server/src/matching/partners';
import type { TaskProfile } from '@ka/server/src/matching/types';
import { defaultWeights } from '@ka/server/src/matching/weights';
import { createServices } from '@ka/server/src/context';
import { MatchingRepository } from '@ka/server/src/modules/matching/matching.repository';
import type { Driver } from 'neo4j-driver';
import { DATA_DIR } from '../support/paths';
import { benchDatabase, wipe } from './harness';
import { startServerProcess } from './server-process';

const QUERY = `query Suggest($ags: ID!, $taskArea: ID!) {
  partnerSuggestions(ags: $ags, taskArea: $taskArea, options: { limit: 10 }) {
    candidates { rank score municipality { ags shortName } components { key points strength reasonDe } facts { distanceKm hops } funding { maxGrantEur } }
  }
}`;

interface Request {
  ags: string;
  task: TaskProfile;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function requestSet(driver: Driver, count: number): Promise<Request[]> {
  const session = driver.session();
  try {
    const places = (
      await session.run(
        "MATCH (m:Municipality) WHERE m.centroid IS NOT NULL AND m.type <> 'GEMEINDEFREIES_GEBIET' AND NOT m:CrossBorder RETURN m.ags AS ags ORDER BY ags",
      )
    ).records.map((r) => r.get('ags') as string);
    const tasks = (
      await session.run('MATCH (t:TaskArea) RETURN t {.id, .nameDe, .nameEn, .proximity, .efficientScale, .sizeFit} AS t ORDER BY t.id')
    ).records.map((r) => r.get('t') as TaskProfile);
    const random = seedrandom('bench-api');
    return Array.from({ length: count }, () => ({ ags: places[Math.floor(random() * places.length)]!, task: tasks[Math.floor(random() * tasks.length)]! }));
  } finally {
    await session.close();
  }
}

function optionsFor(task: TaskProfile): MatchingOptions {
  return {
    weights: defaultWeights(task),
    limit: 10,
    targetPopulation: null,
    maxDistanceKm: defaultMaxDistanceKm(task),
    sizeFit: task.sizeFit,
    projectCostEur: null,
  };
}

/** Runs the requests round after round for `seconds` (the JVM and V8 need thousands of calls to compile the hot paths). */
async function warmUp(requests: Request[], work: (request: Request) => Promise<unknown> | unknown, seconds: number): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    for (const request of requests) await work(request);
    await nextTick();
  }
}

/**
 * Lets timers run between rounds, as a server's event loop does between requests: the snapshot's change-feed poll
 * (ADR 013) must get its turn, or the store would rightly call its data stale.
 */
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

async function timeEach(requests: Request[], work: (request: Request) => Promise<unknown> | unknown, rounds = 3): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++)
    for (const request of requests) {
      const start = performance.now();
      await work(request);
      times.push(performance.now() - start);
      await nextTick();
    }
  return times.sort((a, b) => a - b);
}

async function runScale(label: string, driver: Driver, neo4jUri: string, targetP95: number, rows: Array<Record<string, string>>): Promise<void> {
  const db = new Database(driver, 'neo4j');
  const repository = new MatchingRepository(db);
  const snapshotStart = performance.now();
  const snapshot = await repository.staticData(await repository.datasetVersion());
  const snapshotMs = performance.now() - snapshotStart;
  const { geography } = snapshot;
  const requests = await requestSet(driver, 60);

  // In process, over the same requests:
  // - ours: the matching service as the resolver calls it (validation, snapshot, evidence from the in-memory
  //   cooperation index, scoring, explanations for the shown candidates, municipality records);
  // - the in-memory reference: the same ranking over cooperation evidence computed beforehand.
  const services = createServices(db);
  const ours = (request: Request) => services.matching.partnerSuggestions(request.ags, request.task.id, { limit: 10 }, { count: 0 });
  const preloaded = new Map<Request, CooperationEvidence>();
  for (const request of requests) {
    preloaded.set(
      request,
      snapshot.cooperations.evidenceFor(geography, geography.places.get(request.ags)!, request.task.id, defaultMaxDistanceKm(request.task)),
    );
  }
  const inMemory = (request: Request) =>
    suggestPartners(geography, geography.places.get(request.ags)!, request.task, preloaded.get(request)!, optionsFor(request.task));
  await warmUp(requests, ours, 4);
  await warmUp(requests, inMemory, 4);
  const oursTimes = await timeEach(requests, ours);
  const memoryTimes = await timeEach(requests, inMemory);
  // The reference must compute the service's ranking, or the comparison means nothing.
  for (const request of requests.slice(0, 10)) {
    const expected = (await ours(request)).candidates.map((c) => c.municipality.ags).join();
    if (
      inMemory(request)
        .candidates.map((c) => c.place.ags)
        .join() !== expected
    )
      throw new Error(`in-memory ranking differs for ${request.ags}/${request.task.id}`);
  }

  // Over HTTP with autocannon against the real server process.
  const server = await startServerProcess(neo4jUri);
  try {
    const random = seedrandom(`autocannon-${label}`);
    const body = () => {
      const request = requests[Math.floor(random() * requests.length)]!;
      return JSON.stringify({ query: QUERY, variables: { ags: request.ags, taskArea: request.task.id } });
    };
    const options = {
      url: `${server.url}/graphql`,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: body() }) }],
    };
    await autocannon({ ...options, connections: 2, duration: 8 }); // warm-up: the first request loads the snapshot, V8 compiles the hot paths
    // Every response time, so the table shows the real p95 (autocannon's summary has p90 and p97.5 only).
    const latencies: number[] = [];
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({ ...options, connections: 2, duration: 10 }, (error, done) => (error ? reject(error) : resolve(done)));
      instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    });
    latencies.sort((a, b) => a - b);
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx responses, ${result.errors} errors`);
    const p50 = percentile(oursTimes, 50);
    const mem50 = percentile(memoryTimes, 50);
    rows.push({
      scale: label,
      'HTTP p50': ms(percentile(latencies, 50)),
      'HTTP p95': ms(percentile(latencies, 95)),
      'HTTP p99': ms(percentile(latencies, 99)),
      'req/s': result.requests.average.toFixed(0),
      target: `p95 ≤ ${targetP95} ms`,
      'ours p50': ms(p50),
      'in-memory ref. p50': ms(mem50),
      'ours p95': ms(percentile(oursTimes, 95)),
      'ours ÷ in-memory': `${(p50 / mem50).toFixed(2)}× (≤ 1.5×)`,
      'snapshot load': ms(snapshotMs),
    });
  } finally {
    await server.stop();
  }
}

/** `pnpm bench api`: partner suggestions under load at NRW and Germany scale, with baselines in the same run. */
export async function benchApi(): Promise<void> {
  const bench = await benchDatabase();
  const rows: Array<Record<string, string>> = [];
  try {
    await writeData({ driver: bench.driver }, prepareData({ dataDir: DATA_DIR, scope: 'nrw' }));
    await runScale('NRW (register)', bench.driver, bench.neo4j.uri, 5, rows);
    await wipe(bench.driver);
    // Germany at scale needs far more cooperations than the register has: the synthetic dataset, in this throw-away database only.
    await writeData({ driver: bench.driver }, prepareData({ dataDir: DATA_DIR, scope: 'de', synthetic: true }));
    await runScale('Germany (synthetic)', bench.driver, bench.neo4j.uri, 15, rows);
  } finally {
    await bench.close();
  }
  console.log(
    '\npnpm bench api — partnerSuggestions (limit 10), random municipalities and task areas, 2 connections (one per core), 10 s after an 8 s warm-up',
  );
  console.table(rows);
  console.log('In process over the same 60 requests, 3 rounds after a warm-up:');
  console.log('  ours = MatchingService.partnerSuggestions (validation, snapshot, evidence from the cooperation index, scoring, explanations);');
  console.log('  in-memory ref. = the same ranking over cooperation evidence computed beforehand;');
  console.log('  snapshot load = reading geography, municipalities, task areas and the cooperations from Neo4j (once per import).');
}
