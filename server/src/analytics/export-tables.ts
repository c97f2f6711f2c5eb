import { Confidence, CooperationStatus, LegalForm, MemberKind, MemberRole, Provenance } from '../shared/enums';

/**
 * The tables of the open exports, each column defined once: its name, its type and what it means. The CSV files,
 * their Excel variants and the Frictionless `datapackage.json` are all derived from these definitions, so a column
 * cannot appear in a file without a description or with another type than the one declared.
 *
 * Only the fields listed here are ever written: nothing reaches an export because a node happens to carry it
 * (contact persons, accounts or any later property stay out unless someone adds a column here).
 */

/** One municipality of NRW with its network metrics; the AGS is the key researchers join on. */
export interface ExportNode {
  ags: string;
  name: string;
  districtKey: string;
  population: number;
  /** Centroid; null only for a municipality without a polygon (none in NRW since 1976). */
  longitude: number | null;
  latitude: number | null;
  /** Null without any tie under the filter. */
  community: number | null;
  degree: number;
  weightedDegree: number;
  betweenness: number;
  /** Position in the computed layout (ForceAtlas2). */
  layoutX: number;
  layoutY: number;
}

/** Two municipalities that share cooperations under the filter, with what they share. */
export interface ExportEdge {
  source: string;
  sourceName: string;
  target: string;
  targetName: string;
  weight: number;
  cooperationIds: string[];
  taskAreas: string[];
  provenance: string[];
}

/** One cooperation of the register. */
export interface ExportCooperation {
  id: string;
  name: string;
  legalForm: string;
  status: string;
  startYear: number | null;
  taskAreas: string[];
  seat: string | null;
  description: string | null;
  sourceUrl: string | null;
  sourceDate: string | null;
  confidence: string | null;
  evidence: string | null;
  remark: string | null;
  provenance: string;
}

/** One member of a cooperation: a municipality, a Kreis, another cooperation or a named external partner. */
export interface ExportMember {
  cooperationId: string;
  memberType: string;
  /** AGS, Kreis key or cooperation id; null for an external partner. */
  key: string | null;
  name: string;
  role: string;
}

/** One municipality doing a task alone among cooperating neighbours (the gap analysis, for the commissioner's office). */
export interface ExportGap {
  ags: string;
  name: string;
  districtKey: string;
  districtName: string;
  regionName: string;
  population: number;
  taskArea: string;
  neighbours: number;
  cooperatingNeighbours: number;
  share: number;
}

export type FieldType = 'string' | 'integer' | 'number' | 'list';
export type CellValue = string | number | null | readonly string[];

export interface Column<Row> {
  name: string;
  type: FieldType;
  /** German first, then English, as everywhere in the API. */
  description: string;
  value: (row: Row) => CellValue;
  format?: 'uri';
  constraints?: { required?: boolean; unique?: boolean; pattern?: string; enum?: string[] };
}

export interface Table<Row> {
  /** Frictionless resource name (lower case). */
  resource: string;
  title: string;
  description: string;
  columns: Array<Column<Row>>;
  primaryKey?: string[];
  foreignKeys?: Array<{ fields: string[]; reference: { resource: string; fields: string[] } }>;
}

/** List cells (task areas, cooperation ids, provenance) are joined with this, as in the register's own files. */
export const LIST_DELIMITER = ';';

const AGS = { pattern: '^\\d{8}$' };
const field = <Row>(name: keyof Row & string, type: FieldType, description: string, extra: Partial<Column<Row>> = {}): Column<Row> => ({
  name,
  type,
  description,
  value: (row) => row[name] as CellValue,
  ...extra,
});

