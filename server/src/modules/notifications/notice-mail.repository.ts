import type { Database } from '../../db/database';
import type { AccountRecord } from '../accounts/account.type';
import type { NoticeRecord } from '../board/board.type';
import * as Q from './notice-mail.queries';

/** A notice this server has claimed, with its recipient's account as it is now (null when the account is gone). */
export interface ClaimedNotice {
  notice: NoticeRecord;
  attempts: number;
  account: AccountRecord | null;
}

export class NoticeMailRepository {
  constructor(private readonly db: Database) {}

  /** Marks that a server with e-mail is running; returns since when notices are mailed. */
  async touchState(resumeGapMs: number, starting: boolean): Promise<string> {
    const result = await this.db.write(Q.TOUCH_STATE, { resumeGapMs, starting });
    return result.records[0]!.get('enabledSince') as string;
  }

  async claimDue(token: string, limit: number, leaseMs: number, maxAgeMs: number): Promise<ClaimedNotice[]> {
    const result = await this.db.write(Q.CLAIM_DUE, { token, limit, leaseMs, maxAgeMs });
    return result.records.map((r) => ({
      notice: r.get('notice') as NoticeRecord,
      attempts: r.get('attempts') as number,
      account: r.get('account') as AccountRecord | null,
    }));
  }

  /** false when the claim was no longer this server's (its lease ran out and another server took the notice). */
  async markSent(id: string, token: string, messageId: string): Promise<boolean> {
    const result = await this.db.write(Q.MARK_SENT, { id, token, messageId });
    return (result.records[0]!.get('updated') as number) > 0;
  }

  async markFailed(id: string, token: string, error: string, retryInMs: number, giveUp: boolean): Promise<boolean> {
    const result = await this.db.write(Q.MARK_FAILED, { id, token, error, retryInMs, giveUp });
    return (result.records[0]!.get('updated') as number) > 0;
  }

  async markSkipped(id: string, token: string, reason: string): Promise<boolean> {
    const result = await this.db.write(Q.MARK_SKIPPED, { id, token, reason });
    return (result.records[0]!.get('updated') as number) > 0;
  }

  async releaseClaims(ids: string[], token: string): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.db.write(Q.RELEASE_CLAIMS, { ids, token });
    return result.records[0]!.get('released') as number;
  }
}
