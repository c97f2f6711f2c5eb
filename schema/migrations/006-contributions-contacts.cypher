// Contributions, their review and contact persons (docs/decisions/012). Every statement is idempotent.
CREATE CONSTRAINT contribution_id IF NOT EXISTS FOR (c:Contribution) REQUIRE c.id IS UNIQUE;
// The office's worklist reads pending contributions, authors their own, the cooperation page the ones about it.
CREATE INDEX contribution_status IF NOT EXISTS FOR (c:Contribution) ON (c.status);
CREATE INDEX contribution_author IF NOT EXISTS FOR (c:Contribution) ON (c.authorId);
CREATE INDEX contribution_cooperation IF NOT EXISTS FOR (c:Contribution) ON (c.cooperationId);
// A row of an office import file is imported once: re-running the file finds the record it created by its key.
CREATE CONSTRAINT imported_record_key IF NOT EXISTS FOR (r:ImportedRecord) REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT contact_person_id IF NOT EXISTS FOR (p:ContactPerson) REQUIRE p.id IS UNIQUE;
// Staleness: records never verified or verified long ago.
CREATE INDEX cooperation_verified_at IF NOT EXISTS FOR (c:Cooperation) ON (c.verifiedAt);
