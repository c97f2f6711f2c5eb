/**
 * Cypher of the register's write path (issue 11, part 7): a cooperation written in the shape the importer writes
 * (seed/src/load/writer.ts: Cooperation properties, COVERS, MEMBER_OF with a role from Municipality, District,
 * Cooperation or ExternalPartner), its previous state kept as a CooperationVersion, and the COOPERATES_WITH
 * projection of the pairs it touches recomputed, all in one transaction (register-write.repository.ts).
 */

/** A member as the write path reads it back: kind, key (the name for an external partner) and role. */
const MEMBER_PROJECTION = `{
  kind: CASE WHEN x:Municipality THEN 'MUNICIPALITY' WHEN x:District THEN 'DISTRICT' WHEN x:Cooperation THEN 'COOPERATION' ELSE 'EXTERNAL' END,
  key: CASE WHEN x:ExternalPartner THEN x.name ELSE coalesce(x.ags, x.key, x.id) END,
  role: r.role }`;

/**
 * The current state of one cooperation, with the node write-locked first (Neo4j's documented guard against lost
 * updates: the dummy property makes every later read in this transaction see the last committed version, and a
 * concurrent writer of the same record waits until we commit). A record the import wrote and nobody changed since
 * has no version: it is version 1, of the import's provenance, dated by the import.
 */
const STATE = `
  RETURN c.id AS id, coalesce(c.version, 1) AS version,
         c.name AS name, c.legalForm AS legalForm, coalesce(c.status, 'UNCLEAR') AS status, c.startYear AS startYear, c.endDate AS endDate,
         c.seat AS seat, c.description AS description, c.sourceUrl AS sourceUrl, c.sourceReference AS sourceReference, c.sourceDate AS sourceDate,
         c.evidence AS evidence, coalesce(c.confidence, 'MEDIUM') AS confidence, c.remark AS remark,
         COLLECT { MATCH (c)-[:COVERS]->(t:TaskArea) RETURN t.id ORDER BY t.id } AS taskAreaIds,
         COLLECT { MATCH (x)-[r:MEMBER_OF]->(c) RETURN ${MEMBER_PROJECTION} } AS members,
         c.provenance AS provenance, toString(coalesce(c.changedAt, c.importedAt)) AS at, c.actorId AS actorId, c.reviewerId AS reviewerId,
         c.contributionId AS contributionId, c.changeSummary AS summary, toString(c.verifiedAt) AS verifiedAt,
         c.lastWriteId AS lastWriteId, c.lastWriteSeq AS lastWriteSeq`;

export const LOCK_AND_READ = `
  MATCH (c:Cooperation {id: $id})
  SET c._LOCK_ = true
  ${STATE}`;

/** The same without the lock, for reading a history. */
export const READ_STATE = `
  MATCH (c:Cooperation {id: $id})
  ${STATE}`;

/** Whether a write already landed (a retried transaction whose first commit went through). */
export const WRITE_OUTCOME = `
  OPTIONAL MATCH (c:Cooperation {id: $id})
  RETURN c IS NOT NULL AS exists, c.lastWriteId AS lastWriteId, coalesce(c.version, 1) AS version, c.lastWriteSeq AS lastWriteSeq`;

/**
 * Keeps a state of the record as a version node beside it; `$version` holds every field, the members as text
 * (`KIND:ROLE:key`, the key last because an external partner's name may contain anything) and the metadata of the
 * write that made that state. Nothing ever deletes one.
 */
export const KEEP_VERSION = `
  MATCH (c:Cooperation {id: $id})
  CREATE (c)-[:HAS_VERSION]->(v:CooperationVersion)
  SET v = $version, v.at = CASE WHEN $version.at IS NULL THEN null ELSE datetime($version.at) END,
      v.verifiedAt = CASE WHEN $version.verifiedAt IS NULL THEN null ELSE datetime($version.verifiedAt) END`;

export const CREATE_COOPERATION = `
  CREATE (:Cooperation {id: $id})`;

