import type { CandidateFacts, Place } from './types';

/** A made-up municipality for the matching unit tests: Hochsauerlandkreis (05958) unless another Kreis is given. */
export const testPlace = (ags: string, longitude: number, latitude: number, population = 10_000, districtKey = '05958', extra: Partial<Place> = {}): Place => ({
  ags,
  name: `Ort ${ags.slice(-3)}`,
  population,
  districtKey,
  districtName: districtKey === '05958' ? 'Hochsauerlandkreis' : 'Kreis Soest',
  districtType: 'KREIS',
  stateKey: ags.slice(0, 2),
  stateName: ags.startsWith('05') ? 'Nordrhein-Westfalen' : 'Hessen',
  crossBorder: !ags.startsWith('05'),
  longitude,
  latitude,
  altkreis: null,
  regions: [],
  ...extra,
});

/** Facts of a pair with nothing in common, 10 km apart. */
export const noFacts: CandidateFacts = {
  distanceKm: 10,
  hops: null,
  border: null,
  sameDistrict: false,
  sharedAltkreis: null,
  sharedRegions: [],
  sharedCooperations: [],
  tieStrength: 0,
  sharedPartners: 0,
  sharedPartnerStrength: 0,
  hostsTask: [],
  memberInTask: [],
};
