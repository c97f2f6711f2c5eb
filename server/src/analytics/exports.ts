import { stringify } from 'csv-stringify/sync';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import Graph from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import {
  COOPERATIONS_TABLE,
  EDGES_TABLE,
  LIST_DELIMITER,
  MEMBERS_TABLE,
  NODES_TABLE,
  type CellValue,
  type Column,
  type ExportCooperation,
  type ExportEdge,
  type ExportMember,
  type ExportNode,
  type Table,
} from './export-tables';
import { asMultiPolygon, rewind, type Area } from './geometry';

export type { ExportCooperation, ExportEdge, ExportGap, ExportMember, ExportNode } from './export-tables';

/**
 * The open exports: CSV (plain and for a German Excel), GeoJSON (RFC 7946), GraphML, GEXF 1.3, the register's own
 * tables and a Frictionless `datapackage.json` that describes them all. Metadata (date, attribution, filter, what
 * each field means and its type) lives in the data package, in GEXF's `<meta>`, in GraphML graph data and in a
 * GeoJSON foreign member; never as comment lines in a CSV, which pandas, GDAL and Excel do not skip.
 */

export interface ExportFilter {
  taskArea?: string | null;
  legalForm?: string | null;
  provenance?: string | null;
}

export interface ExportMeta {
  snapshotDate: string;
  attribution: string;
  filter: ExportFilter;
}

export interface ExportBoundaries {
  /** Valid boundaries by AGS (repaired where the stored simplification is not). */
  shapes: Map<string, Area>;
  /** AGS whose stored boundary was rebuilt for the export. */
  repaired: string[];
  /** AGS whose boundary is still invalid (none for the NRW data; listed so it is never hidden). */
  invalid: string[];
}

export interface ExportData {
  meta: ExportMeta;
  network?: { nodes: ExportNode[]; edges: ExportEdge[] };
  boundaries?: ExportBoundaries;
  register?: { cooperations: ExportCooperation[]; members: ExportMember[] };
}

/** What a format needs loaded before it can render. */
export type ExportNeed = 'network' | 'boundaries' | 'register';

const CREATOR = 'Kooperationsatlas NRW';

/** The filter in words, for descriptions. */
export function filterLabel(filter: ExportFilter): string {
  return (
    [
      filter.taskArea && `Aufgabe ${filter.taskArea}`,
      filter.legalForm && `Rechtsform ${filter.legalForm}`,
      filter.provenance && `Herkunft ${filter.provenance}`,
    ]
      .filter(Boolean)
      .join(', ') || 'alle Kooperationen'
  );
}

/** The filter as the export URLs take it (`?aufgabe=…&rechtsform=…&herkunft=…`). */
export function filterQuery(filter: ExportFilter): Record<string, string> {
  const query: Record<string, string> = {};
  if (filter.taskArea) query.aufgabe = filter.taskArea;
  if (filter.legalForm) query.rechtsform = filter.legalForm;
  if (filter.provenance) query.herkunft = filter.provenance;
  return query;
}

const filterScope = (filter: ExportFilter) =>
  [filter.taskArea, filter.legalForm?.toLowerCase(), filter.provenance?.toLowerCase()]
    .filter(Boolean)
    .map((part) => `-${part}`)
    .join('');

/**
 * Download name: `kooperationsatlas-<name>-<filter>-<date>.<ext>`, so files of different filters and dates can lie
 * side by side. The data package keeps the name its specification gives it; its resources point to these names.
 */
export function exportFileName(file: ExportFile, snapshotDate: string, filter: ExportFilter): string {
  if (file === 'datapackage.json') return file;
  const dot = file.lastIndexOf('.');
  return `kooperationsatlas-${file.slice(0, dot)}${filterScope(filter)}-${snapshotDate}.${file.slice(dot + 1)}`;
}

