import 'reflect-metadata';
import autocannon from 'autocannon';
import seedrandom from 'seedrandom';
import { prepareData, writeData } from '@ka/seed';
import { Database } from '@ka/server/src/db/database';
import { defaultMaxDistanceKm, suggestPartners, type CooperationData, type MatchingOptions } from '@ka/server/src/matching/engine';
import type { Geography } from '@ka/server/src/matching/geography';
import { rank, scoreCandidate } from '@ka/server/src/matching/scoring';
import type { CandidateFacts, TaskProfile } from '@ka/server/src/matching/types';
import { defaultWeights } from '@ka/server/src/matching/weights';
import { createServices } from '@ka/server/src/context';
import { MatchingRepository } from '@ka/server/src/modules/matching/matching.repository';
import type { Driver } from 'neo4j-driver';
import { cooperationDataFromGraph } from '../support/graph-reference';
import { DATA_DIR } from '../support/paths';
import { benchDatabase, wipe } from './harness';
import { startServerProcess } from './server-process';

const QUERY = `query Suggest($ags: ID!, $taskArea: ID!) {
  partnerSuggestions(ags: $ags, taskArea: $taskArea, options: { limit: 10 }) {
    candidates { rank score municipality { ags shortName } components { key contribution reasonDe } facts { distanceKm hops } funding { maxGrantEur } }
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
    const places = (await session.run("MATCH (m:Municipality) WHERE m.centroid IS NOT NULL AND m.type <> 'GEMEINDEFREIES_GEBIET' RETURN m.ags AS ags ORDER BY ags")).records.map((r) => r.get('ags') as string);
    const tasks = (await session.run('MATCH (t:TaskArea) RETURN t {.id, .nameDe, .nameEn, .proximity, .efficientScale, .sizeFit} AS t ORDER BY t.id')).records.map((r) => r.get('t') as TaskProfile);
    const random = seedrandom('bench-api');
    return Array.from({ length: count }, () => ({ ags: places[Math.floor(random() * places.length)]!, task: tasks[Math.floor(random() * tasks.length)]! }));
  } finally {
    await session.close();
  }
}

function optionsFor(task: TaskProfile): MatchingOptions {
  return { weights: defaultWeights(task), limit: 10, targetPopulation: null, maxDistanceKm: defaultMaxDistanceKm(task), sizeFit: task.sizeFit, projectCostEur: null };
}

/** The naive way: find candidates, then ask Neo4j about each candidate separately. */
const NAIVE_CANDIDATES = `
  MATCH (i:Municipality {ags: $ags}), (j:Municipality)
  WHERE j <> i AND j.centroid IS NOT NULL AND point.distance(i.centroid, j.centroid) <= $radiusM
  RETURN j.ags AS ags`;
const NAIVE_PAIR = `
  MATCH (i:Municipality {ags: $i}), (j:Municipality {ags: $j})
  OPTIONAL MATCH (i)-[b:BORDERS]-(j)
  CALL (i, j) { OPTIONAL MATCH p = shortestPath((i)-[:BORDERS*..12]-(j)) RETURN length(p) AS hops }
  CALL (i, j) { OPTIONAL MATCH (i)-[:MEMBER_OF]->(c:Cooperation)<-[:MEMBER_OF]-(j)
                RETURN collect(DISTINCT {id: c.id, name: c.name, taskAreaIds: COLLECT { MATCH (c)-[:COVERS]->(t:TaskArea) RETURN t.id }}) AS shared }
  CALL (i, j) { OPTIONAL MATCH (i)-[:MEMBER_OF]->(:Cooperation)<-[:MEMBER_OF]-(k:Municipality)-[:MEMBER_OF]->(:Cooperation)<-[:MEMBER_OF]-(j)
                WHERE k <> i AND k <> j RETURN count(DISTINCT k) AS partners }
  CALL (j) { OPTIONAL MATCH (j)-[r:MEMBER_OF]->(c:Cooperation)-[:COVERS]->(:TaskArea {id: $task})
             RETURN collect({id: c.id, name: c.name, role: r.role, clients: COUNT { (c)<-[:MEMBER_OF {role: 'DELEGATING'}]-() }}) AS inTask }
  RETURN point.distance(i.centroid, j.centroid) / 1000 AS km, hops, b.lengthKm AS lengthKm, b.touch AS touch, i.districtKey = j.districtKey AS same,
         shared, partners, inTask,
         EXISTS { (i)-[:MEMBER_OF]->(c:Cooperation)<-[:MEMBER_OF]-(j) WHERE (c)-[:COVERS]->(:TaskArea {id: $task}) } AS already`;

async function naiveRanking(db: Database, geography: Geography, request: Request): Promise<string[]> {
  const focal = geography.places.get(request.ags)!;
  const options = optionsFor(request.task);
  const candidates = await db.read(NAIVE_CANDIDATES, { ags: request.ags, radiusM: options.maxDistanceKm * 1000 });
  const scored = [];
  for (const record of candidates.records) {
    const ags = record.get('ags') as string;
    const place = geography.places.get(ags);
    if (!place) continue;
    const row = (await db.read(NAIVE_PAIR, { i: request.ags, j: ags, task: request.task.id })).records[0]!.toObject() as Record<string, any>;
    if (row.already) continue;
    const inTask = (row.inTask as Array<{ id: string; name: string; role: string; clients: number }>).filter((c) => c.id);
    const facts: CandidateFacts = {
      distanceKm: row.km,
      hops: row.hops,
      border: row.lengthKm === null ? null : { lengthKm: row.lengthKm, touch: row.touch },
      sameDistrict: row.same,
      sharedCooperations: (row.shared as Array<{ id: string | null; name: string; taskAreaIds: string[] }>).filter((c) => c.id) as CandidateFacts['sharedCooperations'],
      sharedPartners: row.partners,
      hostsTask: inTask.filter((c) => c.role === 'LEAD' && c.clients > 0).map((c) => ({ id: c.id, name: c.name, clients: c.clients })),
      memberInTask: inTask.filter((c) => !(c.role === 'LEAD' && c.clients > 0)).map((c) => ({ id: c.id, name: c.name })),
    };
    scored.push({ candidate: { place, facts }, score: scoreCandidate({ focal, candidate: place, task: request.task, facts, weights: options.weights, targetPopulation: null, sizeFit: request.task.sizeFit, projectCostEur: null }) });
  }
  return rank(scored).slice(0, options.limit).map((s) => s.candidate.place.ags);
}

/** Runs the requests round after round for `seconds` (the JVM and V8 need thousands of calls to compile the hot paths). */
async function warmUp(requests: Request[], work: (request: Request) => Promise<unknown> | unknown, seconds: number): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) for (const request of requests) await work(request);
}

async function timeEach(requests: Request[], work: (request: Request) => Promise<unknown> | unknown, rounds = 3): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++)
    for (const request of requests) {
      const start = performance.now();
      await work(request);
      times.push(performance.now() - start);
    }
  return times.sort((a, b) => a - b);
}

async function runScale(label: string, driver: Driver, neo4jUri: string, targetP95: number, rows: Array<Record<string, string>>): Promise<void> {
  const db = new Database(driver, 'neo4j');
  const snapshotStart = performance.now();
  const { geography } = await new MatchingRepository(db).staticData();
  const snapshotMs = performance.now() - snapshotStart;
  const requests = await requestSet(driver, 60);

  // In process, over the same requests:
  // - ours: the matching service as the resolver calls it (validation, in-memory cooperation index, scoring,
  //   explanations for the shown candidates);
  // - the in-memory reference: the same scoring over cooperation data fetched beforehand;
  // - one Cypher round trip: the cooperation data from Neo4j per request, then the same scoring (the design before
  //   ADR 007);
  // - the naive baseline: one query per candidate.
  const services = createServices(db);
  const ours = (request: Request) => services.matching.partnerSuggestions(request.ags, request.task.id, { limit: 10 }, { count: 0 });
  const preloaded = new Map<Request, CooperationData>();
  for (const request of requests) preloaded.set(request, await cooperationDataFromGraph(db, request.ags, request.task.id, true, defaultMaxDistanceKm(request.task)));
  const inMemory = (request: Request) => suggestPartners(geography, geography.places.get(request.ags)!, request.task, preloaded.get(request)!, optionsFor(request.task));
  const cypherPerRequest = (request: Request) =>
    cooperationDataFromGraph(db, request.ags, request.task.id, true, defaultMaxDistanceKm(request.task)).then((data) =>
      suggestPartners(geography, geography.places.get(request.ags)!, request.task, data, optionsFor(request.task)),
    );
  await warmUp(requests, ours, 3);
  await warmUp(requests, inMemory, 3);
  await warmUp(requests, cypherPerRequest, 8);
  const oursTimes = await timeEach(requests, ours);
  const memoryTimes = await timeEach(requests, inMemory);
  const cypherTimes = await timeEach(requests, cypherPerRequest);

  const naiveRequests = requests.slice(0, 8);
  const naiveTimes = await timeEach(naiveRequests, (request) => naiveRanking(db, geography, request), 1);
  // The baselines must compute the same ranking as the service, or the comparison means nothing.
  for (const request of naiveRequests.slice(0, 3)) {
    const expected = (await ours(request)).candidates.map((c) => c.municipality.ags).join();
    if ((await naiveRanking(db, geography, request)).join() !== expected) console.warn(`  note: naive ranking differs for ${request.ags}/${request.task.id}`);
    if (inMemory(request).candidates.map((c) => c.place.ags).join() !== expected) console.warn(`  note: in-memory ranking differs for ${request.ags}/${request.task.id}`);
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
    const cypher50 = percentile(cypherTimes, 50);
    const naive50 = percentile(naiveTimes, 50);
    rows.push({
      scale: label,
      'HTTP p50': ms(percentile(latencies, 50)),
      'HTTP p95': ms(percentile(latencies, 95)),
      'HTTP p99': ms(percentile(latencies, 99)),
      'req/s': result.requests.average.toFixed(0),
      target: `p95 ≤ ${targetP95} ms`,
      'ours p50': ms(p50),
      'in-memory ref. p50': ms(mem50),
      'ours ÷ in-memory': `${(p50 / mem50).toFixed(1)}×`,
      'naive p50': ms(naive50),
      'naive ÷ ours': `${(naive50 / p50).toFixed(0)}×`,
      'Cypher per request p50': ms(cypher50),
      'Cypher ÷ in-memory': `${(cypher50 / mem50).toFixed(1)}×`,
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
    await runScale('NRW', bench.driver, bench.neo4j.uri, 25, rows);
    await wipe(bench.driver);
    await writeData({ driver: bench.driver }, prepareData({ dataDir: DATA_DIR, scope: 'de' }));
    await runScale('Germany', bench.driver, bench.neo4j.uri, 60, rows);
  } finally {
    await bench.close();
  }
  console.log('\npnpm bench api — partnerSuggestions (limit 10), random municipalities and task areas, 2 connections (one per core), 10 s after an 8 s warm-up');
  console.table(rows);
  console.log('In process over the same 60 requests, 3 rounds after a warm-up (naive: 8 requests, 1 round):');
  console.log('  ours = MatchingService.partnerSuggestions (validation, in-memory cooperation index, scoring, explanations);');
  console.log('  in-memory ref. = the same scoring over cooperation data fetched beforehand; naive = one Cypher query per candidate;');
  console.log('  Cypher per request = the cooperation data from Neo4j in one round trip per request, then the same scoring (before ADR 007);');
  console.log('  snapshot load = reading geography, municipalities, task areas and the cooperation index from Neo4j (once per import).');
}
