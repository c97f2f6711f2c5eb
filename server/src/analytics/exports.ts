import Graph from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import { stringify } from 'csv-stringify/sync';

/** One row per municipality, with its metrics; the AGS is the key researchers join on. */
export interface ExportNode {
  ags: string;
  name: string;
  districtKey: string;
  population: number;
  longitude: number;
  latitude: number;
  /** Null without any tie under the filter: an empty cell in CSV, no attribute in GraphML and GEXF. */
  community: number | null;
  degree: number;
  weightedDegree: number;
  betweenness: number;
  boundary: string | null;
}

export interface ExportData {
  snapshotDate: string;
  attribution: string;
  filter: string;
  nodes: ExportNode[];
  edges: Array<{ source: string; target: string; weight: number }>;
}

const NODE_COLUMNS = ['ags', 'name', 'districtKey', 'population', 'longitude', 'latitude', 'community', 'degree', 'weightedDegree', 'betweenness'] as const;

/** CSV with the snapshot date and the attribution as leading comment lines (`#`), which spreadsheet tools skip. */
function csvWithHeader(data: ExportData, columns: readonly string[], rows: Array<Record<string, unknown>>): string {
  return `# Kooperationsatlas NRW, Stand ${data.snapshotDate}, Filter: ${data.filter}\n# ${data.attribution}\n` + stringify(rows, { header: true, columns: [...columns] });
}

export function nodesCsv(data: ExportData): string {
  return csvWithHeader(data, NODE_COLUMNS, data.nodes.map(({ boundary: _boundary, ...node }) => node));
}

export function edgesCsv(data: ExportData): string {
  return csvWithHeader(data, ['source', 'target', 'weight'], data.edges);
}

export function geoJson(data: ExportData): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    metadata: { snapshotDate: data.snapshotDate, attribution: data.attribution, filter: data.filter },
    features: data.nodes.map(({ boundary, ...properties }) => ({ type: 'Feature', properties, geometry: boundary ? JSON.parse(boundary) : null })),
  });
}

function graphOf(data: ExportData): Graph {
  const graph = new Graph({ type: 'undirected' });
  graph.replaceAttributes({ snapshotDate: data.snapshotDate, attribution: data.attribution, filter: data.filter });
  for (const { boundary: _boundary, community, ...node } of data.nodes) graph.addNode(node.ags, { ...node, ...(community === null ? {} : { community }), label: node.name });
  for (const edge of data.edges) graph.addEdge(edge.source, edge.target, { weight: edge.weight });
  return graph;
}

export function gexf(data: ExportData): string {
  return writeGexf(graphOf(data), { version: '1.3', pretty: false });
}

const xml = (value: unknown) => String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** GraphML (graphology has a GraphML parser but no writer); keys are declared with their types as the format asks. */
export function graphml(data: ExportData): string {
  const nodeKeys: Array<[string, string]> = [
    ['name', 'string'], ['districtKey', 'string'], ['population', 'int'], ['longitude', 'double'], ['latitude', 'double'],
    ['community', 'int'], ['degree', 'int'], ['weightedDegree', 'int'], ['betweenness', 'double'],
  ];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    `  <!-- Kooperationsatlas NRW, Stand ${xml(data.snapshotDate)}. ${xml(data.attribution)} -->`,
    '  <key id="snapshotDate" for="graph" attr.name="snapshotDate" attr.type="string"/>',
    '  <key id="attribution" for="graph" attr.name="attribution" attr.type="string"/>',
    ...nodeKeys.map(([name, type]) => `  <key id="${name}" for="node" attr.name="${name}" attr.type="${type}"/>`),
    '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>',
    '  <graph id="cooperation-network" edgedefault="undirected">',
    `    <data key="snapshotDate">${xml(data.snapshotDate)}</data>`,
    `    <data key="attribution">${xml(data.attribution)}</data>`,
    ...data.nodes.map(
      (node) =>
        `    <node id="${xml(node.ags)}">${nodeKeys
          .filter(([name]) => node[name as keyof ExportNode] !== null)
          .map(([name]) => `<data key="${name}">${xml(node[name as keyof ExportNode])}</data>`)
          .join('')}</node>`,
    ),
    ...data.edges.map((edge, i) => `    <edge id="e${i}" source="${xml(edge.source)}" target="${xml(edge.target)}"><data key="weight">${edge.weight}</data></edge>`),
    '  </graph>',
    '</graphml>',
  ];
  return lines.join('\n') + '\n';
}

export const EXPORT_FORMATS = {
  'knoten.csv': { contentType: 'text/csv; charset=utf-8', render: nodesCsv },
  'kanten.csv': { contentType: 'text/csv; charset=utf-8', render: edgesCsv },
  'netzwerk.geojson': { contentType: 'application/geo+json; charset=utf-8', render: geoJson },
  'netzwerk.graphml': { contentType: 'application/graphml+xml; charset=utf-8', render: graphml },
  'netzwerk.gexf': { contentType: 'application/xml; charset=utf-8', render: gexf },
} as const;

export type ExportFile = keyof typeof EXPORT_FORMATS;
