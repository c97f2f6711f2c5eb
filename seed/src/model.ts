/** Plain records the sources produce and the writer stores; property names match the graph. */

export type MunicipalityType = 'KREISFREIE_STADT' | 'STADT' | 'GEMEINDE' | 'GEMEINDEFREIES_GEBIET';
export type DistrictType = 'KREIS' | 'KREISFREIE_STADT' | 'STAEDTEREGION' | 'LANDKREIS' | 'REGIONALVERBAND';
export type LegalForm =
  | 'ZWECKVERBAND'
  | 'OEFFENTLICH_RECHTLICHE_VEREINBARUNG'
  | 'VERWALTUNGSVEREINBARUNG'
  | 'AOER'
  | 'GMBH'
  | 'ARBEITSGEMEINSCHAFT'
  | 'SHARED_SERVICE_CENTER'
  | 'OTHER';
export type Provenance = 'OFFICIAL' | 'RESEARCHED' | 'GENERATED' | 'USER';
export type MemberRole = 'MEMBER' | 'LEAD' | 'DELEGATING' | 'PARTNER';
/** EXTERNAL: a named partner outside NRW or outside municipal government (Land, LWL, chambers, foreign bodies). */
export type MemberKind = 'MUNICIPALITY' | 'DISTRICT' | 'COOPERATION' | 'EXTERNAL';
export type CooperationStatus = 'ACTIVE' | 'ENDED' | 'PLANNED' | 'UNCLEAR';
/** How sure a hand-compiled record is (register: sicher / mittel / unsicher). */
export type Confidence = 'HIGH' | 'MEDIUM' | 'LOW';
/** A register of real cooperations, or an entirely generated one for scale tests: never both in one database. */
export type DatasetKind = 'REGISTER' | 'SYNTHETIC';
/** GV100AD Satzart 50, Textkennzeichen 51–58 (50, a municipality outside any Gemeindeverband, has none). */
export type AssociationType =
  | 'AMT'
  | 'SAMTGEMEINDE'
  | 'VERBANDSGEMEINDE'
  | 'VERWALTUNGSGEMEINSCHAFT'
  | 'KIRCHSPIELSLANDGEMEINDE'
  | 'VERWALTUNGSVERBAND'
  | 'VERWALTUNGSGEMEINSCHAFT_TRAEGERMODELL'
  | 'ERFUELLENDE_GEMEINDE';

export interface StateRecord {
  key: string;
  name: string;
}

export interface RegionRecord {
  key: string;
  name: string;
  stateKey: string;
}

export interface DistrictRecord {
  key: string;
  name: string;
  type: DistrictType;
  stateKey: string;
  /** Null where a state has no Regierungsbezirke. */
  regionKey: string | null;
}

export interface RegisterMunicipality {
  ags: string;
  ars: string;
  name: string;
  type: MunicipalityType;
  population: number;
  populationDate: string;
  areaKm2: number;
  postcode: string | null;
  districtKey: string;
  regionKey: string | null;
  stateKey: string;
  /** The Gemeindeverband (Samtgemeinde, Verbandsgemeinde, Amt, …) as GV100AD names it; null where there is none. */
  associationName: string | null;
  associationType: AssociationType | null;
}

export interface MunicipalityRecord extends RegisterMunicipality {
  shortName: string;
  searchName: string;
  density: number;
  /** WGS84 centre of mass; null when the register lists a municipality without a polygon. */
  centroid: { longitude: number; latitude: number } | null;
  /** Simplified GeoJSON geometry for the web map (a JSON string). */
  boundary?: string | null;
  /** The Kreis or kreisfreie Stadt before the 1966–1975 territorial reform (NRW only; null elsewhere). */
  altkreis: string | null;
  altkreisConfidence: Confidence | null;
}

/** A regional development area (LEADER, VITAL.NRW, ILEK, REGIONALE) and the municipalities in it. */
export interface DevelopmentRegionRecord {
  id: string;
  name: string;
  /** The programme as the source file names it, e.g. "LEADER 2023-2027". */
  kind: string;
  sourceUrl: string;
  confidence: Confidence;
  remark: string | null;
  members: Array<{ ags: string; partial: boolean; line: number }>;
}

export interface BorderRecord {
  a: string;
  b: string;
  lengthKm: number;
  /** True when the two only touch at a single point. */
  touch: boolean;
}

export interface TaskAreaRecord {
  id: string;
  nameDe: string;
  nameEn: string;
  examplesDe: string;
  productArea: string | null;
  productAreaName: string | null;
  proximity: number;
  efficientScale: number;
  sizeFit: 'COMPLEMENTARY' | 'SIMILAR';
  typicalLegalForms: LegalForm[];
  generatorShare: number;
}

export interface MembershipRecord {
  kind: MemberKind;
  /** AGS, Kreis key or cooperation id; for EXTERNAL the partner's name. */
  key: string;
  role: MemberRole;
  /** Line in the source file, for problem reports. */
  line?: number;
}

export interface CooperationRecord {
  id: string;
  name: string;
  legalForm: LegalForm;
  status: CooperationStatus;
  /** The year the cooperation began, where known. */
  startYear: number | null;
  /** Date of the source (YYYY, YYYY-MM or YYYY-MM-DD), where known. */
  sourceDate: string | null;
  seat: string | null;
  description: string | null;
  provenance: Provenance;
  sourceUrl: string | null;
  /** What the source says about who cooperates (paraphrased). */
  evidence: string | null;
  remark: string | null;
  /** Null for generated records. */
  confidence: Confidence | null;
  verifiedAt: string | null;
  taskAreaIds: string[];
  members: MembershipRecord[];
}
