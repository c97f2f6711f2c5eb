/** Municipality pairs that share cooperations (filtered), weighted by how many. */
/** The unfiltered network straight from the COOPERATES_WITH projection. */
export const ALL_NETWORK_EDGES = `
  MATCH (a:Municipality)-[r:COOPERATES_WITH]->(b:Municipality)
  RETURN a.ags AS source, b.ags AS target, r.weight AS weight`;

export const NETWORK_EDGES = `
  MATCH (a:Municipality)-[:MEMBER_OF]->(c:Cooperation)<-[:MEMBER_OF]-(b:Municipality)
  WHERE a.ags < b.ags
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

export const SNAPSHOT = `
  OPTIONAL MATCH (d:Dataset {key: 'main'})
  RETURN CASE WHEN d IS NULL THEN toString(date()) ELSE toString(date(d.importedAt)) END AS date`;
