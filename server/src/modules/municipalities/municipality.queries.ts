/** Cypher of the municipality module. Sort keys come from a whitelist, never from user text. */

export const MUNICIPALITY_FIELDS = `{
  ags: m.ags, name: m.name, shortName: m.shortName, type: m.type, population: m.population,
  populationDate: m.populationDate, areaKm2: m.areaKm2, density: m.density, postcode: m.postcode,
  centroid: CASE WHEN m.centroid IS NULL THEN null ELSE {longitude: m.centroid.longitude, latitude: m.centroid.latitude} END,
  districtKey: m.districtKey, regionKey: m.regionKey, stateKey: m.stateKey,
  stateName: COLLECT { MATCH (s:State {key: m.stateKey}) RETURN s.name }[0], crossBorder: m:CrossBorder,
  altkreis: m.altkreis, associationName: m.associationName
}`;

export const SORT_PROPERTIES = { NAME: 'm.searchName', POPULATION: 'm.population', AREA: 'm.areaKm2', DENSITY: 'm.density' } as const;

// A search of digits is a key: the AGS (8 digits, e.g. 05962044) or the postcode of the seat (5 digits, e.g. 58769),
// matched from the start, so a partial key narrows the list as it is typed.
const FILTER = `
  WHERE ($search IS NULL OR m.searchName CONTAINS $search)
    AND ($digits IS NULL OR m.ags STARTS WITH $digits OR m.postcode STARTS WITH $digits)
    AND ($includeCrossBorder OR NOT m:CrossBorder)
    AND ($districtKey IS NULL OR m.districtKey = $districtKey)
    AND ($regionKey IS NULL OR m.regionKey = $regionKey)
    AND ($type IS NULL OR m.type = $type)
    AND ($minPopulation IS NULL OR m.population >= $minPopulation)
    AND ($maxPopulation IS NULL OR m.population <= $maxPopulation)`;

/**
 * A page of municipalities and the total count in one round trip. An exact AGS comes first, then an exact postcode,
 * then names that start with the search.
 */
export function listMunicipalities(sortProperty: string, direction: 'ASC' | 'DESC'): string {
  return `
    MATCH (m:Municipality) ${FILTER}
    WITH m ORDER BY CASE WHEN $digits IS NOT NULL AND m.ags = $digits THEN 0 WHEN $digits IS NOT NULL AND m.postcode = $digits THEN 1 WHEN $search IS NOT NULL AND m.searchName STARTS WITH $search THEN 2 ELSE 3 END,
      ${sortProperty} ${direction}, m.ags
    WITH collect(m) AS matches
    RETURN size(matches) AS total, [m IN matches[$skip..($skip + $limit)] | ${MUNICIPALITY_FIELDS}] AS page`;
}

export const MUNICIPALITIES_BY_AGS = `
  UNWIND $keys AS key
  MATCH (m:Municipality {ags: key})
  RETURN key, ${MUNICIPALITY_FIELDS} AS value`;

export const DISTRICTS_BY_KEY = `
  UNWIND $keys AS key
  MATCH (d:District {key: key})
  RETURN key, {key: d.key, name: d.name, type: d.type, regionKey: d.regionKey} AS value`;

/** NRW's Kreise and kreisfreie Städte, by name (the gap analysis filters by them). */
export const NRW_DISTRICTS = `
  MATCH (d:District) WHERE d.key STARTS WITH '05'
  RETURN {key: d.key, name: d.name, type: d.type, regionKey: d.regionKey} AS district
  ORDER BY d.name, d.key`;

export const REGIONS_BY_KEY = `
  UNWIND $keys AS key
  MATCH (r:Region {key: key})
  RETURN key, {key: r.key, name: r.name} AS value`;

export const NEIGHBOURS_BY_AGS = `
  UNWIND $keys AS key
  MATCH (:Municipality {ags: key})-[b:BORDERS]-(m:Municipality)
  WITH key, b, m ORDER BY b.lengthKm DESC, m.ags
  RETURN key, collect({municipality: ${MUNICIPALITY_FIELDS}, lengthKm: b.lengthKm, touch: b.touch}) AS value`;

export const BOUNDARIES_BY_AGS = `
  UNWIND $keys AS key
  MATCH (m:Municipality {ags: key})
  RETURN key, m.boundary AS value`;
