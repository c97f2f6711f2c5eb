/** The static geography the engine keeps in memory (reloaded when the Dataset node changes). */
export const GEOGRAPHY_PLACES = `
  MATCH (m:Municipality) WHERE m.centroid IS NOT NULL AND m.type <> 'GEMEINDEFREIES_GEBIET'
  OPTIONAL MATCH (m)-[:IN_DISTRICT]->(d:District)
  OPTIONAL MATCH (s:State {key: m.stateKey})
  RETURN m.ags AS ags, m.shortName AS name, m.population AS population, m.districtKey AS districtKey,
         coalesce(d.name, m.districtKey) AS districtName, coalesce(d.type, 'KREIS') AS districtType,
         m.stateKey AS stateKey, coalesce(s.name, m.stateKey) AS stateName, m:CrossBorder AS crossBorder,
         m.centroid.longitude AS longitude, m.centroid.latitude AS latitude, m.altkreis AS altkreis,
         COLLECT { MATCH (m)-[:IN_DEVELOPMENT_REGION]->(r:DevelopmentRegion) RETURN r {.id, .name, .kind} } AS regions`;

export const GEOGRAPHY_BORDERS = `
  MATCH (a:Municipality)-[b:BORDERS]->(c:Municipality)
  RETURN a.ags AS a, c.ags AS b, b.lengthKm AS lengthKm, b.touch AS touch`;

export const DATASET_VERSION = `
  OPTIONAL MATCH (d:Dataset {key: 'main'})
  RETURN CASE WHEN d IS NULL THEN 'none' ELSE toString(d.importedAt) END AS version`;

/** A cooperation as the in-memory index holds it (external partners are never matched), from `c`. */
const INDEXED_COOPERATION = `
  RETURN c.id AS id, c.name AS name, c.legalForm AS legalForm, c.provenance AS provenance, coalesce(c.status, 'UNCLEAR') AS status, coalesce(c.confidence, 'MEDIUM') AS confidence,
         COLLECT { MATCH (c)-[:COVERS]->(t:TaskArea) RETURN t.id } AS taskAreaIds,
         COLLECT { MATCH (x)-[r:MEMBER_OF]->(c) WHERE x:Municipality OR x:District OR x:Cooperation
           RETURN {kind: CASE WHEN x:Municipality THEN 'MUNICIPALITY' WHEN x:District THEN 'DISTRICT' ELSE 'COOPERATION' END,
                   key: coalesce(x.ags, x.key, x.id), role: r.role} } AS members`;

/** Every cooperation with its task areas and members, for the in-memory index (ADR 007). */
export const COOPERATION_SNAPSHOT = `
  MATCH (c:Cooperation)
  ${INDEXED_COOPERATION}`;

/** The same for the cooperations a register change named (ADR 013): the snapshot updated, not reloaded. */
export const COOPERATIONS_BY_ID = `
  UNWIND $ids AS id
  MATCH (c:Cooperation {id: id})
  ${INDEXED_COOPERATION}`;

/**
 * What every app server polls a few times a second (ADR 013): the import's stamp (a new import reloads the whole
 * snapshot), the change feed's position and the next 500 changes after `$after` (a range on the unique index of
 * RegisterChange.seq; an idle poll reads three nodes).
 */
export const REGISTER_FEED = `
  OPTIONAL MATCH (d:Dataset {key: 'main'})
  OPTIONAL MATCH (log:RegisterLog {key: 'main'})
  RETURN CASE WHEN d IS NULL THEN 'none' ELSE toString(d.importedAt) END AS imported, coalesce(log.seq, 0) AS seq,
         COLLECT { MATCH (c:RegisterChange) WHERE c.seq > $after RETURN c {.seq, .cooperationIds} ORDER BY c.seq LIMIT 500 } AS changes`;
