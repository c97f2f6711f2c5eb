import Graph from 'graphology';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_DIR, startTestApp, type TestApp } from '../support/app';

// Node's own require, and XML passed as text: each parser checks `instanceof Document` against the xmldom copy it
// ships with, which a module runner may duplicate.
const { parse: parseGexf } = createRequire(import.meta.url)('graphology-gexf/node') as typeof import('graphology-gexf');
const { parse: parseGraphml } = createRequire(import.meta.url)('graphology-graphml/node') as typeof import('graphology-graphml');

/**
 * Every export is read back with the tools researchers use, not only with our own parsers: pandas and networkx
 * (Debian's python3-pandas and python3-networkx, hence /usr/bin/python3 and not a pyenv python on PATH) and
 * GDAL's ogrinfo (gdal-bin). `.ci/run` and `npm test` install them; a machine without them fails here, loudly.
 */
const PYTHON = '/usr/bin/python3';
const DIR = path.join(OUTPUT_DIR, 'exports');

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
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
const IT = `(c)-[:COVERS]->(:TaskArea {id: 'it'})`;
const EDGES_IT = `MATCH (a:Municipality)-[:MEMBER_OF]->(c:Cooperation)<-[:MEMBER_OF]-(b:Municipality)
  WHERE a.ags < b.ags AND ${IT} RETURN count(DISTINCT [a.ags, b.ags])`;
const NRW_MUNICIPALITIES = 'MATCH (m:Municipality) WHERE NOT m:CrossBorder RETURN count(m)';

interface Download {
  text: string;
  bytes: Buffer;
  file: string;
  filename: string;
  contentType: string;
}

