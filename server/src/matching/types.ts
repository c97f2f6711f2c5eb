/** Plain data the scoring functions work on; the repository fills it from Neo4j, tests build it by hand. */

export type SizeFit = 'COMPLEMENTARY' | 'SIMILAR';

export interface Place {
  ags: string;
  name: string;
  population: number;
  districtKey: string;
  districtName: string;
  stateKey: string;
  longitude: number;
  latitude: number;
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

/** Everything known about one candidate relative to the focal municipality. */
export interface CandidateFacts {
  distanceKm: number;
  /** Shortest path over BORDERS; null when farther than the search depth. */
  hops: number | null;
  border: Border | null;
  sameDistrict: boolean;
  /** Cooperations the two already share (any task area). */
  sharedCooperations: Array<{ id: string; name: string; taskAreaIds: string[] }>;
  /** Municipalities that cooperate with both (triadic closure). */
  sharedPartners: number;
  /** Cooperations covering the task in which the candidate is the host (performs it for others). */
  hostsTask: Array<{ id: string; name: string; clients: number }>;
  /** Cooperations covering the task the candidate belongs to (that the focal one could join). */
  memberInTask: Array<{ id: string; name: string }>;
}

export type ComponentKey = 'PROXIMITY' | 'EXISTING_TIES' | 'EXPERIENCE' | 'SIZE_FIT' | 'SAME_DISTRICT' | 'FUNDING';

export type Weights = Record<ComponentKey, number>;

export interface ScoreComponent {
  key: ComponentKey;
  /** Normalised strength of the factor, 0–1. */
  rawValue: number;
  weight: number;
  contribution: number;
  reasonDe: string;
  reasonEn: string;
  source: string;
}

export interface FundingEstimate {
  eligible: boolean;
  /** NRW partners counted for the grant. */
  nrwPartners: number;
  maxGrantEur: number;
  reasonDe: string;
  reasonEn: string;
}
