/**
 * Cypher of the notice outbox (docs/decisions/018). The board writes its Notice nodes in the same transaction as the
 * change that causes them (board.queries.ts); this module only adds the mail* properties to them:
 * `mailClaimToken`/`mailClaimedUntil` while a server sends, then `mailedAt` (sent), or `mailAttempts`, `mailError`
 * and `mailNextAttemptAt` after a failure, or `mailSkippedAt`/`mailSkipped` (never to be sent: the account is not
 * active, or the notice was given up).
 */
import { accountFields } from '../accounts/account.queries';
// The inbox's own projection of a notice, so the e-mail is worded from the same record as the inbox.
import { NOTICE } from '../board/board.queries';

const STATE_ID = 'notice-mail';

/**
 * Called by every server at start (`$starting`) and then about once a minute. The first call ever, or a server's
 * start when no server has touched the state for `$resumeGapMs` (e-mail was switched off), sets `enabledSince` to
 * now: notices from before are never mailed, so switching e-mail on does not flood anyone with old news. Later
 * touches only keep the heartbeat, so a long pass of a single server never moves the start.
 */
export const TOUCH_STATE = `
  MERGE (s:NoticeMailState {id: '${STATE_ID}'})
    ON CREATE SET s.enabledSince = datetime(), s.heartbeatAt = datetime()
    ON MATCH SET
      s.enabledSince = CASE WHEN $starting AND s.heartbeatAt < datetime() - duration({milliseconds: $resumeGapMs}) THEN datetime() ELSE s.enabledSince END,
      s.heartbeatAt = datetime()
  RETURN toString(s.enabledSince) AS enabledSince`;

/** Due: not sent, not skipped, not claimed by a live claim, its retry time reached. `now` is bound before. */
const DUE = (n: string) => `${n}.mailedAt IS NULL AND ${n}.mailSkippedAt IS NULL
  AND (${n}.mailClaimedUntil IS NULL OR ${n}.mailClaimedUntil < now)
  AND (${n}.mailNextAttemptAt IS NULL OR ${n}.mailNextAttemptAt <= now)`;

/**
 * Claims up to `$limit` due notices for the caller's `$token`, in one statement. Two servers may read the same
 * candidates; each then takes the node's write lock (`SET n.mailLock`) and checks the notice again under it — the
 * locking read the Neo4j Operations Manual gives against lost updates ("Concurrent data access"): the second claimer
 * waits for the first to commit and then sees its claim, so a notice is claimed by one server only.
 * Oldest first, by the index on `createdAt` (009-notice-mail.cypher), never further back than the start of e-mail or
 * `$maxAgeMs`.
 */
export const CLAIM_DUE = `
  MATCH (s:NoticeMailState {id: '${STATE_ID}'})
  WITH datetime() AS now, s.enabledSince AS enabledSince
  WITH now, CASE WHEN enabledSince > now - duration({milliseconds: $maxAgeMs}) THEN enabledSince ELSE now - duration({milliseconds: $maxAgeMs}) END AS since
  MATCH (n:Notice) WHERE n.createdAt >= since AND ${DUE('n')}
  WITH n, now ORDER BY n.createdAt, n.id LIMIT toInteger($limit)
  SET n.mailLock = true
  WITH n, now, ${DUE('n')} AS due
  REMOVE n.mailLock
  WITH n, now WHERE due
  SET n.mailClaimToken = $token, n.mailClaimedUntil = now + duration({milliseconds: $leaseMs})
  WITH n ORDER BY n.createdAt, n.id
  OPTIONAL MATCH (a:Account {id: n.accountId})
  RETURN ${NOTICE} AS notice,
         coalesce(n.mailAttempts, 0) AS attempts,
         CASE WHEN a IS NULL THEN null ELSE ${accountFields('a')} END AS account`;

/** Only the holder of the claim records the outcome: a server whose lease ran out and was taken over writes nothing. */
export const MARK_SENT = `
  MATCH (n:Notice {id: $id}) WHERE n.mailClaimToken = $token
  SET n.mailedAt = datetime(), n.mailAttempts = coalesce(n.mailAttempts, 0) + 1, n.mailMessageId = $messageId
  REMOVE n.mailClaimToken, n.mailClaimedUntil, n.mailError, n.mailNextAttemptAt
  RETURN count(n) AS updated`;

/** A failed attempt; the last one allowed (`$giveUp`) also marks the notice skipped, so it is not tried again. */
export const MARK_FAILED = `
  MATCH (n:Notice {id: $id}) WHERE n.mailClaimToken = $token
  SET n.mailAttempts = coalesce(n.mailAttempts, 0) + 1, n.mailError = $error,
      n.mailNextAttemptAt = datetime() + duration({milliseconds: $retryInMs}),
      n.mailSkippedAt = CASE WHEN $giveUp THEN datetime() ELSE null END,
      n.mailSkipped = CASE WHEN $giveUp THEN 'GAVE_UP' ELSE null END
  REMOVE n.mailClaimToken, n.mailClaimedUntil
  RETURN count(n) AS updated`;

/** Never to be mailed (the recipient's account is disabled, pending or gone). */
export const MARK_SKIPPED = `
  MATCH (n:Notice {id: $id}) WHERE n.mailClaimToken = $token
  SET n.mailSkippedAt = datetime(), n.mailSkipped = $reason
  REMOVE n.mailClaimToken, n.mailClaimedUntil
  RETURN count(n) AS updated`;

/** Claims of a server that stops, given back at once so another server need not wait for the lease. */
export const RELEASE_CLAIMS = `
  UNWIND $ids AS id
  MATCH (n:Notice {id: id}) WHERE n.mailClaimToken = $token
  REMOVE n.mailClaimToken, n.mailClaimedUntil
  RETURN count(n) AS released`;
