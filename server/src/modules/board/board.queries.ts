/**
 * Cypher of the Kooperationsbörse (docs/decisions/014). Ideas, interests and notices are nodes of their own that
 * name their municipality and idea by key (indexed), like contributions do; nothing here is reachable from the
 * ranking, the network or the exports. Every write appends its AuditEvent in the same transaction, and every state
 * change checks the state it starts from inside the same statement, so two requests racing cannot both win.
 */
import { APPEND_AUDIT } from '../accounts/account.queries';

/** The projection of the idea bound to `i`, with the municipalities holding a live (not withdrawn) or accepted interest. */
const IDEA = `{
  id: i.id, version: i.version, municipalityAgs: i.municipalityAgs, taskAreaId: i.taskAreaId, title: i.title,
  description: i.description, partnersSought: i.partnersSought, targetPopulation: i.targetPopulation, radiusKm: i.radiusKm,
  timeline: i.timeline, fundingPlanned: i.fundingPlanned, visibility: i.visibility, status: i.status,
  stage: coalesce(i.stage, 'IDEA'), stageChangedAt: toString(coalesce(i.stageChangedAt, i.createdAt)),
  createdAt: toString(i.createdAt), createdBy: i.createdBy, updatedAt: toString(i.updatedAt),
  completedAt: toString(i.completedAt), withdrawnAt: toString(i.withdrawnAt),
  interestedAgs: COLLECT { MATCH (x:Interest {ideaId: i.id}) WHERE x.status <> 'WITHDRAWN' RETURN DISTINCT x.municipalityAgs },
  acceptedAgs: COLLECT { MATCH (x:Interest {ideaId: i.id}) WHERE x.status = 'ACCEPTED' RETURN DISTINCT x.municipalityAgs },
  proposedAgs: COLLECT { MATCH (p:Proposal {ideaId: i.id}) RETURN DISTINCT p.municipalityAgs }
}`;

const INTEREST = `{
  id: x.id, ideaId: x.ideaId, municipalityAgs: x.municipalityAgs, message: x.message, status: x.status,
  createdAt: toString(x.createdAt), createdBy: x.createdBy, respondedAt: toString(x.respondedAt), respondedBy: x.respondedBy
}`;

/**
 * Takes a node's write lock before a transition reads the state it starts from (a no-op write). Neo4j reads committed
 * data without locking, so without it two racing transitions (a stage move and another, an acceptance and a
 * withdrawal) could both read the old state and both write; with it the second waits and reads what the first left.
 */
const WRITE_LOCK = (variable: string) => `SET ${variable}._lock = true REMOVE ${variable}._lock`;

export const NOTICE = `{ id: n.id, accountId: n.accountId, kind: n.kind, ideaId: n.ideaId, interestId: n.interestId, proposalId: n.proposalId, stage: n.stage,
  revoked: coalesce(n.revoked, false), createdAt: toString(n.createdAt), readAt: toString(n.readAt) }`;

/** NRW municipalities only: the board is for the Land's municipalities (the neighbours across the border are candidates). */
export const NRW_MUNICIPALITY_EXISTS = `
  OPTIONAL MATCH (m:Municipality {ags: $ags}) WHERE m.stateKey = '05' AND NOT m:CrossBorder
  RETURN m IS NOT NULL AS found`;

export const TASK_AREA_EXISTS = `OPTIONAL MATCH (t:TaskArea {id: $id}) RETURN t IS NOT NULL AS found`;

export const CREATE_IDEA = `
  MATCH (m:Municipality {ags: $idea.municipalityAgs}) WHERE m.stateKey = '05' AND NOT m:CrossBorder
  MATCH (:TaskArea {id: $idea.taskAreaId})
  CREATE (i:ProjectIdea {id: $idea.id, version: 1, municipalityAgs: m.ags, taskAreaId: $idea.taskAreaId, title: $idea.title,
    description: $idea.description, partnersSought: $idea.partnersSought, targetPopulation: $idea.targetPopulation,
    radiusKm: $idea.radiusKm, timeline: $idea.timeline, fundingPlanned: $idea.fundingPlanned, visibility: $idea.visibility,
    status: 'OPEN', createdAt: datetime(), createdBy: $audit.actorId, updatedAt: datetime(), updatedBy: $audit.actorId})
  WITH i
  ${APPEND_AUDIT}
  RETURN ${IDEA} AS idea`;

