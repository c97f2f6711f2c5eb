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

/**
 * All cooperation data one ranking needs, in one round trip: the focal municipality's shared cooperations with
 * everyone, its second-degree partners, and the cooperations covering the task within the search radius.
 */
export const COOPERATION_DATA = `
  MATCH (i:Municipality {ags: $ags})
  CALL (i) {
    MATCH (i)-[:MEMBER_OF]->(c:Cooperation)<-[:MEMBER_OF]-(j:Municipality)
    WHERE j <> i AND ($includeGenerated OR c.provenance <> 'GENERATED')
    RETURN collect({ags: j.ags, id: c.id, name: c.name, taskAreaIds: COLLECT { MATCH (c)-[:COVERS]->(t:TaskArea) RETURN t.id }}) AS ties
  }
  CALL (i) {
    // Second-degree partners over the COOPERATES_WITH projection the import derives from MEMBER_OF.
    MATCH (i)-[r1:COOPERATES_WITH]-(k:Municipality)-[r2:COOPERATES_WITH]-(j:Municipality)
    WHERE j <> i AND ($includeGenerated OR (r1.researched > 0 AND r2.researched > 0))
    WITH j, count(DISTINCT k) AS n
    RETURN collect({ags: j.ags, n: n}) AS sharedPartners
  }
  CALL (i) {
    // Only cooperations with a member within reach (point index on the centroid), or with the own Kreis as member.
    CALL (i) {
      MATCH (m:Municipality) WHERE point.distance(m.centroid, i.centroid) <= $radiusM
      MATCH (m)-[:MEMBER_OF]->(c:Cooperation)-[:COVERS]->(:TaskArea {id: $taskArea})
      RETURN c
      UNION
      MATCH (:District {key: i.districtKey})-[:MEMBER_OF]->(c:Cooperation)-[:COVERS]->(:TaskArea {id: $taskArea})
      RETURN c
    }
    WITH DISTINCT c WHERE $includeGenerated OR c.provenance <> 'GENERATED'
    RETURN collect({id: c.id, name: c.name, legalForm: c.legalForm, provenance: c.provenance,
      members: COLLECT { MATCH (x)-[r:MEMBER_OF]->(c)
        RETURN {kind: CASE WHEN x:Municipality THEN 'MUNICIPALITY' WHEN x:District THEN 'DISTRICT' ELSE 'COOPERATION' END,
                key: coalesce(x.ags, x.key, x.id), role: r.role} }}) AS taskCooperations
  }
  RETURN ties, sharedPartners, taskCooperations`;
