import autocannon from 'autocannon';
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import seedrandom from 'seedrandom';
import { prepareData, writeData } from '@ka/seed';
import { analyzeNetwork } from '@ka/server/src/analytics/network';
import { Database } from '@ka/server/src/db/database';
import { MatchingRepository } from '@ka/server/src/modules/matching/matching.repository';
import { NetworkRepository } from '@ka/server/src/modules/network/network.repository';
import type { Driver } from 'neo4j-driver';
import { DATA_DIR } from '../support/paths';
import { benchDatabase, wipe } from './harness';
import { startServerProcess } from './server-process';

const ms = (x: number) => `${x.toFixed(1)} ms`;

async function analyticsRow(label: string, driver: Driver): Promise<Record<string, string>> {
  const db = new Database(driver, 'neo4j');
  const repository = new MatchingRepository(db);
  const { geography } = await repository.staticData(await repository.datasetVersion());
  const edges = await new NetworkRepository(db).edges({ taskArea: null, legalForm: null, provenance: null });
  const nodes = [...geography.places.values()].map((p) => ({ ags: p.ags, districtKey: p.districtKey, longitude: p.longitude, latitude: p.latitude }));
  const graph = new Graph({ type: 'undirected' });
  nodes.forEach((n) => graph.addNode(n.ags));
  edges.forEach((e) => graph.hasNode(e.source) && graph.hasNode(e.target) && graph.addEdge(e.source, e.target, { weight: e.weight }));
  const time = (work: () => unknown) => {
    work(); // warm-up
    const start = performance.now();
    work();
    return performance.now() - start;
  };
  const louvainMs = time(() => louvain.detailed(graph, { getEdgeWeight: 'weight', rng: seedrandom('bench') }));
  const betweennessMs = graph.order <= 2000 ? time(() => betweennessCentrality(graph, { normalized: true })) : NaN;
  const fullMs = graph.order <= 2000 ? time(() => analyzeNetwork({ nodes, edges })) : NaN;
  return {
    network: label,
    nodes: String(graph.order),
    edges: String(graph.size),
    Louvain: ms(louvainMs),
    'Louvain target': label.startsWith('Germany') ? '≤ 1 s' : '',
    betweenness: Number.isNaN(betweennessMs) ? 'not run (O(V·E))' : ms(betweennessMs),
    'all analytics (Louvain + centrality + layout)': Number.isNaN(fullMs) ? '–' : ms(fullMs),
  };
}

/** `pnpm bench network`: analytics on the NRW and the Germany network, and the network page's API latency. */
export async function benchNetwork(): Promise<void> {
  const db = await benchDatabase();
  const analytics: Array<Record<string, string>> = [];
  const api: Array<Record<string, string>> = [];
  try {
    await writeData({ driver: db.driver }, prepareData({ dataDir: DATA_DIR, scope: 'nrw' }));
    analytics.push(await analyticsRow('NRW', db.driver));

    const server = await startServerProcess(db.neo4j.uri);
    try {
      const session = db.driver.session();
      const tasks = (await session.run('MATCH (t:TaskArea) RETURN t.id AS id ORDER BY id')).records.map((r) => r.get('id') as string);
      await session.close();
      const query = (taskArea: string | null) =>
        JSON.stringify({
          query:
            'query Net($filter: NetworkFilter) { cooperationNetwork(filter: $filter) { communityCount nodes { community degree betweenness x y municipality { ags shortName } } edges { source target weight } } }',
          variables: { filter: taskArea ? { taskArea } : null },
        });
      // First request per filter computes and caches the analytics: measure that once per filter.
      const cold: number[] = [];
      for (const task of [null, ...tasks]) {
        const start = performance.now();
        const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query(task) });
        if (!response.ok) throw new Error(`network query failed: ${response.status}`);
        await response.text();
        cold.push(performance.now() - start);
      }
      cold.sort((a, b) => a - b);
      const random = seedrandom('bench-network');
      const latencies: number[] = [];
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: `${server.url}/graphql`,
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            connections: 2,
            duration: 10,
            requests: [
              { setupRequest: (req: autocannon.Request) => ({ ...req, body: query(random() < 0.3 ? null : tasks[Math.floor(random() * tasks.length)]!) }) },
            ],
          },
          (error, done) => (error ? reject(error) : resolve(done)),
        );
        instance.on('response', (_c, _s, _b, responseTime) => latencies.push(responseTime));
      });
      latencies.sort((a, b) => a - b);
      const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
      api.push({
        measure: 'network page query, first request per filter (computes)',
        p50: ms(cold[Math.floor(cold.length / 2)]!),
        p95: ms(cold[Math.floor(cold.length * 0.95)]!),
        target: '',
        'req/s': '',
      });
      api.push({
        measure: 'network page query, NRW, all / one task area (2 connections)',
        p50: ms(p(0.5)),
        p95: ms(p(0.95)),
        target: 'p95 ≤ 100 ms',
        'req/s': result.requests.average.toFixed(0),
      });
    } finally {
      await server.stop();
    }

    await wipe(db.driver);
    // Germany at scale: the synthetic dataset (the register holds NRW only), in this throw-away database only.
    await writeData({ driver: db.driver }, prepareData({ dataDir: DATA_DIR, scope: 'de', synthetic: true }));
    analytics.push(await analyticsRow('Germany (synthetic)', db.driver));
  } finally {
    await db.close();
  }
  console.log('\npnpm bench network — analytics in process (after one warm-up run)');
  console.table(analytics);
  console.table(api);
}
