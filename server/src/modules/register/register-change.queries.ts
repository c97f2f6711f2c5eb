/**
 * The register's change feed: every transaction that changes a cooperation, its members or its task areas appends
 * one RegisterChange in the same transaction (so a change and its feed entry land together or not at all). App
 * servers read the feed after their last seen `seq` and update their in-memory snapshot for just those
 * cooperations instead of reloading it (issue 11, part 7). The single RegisterLog node serialises `seq`: its write
 * lock makes concurrent writers take numbers one after the other.
 */
export const RECORD_REGISTER_CHANGE = `
  MERGE (log:RegisterLog {key: 'main'})
  ON CREATE SET log.seq = 0
  SET log.seq = log.seq + 1
  CREATE (:RegisterChange {seq: log.seq, cooperationIds: $cooperationIds, at: datetime()})
  RETURN log.seq AS seq`;