export const IDEA_BY_ID = `MATCH (i:ProjectIdea {id: $id}) RETURN ${IDEA} AS idea`;

export const IDEAS_BY_ID = `
  UNWIND $keys AS key
  MATCH (i:ProjectIdea {id: key})
  RETURN key, ${IDEA} AS value`;

/** Candidates of a list, newest first; the guard decides afterwards which of them the caller sees. */
export const LIST_IDEAS = `
  MATCH (i:ProjectIdea)
  WHERE i.status IN $statuses
    AND ($taskAreaId IS NULL OR i.taskAreaId = $taskAreaId)
    AND ($municipalityAgs IS NULL OR i.municipalityAgs IN $municipalityAgs)
    AND ($stages IS NULL OR coalesce(i.stage, 'IDEA') IN $stages)
    AND ($districtKey IS NULL AND $regionKey IS NULL OR EXISTS {
      MATCH (m:Municipality {ags: i.municipalityAgs})
      WHERE ($districtKey IS NULL OR m.districtKey = $districtKey) AND ($regionKey IS NULL OR m.regionKey = $regionKey)
    })
  WITH i ORDER BY i.createdAt DESC, i.id
  RETURN ${IDEA} AS idea`;

/** `$changes` holds only the fields that change; a null removes the property (a target population cleared). */
export const UPDATE_IDEA = `
  MATCH (i:ProjectIdea {id: $id})
  ${WRITE_LOCK('i')}
  WITH i, i.version = $expectedVersion AND i.status = 'OPEN' AS ok
  CALL (i, ok) {
    WITH i WHERE ok
    SET i += $changes, i.version = i.version + 1, i.updatedAt = datetime(), i.updatedBy = $audit.actorId
    WITH i
    ${APPEND_AUDIT}
  }
  RETURN ok, ${IDEA} AS idea`;

export const SET_IDEA_STATUS = `
  MATCH (i:ProjectIdea {id: $id})
  ${WRITE_LOCK('i')}
  WITH i, ($expectedVersion IS NULL OR i.version = $expectedVersion) AND i.status IN $from AS ok
  CALL (i, ok) {
    WITH i WHERE ok
    SET i.status = $to, i.version = i.version + 1, i.updatedAt = datetime(), i.updatedBy = $audit.actorId,
        i.completedAt = CASE WHEN $to = 'PARTNERSHIP_COMPLETE' THEN datetime() ELSE i.completedAt END,
        i.withdrawnAt = CASE WHEN $to = 'WITHDRAWN' THEN datetime() ELSE i.withdrawnAt END
    WITH i
    ${APPEND_AUDIT}
  }
  RETURN ok, ${IDEA} AS idea`;

/**
 * A new interest and a notice for every active account of the owner municipality (but the one acting). `activeKey`
 * (idea|municipality, unique) exists while the interest is not withdrawn: a second one of the same municipality fails
 * on the constraint even when two requests race.
 */
export const EXPRESS_INTEREST = `
  MATCH (i:ProjectIdea {id: $ideaId})
  ${WRITE_LOCK('i')}
  WITH i, i.status = 'OPEN' AS ok
  CALL (i, ok) {
    WITH i WHERE ok
    CREATE (x:Interest {id: $interest.id, ideaId: i.id, municipalityAgs: $interest.municipalityAgs, message: $interest.message,
      status: 'PENDING', activeKey: i.id + '|' + $interest.municipalityAgs, createdAt: datetime(), createdBy: $audit.actorId})
    WITH i, x
    CALL (i, x) {
      MATCH (a:Account {status: 'ACTIVE'})-[:WORKS_FOR]->(:Municipality {ags: i.municipalityAgs})
      WHERE a.id <> $audit.actorId
      CREATE (:Notice {id: randomUUID(), accountId: a.id, kind: 'INTEREST_RECEIVED', ideaId: i.id, interestId: x.id, createdAt: datetime()})
    }
    WITH x
    ${APPEND_AUDIT}
  }
  OPTIONAL MATCH (x:Interest {id: $interest.id})
  RETURN ok, CASE WHEN x IS NULL THEN null ELSE ${INTEREST} END AS interest`;

/**
 * Accept or decline an interest whose status is still `$from` (what the service read: PENDING, or ACCEPTED when the
 * owner takes its consent back), so the audit's detail matches what changed; a notice for every active account of
 * the interested municipality (`revoked` on it when a consent is taken back).
 */