/** Downloads an export, checks its dated name and saves it under its plain name for the external tools. */
async function download(name: string, query = 'aufgabe=it'): Promise<Download> {
  const response = await fetch(`${app.url}/api/export/${name}${query ? `?${query}` : ''}`);
  expect(response.status, `${name}?${query}`).toBe(200);
  const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? '';
  // kooperationsatlas-<name>-<filter>-<date>.<ext>; the data package keeps the name its specification gives it.
  const params = new URLSearchParams(query);
  const scope = [params.get('aufgabe'), params.get('rechtsform')?.toLowerCase(), params.get('herkunft')?.toLowerCase()]
    .filter(Boolean)
    .map((part) => `-${part}`)
    .join('');
  if (name === 'datapackage.json') expect(filename).toBe('datapackage.json');
  else expect(filename).toMatch(new RegExp(`^kooperationsatlas-${name.replace(/\.[a-z]+$/, '')}${scope}-\\d{4}-\\d{2}-\\d{2}\\.${name.split('.').pop()}$`));
  const bytes = Buffer.from(await response.arrayBuffer());
  const file = path.join(DIR, `${query ? query.replace(/[^a-z0-9]+/gi, '_') : 'alle'}-${name}`);
  fs.writeFileSync(file, bytes);
  return { text: bytes.toString('utf8'), bytes, file, filename, contentType: response.headers.get('content-type') ?? '' };
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`${command} is missing (apt-get install -y python3-pandas python3-networkx gdal-bin): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.slice(0, 2).join(' ')} failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
}

/** Runs a Python snippet that prints one JSON object as its last line. */
function python<T>(script: string, ...args: string[]): T {
  const lines = run(PYTHON, ['-c', script, ...args])
    .trim()
    .split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}

/** The values of `ogrinfo -sql` (field name → value per line), e.g. "  invalid (Integer) = 0". */
function ogrSql(file: string, sql: string): Array<[string, string]> {
  const output = run('ogrinfo', ['-ro', '-q', '-dialect', 'sqlite', '-sql', sql, file]);
  return [...output.matchAll(/^\s+(\w+) \((?:\w+)\) = (.*)$/gm)].map((m) => [m[1]!, m[2]!.trim()]);
}

const layerOf = (file: string) => path.basename(file).replace(/\.[a-z]+$/, '');

const PANDAS_PRELUDE = `
import json, sys
import pandas as pd
package = json.load(open(sys.argv[1]))
resources = {r['name']: r for r in package['resources']}
TYPES = {'string': str, 'list': str, 'integer': 'Int64', 'number': float}
def read(name, path, **options):
    """A table as its data package describes it: the declared types (AGS and keys as text) and '' as missing."""
    schema = resources[name]['schema']
    return pd.read_csv(path, dtype={f['name']: TYPES[f['type']] for f in schema['fields']}, keep_default_na=False, na_values=[''], **options)
`;

describe('open exports read back by the tools people use', () => {
  let datapackage: {
    resources: Array<{ name: string; path: string; schema?: { fields: Array<{ name: string; type: string }> } }>;
    kooperationsatlas: { filter: Record<string, string> };
  };
  let packageFile: string;

  beforeAll(async () => {
    const downloaded = await download('datapackage.json');
    packageFile = downloaded.file;
    datapackage = JSON.parse(downloaded.text);
  });

  it('the data package describes every export under the same filter, with field types (AGS as text)', async () => {
    expect(datapackage.kooperationsatlas.filter).toEqual({ aufgabe: 'it' });
    const names = [
      'knoten.csv',
      'kanten.csv',
      'kooperationen.csv',
      'mitglieder.csv',
      'knoten-excel.csv',
      'netzwerk.geojson',
      'kanten.geojson',
      'netzwerk.graphml',
      'netzwerk.gexf',
    ];
    for (const name of names) {
      const { filename, text } = await download(name);
      // Each resource points to the name the file downloads under, so a folder of downloads is the package.
      expect(datapackage.resources.map((r) => r.path)).toContain(filename);
      const resource = datapackage.resources.find((r) => r.path === filename)!;
      if (name.endsWith('.csv')) {
        const header = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
        expect(header.split(name.includes('excel') ? ';' : ',')).toEqual(resource.schema!.fields.map((f) => f.name));
      }
    }
    const nodes = datapackage.resources.find((r) => r.name === 'knoten')!;
    expect(nodes.schema!.fields.find((f) => f.name === 'ags')!.type).toBe('string');
    // Whitelisted fields only: nothing about persons reaches an export.
    const fields = datapackage.resources.flatMap((r) => r.schema?.fields.map((f) => f.name) ?? []);
    expect(fields.filter((f) => /contact|kontakt|person|mail|phone|telefon|user|account/i.test(f))).toEqual([]);
  });

  it('pandas reads knoten.csv and kanten.csv with the counts of the database, AGS as text with its leading zero', async () => {
    const nodes = await download('knoten.csv');
    const edges = await download('kanten.csv');
    // Nothing before the header: no comment lines, which pandas and GDAL would read as data.
    expect(nodes.text.startsWith('ags,name,')).toBe(true);
    expect(nodes.text.split('\n').some((line) => line.startsWith('#'))).toBe(false);
    const result = python<{
      rows: number;
      agsType: string;
      agsOk: boolean;
      plainAgsOk: boolean;
      population: number;
      isolated: number;
      edges: number;
      detailed: number;
      weightOk: boolean;
      itEverywhere: boolean;
      unknownEnds: number;
    }>(
      `${PANDAS_PRELUDE}
nodes = read('knoten', sys.argv[2])
plain = pd.read_csv(sys.argv[2], dtype={'ags': str})
edges = read('kanten', sys.argv[3])
ids = edges['cooperationIds'].str.split(';')
print(json.dumps({
  'rows': len(nodes), 'agsType': str(nodes['ags'].dtype),
  'agsOk': bool(nodes['ags'].str.fullmatch(r'05\\d{6}').all()), 'plainAgsOk': bool(plain['ags'].str.fullmatch(r'05\\d{6}').all()),
  'population': int(nodes['population'].sum()), 'isolated': int(nodes['community'].isna().sum()),
  'edges': len(edges), 'detailed': int((edges['cooperationIds'].notna() & edges['taskAreas'].notna() & edges['provenance'].notna()).sum()),
  'weightOk': bool((ids.str.len() == edges['weight']).all()),
  'itEverywhere': bool(edges['taskAreas'].str.split(';').apply(lambda areas: 'it' in areas).all()),
  'unknownEnds': int((~edges['source'].isin(nodes['ags']) | ~edges['target'].isin(nodes['ags'])).sum()),
}))`,
      packageFile,
      nodes.file,
      edges.file,
    );
    expect(result.rows).toBe(await count(NRW_MUNICIPALITIES));
    expect(result.agsType).toBe('object');
    expect(result.agsOk).toBe(true);
    expect(result.plainAgsOk).toBe(true);
    expect(result.population).toBe(await count('MATCH (m:Municipality) WHERE NOT m:CrossBorder RETURN sum(m.population)'));
    expect(result.isolated).toBeGreaterThan(0);
    expect(result.edges).toBe(await count(EDGES_IT));
    // Every tie carries the cooperations behind it, their task areas and provenance.
    expect(result.detailed).toBe(result.edges);
    expect(result.weightOk).toBe(true);
    expect(result.itEverywhere).toBe(true);
    expect(result.unknownEnds).toBe(0);
  });

  it('the Excel variants have a BOM, semicolons and decimal commas, and pandas reads them to the same tables', async () => {
    const excel = await download('knoten-excel.csv');
    expect([...excel.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = excel.text.slice(1).split('\r\n');
    expect(lines[0]!.startsWith('ags;name;')).toBe(true);
    const columns = lines[0]!.split(';');
    const longitude = lines[1]!.split(';')[columns.indexOf('longitude')]!;
    expect(longitude).toMatch(/^\d+,\d+$/);
    const tables = ['knoten', 'kanten', 'kooperationen', 'mitglieder'];
    // Unfiltered, so every text of the register goes through the comparison.
    const files: string[] = [];
    for (const table of tables) files.push((await download(`${table}.csv`, '')).file, (await download(`${table}-excel.csv`, '')).file);
    const result = python<{ rows: number; firstAgs: string; equal: Record<string, boolean> }>(
      `${PANDAS_PRELUDE}
excel = pd.read_csv(sys.argv[3], sep=';', encoding='utf-8-sig', decimal=',', dtype={'ags': str})  # knoten-excel.csv, as a user would
equal = {}
for i, name in enumerate(${JSON.stringify(tables)}):
    plain, variant = sys.argv[2 + 2 * i], sys.argv[3 + 2 * i]
    equal[name] = bool(read(name, plain).equals(read(name + '-excel', variant, sep=';', encoding='utf-8-sig', decimal=',')))
print(json.dumps({'rows': len(excel), 'firstAgs': excel['ags'][0], 'equal': equal}))`,
      packageFile,
      ...files,
    );
    expect(result.rows).toBe(await count(NRW_MUNICIPALITIES));
    expect(result.firstAgs).toMatch(/^05\d{6}$/);
    // The same tables as the plain CSVs, value for value (no register text starts like an Excel formula).
    expect(result.equal).toEqual({ knoten: true, kanten: true, kooperationen: true, mitglieder: true });
  });

  it('kooperationen.csv and mitglieder.csv export the register under the filter, keys as text', async () => {
    const cooperations = await download('kooperationen.csv');
    const members = await download('mitglieder.csv');
    const all = await download('kooperationen.csv', '');
    const result = python<{
      cooperations: number;
      members: number;
      all: number;
      orphans: number;
      byType: Record<string, number>;
      keysOk: boolean;
      externalWithoutKey: boolean;
      sourced: number;
      itEverywhere: boolean;
    }>(
      `${PANDAS_PRELUDE}
cooperations = read('kooperationen', sys.argv[2])
members = read('mitglieder', sys.argv[3])
everything = read('kooperationen', sys.argv[4])
municipal = members[members['memberType'] == 'MUNICIPALITY']['key']
districts = members[members['memberType'] == 'DISTRICT']['key']
print(json.dumps({
  'cooperations': len(cooperations), 'members': len(members), 'all': len(everything),
  'orphans': int((~members['cooperationId'].isin(cooperations['id'])).sum()),
  'byType': {k: int(v) for k, v in members['memberType'].value_counts().items()},
  'keysOk': bool(municipal.str.fullmatch(r'\\d{8}').all() and districts.str.fullmatch(r'\\d{5}').all()),
  'externalWithoutKey': bool(members[members['memberType'] == 'EXTERNAL']['key'].isna().all()),
  'sourced': int(cooperations['sourceUrl'].notna().sum()),
  'itEverywhere': bool(cooperations['taskAreas'].str.split(';').apply(lambda areas: 'it' in areas).all()),
}))`,
      packageFile,
      cooperations.file,
      members.file,
      all.file,
    );
    expect(result.cooperations).toBe(await count(`MATCH (c:Cooperation) WHERE ${IT} RETURN count(c)`));
    expect(result.members).toBe(await count(`MATCH ()-[r:MEMBER_OF]->(c:Cooperation) WHERE ${IT} RETURN count(r)`));
    expect(result.all).toBe(await count('MATCH (c:Cooperation) RETURN count(c)'));
    expect(result.all).toBe(356);
    expect(result.orphans).toBe(0);
    expect(result.byType.MUNICIPALITY).toBeGreaterThan(0);
    expect(result.keysOk).toBe(true);
    expect(result.externalWithoutKey).toBe(true);
    expect(result.sourced).toBeGreaterThan(0);
    expect(result.itEverywhere).toBe(true);
  });

  it('networkx reads the GraphML (labels) and the GEXF 1.3 (labels, viz positions, meta as the format allows)', async () => {
    const graphmlFile = await download('netzwerk.graphml');
    const gexfFile = await download('netzwerk.gexf');
    const result = python<{
      graphml: { nodes: number; edges: number; labelled: number; positioned: number; koeln: string; detailed: number; weightOk: boolean };
      gexf: { nodes: number; edges: number; labelled: number; positioned: number; koeln: string; detailed: number };
      meta: { lastmodifieddate: string; children: string[] };
    }>(
      `
import json, sys
import xml.etree.ElementTree as ET
import networkx as nx
from networkx.readwrite import gexf as nx_gexf
G = nx.read_graphml(sys.argv[1])
edges = list(G.edges(data=True))
detailed = lambda d: bool(d.get('cooperationIds') and d.get('taskAreas') and d.get('provenance'))
graphml = {
  'nodes': G.number_of_nodes(), 'edges': G.number_of_edges(),
  'labelled': sum(1 for _, d in G.nodes(data=True) if d.get('label')),
  'positioned': sum(1 for _, d in G.nodes(data=True) if isinstance(d.get('x'), float) and isinstance(d.get('y'), float)),
  'koeln': G.nodes['05315000']['label'], 'detailed': sum(1 for *_, d in edges if detailed(d)),
  'weightOk': all(d['weight'] == len(d['cooperationIds'].split(';')) for *_, d in edges),
}
# networkx before 3.6 reads GEXF 1.1draft and 1.2draft only; 1.3 differs in its namespaces, registered here.
if '1.3' not in nx_gexf.GEXF.versions:
    nx_gexf.GEXF.versions['1.3'] = {'NS_GEXF': 'http://gexf.net/1.3', 'NS_VIZ': 'http://gexf.net/1.3/viz', 'NS_XSI': 'http://www.w3.org/2001/XMLSchema-instance',
                                    'SCHEMALOCATION': 'http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd', 'VERSION': '1.3'}
H = nx.read_gexf(sys.argv[2], version='1.3')
gexf = {
  'nodes': H.number_of_nodes(), 'edges': H.number_of_edges(),
  'labelled': sum(1 for _, d in H.nodes(data=True) if d.get('label')),
  'positioned': sum(1 for _, d in H.nodes(data=True) if 'x' in d.get('viz', {}).get('position', {}) and 'y' in d['viz']['position']),
  'koeln': H.nodes['05315000']['label'], 'detailed': sum(1 for *_, d in H.edges(data=True) if detailed(d)),
}
meta = ET.parse(sys.argv[2]).getroot().find('{http://gexf.net/1.3}meta')
print(json.dumps({'graphml': graphml, 'gexf': gexf, 'meta': {'lastmodifieddate': meta.get('lastmodifieddate'), 'children': sorted(child.tag.split('}')[1] for child in meta)}}))`,
      graphmlFile.file,
      gexfFile.file,
    );
    const nodes = await count(NRW_MUNICIPALITIES);
    const edges = await count(EDGES_IT);
    for (const graph of [result.graphml, result.gexf]) {
      expect(graph.nodes).toBe(nodes);
      expect(graph.edges).toBe(edges);
      expect(graph.labelled).toBe(nodes);
      expect(graph.positioned).toBe(nodes);
      expect(graph.koeln).toBe('Köln');
      expect(graph.detailed).toBe(edges);
    }
    expect(result.graphml.weightOk).toBe(true);
    expect(result.meta.lastmodifieddate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(result.meta.children).toEqual(['creator', 'description', 'keywords']);
    expect(gexfFile.text).toContain('GeoBasis-DE / BKG');
  });

  it('graphology still reads both graph formats (communities only where a municipality has ties)', async () => {
    const edges = await count(EDGES_IT);
    const graphml = parseGraphml(Graph, (await download('netzwerk.graphml')).text);
    expect(graphml.order).toBe(396);
    expect(graphml.size).toBe(edges);
    const lonely = graphml.findNode((node) => graphml.degree(node) === 0)!;
    expect(graphml.getNodeAttribute(lonely, 'community')).toBeUndefined();
    const linked = graphml.findNode((node) => graphml.degree(node) > 0)!;
    expect(typeof graphml.getNodeAttribute(linked, 'community')).toBe('number');
    const gexf = parseGexf(Graph, (await download('netzwerk.gexf')).text);
    expect(gexf.order).toBe(396);
    expect(gexf.size).toBe(edges);
  });

  it('ogrinfo reads netzwerk.geojson: 396 valid MultiPolygons that do not overlap, id = AGS, rings counter-clockwise', async () => {
    const { file, text, contentType } = await download('netzwerk.geojson');
    expect(contentType).toMatch(/^application\/geo\+json/);
    const summary = run('ogrinfo', ['-ro', '-al', '-so', file]);
    expect(summary).toMatch(/Feature Count: 396\b/);
    expect(summary).toMatch(/Geometry: Multi Polygon/);
    expect(summary).toMatch(/^\s*ags: String/m);
    const layer = layerOf(file);
    expect(ogrSql(file, `SELECT count(*) AS invalid FROM "${layer}" WHERE NOT ST_IsValid(geometry)`)).toEqual([['invalid', '0']]);
    expect(
      ogrSql(
        file,
        `SELECT count(*) AS overlaps FROM "${layer}" a JOIN "${layer}" b ON a.rowid < b.rowid WHERE MbrIntersects(a.geometry, b.geometry) AND ST_Area(ST_Intersection(a.geometry, b.geometry)) > 1e-12`,
      ),
    ).toEqual([['overlaps', '0']]);

    const geojson = JSON.parse(text) as {
      metadata: { attribution: string; repairedBoundaries: string[] };
      features: Array<{ id: string; properties: Record<string, unknown>; geometry: { type: string; coordinates: number[][][][] } }>;
    };
    expect(geojson.metadata.attribution).toContain('Destatis');
    expect(geojson.features.every((f) => f.id === f.properties.ags && /^05\d{6}$/.test(f.id))).toBe(true);
    expect(geojson.features[0]!.properties).toHaveProperty('community');
    // RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise (shoelace sign, lon/lat as x/y).
    const area = (ring: number[][]) => ring.slice(1).reduce((sum, [x, y], i) => sum + ring[i]![0]! * y! - x! * ring[i]![1]!, 0) / 2;
    const wrong = geojson.features.filter((f) =>
      f.geometry.coordinates.some(([outer, ...holes]) => area(outer!) <= 0 || holes.some((hole) => area(hole) >= 0)),
    );
    expect(wrong.map((f) => f.id)).toEqual([]);

    // What the importer stored, as GDAL sees it: every stored boundary that is invalid was repaired, and every
    // boundary that was not repaired keeps its stored vertices (the shared borders stay identical).
    const session = app.driver.session();
    const stored = new Map<string, string>();
    try {
      for (const r of (await session.run('MATCH (m:Municipality) WHERE NOT m:CrossBorder RETURN m.ags AS ags, m.boundary AS boundary')).records)
        stored.set(r.get('ags'), r.get('boundary'));
    } finally {
      await session.close();
    }
    const storedFile = path.join(DIR, 'stored.geojson');
    fs.writeFileSync(
      storedFile,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [...stored].map(([ags, boundary]) => ({ type: 'Feature', properties: { ags }, geometry: JSON.parse(boundary) })),
      }),
    );
    const invalidStored = ogrSql(storedFile, 'SELECT ags FROM stored WHERE NOT ST_IsValid(geometry)').map(([, ags]) => ags);
    expect(geojson.metadata.repairedBoundaries).toEqual(expect.arrayContaining(invalidStored));
    const vertices = (coordinates: unknown): string[] => JSON.stringify(coordinates).match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g)!;
    const vertexSet = (coordinates: unknown) => [...new Set(vertices(coordinates))].sort();
    const changed = geojson.features.filter(
      (f) =>
        !geojson.metadata.repairedBoundaries.includes(f.id) &&
        JSON.stringify(vertexSet(f.geometry.coordinates)) !== JSON.stringify(vertexSet(JSON.parse(stored.get(f.id)!).coordinates)),
    );
    expect(changed.map((f) => f.id)).toEqual([]);
  });

  it('ogrinfo reads kanten.geojson: one line per tie with cooperation ids, task areas and provenance', async () => {
    const { file, text } = await download('kanten.geojson');
    const summary = run('ogrinfo', ['-ro', '-al', '-so', file]);
    expect(summary).toMatch(new RegExp(`Feature Count: ${await count(EDGES_IT)}\\b`));
    expect(summary).toMatch(/Geometry: Line String/);
    for (const field of ['cooperationIds', 'taskAreas', 'provenance']) expect(summary).toMatch(new RegExp(`^\\s*${field}: StringList`, 'm'));
    const layer = layerOf(file);
    expect(ogrSql(file, `SELECT count(*) AS bare FROM "${layer}" WHERE cooperationIds IS NULL OR cooperationIds = '' OR provenance IS NULL`)).toEqual([
      ['bare', '0'],
    ]);
    const geojson = JSON.parse(text) as {
      features: Array<{ properties: { weight: number; cooperationIds: string[] }; geometry: { coordinates: number[][] } }>;
    };
    expect(geojson.features.every((f) => f.properties.cooperationIds.length === f.properties.weight && f.geometry.coordinates.length === 2)).toBe(true);
  });

  it('every export of another filter is filtered too, and names the filter', async () => {
    const { filename, text } = await download('kooperationen.csv', 'rechtsform=ZWECKVERBAND');
    expect(filename).toMatch(/^kooperationsatlas-kooperationen-zweckverband-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = text.trim().split('\n').length - 1;
    expect(rows).toBe(await count(`MATCH (c:Cooperation {legalForm: 'ZWECKVERBAND'}) RETURN count(c)`));
    const pkg = JSON.parse((await download('datapackage.json', 'rechtsform=ZWECKVERBAND&herkunft=RESEARCHED')).text);
    expect(pkg.kooperationsatlas.filter).toEqual({ rechtsform: 'ZWECKVERBAND', herkunft: 'RESEARCHED' });
    expect(pkg.resources.find((r: { name: string }) => r.name === 'knoten').path).toMatch(
      /^kooperationsatlas-knoten-zweckverband-researched-\d{4}-\d{2}-\d{2}\.csv$/,
    );
  });

  it('rejects an unknown format, a built-in object key, an unknown task area or a bad filter', async () => {
    expect((await fetch(`${app.url}/api/export/netzwerk.xls`)).status).toBe(404);
    expect((await fetch(`${app.url}/api/export/constructor`)).status).toBe(404);
    expect((await fetch(`${app.url}/api/export/kooperationen.csv?aufgabe=raumfahrt`)).status).toBe(404);
    expect((await fetch(`${app.url}/api/export/datapackage.json?aufgabe=raumfahrt`)).status).toBe(404);
    expect((await fetch(`${app.url}/api/export/knoten.csv?aufgabe=raumfahrt`)).status).toBe(404);
    expect((await fetch(`${app.url}/api/export/knoten.csv?rechtsform=VEREIN`)).status).toBe(400);
    expect((await fetch(`${app.url}/api/export/mitglieder.csv?herkunft=ERFUNDEN`)).status).toBe(400);
  });
});
