import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import { prepareData, writeData } from '@ka/seed';
import { DATA_DIR } from '../support/paths';
import { benchDatabase } from './harness';
import { startServerProcess } from './server-process';

/**
 * `pnpm bench edge` (docs/decisions/009): does the event loop stay free while the expensive parts run?
 * - `/health/live` latency idle (the baseline of this run) and while 25 connections load the network page, with the
 *   page's own query (cached analytics) and with filters that change every request (analytics computed anew, in
 *   the worker thread): target p99 ≤ 50 ms;
 * - hostile requests of at most 1 kB, one at a time: none may get more than 5 MB back or hold the event loop for more
 *   than 100 ms, measured from outside as the longest /health/live wait while the request runs.
 */

const NETWORK_PAGE = `query CooperationNetwork($filter: NetworkFilter) {
  cooperationNetwork(filter: $filter) {
    snapshotDate attribution communityCount isolatedCount modularity
    nodes { community degree weightedDegree betweenness x y municipality { ags shortName boundary district { name } } }
    edges { source target weight }
    districts { districtKey name municipalities internalTies density }
  }
  taskAreas { id nameDe nameEn }
}`;

/**
 * Probes /health/live one request after another (every `gapMs`) in a worker thread of its own, until stopped: the
 * load generator keeps this process's event loop busy, and its delays must not count as the server's.
 */
const PROBER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const latencies = [];
let running = true;
parentPort.on('message', () => (running = false));
const once = () => new Promise((resolve, reject) => {
  const start = performance.now();
  http.get(workerData.url + '/health/live', { agent }, (response) => {
    response.resume();
    response.on('end', () => resolve(performance.now() - start));
  }).on('error', reject);
});
(async () => {
  while (running) {
    latencies.push(await once());
    await new Promise((resolve) => setTimeout(resolve, workerData.gapMs));
  }
  agent.destroy();
  parentPort.postMessage(latencies);
})();
`;

function probeHealth(url: string, gapMs = 10): { stop: () => Promise<number[]> } {
  const worker = new Worker(PROBER, { eval: true, workerData: { url, gapMs } });
  const result = new Promise<number[]>((resolve, reject) => {
    worker.once('message', (latencies: number[]) => resolve(latencies));
    worker.once('error', reject);
  });
  return {
    stop: async () => {
      worker.postMessage('stop');
      const latencies = await result;
      await worker.terminate();
      return latencies;
    },
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

function load(url: string, bodies: () => string, seconds: number, connections = 25): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${url}/graphql`,
        method: 'POST',
        // As a browser sends it: the cached answers then go out compressed.
        headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip, deflate, br' },
        connections,
        duration: seconds,
        requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: bodies() }) }],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/** As many aliases of one search as fit into 1 kB. */
function fill1kB(name: string, alias: (i: number) => string): { name: string; body: string } {
  const body = (n: number) => JSON.stringify({ query: `{${Array.from({ length: n }, (_, i) => alias(i)).join(' ')}}` });
  let n = 1;
  while (Buffer.byteLength(body(n + 1)) <= 1024) n += 1;
  return { name: `${n} ${name} (all that fit in 1 kB)`, body: body(n) };
}