export const RESPOND_TO_INTEREST = `
  MATCH (x:Interest {id: $id})
  MATCH (i:ProjectIdea {id: x.ideaId})
  ${WRITE_LOCK('i')}
  ${WRITE_LOCK('x')}
  WITH x, i, x.status = $from AND i.status IN $ideaStatuses AS ok
  CALL (x, i, ok) {
    WITH x, i WHERE ok
    SET x.status = $to, x.respondedAt = datetime(), x.respondedBy = $audit.actorId,
        x.revokedAt = CASE WHEN $from = 'ACCEPTED' THEN datetime() ELSE x.revokedAt END
    WITH x, i
    CALL (x, i) {
      MATCH (a:Account {status: 'ACTIVE'})-[:WORKS_FOR]->(:Municipality {ags: x.municipalityAgs})
      WHERE a.id <> $audit.actorId
      CREATE (:Notice {id: randomUUID(), accountId: a.id, kind: $noticeKind, ideaId: i.id, interestId: x.id,
        revoked: CASE WHEN $from = 'ACCEPTED' THEN true ELSE null END, createdAt: datetime()})
    }
    WITH x
    ${APPEND_AUDIT}
  }
  RETURN ok, ${INTEREST} AS interest`;

/** The interested side withdraws; an INTEREST_WITHDRAWN notice for every active account of the owner municipality. */
export const WITHDRAW_INTEREST = `
  MATCH (x:Interest {id: $id})
  ${WRITE_LOCK('x')}
  WITH x, x.status IN ['PENDING', 'ACCEPTED'] AS ok
  CALL (x, ok) {
    WITH x WHERE ok
    SET x.status = 'WITHDRAWN', x.respondedAt = coalesce(x.respondedAt, datetime()), x.withdrawnAt = datetime()
    REMOVE x.activeKey
    WITH x
    CALL (x) {
      MATCH (i:ProjectIdea {id: x.ideaId})
      MATCH (a:Account {status: 'ACTIVE'})-[:WORKS_FOR]->(:Municipality {ags: i.municipalityAgs})
      WHERE a.id <> $audit.actorId
      CREATE (:Notice {id: randomUUID(), accountId: a.id, kind: 'INTEREST_WITHDRAWN', ideaId: i.id, interestId: x.id, createdAt: datetime()})
    }
    WITH x
    ${APPEND_AUDIT}
  }
  RETURN ok, ${INTEREST} AS interest`;

export const INTEREST_BY_ID = `MATCH (x:Interest {id: $id}) RETURN ${INTEREST} AS interest`;

export const INTERESTS_BY_ID = `
  UNWIND $keys AS key
  MATCH (x:Interest {id: key})
  RETURN key, ${INTEREST} AS value`;

export const INTERESTS_OF_IDEAS = `
  UNWIND $keys AS key
  MATCH (x:Interest {ideaId: key})
  WITH key, x ORDER BY x.createdAt, x.id
  RETURN key, collect(${INTEREST}) AS value`;

export const INTERESTS_OF_MUNICIPALITIES = `
  MATCH (x:Interest) WHERE x.municipalityAgs IN $ags
  WITH x ORDER BY x.createdAt DESC, x.id
  RETURN ${INTEREST} AS interest`;

/** Name and e-mail of the accounts on either side of an accepted interest. */
export const ACCOUNT_CONTACTS = `
  UNWIND $keys AS key
  MATCH (a:Account {id: key})
  RETURN key, {name: a.displayName, email: a.email} AS value`;

export const COUNT_INBOX = `
  MATCH (n:Notice {accountId: $accountId})
  RETURN count(n) AS total, count(CASE WHEN n.readAt IS NULL THEN 1 END) AS unread`;

export const LIST_INBOX = `
  MATCH (n:Notice {accountId: $accountId}) WHERE NOT $unreadOnly OR n.readAt IS NULL
  WITH n ORDER BY n.createdAt DESC, n.id SKIP toInteger($skip) LIMIT toInteger($limit)
  RETURN ${NOTICE} AS notice`;

export const OWN_NOTICE_IDS = `
  UNWIND $ids AS id
  MATCH (n:Notice {id: id, accountId: $accountId})
  RETURN collect(n.id) AS found`;

