/** The unfiltered network straight from the COOPERATES_WITH projection: NRW only, like its nodes. */
export const ALL_NETWORK_EDGES = `
  MATCH (a:Municipality)-[r:COOPERATES_WITH]->(b:Municipality)
  WHERE NOT a:CrossBorder AND NOT b:CrossBorder
  RETURN a.ags AS source, b.ags AS target, r.weight AS weight`;

/** Municipality pairs that share cooperations (filtered), weighted by how many; NRW only, like the nodes. */
export const NETWORK_EDGES = `
  MATCH (a:Municipality)-[:MEMBER_OF]->(c:Cooperation)<-[:MEMBER_OF]-(b:Municipality)
  WHERE a.ags < b.ags AND NOT a:CrossBorder AND NOT b:CrossBorder
    AND ($taskArea IS NULL OR EXISTS { (c)-[:COVERS]->(:TaskArea {id: $taskArea}) })
    AND ($legalForm IS NULL OR c.legalForm = $legalForm)
    AND ($provenance IS NULL OR c.provenance = $provenance)
  RETURN a.ags AS source, b.ags AS target, count(DISTINCT c) AS weight`;

/** Who takes part in cooperations covering a task that are in force (active or unclear), and who hosts it for whom. */
export const TASK_PARTICIPATION = `
  MATCH (c:Cooperation)-[:COVERS]->(:TaskArea {id: $taskArea})
  WHERE coalesce(c.status, 'UNCLEAR') IN ['ACTIVE', 'UNCLEAR']
  MATCH (m:Municipality)-[r:MEMBER_OF]->(c)
  RETURN c.id AS id, c.name AS name, collect({ags: m.ags, role: r.role}) AS members`;

/** For every task area, the NRW municipalities in a cooperation covering it that is in force (the profile's openings). */
export const ALL_TASK_PARTICIPATION = `
  MATCH (c:Cooperation)-[:COVERS]->(t:TaskArea)
  WHERE coalesce(c.status, 'UNCLEAR') IN ['ACTIVE', 'UNCLEAR']
  MATCH (m:Municipality)-[:MEMBER_OF]->(c)
  WHERE NOT m:CrossBorder
  RETURN t.id AS taskArea, collect(DISTINCT m.ags) AS members`;

export const SNAPSHOT = `
  OPTIONAL MATCH (d:Dataset {key: 'main'})
  RETURN CASE WHEN d IS NULL THEN toString(date()) ELSE toString(date(d.importedAt)) END AS date`;

/** The filter of the network, for the export queries below (the same conditions as NETWORK_EDGES). */
const COOPERATION_FILTER = `($taskArea IS NULL OR EXISTS { (c)-[:COVERS]->(:TaskArea {id: $taskArea}) })
    AND ($legalForm IS NULL OR c.legalForm = $legalForm)
    AND ($provenance IS NULL OR c.provenance = $provenance)`;

/** For the exports: each tie of two NRW municipalities with the cooperations behind it, their task areas and provenance. */
export const EXPORT_EDGE_DETAILS = `
  MATCH (a:Municipality)-[:MEMBER_OF]->(c:Cooperation)<-[:MEMBER_OF]-(b:Municipality)
  WHERE a.ags < b.ags AND NOT a:CrossBorder AND NOT b:CrossBorder AND ${COOPERATION_FILTER}
  WITH a.ags AS source, b.ags AS target, c ORDER BY c.id
  WITH source, target, collect(DISTINCT c) AS cooperations
  RETURN source, target,
         [c IN cooperations | c.id] AS cooperationIds,
         COLLECT { UNWIND cooperations AS c MATCH (c)-[:COVERS]->(t:TaskArea) WITH DISTINCT t.id AS id RETURN id ORDER BY id } AS taskAreas,
         COLLECT { UNWIND cooperations AS c WITH DISTINCT c.provenance AS provenance WHERE provenance IS NOT NULL RETURN provenance ORDER BY provenance } AS provenance`;

/**
 * For the exports: the register's cooperations under the filter. The fields are listed one by one (never
 * `c {.*}`), so a property added to cooperations later reaches no export unless it is added here.
 */
export const EXPORT_COOPERATIONS = `
  MATCH (c:Cooperation)
  WHERE ${COOPERATION_FILTER}
  RETURN c.id AS id, c.name AS name, c.legalForm AS legalForm, coalesce(c.status, 'UNCLEAR') AS status, c.startYear AS startYear,
         COLLECT { MATCH (c)-[:COVERS]->(t:TaskArea) RETURN t.id AS id ORDER BY id } AS taskAreas,
         c.seat AS seat, c.description AS description, c.sourceUrl AS sourceUrl, c.sourceDate AS sourceDate, c.confidence AS confidence,
         c.evidence AS evidence, c.remark AS remark, c.provenance AS provenance
  ORDER BY id`;

/** For the exports: the members of those cooperations, by kind, with their key (none for an external partner). */
export const EXPORT_MEMBERS = `
  MATCH (x)-[r:MEMBER_OF]->(c:Cooperation)
  WHERE ${COOPERATION_FILTER}
  WITH c, r, x,
       CASE WHEN x:Municipality THEN 'MUNICIPALITY' WHEN x:District THEN 'DISTRICT' WHEN x:Cooperation THEN 'COOPERATION' ELSE 'EXTERNAL' END AS memberType
  RETURN c.id AS cooperationId, memberType,
         CASE memberType WHEN 'MUNICIPALITY' THEN x.ags WHEN 'DISTRICT' THEN x.key WHEN 'COOPERATION' THEN x.id ELSE null END AS key,
         coalesce(x.shortName, x.name) AS name, r.role AS role
  ORDER BY cooperationId, CASE role WHEN 'LEAD' THEN 0 ELSE 1 END, CASE memberType WHEN 'EXTERNAL' THEN 1 ELSE 0 END, name, key`;

/** NRW's boundaries as the importer stored them (the neighbours across the Land border are no part of the exports). */
export const EXPORT_BOUNDARIES = `
  MATCH (m:Municipality) WHERE NOT m:CrossBorder AND m.boundary IS NOT NULL
  RETURN m.ags AS ags, m.boundary AS boundary`;

/** Names of the Regierungsbezirke, for the gap export. */
export const REGION_NAMES = `MATCH (r:Region) RETURN r.key AS key, r.name AS name`;
