// The register's change feed (server/src/modules/register/register-change.queries.ts). Every statement is idempotent.
CREATE CONSTRAINT register_log_key IF NOT EXISTS FOR (l:RegisterLog) REQUIRE l.key IS UNIQUE;
CREATE CONSTRAINT register_change_seq IF NOT EXISTS FOR (c:RegisterChange) REQUIRE c.seq IS UNIQUE;
