/** The static geography the engine keeps in memory (reloaded when an import changes the Dataset node). */
export const GEOGRAPHY_PLACES = `
  MATCH (m:Municipality) WHERE m.centroid IS NOT NULL AND m.type <> 'GEMEINDEFREIES_GEBIET'
  OPTIONAL MATCH (m)-[:IN_DISTRICT]->(d:District)
  RETURN m.ags AS ags, m.shortName AS name, m.population AS population, m.districtKey AS districtKey,
         coalesce(d.name, m.districtKey) AS districtName, m.stateKey AS stateKey,
         m.centroid.longitude AS longitude, m.centroid.latitude AS latitude`;

export const GEOGRAPHY_BORDERS = `
  MATCH (a:Municipality)-[b:BORDERS]->(c:Municipality)
  RETURN a.ags AS a, c.ags AS b, b.lengthKm AS lengthKm, b.touch AS touch`;

export const DATASET_VERSION = `
  OPTIONAL MATCH (d:Dataset {key: 'main'})
  RETURN CASE WHEN d IS NULL THEN 'none' ELSE toString(d.importedAt) END AS version`;

/** Every cooperation with its task areas and members, for the matching service's in-memory index (ADR 007). */
export const COOPERATION_SNAPSHOT = `
  MATCH (c:Cooperation)
  RETURN c.id AS id, c.name AS name, c.legalForm AS legalForm, c.provenance AS provenance,
         COLLECT { MATCH (c)-[:COVERS]->(t:TaskArea) RETURN t.id } AS taskAreaIds,
         COLLECT { MATCH (x)-[r:MEMBER_OF]->(c)
           RETURN {kind: CASE WHEN x:Municipality THEN 'MUNICIPALITY' WHEN x:District THEN 'DISTRICT' ELSE 'COOPERATION' END,
                   key: coalesce(x.ags, x.key, x.id), role: r.role} } AS members`;

/** The COOPERATES_WITH projection (pairs of municipalities sharing cooperations) the import derives from MEMBER_OF. */
export const COOPERATION_LINKS = `
  MATCH (a:Municipality)-[r:COOPERATES_WITH]->(b:Municipality)
  RETURN a.ags AS a, b.ags AS b, r.researched AS researched`;
