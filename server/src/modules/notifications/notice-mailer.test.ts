import { describe, expect, it } from 'vitest';
import { createLogger } from '../../edge/logger';
import { AccountRole, AccountStatus, type AccountRecord } from '../accounts/account.type';
import type { BoardService } from '../board/board.service';
import { NoticeKind, type NoticeRecord } from '../board/board.type';
import type { MunicipalityLoaders } from '../municipalities/municipality.repository';
import { MAIL_DEFAULTS, type MailOptions } from './mail.options';
import type { MailTransport, OutgoingMail } from './mail.transport';
import type { ClaimedNotice, NoticeMailRepository } from './notice-mail.repository';
import { NoticeMailer } from './notice-mailer';

const OPTIONS: MailOptions = {
  ...MAIL_DEFAULTS,
  smtpUrl: 'smtp://127.0.0.1:1',
  requireTls: false,
  from: 'Atlas <noreply@atlas.example>',
  publicBaseUrl: 'https://atlas.example',
  batchSize: 10,
  retryBaseMs: 1_000,
  retryMaxMs: 5_000,
  maxAttempts: 4,
};

const account = (id: string, status = AccountStatus.ACTIVE): AccountRecord => ({
  id,
  email: `${id}@example.org`,
  displayName: `Person ${id}`,
  role: AccountRole.STAFF,
  status,
  createdAt: '2026-01-01T00:00:00Z',
  confirmedAt: null,
  confirmedBy: null,
  municipalityAgs: ['05958028'],
});

const notice = (id: string, accountId: string): NoticeRecord => ({
  id,
  accountId,
  kind: NoticeKind.INTEREST_RECEIVED,
  ideaId: `idea-${id}`,
  interestId: null,
  proposalId: null,
  stage: null,
  createdAt: '2026-01-01T00:00:00Z',
  readAt: null,
});

/** The repository's outcome calls, recorded; `claims` is what claimDue hands out. */
function fakeRepository(claims: ClaimedNotice[]) {
  const calls: Array<[string, ...unknown[]]> = [];
  const repository = {
    touchState: async () => '2026-01-01T00:00:00Z',
    claimDue: async () => claims.splice(0),
    markSent: async (id: string) => (calls.push(['sent', id]), true),
    markFailed: async (id: string, _token: string, error: string, retryInMs: number, giveUp: boolean) => (
      calls.push(['failed', id, retryInMs, giveUp, error]),
      true
    ),
    markSkipped: async (id: string, _token: string, reason: string) => (calls.push(['skipped', id, reason]), true),
    releaseClaims: async (ids: string[]) => (calls.push(['released', ...ids]), ids.length),
  };
  return { repository: repository as unknown as NoticeMailRepository, calls };
}

/** The board as the mailer uses it: the text names the recipient it was worded for. */
const board = {
  loaders: () => ({}),
  viewNotice: (record: NoticeRecord) => ({ record }),
  noticeText: async (caller: { account: AccountRecord }) => ({ textDe: `Für ${caller.account.id}`, textEn: `For ${caller.account.id}` }),
  ideaOrNull: async (_caller: unknown, id: string) => ({ id }),
} as unknown as BoardService;
const municipalities = { loaders: () => ({ municipality: { load: async () => null } }) as unknown as MunicipalityLoaders };

function mailer(claims: ClaimedNotice[], send: (mail: OutgoingMail) => Promise<void>) {
  const { repository, calls } = fakeRepository(claims);
  const sent: OutgoingMail[] = [];
  const transport: MailTransport = {
    send: async (mail) => {
      await send(mail);
      sent.push(mail);
      return { messageId: mail.messageId };
    },
    close: () => undefined,
  };
  const m = new NoticeMailer({ repository, board, municipalities, transport, options: OPTIONS, logger: createLogger('silent') });
  // pass() works without start(); mark the loop running as start() would, without its timer.
  (m as unknown as { running: boolean }).running = true;
  return { m, calls, sent };
}

describe('NoticeMailer.pass', () => {
  it('sends one e-mail per notice to the recipient, worded for that recipient, with a stable Message-ID', async () => {
    const { m, calls, sent } = mailer(
      [
        { notice: notice('n1', 'a1'), attempts: 0, account: account('a1') },
        { notice: notice('n2', 'a2'), attempts: 0, account: account('a2') },
      ],
      async () => undefined,
    );
    expect(await m.pass()).toEqual({ claimed: 2, sent: 2, failed: 0, skipped: 0 });
    expect(sent.map((s) => [s.to, s.messageId])).toEqual([
      ['a1@example.org', '<n1.notice@atlas.example>'],
      ['a2@example.org', '<n2.notice@atlas.example>'],
    ]);
    expect(sent[1]!.text).toContain('Für a2');
    expect(sent[1]!.text).toContain('https://atlas.example/boerse/idea-n2');
    expect(calls).toEqual([
      ['sent', 'n1'],
      ['sent', 'n2'],
    ]);
  });

  it('skips disabled, pending and removed accounts without sending', async () => {
    const { m, calls, sent } = mailer(
      [
        { notice: notice('n1', 'a1'), attempts: 0, account: account('a1', AccountStatus.DISABLED) },
        { notice: notice('n2', 'a2'), attempts: 0, account: account('a2', AccountStatus.PENDING) },
        { notice: notice('n3', 'gone'), attempts: 0, account: null },
      ],
      async () => undefined,
    );
    expect(await m.pass()).toEqual({ claimed: 3, sent: 0, failed: 0, skipped: 3 });
    expect(sent).toEqual([]);
    expect(calls).toEqual([
      ['skipped', 'n1', 'ACCOUNT_DISABLED'],
      ['skipped', 'n2', 'ACCOUNT_PENDING'],
      ['skipped', 'n3', 'ACCOUNT_GONE'],
    ]);
  });

  it('records a failure with a doubling, capped delay, gives up after the last attempt, and hands back the rest untried', async () => {
    const refused = async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:1');
    };
    for (const [attempts, retryInMs, giveUp] of [
      [0, 1_000, false],
      [1, 2_000, false],
      [2, 4_000, false],
      [3, 5_000, true],
    ] as const) {
      const { m, calls } = mailer(
        [
          { notice: notice('n1', 'a1'), attempts, account: account('a1') },
          { notice: notice('n2', 'a2'), attempts: 0, account: account('a2') },
          { notice: notice('n3', 'a3'), attempts: 0, account: account('a3') },
        ],
        refused,
      );
      expect(await m.pass()).toEqual({ claimed: 3, sent: 0, failed: 1, skipped: 0 });
      expect(calls).toEqual([
        ['failed', 'n1', retryInMs, giveUp, 'connect ECONNREFUSED 127.0.0.1:1'],
        ['released', 'n2', 'n3'],
      ]);
    }
  });

  it('never throws: a database failure ends the pass with null', async () => {
    const { m } = mailer([], async () => undefined);
    (m as unknown as { deps: { repository: { claimDue: () => Promise<never> } } }).deps.repository.claimDue = async () => {
      throw new Error('Neo4j unavailable');
    };
    expect(await m.pass()).toBeNull();
  });
});
