// Accounts, sessions, sign-in throttling and the audit log (docs/decisions/011). Every statement is idempotent.
// E-mails are stored lower-cased, so uniqueness on the stored value is uniqueness regardless of case.
CREATE CONSTRAINT account_id IF NOT EXISTS FOR (a:Account) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT account_email IF NOT EXISTS FOR (a:Account) REQUIRE a.email IS UNIQUE;
// A provider's user is mapped to one account: the issuer and its subject together are the key.
CREATE CONSTRAINT account_oidc_key IF NOT EXISTS FOR (a:Account) REQUIRE a.oidcKey IS UNIQUE;
CREATE INDEX account_status IF NOT EXISTS FOR (a:Account) ON (a.status);
CREATE INDEX account_role IF NOT EXISTS FOR (a:Account) ON (a.role);
// Only a SHA-256 of the session id is stored; a request finds its session by that hash.
CREATE CONSTRAINT session_id_hash IF NOT EXISTS FOR (s:Session) REQUIRE s.idHash IS UNIQUE;
CREATE INDEX session_account IF NOT EXISTS FOR (s:Session) ON (s.accountId);
CREATE INDEX session_expires IF NOT EXISTS FOR (s:Session) ON (s.expiresAt);
// Failed sign-ins per account and per address (keys are hashes), shared by every app server.
CREATE CONSTRAINT sign_in_throttle_key IF NOT EXISTS FOR (t:SignInThrottle) REQUIRE t.key IS UNIQUE;
CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (e:AuditEvent) REQUIRE e.id IS UNIQUE;
CREATE INDEX audit_event_at IF NOT EXISTS FOR (e:AuditEvent) ON (e.at);
CREATE INDEX audit_event_actor IF NOT EXISTS FOR (e:AuditEvent) ON (e.actorId);
CREATE INDEX audit_event_target IF NOT EXISTS FOR (e:AuditEvent) ON (e.targetId);