export const NODES_TABLE: Table<ExportNode> = {
  resource: 'knoten',
  title: 'Gemeinden (Knoten) / municipalities (nodes)',
  description:
    'Die 396 Gemeinden Nordrhein-Westfalens mit ihren Netzwerkmaßen unter dem Filter / the 396 municipalities of NRW with their network metrics under the filter',
  primaryKey: ['ags'],
  columns: [
    field('ags', 'string', 'Amtlicher Gemeindeschlüssel, 8 Ziffern, als Text (führende Null) / official municipality key, 8 digits, text', {
      constraints: { required: true, unique: true, ...AGS },
    }),
    field('name', 'string', 'Name der Gemeinde (VG250 GEN) / short name'),
    field('districtKey', 'string', 'Kreisschlüssel, 5 Ziffern (bei kreisfreien Städten deren eigener) / district key, 5 digits', {
      constraints: { pattern: '^\\d{5}$' },
    }),
    field('population', 'integer', 'Einwohner am 31.12.2022 (Destatis GV100AD) / population'),
    field('longitude', 'number', 'Längengrad des Schwerpunkts, WGS84 / centroid longitude'),
    field('latitude', 'number', 'Breitengrad des Schwerpunkts, WGS84 / centroid latitude'),
    field(
      'community',
      'integer',
      'Louvain-Community, nach Größe nummeriert ab 1 (1 = größte); leer ohne Kooperation unter dem Filter / community, numbered by size from 1 (1 = largest); empty without any tie',
    ),
    field('degree', 'integer', 'Zahl der Gemeinden, mit denen sie kooperiert / number of municipalities it cooperates with'),
    field('weightedDegree', 'integer', 'Gemeinsame Kooperationen, summiert über ihre Verbindungen / shared cooperations summed over its ties'),
    field('betweenness', 'number', 'Normierte Betweenness-Zentralität (0–1) / normalised betweenness centrality'),
    field('layoutX', 'number', 'x im Netzwerk-Layout (ForceAtlas2, von der Geografie aus gestartet) / layout position x'),
    field('layoutY', 'number', 'y im Netzwerk-Layout / layout position y'),
  ],
};

export const EDGES_TABLE: Table<ExportEdge> = {
  resource: 'kanten',
  title: 'Kooperationsbeziehungen (Kanten) / ties (edges)',
  description:
    'Je ein Gemeindepaar, das unter dem Filter mindestens eine Kooperation teilt (ungerichtet) / one row per pair of municipalities sharing cooperations (undirected)',
  primaryKey: ['source', 'target'],
  foreignKeys: [
    { fields: ['source'], reference: { resource: 'knoten', fields: ['ags'] } },
    { fields: ['target'], reference: { resource: 'knoten', fields: ['ags'] } },
  ],
  columns: [
    field('source', 'string', 'AGS der einen Gemeinde (die kleinere) / AGS of one municipality', { constraints: { required: true, ...AGS } }),
    field('sourceName', 'string', 'ihr Name / its name'),
    field('target', 'string', 'AGS der anderen Gemeinde / AGS of the other municipality', { constraints: { required: true, ...AGS } }),
    field('targetName', 'string', 'ihr Name / its name'),
    field('weight', 'integer', 'Zahl der gemeinsamen Kooperationen / number of shared cooperations'),
    field('cooperationIds', 'list', 'Kennungen der gemeinsamen Kooperationen (siehe kooperationen.csv) / ids of the shared cooperations'),
    field('taskAreas', 'list', 'Aufgabenfelder dieser Kooperationen (Taxonomie des Kooperationsatlas) / task areas they cover'),
    field(
      'provenance',
      'list',
      `Herkunft dieser Kooperationen (${Object.values(Provenance).join(', ')}; RESEARCHED = aus öffentlicher Quelle recherchiert) / where the records come from`,
    ),
  ],
};

