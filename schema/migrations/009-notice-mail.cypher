// E-mail of the board's notices (docs/decisions/018). Every statement is idempotent.
// The outbox looks for notices not yet mailed among the recent ones, oldest first: a range over createdAt.
CREATE INDEX notice_created IF NOT EXISTS FOR (n:Notice) ON (n.createdAt);
// One state node (since when notices are mailed); every server MERGEs it at start.
CREATE CONSTRAINT notice_mail_state_id IF NOT EXISTS FOR (s:NoticeMailState) REQUIRE s.id IS UNIQUE;
