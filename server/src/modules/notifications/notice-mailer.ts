import { randomUUID } from 'node:crypto';
import type { QueryCounter } from '../../db/database';
import { bounded, boundedError, type Logger } from '../../edge/logger';
import { AccountStatus, type AccountRecord } from '../accounts/account.type';
import type { Caller } from '../accounts/auth.request';
import type { BoardService } from '../board/board.service';
import type { MunicipalityLoaders } from '../municipalities/municipality.repository';
import type { MailOptions } from './mail.options';
import type { MailTransport } from './mail.transport';
import { noticeMail } from './notice-mail.content';
import type { ClaimedNotice, NoticeMailRepository } from './notice-mail.repository';

/** No server with e-mail for this long means e-mail was off: it starts afresh from then (notice-mail.queries.ts). */
export const RESUME_GAP_MS = 15 * 60_000;
const HEARTBEAT_MS = 60_000;

export interface NoticeMailerDeps {
  repository: NoticeMailRepository;
  board: BoardService;
  municipalities: { loaders(counter: QueryCounter): MunicipalityLoaders };
  transport: MailTransport;
  options: MailOptions;
  logger: Logger;
}

/** What one pass did (for the log and for tests). */
export interface PassResult {
  claimed: number;
  sent: number;
  failed: number;
  skipped: number;
}

/**
 * The outbox of the board's notices (docs/decisions/018). Every server with SMTP configured runs one: it claims due
 * notices in one statement (notice-mail.queries.ts, so two servers never take the same one), sends one e-mail per
 * notice and records the outcome on the notice. Nothing here runs inside a request, and nothing it meets — SMTP or
 * Neo4j down, a notice it cannot word — escapes the loop: a failure is recorded and retried later with backoff.
 */
export class NoticeMailer {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopped = false;
  private current: Promise<unknown> | null = null;
  private lastHeartbeat = 0;
  private readonly messageDomain: string;

  constructor(private readonly deps: NoticeMailerDeps) {
    this.messageDomain = new URL(deps.options.publicBaseUrl).hostname || 'kooperationsatlas.invalid';
  }

  start(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    this.schedule(0);
  }

  /** Ends the loop after the e-mail in flight and gives back the claims not yet worked on. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current?.catch(() => undefined);
    this.deps.transport.close();
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      const pass = this.pass();
      this.current = pass;
      void pass.then((result) => {
        // A full batch means more may be due: go on at once; otherwise wait for the next poll.
        if (this.running) this.schedule(result && result.claimed >= this.deps.options.batchSize && result.failed === 0 ? 0 : this.deps.options.pollMs);
      });
    }, delayMs);
    // The loop never keeps the process alive by itself (shutdown, tests).
    this.timer.unref();
  }

  /** One pass: claim what is due and send it. Never throws; null when Neo4j could not be reached. */
  async pass(): Promise<PassResult | null> {
    const { repository, options, logger } = this.deps;
    const result: PassResult = { claimed: 0, sent: 0, failed: 0, skipped: 0 };
    const started = Date.now();
    try {
      if (Date.now() - this.lastHeartbeat >= HEARTBEAT_MS) {
        await repository.touchState(RESUME_GAP_MS, this.lastHeartbeat === 0);
        this.lastHeartbeat = Date.now();
      }
      const token = randomUUID();
      const claimed = await repository.claimDue(token, options.batchSize, options.leaseMs, options.maxAgeMs);
      result.claimed = claimed.length;
      for (let index = 0; index < claimed.length; index += 1) {
        const outcome = this.running ? await this.deliver(claimed[index]!, token) : 'stopped';
        if (outcome === 'sent') result.sent += 1;
        else if (outcome === 'skipped') result.skipped += 1;
        else {
          if (outcome === 'failed') result.failed += 1;
          // After a failure the mail server is likely down (or the loop is stopping): give the rest back untried
          // rather than spend a timeout on each of them; the next pass takes them up.
          const rest = claimed.slice(outcome === 'stopped' ? index : index + 1).map((c) => c.notice.id);
          await repository.releaseClaims(rest, token);
          break;
        }
      }
      if (result.claimed > 0) logger.info({ notices: result, ms: Date.now() - started }, 'notice e-mail pass');
      return result;
    } catch (error) {
      logger.warn({ err: boundedError(error) }, 'notice e-mail pass failed; retrying on the next poll');
      return null;
    }
  }

  private async deliver({ notice, attempts, account }: ClaimedNotice, token: string): Promise<'sent' | 'failed' | 'skipped'> {
    const { repository, transport, options, logger } = this.deps;
    // Disabled, pending or removed accounts get nothing, now or later.
    if (!account || account.status !== AccountStatus.ACTIVE) {
      await repository.markSkipped(notice.id, token, account ? `ACCOUNT_${account.status}` : 'ACCOUNT_GONE');
      return 'skipped';
    }
    try {
      const mail = await this.compose(account, notice);
      const sent = await transport.send({ to: account.email, ...mail, messageId: `<${notice.id}.notice@${this.messageDomain}>` });
      if (!(await repository.markSent(notice.id, token, sent.messageId)))
        logger.warn({ noticeId: notice.id }, 'notice e-mail sent after its claim had run out; another server may send it again');
      return 'sent';
    } catch (error) {
      const attempt = attempts + 1;
      const giveUp = attempt >= options.maxAttempts;
      const retryInMs = Math.min(options.retryBaseMs * 2 ** attempts, options.retryMaxMs);
      const message = bounded(error instanceof Error ? error.message : String(error), 500);
      logger.warn({ noticeId: notice.id, attempt, giveUp, retryInMs, error: message }, 'notice e-mail failed');
      await repository.markFailed(notice.id, token, message, retryInMs, giveUp);
      return 'failed';
    }
  }

  /** The inbox's own text, worded for the recipient as the caller, so the board's visibility rules apply. */
  private async compose(account: AccountRecord, notice: ClaimedNotice['notice']) {
    const { board, municipalities, options } = this.deps;
    const caller: Caller = { account, sessionHash: '' };
    const counter: QueryCounter = { count: 0 };
    const loaders = board.loaders(counter);
    const places = municipalities.loaders(counter);
    const view = board.viewNotice(notice);
    const [text, idea] = await Promise.all([
      board.noticeText(caller, view, loaders, async (ags) => (await places.municipality.load(ags))?.shortName ?? null),
      board.ideaOrNull(caller, notice.ideaId, loaders),
    ]);
    return noticeMail({ recipientName: account.displayName, text, ideaId: idea?.id ?? null, baseUrl: options.publicBaseUrl });
  }
}
