/**
 * Cypher of contributions and their review (docs/decisions/012). A contribution is a node of its own with the
 * proposed record as JSON text: it has no MEMBER_OF or COVERS relationships, so nothing unreviewed can reach the
 * ranking, the network or an export. Every write here appends its AuditEvent in the same statement.
 */
import { accountFields, APPEND_AUDIT } from '../accounts/account.queries';

const CONTRIBUTION_FIELDS = (v = 'k') => `{
  id: ${v}.id, kind: ${v}.kind, status: ${v}.status, origin: ${v}.origin, cooperationId: ${v}.cooperationId, baseVersion: ${v}.baseVersion,
  proposal: ${v}.proposal, endDate: ${v}.endDate, endSourceUrl: ${v}.endSourceUrl, endSourceReference: ${v}.endSourceReference,
  note: ${v}.note, reason: ${v}.reason, municipalityAgs: ${v}.municipalityAgs, authorId: ${v}.authorId, reviewerId: ${v}.reviewerId,
  createdAt: toString(${v}.createdAt), reviewedAt: toString(${v}.reviewedAt), resultVersion: ${v}.resultVersion
}`;

/** Which of the given keys exist: NRW and cross-border municipalities, Kreise, cooperations, task areas. */
export const EXISTING_KEYS = `
  RETURN COLLECT { UNWIND $ags AS key MATCH (m:Municipality {ags: key}) RETURN m.ags } AS municipalities,
         COLLECT { UNWIND $districts AS key MATCH (d:District {key: key}) RETURN d.key } AS districts,
         COLLECT { UNWIND $cooperations AS key MATCH (c:Cooperation {id: key}) RETURN c.id } AS cooperations,
         COLLECT { UNWIND $taskAreas AS key MATCH (t:TaskArea {id: key}) RETURN t.id } AS taskAreas`;

/**
 * A cooperation as a whole record, in the shape the write path takes, with its version (records the app never
 * wrote count as version 1: the import's).
 */
const CURRENT = `{
  version: coalesce(c.version, 1), provenance: c.provenance, record: {
    name: c.name, legalForm: c.legalForm, status: coalesce(c.status, 'UNCLEAR'), startYear: c.startYear, endDate: c.endDate,
    seat: c.seat, description: c.description, sourceUrl: c.sourceUrl, sourceReference: c.sourceReference, sourceDate: c.sourceDate,
    evidence: c.evidence, confidence: coalesce(c.confidence, 'MEDIUM'),
    taskAreaIds: COLLECT { MATCH (c)-[:COVERS]->(t:TaskArea) RETURN t.id ORDER BY t.id },
    members: COLLECT {
      MATCH (x)-[r:MEMBER_OF]->(c)
      WITH x, r, CASE WHEN x:Municipality THEN 'MUNICIPALITY' WHEN x:District THEN 'DISTRICT' WHEN x:Cooperation THEN 'COOPERATION' ELSE 'EXTERNAL' END AS kind
      RETURN {kind: kind, key: CASE kind WHEN 'MUNICIPALITY' THEN x.ags WHEN 'DISTRICT' THEN x.key WHEN 'COOPERATION' THEN x.id ELSE x.name END, role: r.role}
      ORDER BY kind, x.name
    }
  }
}`;

export const CURRENT_RECORD = `MATCH (c:Cooperation {id: $id}) RETURN ${CURRENT} AS current`;

/** The same for many ids at once: a list of contributions shows each one's changes with one query, not one each. */
export const CURRENT_RECORDS = `
  UNWIND $keys AS key
  MATCH (c:Cooperation {id: key})
  RETURN key, ${CURRENT} AS value`;

export const CREATE_CONTRIBUTION = `
  CREATE (k:Contribution {id: $c.id, kind: $c.kind, status: $c.status, origin: $c.origin, cooperationId: $c.cooperationId,
    baseVersion: $c.baseVersion, proposal: $c.proposal, endDate: $c.endDate, endSourceUrl: $c.endSourceUrl,
    endSourceReference: $c.endSourceReference, note: $c.note, municipalityAgs: $c.municipalityAgs, authorId: $c.authorId,
    reviewerId: $c.reviewerId, resultVersion: $c.resultVersion, importKey: $c.importKey, createdAt: datetime(),
    reviewedAt: CASE WHEN $c.status = 'PENDING' THEN null ELSE datetime() END})
  WITH k
  ${APPEND_AUDIT}
  RETURN ${CONTRIBUTION_FIELDS()} AS contribution`;

export const CONTRIBUTIONS_BY_ID = `
  UNWIND $keys AS key
  MATCH (k:Contribution {id: key})
  RETURN key, ${CONTRIBUTION_FIELDS()} AS value`;

/**
 * An approval first claims the contribution, so two reviewers cannot both write it into the register; a claim
 * that was never finished (a crash between the register write and the finish) expires after five minutes.
 */