export const MARK_NOTICES_READ = `
  OPTIONAL MATCH (n:Notice {accountId: $accountId}) WHERE n.readAt IS NULL AND ($all OR n.id IN $ids)
  SET n.readAt = datetime()
  WITH count(n) AS updated
  ${APPEND_AUDIT}
  RETURN updated`;

// --- brokering by the office (issue 12, part 4; docs/decisions/017) ------------------------------------------

const PROPOSAL = `{ id: p.id, ideaId: p.ideaId, municipalityAgs: p.municipalityAgs, message: p.message, createdAt: toString(p.createdAt), createdBy: p.createdBy }`;

/**
 * Moves the idea to `$to` when its stage is one of `$from` (and the version matches): the rule is checked in the
 * same statement as the write. The step is kept as an IdeaStageChange; a STAGE_CHANGED notice goes to every active
 * account of the owner municipality and of municipalities with an accepted interest, except the one acting.
 */
export const SET_IDEA_STAGE = `
  MATCH (i:ProjectIdea {id: $id})
  ${WRITE_LOCK('i')}
  WITH i, coalesce(i.stage, 'IDEA') AS current
  WITH i, current, ($expectedVersion IS NULL OR i.version = $expectedVersion) AND current IN $from AND i.status IN $statuses AS ok
  CALL (i, current, ok) {
    WITH i, current WHERE ok
    SET i.stage = $to, i.stageChangedAt = datetime(), i.version = i.version + 1, i.updatedAt = datetime(), i.updatedBy = $audit.actorId
    CREATE (:IdeaStageChange {id: randomUUID(), ideaId: i.id, stage: $to, fromStage: current, at: i.stageChangedAt, by: $audit.actorId, note: $note})
    WITH i
    CALL (i) {
      WITH i, i.municipalityAgs AS owner, COLLECT { MATCH (x:Interest {ideaId: i.id, status: 'ACCEPTED'}) RETURN x.municipalityAgs } AS accepted
      MATCH (a:Account {status: 'ACTIVE'})-[:WORKS_FOR]->(m:Municipality) WHERE m.ags = owner OR m.ags IN accepted
      WITH DISTINCT a, i WHERE a.id <> $audit.actorId
      CREATE (:Notice {id: randomUUID(), accountId: a.id, kind: 'STAGE_CHANGED', ideaId: i.id, stage: $to, createdAt: datetime()})
    }
    WITH i
    ${APPEND_AUDIT}
  }
  RETURN ok, ${IDEA} AS idea`;

export const STAGE_HISTORIES = `
  UNWIND $keys AS key
  OPTIONAL MATCH (c:IdeaStageChange {ideaId: key})
  OPTIONAL MATCH (a:Account {id: c.by})
  WITH key, c, a ORDER BY c.at, c.id
  RETURN key, [x IN collect(CASE WHEN c IS NULL THEN null ELSE {id: c.id, ideaId: c.ideaId, stage: c.stage, fromStage: c.fromStage, at: toString(c.at), by: c.by,
    byName: a.displayName, note: c.note} END) WHERE x IS NOT NULL] AS value`;

/**
 * A proposal and a MATCH_PROPOSED notice for every active account of the owner and of the proposed municipality
 * (but the one acting). `key` (idea|municipality) is unique: a second proposal fails on the constraint, also racing.
 */
export const PROPOSE_MATCH = `
  MATCH (i:ProjectIdea {id: $ideaId})
  ${WRITE_LOCK('i')}
  WITH i
  OPTIONAL MATCH (m:Municipality {ags: $proposal.municipalityAgs}) WHERE m.stateKey = '05' AND NOT m:CrossBorder
  WITH i, m, i.status = 'OPEN' AND m IS NOT NULL AND m.ags <> i.municipalityAgs
    AND NOT EXISTS { MATCH (x:Interest {ideaId: i.id, municipalityAgs: m.ags}) WHERE x.status <> 'WITHDRAWN' } AS ok
  CALL (i, m, ok) {
    WITH i, m WHERE ok
    CREATE (p:Proposal {id: $proposal.id, ideaId: i.id, municipalityAgs: m.ags, message: $proposal.message, key: i.id + '|' + m.ags,
      createdAt: datetime(), createdBy: $audit.actorId})
    WITH i, p
    CALL (i, p) {
      MATCH (a:Account {status: 'ACTIVE'})-[:WORKS_FOR]->(w:Municipality) WHERE w.ags IN [i.municipalityAgs, p.municipalityAgs]
      WITH DISTINCT a, i, p WHERE a.id <> $audit.actorId
      CREATE (:Notice {id: randomUUID(), accountId: a.id, kind: 'MATCH_PROPOSED', ideaId: i.id, proposalId: p.id, createdAt: datetime()})
    }
    WITH p
    ${APPEND_AUDIT}
  }
  OPTIONAL MATCH (p:Proposal {id: $proposal.id})
  RETURN ok, CASE WHEN p IS NULL THEN null ELSE ${PROPOSAL} END AS proposal`;

