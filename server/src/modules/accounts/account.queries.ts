/**
 * Cypher of the accounts module. Every write that changes an account writes its AuditEvent in the same
 * transaction, so an account change without its audit entry cannot exist. Times are Neo4j datetimes.
 */

/** The public projection of the account bound to `v`; never the password hash. */
export const accountFields = (v = 'a'): string => `{
  id: ${v}.id, email: ${v}.email, displayName: ${v}.displayName, role: ${v}.role, status: ${v}.status,
  createdAt: toString(${v}.createdAt), confirmedAt: toString(${v}.confirmedAt), confirmedBy: ${v}.confirmedBy,
  municipalityAgs: COLLECT { MATCH (${v})-[:WORKS_FOR]->(m:Municipality) RETURN m.ags ORDER BY m.ags }
}`;
const ACCOUNT_FIELDS = accountFields('a');

/** Appends one audit event; `$audit` is {action, actorId, targetId, address, detail}. */
const AUDIT = `CREATE (:AuditEvent {id: randomUUID(), at: datetime(), action: $audit.action, actorId: $audit.actorId,
  targetId: $audit.targetId, address: $audit.address, detail: $audit.detail})`;

export const APPEND_AUDIT = AUDIT;

export const NRW_MUNICIPALITIES = `
  UNWIND $ags AS key
  MATCH (m:Municipality {ags: key}) WHERE m.stateKey = '05' AND NOT m:CrossBorder
  RETURN collect(m.ags) AS found`;

export const CREATE_ACCOUNT = `
  OPTIONAL MATCH (existing:Account {email: $email})
  WITH existing WHERE existing IS NULL
  CREATE (a:Account {id: $id, email: $email, displayName: $displayName, passwordHash: $passwordHash, role: $role,
    status: $status, createdAt: datetime(), confirmedAt: CASE WHEN $status = 'ACTIVE' THEN datetime() END,
    confirmedBy: $confirmedBy, oidcKey: $oidcKey})
  WITH a
  CALL (a) { UNWIND $municipalityAgs AS ags MATCH (m:Municipality {ags: ags}) MERGE (a)-[:WORKS_FOR]->(m) }
  ${AUDIT.replace('$audit.targetId', 'a.id')}
  RETURN ${ACCOUNT_FIELDS} AS account`;

export const ACCOUNT_BY_ID = `MATCH (a:Account {id: $id}) RETURN ${ACCOUNT_FIELDS} AS account`;

export const CREDENTIALS_BY_EMAIL = `
  MATCH (a:Account {email: $email})
  RETURN ${ACCOUNT_FIELDS} AS account, a.passwordHash AS passwordHash`;

export const ACCOUNT_BY_OIDC = `
  OPTIONAL MATCH (bySubject:Account {oidcKey: $oidcKey})
  OPTIONAL MATCH (byEmail:Account {email: $email})
  RETURN CASE WHEN bySubject IS NULL THEN null ELSE bySubject.id END AS subjectId,
         CASE WHEN byEmail IS NULL THEN null ELSE byEmail.id END AS emailId,
         CASE WHEN byEmail IS NULL THEN null ELSE byEmail.oidcKey END AS emailOidcKey`;

export const LINK_OIDC = `
  MATCH (a:Account {id: $id}) WHERE a.oidcKey IS NULL
  SET a.oidcKey = $oidcKey
  WITH a
  ${AUDIT}
  RETURN a.id AS id`;

export const COUNT_ACCOUNTS = `MATCH (a:Account) WHERE $status IS NULL OR a.status = $status RETURN count(a) AS total`;
export const LIST_ACCOUNTS = `
  MATCH (a:Account) WHERE $status IS NULL OR a.status = $status
  WITH a ORDER BY a.createdAt DESC, a.id SKIP toInteger($skip) LIMIT toInteger($limit)
  RETURN ${ACCOUNT_FIELDS} AS account`;

