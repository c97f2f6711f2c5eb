import type { Database } from '@ka/server/src/db/database';

/**
 * A fingerprint of the whole graph: nodes per label, relationships per type, the change feed's position, and the
 * state of every record users can write (cooperations of provenance USER with their version, contributions with
 * their status, contact persons). A refused operation must leave it exactly as it was.
 */
export async function graphFingerprint(db: Database): Promise<unknown> {
  const result = await db.read(`
    CALL { MATCH (n) UNWIND labels(n) AS label WITH label, count(*) AS n ORDER BY label RETURN collect([label, n]) AS labels }
    CALL { MATCH ()-[r]->() WITH type(r) AS type, count(*) AS n ORDER BY type RETURN collect([type, n]) AS relationships }
    CALL { OPTIONAL MATCH (l:RegisterLog {key: 'main'}) RETURN l.seq AS seq }
    CALL { MATCH (c:Cooperation) WHERE c.provenance = 'USER' WITH c ORDER BY c.id RETURN collect([c.id, c.version, c.status, c.name, toString(c.verifiedAt)]) AS userRecords }
    CALL { MATCH (k:Contribution) WITH k ORDER BY k.id RETURN collect([k.id, k.status, k.reason, k.cooperationId]) AS contributions }
    CALL { MATCH (p:ContactPerson) WITH p ORDER BY p.id RETURN collect(p.id) AS contacts }
    RETURN labels, relationships, seq, userRecords, contributions, contacts`);
  return result.records[0]!.toObject();
}

/**
 * Removes what a test created in the shared database (ADR 004): its cooperations with their kept versions, the
 * contributions and imported-row keys about them, its contact persons; then recomputes the COOPERATES_WITH pairs of
 * the municipalities involved, as the write path keeps them. Feed entries stay (they only name ids).
 */
export async function removeTestRecords(
  db: Database,
  {
    cooperationIds,
    authorIds,
    contactIds = [],
    importKeys = [],
  }: { cooperationIds: string[]; authorIds: string[]; contactIds?: string[]; importKeys?: string[] },
): Promise<void> {
  const affected = await db.read(`UNWIND $ids AS id MATCH (m:Municipality)-[:MEMBER_OF]->(:Cooperation {id: id}) RETURN collect(DISTINCT m.ags) AS ags`, {
    ids: cooperationIds,
  });
  const ags = affected.records[0]!.get('ags') as string[];
  await db.write(
    `CALL { UNWIND $ids AS id MATCH (:Cooperation {id: id})-[:HAS_VERSION]->(v:CooperationVersion) DETACH DELETE v }
     CALL { UNWIND $ids AS id MATCH (c:Cooperation {id: id}) DETACH DELETE c }
     CALL { MATCH (k:Contribution) WHERE k.authorId IN $authors OR k.cooperationId IN $ids DETACH DELETE k }
     CALL { UNWIND $contacts AS id MATCH (p:ContactPerson {id: id}) DETACH DELETE p }
     CALL { UNWIND $keys AS key MATCH (r:ImportedRecord {key: key}) DETACH DELETE r }
     CALL { MATCH (p:ExternalPartner) WHERE NOT (p)-[:MEMBER_OF]->() DELETE p }`,
    { ids: cooperationIds, authors: authorIds, contacts: contactIds, keys: importKeys },
  );
  if (ags.length > 1) {
    await db.write('UNWIND $ags AS ags MATCH (a:Municipality {ags: ags})-[old:COOPERATES_WITH]->(b:Municipality) WHERE b.ags IN $ags DELETE old', { ags });
    await db.write(
      `UNWIND $ags AS ags
       MATCH (a:Municipality {ags: ags})-[:MEMBER_OF]->(c:Cooperation)<-[:MEMBER_OF]-(b:Municipality)
       WHERE a.ags < b.ags AND b.ags IN $ags
       WITH a, b, count(DISTINCT c) AS weight
       CREATE (a)-[:COOPERATES_WITH {weight: weight}]->(b)`,
      { ags },
    );
  }
}