export const COOPERATIONS_TABLE: Table<ExportCooperation> = {
  resource: 'kooperationen',
  title: 'Kooperationen (Register) / cooperations (register)',
  description: 'Je eine Zeile pro Kooperation des Registers, mit Quelle und Beleg / one row per cooperation of the register, with its source',
  primaryKey: ['id'],
  columns: [
    field('id', 'string', 'Kennung der Kooperation / cooperation id', { constraints: { required: true, unique: true } }),
    field('name', 'string', 'Name / name'),
    field('legalForm', 'string', 'Rechtsform (GkG NRW) / legal form', { constraints: { enum: Object.values(LegalForm) } }),
    field('status', 'string', 'Stand laut Quelle: ACTIVE aktiv, ENDED beendet, PLANNED geplant, UNCLEAR unklar / status', {
      constraints: { enum: Object.values(CooperationStatus) },
    }),
    field('startYear', 'integer', 'Jahr des Beginns, wo bekannt / year it began, where known'),
    field('taskAreas', 'list', 'Aufgabenfelder (Taxonomie des Kooperationsatlas) / task areas'),
    field('seat', 'string', 'Sitz oder ausführende Stelle / seat or performing body'),
    field('description', 'string', 'Aufgaben in Kürze / what it does'),
    field('sourceUrl', 'string', 'Quelle (Satzung, Amtsblatt, Ratsvorlage, eigene Seite) / source', { format: 'uri' }),
    field('sourceDate', 'string', 'Datum der Quelle als YYYY, YYYY-MM oder YYYY-MM-DD / date of the source'),
    field(
      'confidence',
      'string',
      'HIGH: Quelle nennt Mitglieder und Bestand; MEDIUM: genannt, Stand oder Vollständigkeit unklar; LOW: erschlossen / confidence',
      {
        constraints: { enum: Object.values(Confidence) },
      },
    ),
    field('evidence', 'string', 'Was die Quelle über die Beteiligten sagt (sinngemäß) / what the source says about who cooperates'),
    field('remark', 'string', 'Hinweis, z. B. wenn die Mitgliederliste unvollständig ist / remark, e.g. an incomplete member list'),
    field('provenance', 'string', 'Herkunft des Datensatzes / where the record comes from', { constraints: { enum: Object.values(Provenance) } }),
  ],
};

export const MEMBERS_TABLE: Table<ExportMember> = {
  resource: 'mitglieder',
  title: 'Mitglieder der Kooperationen / members of the cooperations',
  description: 'Je eine Zeile pro Mitglied einer Kooperation des Registers / one row per member of a cooperation',
  foreignKeys: [{ fields: ['cooperationId'], reference: { resource: 'kooperationen', fields: ['id'] } }],
  columns: [
    field('cooperationId', 'string', 'Kennung der Kooperation / cooperation id', { constraints: { required: true } }),
    field('memberType', 'string', 'MUNICIPALITY Gemeinde, DISTRICT Kreis, COOPERATION andere Kooperation, EXTERNAL Partner außerhalb / member type', {
      constraints: { required: true, enum: Object.values(MemberKind) },
    }),
    field(
      'key',
      'string',
      'AGS (8 Ziffern), Kreisschlüssel (5 Ziffern) oder Kennung der Kooperation, als Text; leer bei externen Partnern / key; empty for an external partner',
    ),
    field('name', 'string', 'Name des Mitglieds / member name'),
    field('role', 'string', 'MEMBER Mitglied, LEAD übernimmt die Aufgabe für andere, DELEGATING gibt sie ab, PARTNER / role', {
      constraints: { enum: Object.values(MemberRole) },
    }),
  ],
};

export const GAPS_TABLE: Table<ExportGap> = {
  resource: 'luecken',
  title: 'Kooperationslücken / cooperation gaps',
  description:
    'Gemeinden, die eine Aufgabe allein erledigen, während mehr als die Hälfte ihrer NRW-Nachbarn darin kooperiert / municipalities doing a task alone while more than half of their NRW neighbours cooperate in it',
  primaryKey: ['ags', 'taskArea'],
  columns: [
    field('ags', 'string', 'Amtlicher Gemeindeschlüssel, 8 Ziffern, als Text (führende Null) / official municipality key, 8 digits, text', {
      constraints: { required: true, ...AGS },
    }),
    field('name', 'string', 'Name der Gemeinde / short name'),
    field('districtKey', 'string', 'Kreisschlüssel, 5 Ziffern, als Text / district key, 5 digits, text', { constraints: { pattern: '^\\d{5}$' } }),
    field('districtName', 'string', 'Kreis oder kreisfreie Stadt / district'),
    field('regionName', 'string', 'Regierungsbezirk / administrative region'),
    field('population', 'integer', 'Einwohner am 31.12.2022 (Destatis GV100AD) / population'),
    field('taskArea', 'string', 'Aufgabenfeld (Taxonomie des Kooperationsatlas) / task area'),
    field('neighbours', 'integer', 'Nachbargemeinden in NRW / neighbours in NRW'),
    field('cooperatingNeighbours', 'integer', 'davon in einer Kooperation der Aufgabe / of those, cooperating in the task'),
    field('share', 'number', 'Anteil kooperierender Nachbarn (0–1) / share of cooperating neighbours'),
  ],
};
