/** Plain data the scoring functions work on; the snapshot fills it from Neo4j, tests build it by hand. */

export type SizeFit = 'COMPLEMENTARY' | 'SIMILAR';
export type CooperationStatus = 'ACTIVE' | 'ENDED' | 'PLANNED' | 'UNCLEAR';

/** A LEADER or regional-development region a municipality belongs to. */
export interface DevelopmentRegionRef {
  id: string;
  name: string;
  kind: string;
}

export interface Place {
  ags: string;
  name: string;
  population: number;
  districtKey: string;
  districtName: string;
  /** KREIS, KREISFREIE_STADT, STAEDTEREGION, LANDKREIS …: a kreisfreie Stadt is its own district, not a Kreis. */
  districtType: string;
  stateKey: string;
  stateName: string;
  /** A municipality of a neighbouring Land imported as a partner candidate (not part of NRW's own figures). */
  crossBorder: boolean;
  longitude: number;
  latitude: number;
  /** The Kreis (or kreisfreie Stadt) its main town belonged to before the 1966–1975 reform; null outside NRW. */
  altkreis: string | null;
  regions: DevelopmentRegionRef[];
}

export interface TaskProfile {
  id: string;
  nameDe: string;
  nameEn: string;
  /** 0–1: how much physical proximity matters for the task. */
  proximity: number;
  efficientScale: number;
  sizeFit: SizeFit;
}

export interface Border {
  lengthKm: number;
  touch: boolean;
}

/** A cooperation two municipalities share, as evidence of a tie. */
export interface SharedCooperation {
  id: string;
  name: string;
  taskAreaIds: string[];
  status: CooperationStatus;
  /** The register's confidence is LOW: inferred, not confirmed by the source. */
  unconfirmed: boolean;
  /** Municipal members of the cooperation: a small joint body says more about a pair than a Kreis-wide one. */
  municipalMembers: number;
}

/** Everything known about one candidate relative to the focal municipality. */
export interface CandidateFacts {
  distanceKm: number;
  /** Shortest path over BORDERS; null when farther than the search depth. */
  hops: number | null;
  border: Border | null;
  sameDistrict: boolean;
  /** The Altkreis both belonged to, or null. */
  sharedAltkreis: string | null;
  sharedRegions: DevelopmentRegionRef[];
  /** Cooperations the two already share (any task area, any status). */
  sharedCooperations: SharedCooperation[];
  /** Sum of the tie weights of the shared cooperations (see cooperation-index.ts). */
  tieStrength: number;
  /** Municipalities that cooperate with both (triadic closure), and the weight of those paths. */
  sharedPartners: number;
  sharedPartnerStrength: number;
  /** Cooperations covering the task in which the candidate is the host (performs it for others). */
  hostsTask: Array<{ id: string; name: string; clients: number }>;
  /** Cooperations covering the task the candidate belongs to (that the focal one could join). */
  memberInTask: Array<{ id: string; name: string }>;
}

export interface FundingEstimate {
  eligible: boolean;
  /** NRW partners counted for the grant. */
  nrwPartners: number;
  crossBorder: boolean;
  maxGrantEur: number;
  reasonDe: string;
  reasonEn: string;
}
