/** Plain records the sources produce and the writer stores; property names match the graph. */

export type MunicipalityType = 'KREISFREIE_STADT' | 'STADT' | 'GEMEINDE' | 'GEMEINDEFREIES_GEBIET';
export type DistrictType = 'KREIS' | 'KREISFREIE_STADT' | 'STAEDTEREGION' | 'LANDKREIS' | 'REGIONALVERBAND';
export type LegalForm =
  | 'ZWECKVERBAND'
  | 'OEFFENTLICH_RECHTLICHE_VEREINBARUNG'
  | 'AOER'
  | 'GMBH'
  | 'ARBEITSGEMEINSCHAFT'
  | 'SHARED_SERVICE_CENTER'
  | 'OTHER';
export type Provenance = 'OFFICIAL' | 'RESEARCHED' | 'GENERATED' | 'USER';
export type MemberRole = 'MEMBER' | 'LEAD' | 'DELEGATING' | 'PARTNER';
export type MemberKind = 'MUNICIPALITY' | 'DISTRICT' | 'COOPERATION';

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
}

export interface MunicipalityRecord extends RegisterMunicipality {
  shortName: string;
  searchName: string;
  density: number;
  /** WGS84 centre of mass; null when the register lists a municipality without a polygon. */
  centroid: { longitude: number; latitude: number } | null;
  /** Simplified GeoJSON geometry for the web map (a JSON string). */
  boundary?: string | null;
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
  key: string;
  role: MemberRole;
  /** Line in the source file, for problem reports. */
  line?: number;
}

export interface CooperationRecord {
  id: string;
  name: string;
  legalForm: LegalForm;
  status: string;
  startDate: string | null;
  seat: string | null;
  description: string | null;
  provenance: Provenance;
  sourceUrl: string | null;
  remark: string | null;
  verifiedAt: string | null;
  taskAreaIds: string[];
  members: MembershipRecord[];
}
