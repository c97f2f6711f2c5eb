import type { Database } from '@ka/server/src/db/database';
import type { CooperationData } from '@ka/server/src/matching/engine';

/**
 * The cooperation data of one ranking computed by Neo4j in one round trip: how the matching service read it before
 * it kept a cooperation index in memory (docs/decisions/007). Kept as the reference the index is tested against
 * and as the "one Cypher round trip per request" row of `pnpm bench api`.
 */
export const COOPERATION_DATA_CYPHER = `
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

export async function cooperationDataFromGraph(db: Database, ags: string, taskArea: string, includeGenerated: boolean, radiusKm: number): Promise<CooperationData> {
  const result = await db.read(COOPERATION_DATA_CYPHER, { ags, taskArea, includeGenerated, radiusM: radiusKm * 1000 });
  const row = result.records[0];
  if (!row) return { ties: [], sharedPartners: [], taskCooperations: [] };
  return {
    ties: row.get('ties') as CooperationData['ties'],
    sharedPartners: row.get('sharedPartners') as CooperationData['sharedPartners'],
    taskCooperations: row.get('taskCooperations') as CooperationData['taskCooperations'],
  };
}