/**
 * The new state: properties, then the task areas and members replaced as a whole (as the importer does), each kind
 * matched on its key. Returns how many task areas and members were found, so that the repository can refuse a
 * record naming something that does not exist (and the transaction rolls back).
 */
export const WRITE_STATE = `
  MATCH (c:Cooperation {id: $id})
  SET c += $props,
      c.version = $newVersion, c.changedAt = datetime(), c.verifiedAt = datetime(),
      c.actorId = $meta.actorId, c.reviewerId = $meta.reviewerId, c.provenance = $meta.provenance,
      c.contributionId = $meta.contributionId, c.changeSummary = $meta.summary,
      c.lastWriteId = $writeId
  REMOVE c._LOCK_
  WITH c
  CALL (c) { MATCH (c)-[old:COVERS]->() DELETE old }
  CALL (c) { MATCH (c)<-[old:MEMBER_OF]-() DELETE old }
  CALL (c) {
    UNWIND $taskAreaIds AS taskAreaId
    MATCH (t:TaskArea {id: taskAreaId})
    MERGE (c)-[:COVERS]->(t)
    RETURN count(t) AS taskAreas
  }
  CALL (c) {
    UNWIND [m IN $members WHERE m.kind = 'MUNICIPALITY'] AS member
    MATCH (x:Municipality {ags: member.key})
    MERGE (x)-[r:MEMBER_OF]->(c) SET r.role = member.role
    RETURN count(x) AS municipalities
  }
  CALL (c) {
    UNWIND [m IN $members WHERE m.kind = 'DISTRICT'] AS member
    MATCH (x:District {key: member.key})
    MERGE (x)-[r:MEMBER_OF]->(c) SET r.role = member.role
    RETURN count(x) AS districts
  }
  CALL (c) {
    UNWIND [m IN $members WHERE m.kind = 'COOPERATION' AND m.key <> c.id] AS member
    MATCH (x:Cooperation {id: member.key})
    MERGE (x)-[r:MEMBER_OF]->(c) SET r.role = member.role
    RETURN count(x) AS cooperations
  }
  CALL (c) {
    UNWIND [m IN $members WHERE m.kind = 'EXTERNAL'] AS member
    MERGE (x:ExternalPartner {name: member.key})
    MERGE (x)-[r:MEMBER_OF]->(c) SET r.role = member.role
    RETURN count(x) AS externals
  }
  RETURN taskAreas, municipalities + districts + cooperations + externals AS members`;

/**
 * The COOPERATES_WITH projection (pairs of municipalities sharing cooperations, weighted by how many) for the pairs
 * among `$affected` — the municipal members before and after the write, the only pairs whose weight can change —
 * rebuilt from MEMBER_OF as the importer builds it for all pairs.
 */
export const RELINK_PAIRS = `
  UNWIND $affected AS ags
  MATCH (a:Municipality {ags: ags})-[old:COOPERATES_WITH]->(b:Municipality)
  WHERE b.ags IN $affected
  DELETE old`;

export const LINK_PAIRS = `
  UNWIND $affected AS ags
  MATCH (a:Municipality {ags: ags})-[:MEMBER_OF]->(c:Cooperation)<-[:MEMBER_OF]-(b:Municipality)
  WHERE a.ags < b.ags AND b.ags IN $affected
  WITH a, b, count(DISTINCT c) AS weight
  CREATE (a)-[:COOPERATES_WITH {weight: weight}]->(b)`;

export const SET_WRITE_SEQ = `
  MATCH (c:Cooperation {id: $id}) SET c.lastWriteSeq = $seq`;

/** The current state and the kept versions of one cooperation, in one statement, for its history. */
export const HISTORY = `
  MATCH (c:Cooperation {id: $id})
  ${STATE},
         COLLECT {
           MATCH (c)-[:HAS_VERSION]->(v:CooperationVersion)
           RETURN v {.*, at: toString(v.at), verifiedAt: toString(v.verifiedAt)} ORDER BY v.version
         } AS versions`;
