import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import seedrandom from 'seedrandom';

export interface NetworkInput {
  /** Every municipality in scope, also those without any tie. */
  nodes: Array<{ ags: string; districtKey: string; longitude: number; latitude: number }>;
  /** Two municipalities sharing `weight` cooperations. */
  edges: Array<{ source: string; target: string; weight: number }>;
}

export interface NodeMetrics {
  ags: string;
  /** Louvain community, numbered by size from 1 (1 = largest); null for a municipality without any tie under the filter. */
  community: number | null;
  degree: number;
  weightedDegree: number;
  /** Normalised betweenness (0–1). */
  betweenness: number;
  /** Layout position (ForceAtlas2, seeded from the geography). */
  x: number;
  y: number;
}

export interface NetworkAnalysis {
  nodes: NodeMetrics[];
  /** Communities of municipalities with ties (a municipality without any is not a community of one). */
  communityCount: number;
  /** Municipalities without any tie under the filter. */
  isolatedCount: number;
  modularity: number;
}

/**
 * Louvain's community ids carry no meaning; renumbered by size (largest first, ties by their smallest AGS) they are
 * stable across filters and the largest communities get the first, most distinct colours. Numbered from 1, the way a
 * reader counts: the page, the API and every export show the same number ("Community 1" is community 1 in the CSV).
 * Isolated municipalities get none.
 */
function renumberCommunities(graph: Graph, communities: Record<string, number>): Map<string, number | null> {
  const members = new Map<number, string[]>();
  graph.forEachNode((ags) => {
    if (graph.degree(ags) === 0) return;
    const community = communities[ags]!;
    const list = members.get(community);
    if (list) list.push(ags);
    else members.set(community, [ags]);
  });
  const ordered = [...members.values()].map((list) => list.sort()).sort((x, y) => y.length - x.length || (x[0]! < y[0]! ? -1 : 1));
  const result = new Map<string, number | null>();
  graph.forEachNode((ags) => result.set(ags, null));
  ordered.forEach((list, index) => list.forEach((ags) => result.set(ags, index + 1)));
  return result;
}

/**
 * Communities (Louvain, weighted, seeded so the same data gives the same partition), centrality and a layout of the
 * municipality–municipality cooperation network. All algorithms come from graphology's packages.
 */
export function analyzeNetwork(input: NetworkInput, seed = 'kooperationsatlas'): NetworkAnalysis {
  const graph = new Graph({ type: 'undirected' });
  for (const node of input.nodes) graph.addNode(node.ags, { x: node.longitude, y: node.latitude * 1.5 });
  for (const edge of input.edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target) && !graph.hasEdge(edge.source, edge.target))
      graph.addEdge(edge.source, edge.target, { weight: edge.weight });
  }
  const detailed = louvain.detailed(graph, { getEdgeWeight: 'weight', rng: seedrandom(seed) });
  const community = renumberCommunities(graph, detailed.communities);
  const betweenness = betweennessCentrality(graph, { normalized: true, getEdgeWeight: null });
  const positions = forceAtlas2(graph, {
    iterations: 60,
    getEdgeWeight: 'weight',
    settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 1000 },
  });
  const nodes = graph.mapNodes((ags) => ({
    ags,
    community: community.get(ags) ?? null,
    degree: graph.degree(ags),
    weightedDegree: graph.reduceEdges(ags, (sum, _edge, attributes) => sum + (attributes.weight as number), 0),
    betweenness: Math.round((betweenness[ags] ?? 0) * 1e5) / 1e5,
    x: Math.round(positions[ags]!.x * 1000) / 1000,
    y: Math.round(positions[ags]!.y * 1000) / 1000,
  }));
  const isolatedCount = nodes.filter((n) => n.community === null).length;
  return {
    nodes,
    communityCount: new Set(nodes.map((n) => n.community).filter((c) => c !== null)).size,
    isolatedCount,
    modularity: Math.round(detailed.modularity * 1000) / 1000,
  };
}

export interface DistrictDensity {
  districtKey: string;
  municipalities: number;
  /** Pairs of the district's municipalities that cooperate, out of all pairs. */
  density: number;
  internalTies: number;
}

/** How densely the municipalities of each Kreis cooperate with each other. */
export function districtDensities(input: NetworkInput): DistrictDensity[] {
  const districtOf = new Map(input.nodes.map((n) => [n.ags, n.districtKey]));
  const counts = new Map<string, number>();
  for (const node of input.nodes) counts.set(node.districtKey, (counts.get(node.districtKey) ?? 0) + 1);
  const internal = new Map<string, number>();
  for (const edge of input.edges) {
    const district = districtOf.get(edge.source);
    if (district && district === districtOf.get(edge.target)) internal.set(district, (internal.get(district) ?? 0) + 1);
  }
  return [...counts]
    .map(([districtKey, n]) => {
      const ties = internal.get(districtKey) ?? 0;
      return { districtKey, municipalities: n, internalTies: ties, density: n > 1 ? Math.round((ties / ((n * (n - 1)) / 2)) * 1000) / 1000 : 0 };
    })
    .sort((a, b) => b.density - a.density || a.districtKey.localeCompare(b.districtKey));
}

export interface GapInput {
  /** Municipalities in at least one cooperation covering the task. */
  cooperating: Set<string>;
  neighbours: Map<string, string[]>;
}

export interface Gap {
  ags: string;
  neighbours: number;
  cooperatingNeighbours: number;
  share: number;
}

/** Municipalities that do the task alone while most (more than half) of their neighbours cooperate in it. */
export function findGaps(allAgs: string[], input: GapInput): Gap[] {
  const gaps: Gap[] = [];
  for (const ags of allAgs) {
    if (input.cooperating.has(ags)) continue;
    const neighbours = input.neighbours.get(ags) ?? [];
    if (neighbours.length === 0) continue;
    const cooperating = neighbours.filter((n) => input.cooperating.has(n)).length;
    const share = cooperating / neighbours.length;
    if (share > 0.5) gaps.push({ ags, neighbours: neighbours.length, cooperatingNeighbours: cooperating, share: Math.round(share * 100) / 100 });
  }
  return gaps.sort((a, b) => b.share - a.share || b.cooperatingNeighbours - a.cooperatingNeighbours || a.ags.localeCompare(b.ags));
}