function need<T>(value: T | undefined, what: ExportNeed): T {
  if (value === undefined) throw new Error(`export rendered without its ${what} data`);
  return value;
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

export type Dialect = 'standard' | 'excel';

/** A text cell Excel would run as a formula (CSV injection); the Excel variant prefixes it with an apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: CellValue, dialect: Dialect): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') value = value.join(LIST_DELIMITER);
  if (typeof value === 'number') return dialect === 'excel' && !Number.isInteger(value) ? String(value).replace('.', ',') : String(value);
  return dialect === 'excel' && FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Plain CSV (UTF-8, `,`, `.` as decimal point, header line first and nothing before it), or the variant a German
 * Excel opens by double click: a UTF-8 byte order mark, `;` between fields, a decimal comma, CRLF line ends.
 */
export function tableCsv<Row>(table: Table<Row>, rows: Row[], dialect: Dialect): string {
  const columns = table.columns.map((column) => column.name);
  const records = rows.map((row) => Object.fromEntries(table.columns.map((column) => [column.name, cell(column.value(row), dialect)])));
  return stringify(records, {
    header: true,
    columns,
    delimiter: dialect === 'excel' ? ';' : ',',
    record_delimiter: dialect === 'excel' ? 'windows' : 'unix',
    bom: dialect === 'excel',
  });
}

// ---------------------------------------------------------------------------------------------------------------
// GeoJSON (RFC 7946)

const propertiesOf = <Row>(columns: Array<Column<Row>>, row: Row) => Object.fromEntries(columns.map((column) => [column.name, column.value(row)]));

function geoMetadata(data: ExportData, title: string) {
  return { title, creator: CREATOR, snapshotDate: data.meta.snapshotDate, filter: filterLabel(data.meta.filter), attribution: data.meta.attribution };
}

/** The layout is a property of the graph drawing, not of the map: the map layer leaves it out. */
const GEO_NODE_COLUMNS = NODES_TABLE.columns.filter((column) => column.name !== 'layoutX' && column.name !== 'layoutY');

/** Municipality boundaries (MultiPolygon) with their metrics; `id` is the AGS, exterior rings run counter-clockwise. */
export function nodesGeoJson(data: ExportData): string {
  const { nodes } = need(data.network, 'network');
  const boundaries = need(data.boundaries, 'boundaries');
  const collection: FeatureCollection<Area | null> & { metadata: unknown } = {
    type: 'FeatureCollection',
    // A foreign member (RFC 7946 §6.1): readers that do not know it ignore it.
    metadata: {
      ...geoMetadata(data, 'Gemeinden NRW mit Netzwerkmaßen'),
      geometry:
        'VG250-Grenzen, topologieerhaltend vereinfacht; wo die Vereinfachung einen Ring sich selbst schneiden ließ, beim Export aus den Flächen der eigenen Kanten neu gebildet',
      repairedBoundaries: boundaries.repaired,
      ...(boundaries.invalid.length > 0 ? { invalidBoundaries: boundaries.invalid } : {}),
    },
    features: nodes.map((node): Feature<Area | null> => {
      const shape = boundaries.shapes.get(node.ags);
      return { type: 'Feature', id: node.ags, properties: propertiesOf(GEO_NODE_COLUMNS, node), geometry: shape ? asMultiPolygon(rewind(shape)) : null };
    }),
  };
  return JSON.stringify(collection);
}

/** The ties as lines between the two municipalities' centroids, with what they share. */
export function edgesGeoJson(data: ExportData): string {
  const { nodes, edges } = need(data.network, 'network');
  const position = new Map(
    nodes.flatMap((node) => (node.longitude === null || node.latitude === null ? [] : [[node.ags, [node.longitude, node.latitude]] as const])),
  );
  const collection: FeatureCollection & { metadata: unknown } = {
    type: 'FeatureCollection',
    metadata: geoMetadata(data, 'Kooperationsbeziehungen zwischen Gemeinden NRW (Linie zwischen den Schwerpunkten)'),
    features: edges
      .filter((edge) => position.has(edge.source) && position.has(edge.target))
      .map((edge): Feature<LineString> => ({
        type: 'Feature',
        id: `${edge.source}-${edge.target}`,
        properties: propertiesOf(EDGES_TABLE.columns, edge),
        geometry: { type: 'LineString', coordinates: [[...position.get(edge.source)!], [...position.get(edge.target)!]] },
      })),
  };
  return JSON.stringify(collection);
}

// ---------------------------------------------------------------------------------------------------------------
// Graph formats

const listText = (value: CellValue) => (value !== null && typeof value === 'object' ? value.join(LIST_DELIMITER) : value);
/** Node fields the graph formats carry as attributes (the AGS is the node id, the layout its position). */
const GRAPH_NODE_COLUMNS = NODES_TABLE.columns.filter((column) => !['ags', 'layoutX', 'layoutY'].includes(column.name));
/** Edge fields the graph formats carry (source and target are the edge's ends, names sit on the nodes). */
const GRAPH_EDGE_COLUMNS = EDGES_TABLE.columns.filter((column) => !['source', 'sourceName', 'target', 'targetName', 'weight'].includes(column.name));

function graphDescription(data: ExportData): string {
  return `Kooperationsnetz der Gemeinden Nordrhein-Westfalens: zwei Gemeinden sind verbunden, wenn sie unter dem Filter Kooperationen teilen (Gewicht = wie viele). Stand ${data.meta.snapshotDate}. Filter: ${filterLabel(data.meta.filter)}. ${data.meta.attribution}`;
}

/** GEXF 1.3 with the metadata `<meta>` allows (creator, description, keywords, lastmodifieddate) and the layout. */
export function gexf(data: ExportData): string {
  const { nodes, edges } = need(data.network, 'network');
  const graph = new Graph({ type: 'undirected' });
  graph.replaceAttributes({
    lastModifiedDate: data.meta.snapshotDate,
    creator: CREATOR,
    description: graphDescription(data),
    keywords: 'interkommunale Zusammenarbeit, Nordrhein-Westfalen, Gemeinden, Kooperationsnetz',
  });
  for (const node of nodes) {
    const attributes = Object.fromEntries(GRAPH_NODE_COLUMNS.map((column) => [column.name, column.value(node)]).filter(([, value]) => value !== null));
    graph.addNode(node.ags, { attributes, label: node.name, x: node.layoutX, y: node.layoutY });
  }
  for (const edge of edges) {
    graph.addEdgeWithKey(`${edge.source}-${edge.target}`, edge.source, edge.target, {
      weight: edge.weight,
      attributes: Object.fromEntries(GRAPH_EDGE_COLUMNS.map((column) => [column.name, listText(column.value(edge))])),
    });
  }
  return writeGexf(graph, {
    version: '1.3',
    pretty: false,
    // Only creator, description and keywords become <meta> children: GEXF 1.3 allows nothing else there.
    pedantic: true,
    formatNode: (_key, attributes) => ({
      label: attributes.label as string,
      attributes: attributes.attributes as Record<string, unknown>,
      viz: { x: attributes.x as number, y: attributes.y as number },
    }),
    formatEdge: (_key, attributes) => ({ weight: attributes.weight as number, attributes: attributes.attributes as Record<string, unknown> }),
  });
}

const xml = (value: unknown) => String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const GRAPHML_TYPES = { string: 'string', integer: 'int', number: 'double', list: 'string' } as const;
/** Gephi's GraphML importer takes `label` as the node's name and `x`/`y` as its position. */
const GRAPHML_NAMES: Record<string, string> = { layoutX: 'x', layoutY: 'y' };

/** GraphML (graphology has a GraphML parser but no writer); keys are declared with their types as the format asks. */
export function graphml(data: ExportData): string {
  const { nodes, edges } = need(data.network, 'network');
  const nodeColumns = NODES_TABLE.columns.filter((column) => column.name !== 'ags');
  const edgeColumns = [EDGES_TABLE.columns.find((column) => column.name === 'weight')!, ...GRAPH_EDGE_COLUMNS];
  const key = (name: string, target: 'graph' | 'node' | 'edge', type: string, id = name) =>
    `  <key id="${id}" for="${target}" attr.name="${name}" attr.type="${type}"/>`;
  const dataElements = <Row>(columns: Array<Column<Row>>, row: Row) =>
    columns
      .map((column) => [GRAPHML_NAMES[column.name] ?? column.name, listText(column.value(row))] as const)
      .filter(([, value]) => value !== null)
      .map(([name, value]) => `<data key="${name}">${xml(value)}</data>`)
      .join('');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    key('snapshotDate', 'graph', 'string'),
    key('filter', 'graph', 'string'),
    key('attribution', 'graph', 'string'),
    key('description', 'graph', 'string'),
    key('label', 'node', 'string'),
    ...nodeColumns.map((column) => key(GRAPHML_NAMES[column.name] ?? column.name, 'node', GRAPHML_TYPES[column.type])),
    ...edgeColumns.map((column) => key(column.name, 'edge', GRAPHML_TYPES[column.type])),
    '  <graph id="kooperationsnetz" edgedefault="undirected">',
    `    <data key="snapshotDate">${xml(data.meta.snapshotDate)}</data>`,
    `    <data key="filter">${xml(filterLabel(data.meta.filter))}</data>`,
    `    <data key="attribution">${xml(data.meta.attribution)}</data>`,
    `    <data key="description">${xml(graphDescription(data))}</data>`,
    ...nodes.map((node) => `    <node id="${xml(node.ags)}"><data key="label">${xml(node.name)}</data>${dataElements(nodeColumns, node)}</node>`),
    ...edges.map(
      (edge) =>
        `    <edge id="${xml(`${edge.source}-${edge.target}`)}" source="${xml(edge.source)}" target="${xml(edge.target)}">${dataElements(edgeColumns, edge)}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
  ];
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------------------------
// Frictionless data package

const DATAPACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

function frictionlessField<Row>(column: Column<Row>, dialect: Dialect) {
  return {
    name: column.name,
    type: column.type,
    description: column.description,
    ...(column.format ? { format: column.format } : {}),
    ...(column.type === 'list' ? { delimiter: LIST_DELIMITER, itemType: 'string' } : {}),
    ...(column.type === 'number' && dialect === 'excel' ? { decimalChar: ',' } : {}),
    ...(column.constraints ? { constraints: column.constraints } : {}),
  };
}

function tableResource<Row>(table: Table<Row>, dialect: Dialect, path: string) {
  const suffix = dialect === 'excel' ? '-excel' : '';
  return {
    name: `${table.resource}${suffix}`,
    type: 'table',
    path,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    title: table.title,
    description:
      dialect === 'excel'
        ? `${table.description}. Variante für Excel (de-DE): UTF-8 mit BOM, Semikolon, Dezimalkomma; Text, der mit = + - @ beginnt, trägt ein vorangestelltes Apostroph / Excel variant`
        : table.description,
    ...(dialect === 'excel' ? { dialect: { delimiter: ';', lineTerminator: '\r\n' } } : {}),
    schema: {
      fields: table.columns.map((column) => frictionlessField(column, dialect)),
      missingValues: [''],
      ...(table.primaryKey ? { primaryKey: table.primaryKey } : {}),
      ...(table.foreignKeys
        ? {
            foreignKeys: table.foreignKeys.map((fk) => ({
              fields: fk.fields,
              reference: { resource: `${fk.reference.resource}${suffix}`, fields: fk.reference.fields },
            })),
          }
        : {}),
    },
  };
}

/** `datapackage.json`: every export under the same filter and date, with field descriptions and types. */
export function datapackage(data: ExportData): string {
  const { snapshotDate, attribution, filter } = data.meta;
  const resources = (Object.entries(EXPORT_FORMATS) as Array<[ExportFile, ExportFormat]>)
    .filter(([, format]) => format.describe)
    .map(([file, format]) => format.describe!(exportFileName(file, snapshotDate, filter)));
  return (
    JSON.stringify(
      {
        $schema: DATAPACKAGE_PROFILE,
        name: `kooperationsatlas-nrw${filterScope(filter)}`,
        title: 'Kooperationsatlas NRW: interkommunale Zusammenarbeit der Gemeinden Nordrhein-Westfalens',
        description: `Kooperationsnetz der 396 Gemeinden NRW und das Register der Kooperationen, aus dem es berechnet ist. Stand ${snapshotDate}. Filter: ${filterLabel(filter)}. ${attribution}`,
        version: snapshotDate,
        keywords: ['interkommunale Zusammenarbeit', 'Nordrhein-Westfalen', 'Gemeinden', 'Zweckverband', 'Netzwerk'],
        sources: [
          {
            title: 'Verwaltungsgrenzen: © GeoBasis-DE / BKG 2016 (Daten verändert), VG250, Datenlizenz Deutschland – Namensnennung – 2.0',
            path: 'https://www.govdata.de/dl-de/by-2-0',
          },
          {
            title: 'Statistik: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV100AD, Gebietsstand 30.11.2023, dl-de/by-2.0',
            path: 'https://www.govdata.de/dl-de/by-2-0',
          },
          {
            title:
              'Kooperationen: Register des Kooperationsatlas NRW, recherchiert aus Satzungen, Amtsblättern, Ratsunterlagen und den Seiten der Beteiligten (Quelle je Kooperation in sourceUrl)',
          },
        ],
        // Not part of the standard (custom properties are allowed): the filter as the API takes it.
        kooperationsatlas: { snapshotDate, attribution, filter: filterQuery(filter), filterLabel: filterLabel(filter) },
        resources,
      },
      null,
      2,
    ) + '\n'
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The formats the export route serves

export interface ExportFormat {
  contentType: string;
  needs: readonly ExportNeed[];
  render: (data: ExportData) => string;
  /** Its entry in datapackage.json, given its download name. */
  describe?: (path: string) => Record<string, unknown>;
}

const CSV = 'text/csv; charset=utf-8';

function csvFormat<Row>(table: Table<Row>, dialect: Dialect, needs: readonly ExportNeed[], rows: (data: ExportData) => Row[]): ExportFormat {
  return { contentType: CSV, needs, render: (data) => tableCsv(table, rows(data), dialect), describe: (path) => tableResource(table, dialect, path) };
}

function fileFormat(
  contentType: string,
  needs: readonly ExportNeed[],
  render: (data: ExportData) => string,
  resource: { name: string; format: string; title: string; description: string },
): ExportFormat {
  return { contentType, needs, render, describe: (path) => ({ ...resource, path, mediatype: contentType.split(';')[0] }) };
}

const nodes = (data: ExportData) => need(data.network, 'network').nodes;
const edges = (data: ExportData) => need(data.network, 'network').edges;
const cooperations = (data: ExportData) => need(data.register, 'register').cooperations;
const members = (data: ExportData) => need(data.register, 'register').members;

export const EXPORT_FORMATS = {
  'knoten.csv': csvFormat(NODES_TABLE, 'standard', ['network'], nodes),
  'kanten.csv': csvFormat(EDGES_TABLE, 'standard', ['network'], edges),
  'kooperationen.csv': csvFormat(COOPERATIONS_TABLE, 'standard', ['register'], cooperations),
  'mitglieder.csv': csvFormat(MEMBERS_TABLE, 'standard', ['register'], members),
  'knoten-excel.csv': csvFormat(NODES_TABLE, 'excel', ['network'], nodes),
  'kanten-excel.csv': csvFormat(EDGES_TABLE, 'excel', ['network'], edges),
  'kooperationen-excel.csv': csvFormat(COOPERATIONS_TABLE, 'excel', ['register'], cooperations),
  'mitglieder-excel.csv': csvFormat(MEMBERS_TABLE, 'excel', ['register'], members),
  'netzwerk.geojson': fileFormat('application/geo+json; charset=utf-8', ['network', 'boundaries'], nodesGeoJson, {
    name: 'netzwerk-geojson',
    format: 'geojson',
    title: 'Gemeinden als Flächen mit Netzwerkmaßen / municipalities as polygons',
    description: 'GeoJSON nach RFC 7946 (WGS84, äußere Ringe gegen den Uhrzeigersinn), Feature-id = AGS, Eigenschaften wie knoten.csv',
  }),
  'kanten.geojson': fileFormat('application/geo+json; charset=utf-8', ['network'], edgesGeoJson, {
    name: 'kanten-geojson',
    format: 'geojson',
    title: 'Kooperationsbeziehungen als Linien / ties as lines',
    description: 'GeoJSON nach RFC 7946: je Gemeindepaar eine Linie zwischen den Schwerpunkten, Eigenschaften wie kanten.csv (Listen als Arrays)',
  }),
  'netzwerk.graphml': fileFormat('application/graphml+xml; charset=utf-8', ['network'], graphml, {
    name: 'netzwerk-graphml',
    format: 'graphml',
    title: 'Kooperationsnetz als GraphML / network as GraphML',
    description: 'Knoten = AGS mit label (Name), x/y (Layout) und den Maßen aus knoten.csv; Kanten mit weight, cooperationIds, taskAreas, provenance',
  }),
  'netzwerk.gexf': fileFormat('application/gexf+xml; charset=utf-8', ['network'], gexf, {
    name: 'netzwerk-gexf',
    format: 'gexf',
    title: 'Kooperationsnetz als GEXF 1.3 (Gephi) / network as GEXF 1.3',
    description:
      'Knoten mit label, viz:position aus dem berechneten Layout (ForceAtlas2) und den Maßen aus knoten.csv; Kanten mit weight, cooperationIds, taskAreas, provenance',
  }),
  'datapackage.json': { contentType: 'application/json; charset=utf-8', needs: [], render: datapackage },
} satisfies Record<string, ExportFormat>;

export type ExportFile = keyof typeof EXPORT_FORMATS;