export const PROPOSALS_OF_IDEAS = `
  UNWIND $keys AS key
  MATCH (p:Proposal {ideaId: key})
  WITH key, p ORDER BY p.createdAt, p.id
  RETURN key, collect(${PROPOSAL}) AS value`;

export const PROPOSALS_BY_ID = `
  UNWIND $keys AS key
  MATCH (p:Proposal {id: key})
  RETURN key, ${PROPOSAL} AS value`;

export const PROPOSALS_OF_MUNICIPALITIES = `
  MATCH (p:Proposal) WHERE p.municipalityAgs IN $ags
  WITH p ORDER BY p.createdAt DESC, p.id
  RETURN ${PROPOSAL} AS proposal`;

/** Notes are append-only: there is no statement that changes or deletes one. */
export const ADD_NOTE = `
  MATCH (i:ProjectIdea {id: $ideaId})
  CREATE (n:IdeaNote {id: $note.id, ideaId: i.id, text: $note.text, createdAt: datetime(), createdBy: $audit.actorId})
  WITH n
  ${APPEND_AUDIT}
  WITH n
  OPTIONAL MATCH (a:Account {id: n.createdBy})
  RETURN {id: n.id, ideaId: n.ideaId, text: n.text, createdAt: toString(n.createdAt), createdBy: n.createdBy, authorName: a.displayName} AS note`;

export const NOTES_OF_IDEAS = `
  UNWIND $keys AS key
  MATCH (n:IdeaNote {ideaId: key})
  OPTIONAL MATCH (a:Account {id: n.createdBy})
  WITH key, n, a ORDER BY n.createdAt, n.id
  RETURN key, collect({id: n.id, ideaId: n.ideaId, text: n.text, createdAt: toString(n.createdAt), createdBy: n.createdBy, authorName: a.displayName}) AS value`;

/** Every idea with its owner's Kreis and Regierungsbezirk and its counts, for the office dashboard. */
export const DASHBOARD_IDEAS = `
  MATCH (i:ProjectIdea)
  OPTIONAL MATCH (m:Municipality {ags: i.municipalityAgs})
  OPTIONAL MATCH (d:District {key: m.districtKey})
  OPTIONAL MATCH (r:Region {key: m.regionKey})
  WITH i, d, r ORDER BY i.createdAt, i.id
  RETURN ${IDEA} AS idea,
    CASE WHEN d IS NULL THEN null ELSE {key: d.key, name: d.name, type: d.type, regionKey: d.regionKey} END AS district,
    CASE WHEN r IS NULL THEN null ELSE {key: r.key, name: r.name} END AS region,
    duration.inDays(i.createdAt, datetime()).days AS ageDays,
    COUNT { MATCH (x:Interest {ideaId: i.id}) WHERE x.status <> 'WITHDRAWN' } AS interestCount,
    COUNT { MATCH (p:Proposal {ideaId: i.id}) } AS proposalCount`;

/**
 * For each municipality (key), the municipalities with an ACCEPTED interest between the two, in either direction:
 * the consent that lets their staff see each other's contact persons (docs/decisions/017). Not through a withdrawn
 * idea: withdrawing it ends the partner search, and with it the reason to share contacts.
 */
export const ACCEPTED_PARTNERS = `
  UNWIND $keys AS key
  CALL (key) {
    MATCH (x:Interest {municipalityAgs: key, status: 'ACCEPTED'})
    MATCH (i:ProjectIdea {id: x.ideaId}) WHERE i.status <> 'WITHDRAWN'
    RETURN i.municipalityAgs AS other
    UNION
    MATCH (i:ProjectIdea {municipalityAgs: key}) WHERE i.status <> 'WITHDRAWN'
    MATCH (x:Interest {ideaId: i.id, status: 'ACCEPTED'})
    RETURN x.municipalityAgs AS other
  }
  RETURN key, collect(DISTINCT other) AS value`;