/** Staff of a municipality (active accounts only). */
export const STAFF_OF_MUNICIPALITY = `
  UNWIND $keys AS key
  OPTIONAL MATCH (a:Account {status: 'ACTIVE'})-[:WORKS_FOR]->(:Municipality {ags: key})
  WITH key, a ORDER BY a.displayName, a.id
  RETURN key, [x IN collect(a) | ${accountFields('x')}] AS value`;

export const CONFIRM_ACCOUNT = `
  MATCH (a:Account {id: $id}) WHERE a.status = 'PENDING'
  SET a.status = 'ACTIVE', a.confirmedAt = datetime(), a.confirmedBy = $actorId
  WITH a
  CALL (a) {
    WITH a WHERE $municipalityAgs IS NOT NULL
    OPTIONAL MATCH (a)-[old:WORKS_FOR]->() DELETE old
    WITH DISTINCT a
    UNWIND $municipalityAgs AS ags MATCH (m:Municipality {ags: ags}) MERGE (a)-[:WORKS_FOR]->(m)
  }
  WITH DISTINCT a
  ${AUDIT}
  RETURN ${ACCOUNT_FIELDS} AS account`;

/**
 * Role changes and disabling are refused inside the same transaction when they would leave no active
 * administrator, so two administrators demoting each other at once cannot both succeed.
 */
export const SET_ROLE = `
  MATCH (a:Account {id: $id})
  CALL (a) { MATCH (admin:Account {role: 'ADMIN', status: 'ACTIVE'}) WHERE admin <> a RETURN count(admin) AS otherAdmins }
  WITH a, otherAdmins, a.role AS before
  WITH a, before, (a.role = 'ADMIN' AND a.status = 'ACTIVE' AND $role <> 'ADMIN' AND otherAdmins = 0) AS lastAdmin
  CALL (a, lastAdmin) { WITH a WHERE NOT lastAdmin SET a.role = $role }
  CALL (a, lastAdmin, before) {
    WITH a WHERE NOT lastAdmin
    CREATE (:AuditEvent {id: randomUUID(), at: datetime(), action: $audit.action, actorId: $audit.actorId,
      targetId: a.id, address: $audit.address, detail: '{"from":"' + before + '","to":"' + $role + '"}'})
  }
  RETURN lastAdmin, ${ACCOUNT_FIELDS} AS account`;

export const DISABLE_ACCOUNT = `
  MATCH (a:Account {id: $id})
  CALL (a) { MATCH (admin:Account {role: 'ADMIN', status: 'ACTIVE'}) WHERE admin <> a RETURN count(admin) AS otherAdmins }
  WITH a, (a.role = 'ADMIN' AND a.status = 'ACTIVE' AND otherAdmins = 0) AS lastAdmin, a.status = 'DISABLED' AS already
  CALL (a, lastAdmin, already) {
    WITH a WHERE NOT lastAdmin AND NOT already
    SET a.status = 'DISABLED', a.disabledAt = datetime(), a.disabledBy = $audit.actorId
    WITH a
    OPTIONAL MATCH (s:Session {accountId: a.id}) DETACH DELETE s
    WITH DISTINCT a
    ${AUDIT}
  }
  RETURN lastAdmin, already, ${ACCOUNT_FIELDS} AS account`;

export const ACTIVE_ADMIN_COUNT = `MATCH (a:Account {role: 'ADMIN', status: 'ACTIVE'}) RETURN count(a) AS n`;

// --- sessions -------------------------------------------------------------------------------------------------

export const CREATE_SESSION = `
  MATCH (a:Account {id: $accountId, status: 'ACTIVE'})
  OPTIONAL MATCH (old:Session {idHash: $previousHash})
  DETACH DELETE old
  WITH DISTINCT a
  CREATE (s:Session {idHash: $idHash, accountId: a.id, createdAt: datetime(), lastSeenAt: datetime(),
    expiresAt: datetime() + duration({milliseconds: $absoluteMs})})
  WITH a, s
  ${AUDIT}
  RETURN toString(s.expiresAt) AS expiresAt`;

/**
 * A session counts when it exists, has not reached its absolute expiry, was used within the idle window and belongs
 * to an active account. Anything else is an anonymous request.
 */