/** Requests of at most 1 kB that ask for much: the amplification query and its relatives, and the largest accepted ones. */
function hostileRequests(tasks: string[]): Array<{ name: string; body: string }> {
  const q = (query: string, variables?: unknown) => JSON.stringify(variables ? { query, variables } : { query });
  const page = 'cooperationNetwork { nodes { degree municipality { ags shortName boundary district { name } } } edges { source target weight } }';
  return [
    {
      name: 'amplification (issue 13)',
      body: q(
        '{ cooperationNetwork { nodes { municipality { neighbours { municipality { neighbours { municipality { neighbours { municipality { boundary } } } } } } } } } }',
      ),
    },
    {
      name: 'amplification, 9 aliases',
      body: q(
        `{ ${Array.from({ length: 9 }, (_, i) => `a${i}: cooperationNetwork { nodes { municipality { neighbours { municipality { boundary } } } } }`).join(' ')} }`,
      ),
    },
    { name: 'neighbours of every node, boundaries', body: q('{ cooperationNetwork { nodes { municipality { neighbours { municipality { boundary } } } } } }') },
    { name: 'network page, 3 aliases (accepted)', body: q(`{ a: ${page} b: ${page} c: ${page} }`) },
    {
      name: 'network boundaries, 15 aliases',
      body: q(`{ ${Array.from({ length: 15 }, (_, i) => `n${i}: cooperationNetwork { nodes { municipality { boundary } } }`).join(' ')} }`),
    },
    {
      name: 'network boundaries, 3 aliases (accepted)',
      body: q(`{ ${Array.from({ length: 3 }, (_, i) => `n${i}: cooperationNetwork { nodes { municipality { boundary } } }`).join(' ')} }`),
    },
    {
      name: '100 municipalities, neighbours, boundaries',
      body: q('{ municipalities(first: 100) { edges { node { boundary neighbours { municipality { boundary } } } } } }'),
    },
    {
      name: '100 municipalities, cooperations, members',
      body: q('{ municipalities(first: 100) { edges { node { cooperationsByTaskArea { cooperations { members { name } } } } } } }'),
    },
    fill1kB(
      'coalition searches, groups of 6 within 500 km',
      (i) => `c${i}:coalitionSuggestions(ags:"05958004",taskArea:"${tasks[i % tasks.length]}",options:{maxSize:6,maxDistanceKm:500}){targetPopulation}`,
    ),
    {
      name: '3 coalition searches, groups of 6 (accepted)',
      body: q(
        `{ ${Array.from({ length: 3 }, (_, i) => `c${i}: coalitionSuggestions(ags: "05958004", taskArea: "${tasks[i]}", options: { maxSize: 6, maxDistanceKm: 500 }) { coalitions { score } }`).join(' ')} }`,
      ),
    },
    fill1kB(
      'partner searches, 50 within 500 km',
      (i) => `p${i}:partnerSuggestions(ags:"05958004",taskArea:"${tasks[i % tasks.length]}",options:{limit:50,maxDistanceKm:500}){consideredCount}`,
    ),
    {
      name: 'fragment bomb (2^20)',
      body: q(
        `{ municipality(ags: "05958004") { ...F0 } } ${Array.from({ length: 20 }, (_, i) => `fragment F${i} on Municipality { ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F20 on Municipality { boundary }`,
      ),
    },
    {
      name: 'new filter: analytics computed (worker)',
      body: q('query ($f: NetworkFilter) { cooperationNetwork(filter: $f) { modularity nodes { community } } }', {
        f: { taskArea: tasks[tasks.length - 1], provenance: 'RESEARCHED' },
      }),
    },
    {
      name: 'gap analysis with boundaries',
      body: q(`{ cooperationGaps(taskArea: "${tasks[0]}") { gaps { municipality { boundary } } hosts { catchment { boundary } } } }`),
    },
  ];
}

export async function benchEdge(): Promise<void> {
  const db = await benchDatabase();
  const rows: Array<Record<string, string>> = [];
  const hostile: Array<Record<string, string>> = [];
  let failed = false;
  try {
    await writeData({ driver: db.driver }, prepareData({ dataDir: DATA_DIR, scope: 'nrw' }));
    const session = db.driver.session();
    const tasks = (await session.run('MATCH (t:TaskArea) RETURN t.id AS id ORDER BY id')).records.map((r) => r.get('id') as string);
    await session.close();
    const server = await startServerProcess(db.neo4j.uri);
    try {
      // Warm-up: the unfiltered network (computed at start) and the JIT.
      for (let i = 0; i < 20; i++)
        await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: NETWORK_PAGE }),
        }).then((r) => r.text());

      const idle = probeHealth(server.url);
      await new Promise((resolve) => setTimeout(resolve, 5000));
      const idleLatencies = await idle.stop();
      rows.push({
        measure: '/health/live, idle (baseline)',
        requests: String(idleLatencies.length),
        p50: ms(percentile(idleLatencies, 0.5)),
        p99: ms(percentile(idleLatencies, 0.99)),
        max: ms(Math.max(...idleLatencies)),
        target: '',
        load: '',
      });

      const scenarios: Array<{ name: string; body: () => string }> = [
        { name: 'network page (cached analytics)', body: () => JSON.stringify({ query: NETWORK_PAGE }) },
        {
          // Task area × legal form × provenance: far more filters than the cache holds, so most requests compute.
          name: 'network, a new filter per request (computed in the worker)',
          body: (() => {
            const forms = ['ZWECKVERBAND', 'OEFFENTLICH_RECHTLICHE_VEREINBARUNG', 'AOER', 'GMBH', null];
            const origins = ['RESEARCHED', 'OFFICIAL', null];
            let i = 0;
            return () => {
              i += 1;
              const filter = {
                taskArea: tasks[i % tasks.length],
                legalForm: forms[Math.floor(i / tasks.length) % forms.length],
                provenance: origins[Math.floor(i / (tasks.length * forms.length)) % origins.length],
              };
              return JSON.stringify({
                query:
                  'query ($f: NetworkFilter) { cooperationNetwork(filter: $f) { modularity nodes { community degree x y municipality { ags } } edges { source target weight } } }',
                variables: { f: filter },
              });
            };
          })(),
        },
      ];
      for (const scenario of scenarios) {
        const probe = probeHealth(server.url);
        const result = await load(server.url, scenario.body, 20);
        const latencies = await probe.stop();
        const p99 = percentile(latencies, 0.99);
        failed ||= p99 > 50;
        rows.push({
          measure: `/health/live while 25 connections load: ${scenario.name}`,
          requests: String(latencies.length),
          p50: ms(percentile(latencies, 0.5)),
          p99: ms(p99),
          max: ms(Math.max(...latencies)),
          target: 'p99 ≤ 50 ms',
          load: `${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`,
        });
      }

      for (const request of hostileRequests(tasks)) {
        const probe = probeHealth(server.url, 2);
        await new Promise((resolve) => setTimeout(resolve, 200));
        const start = performance.now();
        const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: request.body });
        const bytes = Buffer.byteLength(await response.text());
        const duration = performance.now() - start;
        await new Promise((resolve) => setTimeout(resolve, 50));
        const latencies = await probe.stop();
        const held = Math.max(...latencies);
        const requestBytes = Buffer.byteLength(request.body);
        failed ||= requestBytes > 1024 || bytes > 5 * 1024 * 1024 || held > 100;
        hostile.push({
          request: request.name,
          'request size': `${requestBytes} B`,
          status: String(response.status),
          'response size': bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} kB`,
          duration: ms(duration),
          'longest /health/live wait': ms(held),
          targets: '≤ 1 kB in, ≤ 5 MB out, ≤ 100 ms held',
        });
      }
    } finally {
      await server.stop();
    }
  } finally {
    await db.close();
  }
  console.log('\nEvent loop under load (NRW register, server in its own process, 2 cores)');
  console.table(rows);
  console.log('\nRequests of at most 1 kB that ask for much, one at a time');
  console.table(hostile);
  console.log(failed ? 'edge: a target was missed' : 'edge: every target met');
}