export const CLAIM_CONTRIBUTION = `
  MATCH (k:Contribution {id: $id})
  WITH k, k.status = 'PENDING' AND (k.claimedAt IS NULL OR k.claimedAt < datetime() - duration('PT5M')) AS free
  CALL (k, free) { WITH k WHERE free SET k.claimedAt = datetime(), k.claimedBy = $reviewerId }
  RETURN free, ${CONTRIBUTION_FIELDS()} AS contribution`;

export const RELEASE_CLAIM = `MATCH (k:Contribution {id: $id}) WHERE k.status = 'PENDING' REMOVE k.claimedAt, k.claimedBy`;

export const FINISH_APPROVAL = `
  MATCH (k:Contribution {id: $id}) WHERE k.status = 'PENDING'
  SET k.status = 'APPROVED', k.reviewerId = $reviewerId, k.reviewedAt = datetime(), k.cooperationId = $cooperationId,
      k.resultVersion = $resultVersion
  REMOVE k.claimedAt, k.claimedBy
  WITH k
  ${APPEND_AUDIT}
  RETURN ${CONTRIBUTION_FIELDS()} AS contribution`;

export const REJECT_CONTRIBUTION = `
  MATCH (k:Contribution {id: $id})
  WHERE k.status = 'PENDING' AND (k.claimedAt IS NULL OR k.claimedAt < datetime() - duration('PT5M'))
  SET k.status = 'REJECTED', k.reviewerId = $reviewerId, k.reviewedAt = datetime(), k.reason = $reason
  REMOVE k.claimedAt, k.claimedBy
  WITH k
  ${APPEND_AUDIT}
  RETURN ${CONTRIBUTION_FIELDS()} AS contribution`;

const LIST_FILTER = `($status IS NULL OR k.status = $status) AND ($authorId IS NULL OR k.authorId = $authorId)
    AND ($cooperationId IS NULL OR k.cooperationId = $cooperationId) AND ($reportsOnly = false OR k.origin = 'REPORT')`;

export const COUNT_CONTRIBUTIONS = `MATCH (k:Contribution) WHERE ${LIST_FILTER} RETURN count(k) AS total`;

/** Pending ones oldest first (the office works through them in order), the others newest first. */
export const LIST_CONTRIBUTIONS = `
  MATCH (k:Contribution) WHERE ${LIST_FILTER}
  WITH k ORDER BY CASE WHEN k.status = 'PENDING' THEN 0 ELSE 1 END,
       CASE WHEN k.status = 'PENDING' THEN k.createdAt END ASC, k.createdAt DESC, k.id
  SKIP toInteger($skip) LIMIT toInteger($limit)
  RETURN ${CONTRIBUTION_FIELDS()} AS contribution`;

/** Records in force (not ended) that want checking: never verified, verified before $staleBefore, or of confidence LOW. */
export const WORKLIST_COOPERATIONS = `
  CALL {
    MATCH (c:Cooperation) WHERE c.verifiedAt IS NULL AND coalesce(c.status, 'UNCLEAR') <> 'ENDED' AND c.provenance <> 'GENERATED'
    WITH c ORDER BY c.name, c.id
    RETURN count(c) AS neverCount, collect(c.id)[0..$limit] AS never
  }
  CALL {
    MATCH (c:Cooperation) WHERE c.verifiedAt < datetime($staleBefore) AND coalesce(c.status, 'UNCLEAR') <> 'ENDED'
    WITH c ORDER BY c.verifiedAt, c.id
    RETURN count(c) AS staleCount, collect(c.id)[0..$limit] AS stale
  }
  CALL {
    MATCH (c:Cooperation {confidence: 'LOW'}) WHERE coalesce(c.status, 'UNCLEAR') <> 'ENDED'
    WITH c ORDER BY c.name, c.id
    RETURN count(c) AS lowCount, collect(c.id)[0..$limit] AS low
  }
  RETURN neverCount, never, staleCount, stale, lowCount, low`;

export const PENDING_ACCOUNTS = `
  CALL { MATCH (a:Account {status: 'PENDING'}) RETURN count(a) AS total }
  CALL { MATCH (a:Account {status: 'PENDING'}) WITH a ORDER BY a.createdAt, a.id LIMIT toInteger($limit) RETURN collect(${accountFields('a')}) AS accounts }
  RETURN total, accounts`;

export const DISPLAY_NAMES = `
  UNWIND $keys AS key
  MATCH (a:Account {id: key})
  RETURN key, a.displayName AS value`;

// --- office file imports --------------------------------------------------------------------------------------

/** What earlier imports wrote for these row keys: the cooperation and a fingerprint of the record. */
export const IMPORTED_RECORDS = `
  UNWIND $keys AS key
  MATCH (r:ImportedRecord {key: key})
  RETURN r.key AS key, r.cooperationId AS cooperationId, r.fingerprint AS fingerprint`;

export const SAVE_IMPORTED_RECORD = `
  MERGE (r:ImportedRecord {key: $key})
  SET r.cooperationId = $cooperationId, r.fingerprint = $fingerprint, r.importedAt = datetime(), r.importedBy = $actorId`;

export const ALL_TASK_AREA_IDS = `MATCH (t:TaskArea) RETURN collect(t.id) AS ids`;

export const APPEND_AUDIT_ONLY = APPEND_AUDIT;
