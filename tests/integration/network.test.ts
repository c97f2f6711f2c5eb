import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const count = async (cypher: string) => {
  const session = app.driver.session();
  try {
    return (await session.run(cypher)).records[0]!.get(0) as number;
  } finally {
    await session.close();
  }
};
const EDGES_IT = `MATCH (a:Municipality)-[:MEMBER_OF]->(c:Cooperation)<-[:MEMBER_OF]-(b:Municipality)
  WHERE a.ags < b.ags AND NOT a:CrossBorder AND NOT b:CrossBorder AND (c)-[:COVERS]->(:TaskArea {id: 'it'}) RETURN count(DISTINCT [a.ags, b.ags])`;

type Network = {
  cooperationNetwork: {
    snapshotDate: string;
    communityCount: number;
    isolatedCount: number;
    modularity: number;
    nodes: Array<{
      municipality: { ags: string; districtKey?: string; district: { name: string } };
      community: number | null;
      degree: number;
      betweenness: number;
    }>;
    edges: Array<{ source: string; target: string; weight: number }>;
    districts: Array<{ density: number }>;
  };
};
const NETWORK = `query Network($filter: NetworkFilter) { cooperationNetwork(filter: $filter) {
  snapshotDate communityCount isolatedCount modularity
  nodes { community degree weightedDegree betweenness x y municipality { ags shortName district { name } } }
  edges { source target weight }
  districts { districtKey name municipalities internalTies density } } }`;

describe('cooperation network', () => {
  it('links municipalities sharing cooperations, with communities that largely follow the Kreise', async () => {
    const { data, errors } = await app.graphql<Network>(NETWORK, { filter: null });
    expect(errors).toBeUndefined();
    const network = data!.cooperationNetwork;
    expect(network.nodes).toHaveLength(396);
    expect(network.edges.length).toBe(
      await count(
        `MATCH (a:Municipality)-[:MEMBER_OF]->(:Cooperation)<-[:MEMBER_OF]-(b:Municipality) WHERE a.ags < b.ags AND NOT a:CrossBorder AND NOT b:CrossBorder RETURN count(DISTINCT [a.ags, b.ags])`,
      ),
    );
    // Every edge joins two of the nodes: ties across the Land border (Diemelsee, Hatzfeld) are not part of NRW's network.
    const nodes = new Set(network.nodes.map((n) => n.municipality.ags));
    expect(network.edges.filter((e) => !nodes.has(e.source) || !nodes.has(e.target))).toEqual([]);
    expect(network.communityCount).toBeGreaterThan(5);
    expect(network.modularity).toBeGreaterThan(0.2);
    // Purity: most municipalities share their community with the majority of their own Kreis.
    const byDistrict = new Map<string, number[]>();
    for (const n of network.nodes) byDistrict.set(n.municipality.district.name, [...(byDistrict.get(n.municipality.district.name) ?? []), n.community ?? -1]);
    let majority = 0;
    for (const communities of byDistrict.values()) {
      const counts = new Map<number, number>();
      communities.forEach((c) => counts.set(c, (counts.get(c) ?? 0) + 1));
      majority += Math.max(...counts.values());
    }
    expect(majority / 396).toBeGreaterThan(0.5);
    expect(network.snapshotDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('filters by task area; municipalities without an IT tie belong to no community', async () => {
    const { data } = await app.graphql<Network>(NETWORK, { filter: { taskArea: 'it' } });
    const network = data!.cooperationNetwork;
    expect(network.edges.length).toBe(await count(EDGES_IT));
    const isolated = network.nodes.filter((n) => n.degree === 0);
    expect(isolated.length).toBeGreaterThan(0);
    expect(isolated.every((n) => n.community === null)).toBe(true);
    expect(network.isolatedCount).toBe(isolated.length);
    const sizes = new Map<number, number>();
    for (const n of network.nodes) if (n.community !== null) sizes.set(n.community, (sizes.get(n.community) ?? 0) + 1);
    expect(network.communityCount).toBe(sizes.size);
    // Numbered by size from 1 (as the page shows them): community 1 is the largest, and every community has at least two members.
    expect([...sizes.keys()].sort((a, b) => a - b)).toEqual([...Array(sizes.size).keys()].map((i) => i + 1));
    expect(sizes.get(1)).toBe(Math.max(...sizes.values()));
    expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(2);
  });

  it('rejects an unknown task area', async () => {
    const response = await app.graphql(NETWORK, { filter: { taskArea: 'raumfahrt' } });
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('gaps', () => {
  it('finds municipalities doing a task alone while most neighbours cooperate, and candidate hosts', async () => {
    const { data, errors } = await app.graphql<{
      cooperationGaps: { cooperatingCount: number; gaps: Array<{ share: number; municipality: { ags: string } }>; hosts: Array<{ catchment: unknown[] }> };
    }>(
      'query Gaps { cooperationGaps(taskArea: "vhs") { cooperatingCount gaps { share neighbours cooperatingNeighbours municipality { ags shortName } } hosts { municipality { shortName } catchment { shortName } catchmentPopulation cooperations } } }',
    );
    expect(errors).toBeUndefined();
    const result = data!.cooperationGaps;
    expect(result.gaps.length).toBeGreaterThan(0);
    expect(result.gaps.every((g) => g.share > 0.5)).toBe(true);
    expect(result.hosts.length).toBeGreaterThan(0);
    expect(result.hosts.every((h) => h.catchment.length > 0)).toBe(true);
    // A gap is not in any VHS cooperation in force.
    const ags = result.gaps[0]!.municipality.ags;
    expect(
      await count(
        `MATCH (:Municipality {ags: '${ags}'})-[:MEMBER_OF]->(c:Cooperation)-[:COVERS]->(:TaskArea {id: 'vhs'}) WHERE c.status IN ['ACTIVE', 'UNCLEAR'] RETURN count(*)`,
      ),
    ).toBe(0);
  });
});

// The open exports (CSV, Excel, GeoJSON, GraphML, GEXF, the register, datapackage.json) are tested in exports.test.ts.
