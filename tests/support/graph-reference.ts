import type { Database } from '@ka/server/src/db/database';

/**
 * The cooperation evidence of one ranking computed by Neo4j in one round trip: how the matching service read it
 * before it kept a cooperation index in memory (docs/decisions/007). Kept as the reference the index is tested
 * against and as the "one Cypher round trip per request" row of `pnpm bench api`.
 */
export const COOPERATION_EVIDENCE_CYPHER = `
  MATCH (i:Municipality {ags: $ags})
  CALL (i) {
    MATCH (i)-[:MEMBER_OF]->(c:Cooperation)<-[:MEMBER_OF]-(j:Municipality)
    WHERE j <> i
    RETURN collect(DISTINCT {ags: j.ags, id: c.id, status: c.status, municipalMembers: COUNT { (c)<-[:MEMBER_OF]-(:Municipality) }}) AS ties
  }
  CALL (i) {
    // Two MATCH clauses: k may tie i and j through the same cooperation (one pattern would forbid reusing its relationship).
    MATCH (i)-[:MEMBER_OF]->(:Cooperation)<-[:MEMBER_OF]-(k:Municipality) WHERE k <> i
    WITH DISTINCT i, k
    MATCH (k)-[:MEMBER_OF]->(:Cooperation)<-[:MEMBER_OF]-(j:Municipality)
    WHERE j <> i AND j <> k
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
    WITH DISTINCT c
    RETURN collect({id: c.id, status: c.status,
      members: COLLECT { MATCH (x)-[r:MEMBER_OF]->(c) WHERE NOT x:ExternalPartner
        RETURN {kind: CASE WHEN x:Municipality THEN 'MUNICIPALITY' WHEN x:District THEN 'DISTRICT' ELSE 'COOPERATION' END,
                key: coalesce(x.ags, x.key, x.id), role: r.role} }}) AS taskCooperations
  }
  CALL (i) {
    MATCH (i)-[:MEMBER_OF]->(c:Cooperation)-[:COVERS]->(:TaskArea {id: $taskArea})
    WHERE c.status IN ['ACTIVE', 'UNCLEAR']
    MATCH (c)<-[:MEMBER_OF]-(j:Municipality) WHERE j <> i
    RETURN collect(DISTINCT j.ags) AS existingTaskPartners
  }
  RETURN ties, sharedPartners, taskCooperations, existingTaskPartners`;

export interface GraphEvidence {
  ties: Array<{ ags: string; id: string; status: string; municipalMembers: number }>;
  sharedPartners: Array<{ ags: string; n: number }>;
  taskCooperations: Array<{ id: string; status: string; members: Array<{ kind: string; key: string; role: string }> }>;
  existingTaskPartners: string[];
}

export async function cooperationEvidenceFromGraph(db: Database, ags: string, taskArea: string, radiusKm: number): Promise<GraphEvidence> {
  const result = await db.read(COOPERATION_EVIDENCE_CYPHER, { ags, taskArea, radiusM: radiusKm * 1000 });
  const row = result.records[0];
  if (!row) return { ties: [], sharedPartners: [], taskCooperations: [], existingTaskPartners: [] };
  return row.toObject() as unknown as GraphEvidence;
}
