import type { Place } from './types';

/** A made-up municipality for the matching unit tests: Hochsauerlandkreis (05958) unless another Kreis is given. */
export const testPlace = (ags: string, longitude: number, latitude: number, population = 10_000, districtKey = '05958'): Place => ({
  ags,
  name: `Ort ${ags.slice(-3)}`,
  population,
  districtKey,
  districtName: districtKey === '05958' ? 'Hochsauerlandkreis' : 'Kreis Soest',
  stateKey: '05',
  longitude,
  latitude,
});