export const RESOLVE_SESSION = `
  MATCH (s:Session {idHash: $idHash})
  WHERE s.expiresAt > datetime() AND s.lastSeenAt > datetime() - duration({milliseconds: $idleMs})
  MATCH (a:Account {id: s.accountId, status: 'ACTIVE'})
  RETURN ${ACCOUNT_FIELDS} AS account, s.lastSeenAt < datetime() - duration({milliseconds: $touchMs}) AS stale`;

export const TOUCH_SESSION = `MATCH (s:Session {idHash: $idHash}) SET s.lastSeenAt = datetime()`;

export const DELETE_SESSION = `
  OPTIONAL MATCH (s:Session {idHash: $idHash})
  WITH collect(s) AS sessions
  FOREACH (s IN sessions | DETACH DELETE s)
  ${AUDIT}
  RETURN size(sessions) AS ended`;

export const DELETE_ACCOUNT_SESSIONS = `
  OPTIONAL MATCH (s:Session {accountId: $accountId})
  WITH collect(s) AS sessions
  FOREACH (s IN sessions | DETACH DELETE s)
  ${AUDIT}
  RETURN size(sessions) AS ended`;

/** Expired sessions are removed opportunistically; they are not records (docs/decisions/011). */
export const PURGE_EXPIRED_SESSIONS = `
  MATCH (s:Session) WHERE s.expiresAt <= datetime() OR s.lastSeenAt <= datetime() - duration({milliseconds: $idleMs})
  WITH s LIMIT 1000 DETACH DELETE s`;

// --- throttling -----------------------------------------------------------------------------------------------

export const THROTTLE_STATE = `
  UNWIND $keys AS key
  OPTIONAL MATCH (t:SignInThrottle {key: key})
  RETURN key,
    CASE WHEN t IS NULL OR t.windowStart < datetime() - duration({milliseconds: $windowMs}) THEN 0 ELSE t.failures END AS failures,
    CASE WHEN t IS NOT NULL AND t.lockedUntil > datetime() THEN duration.inSeconds(datetime(), t.lockedUntil).seconds + 1 ELSE 0 END AS lockedFor`;

/** Counts one failure per key; a key reaching its limit is locked. Returns the keys that became locked now. */
export const RECORD_FAILURE = `
  UNWIND $keys AS k
  MERGE (t:SignInThrottle {key: k.key})
  ON CREATE SET t.failures = 0, t.windowStart = datetime()
  WITH t, k
  SET t.failures = CASE WHEN t.windowStart < datetime() - duration({milliseconds: $windowMs}) THEN 1 ELSE t.failures + 1 END,
      t.windowStart = CASE WHEN t.windowStart < datetime() - duration({milliseconds: $windowMs}) THEN datetime() ELSE t.windowStart END
  WITH t, k, t.failures >= k.limit AND (t.lockedUntil IS NULL OR t.lockedUntil <= datetime()) AS lockNow
  SET t.lockedUntil = CASE WHEN lockNow THEN datetime() + duration({milliseconds: $lockMs}) ELSE t.lockedUntil END,
      t.failures = CASE WHEN lockNow THEN 0 ELSE t.failures END,
      t.windowStart = CASE WHEN lockNow THEN datetime() ELSE t.windowStart END
  RETURN k.key AS key, k.kind AS kind, lockNow`;

export const CLEAR_THROTTLE = `MATCH (t:SignInThrottle {key: $key}) SET t.failures = 0, t.windowStart = datetime()`;

// --- audit ----------------------------------------------------------------------------------------------------

export const COUNT_AUDIT = `MATCH (e:AuditEvent) RETURN count(e) AS total`;
/** Newest first; the index on `at` serves the order. */
export const LIST_AUDIT = `
  MATCH (e:AuditEvent) WHERE e.at IS NOT NULL
  WITH e ORDER BY e.at DESC, e.id SKIP toInteger($skip) LIMIT toInteger($limit)
  RETURN {id: e.id, at: toString(e.at), action: e.action, actorId: e.actorId, targetId: e.targetId, address: e.address, detail: e.detail} AS event`;
