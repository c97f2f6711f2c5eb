/**
 * The board's notices by e-mail (issue 12 part 5, docs/decisions/018): a real SMTP server (smtp-server) on loopback,
 * two app servers with the outbox against the test run's one Neo4j, and the notices written by the real GraphQL
 * mutations. The database is shared with the other files (docs/decisions/004): this file makes its own accounts,
 * ideas, interests and notices and removes the ideas, interests and notices at the end (accounts and audit stay).
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createDriver } from '@ka/db';
import { Database } from '@ka/server/src/db/database';
import { AccountRole, AccountStatus } from '@ka/server/src/modules/accounts/account.type';
import { MAIL_DEFAULTS, type MailOptions } from '@ka/server/src/modules/notifications/mail.options';
import { NoticeMailRepository } from '@ka/server/src/modules/notifications/notice-mail.repository';
import { RESUME_GAP_MS } from '@ka/server/src/modules/notifications/notice-mailer';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { Client, createAccount, removeSessions, signedIn } from '../support/accounts';
import { startTestApp, type TestApp } from '../support/app';

const MEDEBACH = '05958028'; // the owner side
const WINTERBERG = '05958048'; // the interested side
const RUN = randomUUID().slice(0, 8);
const BASE_URL = 'https://atlas.test.invalid';

// --- a real SMTP server on loopback ------------------------------------------------------------------------------

interface Received {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
}
const received: Received[] = [];

interface Smtp {
  port: number;
  close(): Promise<void>;
}

async function startSmtp(port = 0): Promise<Smtp> {
  const server = new SMTPServer({
    // Plain SMTP on loopback: no TLS certificate to trust, no sign-in.
    disabledCommands: ['STARTTLS', 'AUTH'],
    // No reverse DNS of 127.0.0.1 for every connection (a second's wait each on this machine).
    disableReverseLookup: true,
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            messageId: mail.messageId ?? '',
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const mailOptions = (port: number): MailOptions => ({
  ...MAIL_DEFAULTS,
  smtpUrl: `smtp://127.0.0.1:${port}`,
  requireTls: false,
  from: 'Kooperationsatlas NRW <noreply@atlas.test.invalid>',
  publicBaseUrl: BASE_URL,
  // Short times so the test sees several passes and retries within seconds.
  pollMs: 150,
  retryBaseMs: 200,
  retryMaxMs: 800,
  maxAttempts: 100,
  timeoutMs: 3_000,
});

const mailsTo = (email: string) => received.filter((m) => m.to.includes(email));
/**
 * The e-mails to this file's accounts since `start`: the outbox mails every due notice in the database, also those of
 * other test files running at the same time (ADR 004), to this file's SMTP server.
 */
const ownMails = (start = 0) => received.slice(start).filter((m) => Object.values(users).some((u) => m.to.includes(u.email)));
const noticeOf = (mail: Received) => /^<?([0-9a-f-]{36})\.notice@/.exec(mail.messageId)?.[1] ?? null;

// --- the app -------------------------------------------------------------------------------------------------------

let smtp: Smtp;
let plain: TestApp; // no SMTP configured
let server1: TestApp; // two servers with the outbox, one Neo4j
let server2: TestApp;
const users = {} as Record<'a1' | 'a2' | 'b' | 'disabled' | 'office', { id: string; email: string }>;
const clients = {} as Record<'a1' | 'a2' | 'b' | 'office', Client>;
const contactIds: string[] = [];
const contacts = {
  a: { name: `Kontakt Medebach ${RUN}`, email: `kontakt-a-${RUN}@medebach.test.invalid`, phone: '+49 2982 4000-11' },
  b: { name: `Kontakt Winterberg ${RUN}`, email: `kontakt-b-${RUN}@winterberg.test.invalid`, phone: '+49 2981 9999-22' },
};
const ADD_CONTACT = `mutation AddContact($input: AddContactPersonInput!) { addContactPerson(input: $input) { contactPerson { id } } }`;

const CREATE = `mutation Create($input: CreateProjectIdeaInput!) { createProjectIdea(input: $input) { idea { id version title } } }`;
const UPDATE = `mutation Update($input: UpdateProjectIdeaInput!) { updateProjectIdea(input: $input) { idea { id version visibility ownerRevealed } } }`;
const INTEREST = `mutation Interest($input: ExpressInterestInput!) { expressInterest(input: $input) { interest { id status } } }`;
const ACCEPT = `mutation Accept($input: InterestDecisionInput!) { acceptInterest(input: $input) { interest { id status } } }`;
const DECLINE = `mutation Decline($input: InterestDecisionInput!) { declineInterest(input: $input) { interest { id status } } }`;
const INBOX = `query Inbox { inbox(first: 100) { totalCount unreadCount edges { node { id kind textDe textEn idea { id ownerRevealed } } } } }`;

async function ok<T = any>(client: Client, query: string, variables?: Record<string, unknown>): Promise<T> {
  const { data, errors } = await client.graphql<T>(query, variables);
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return data!;
}

async function postIdea(client: Client, title: string, visibility = 'PUBLIC'): Promise<{ id: string; version: number }> {
  const data = await ok(client, CREATE, {
    input: {
      municipalityAgs: MEDEBACH,
      title,
      taskAreaId: 'standesamt',
      description: 'Wir suchen Partner für ein gemeinsames Standesamt mit Trauorten in jeder Kommune.',
      partnersSought: 2,
      fundingPlanned: false,
      visibility,
    },
  });
  return data.createProjectIdea.idea;
}

async function expressInterest(ideaId: string): Promise<string> {
  const data = await ok(clients.b, INTEREST, { input: { ideaId, municipalityAgs: WINTERBERG, message: 'Wir hätten großes Interesse, sprechen wir?' } });
  return data.expressInterest.interest.id;
}

interface NoticeRow {
  id: string;
  accountId: string;
  kind: string;
  mailedAt: string | null;
  mailAttempts: number | null;
  mailError: string | null;
  mailSkipped: string | null;
  mailClaimToken: string | null;
}

/**
 * The notices of the idea to this file's accounts. Other test files run at the same time against the same database
 * (ADR 004) and may have an active account of Medebach or Winterberg of their own, which gets its notice too.
 */
async function noticesOfIdea(ideaId: string): Promise<NoticeRow[]> {
  const result = await plain.db.read(
    `MATCH (n:Notice {ideaId: $ideaId}) WHERE n.accountId IN $accountIds
     RETURN n { .id, .accountId, .kind, mailedAt: toString(n.mailedAt), .mailAttempts, .mailError, .mailSkipped, .mailClaimToken } AS n
     ORDER BY n.createdAt, n.id`,
    { ideaId, accountIds: Object.values(users).map((u) => u.id) },
  );
  return result.records.map((r) => r.get('n') as NoticeRow);
}

/** Every notice of the idea has had its e-mail (or was skipped). */
async function allMailed(ideaId: string, expected: number): Promise<NoticeRow[]> {
  let rows: NoticeRow[] = [];
  await expect
    .poll(
      async () => {
        rows = await noticesOfIdea(ideaId);
        return rows.length === expected && rows.every((n) => n.mailedAt !== null || n.mailSkipped !== null);
      },
      { timeout: 20_000, interval: 100 },
    )
    .toBe(true);
  return rows;
}

/** Passes of both servers after the last e-mail, so a second copy would have arrived by now. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

/** The e-mail says what the recipient's inbox says, in both languages, and links to the app. */
async function expectMailMatchesInbox(client: Client, notice: NoticeRow, mail: Received): Promise<{ textDe: string; textEn: string }> {
  const inbox = await ok(client, INBOX);
  const node = inbox.inbox.edges.map((e: any) => e.node).find((n: any) => n.id === notice.id);
  expect(node, `notice ${notice.id} in the recipient's inbox`).toBeDefined();
  expect(mail.text).toContain(node.textDe);
  expect(mail.text).toContain(node.textEn);
  // German first, English below.
  expect(mail.text.indexOf(node.textDe)).toBeLessThan(mail.text.indexOf(node.textEn));
  expect(mail.subject).toContain('Kooperationsbörse');
  expect(mail.text).toContain(`${BASE_URL}/postfach`);
  if (node.idea) expect(mail.text).toContain(`${BASE_URL}/boerse/${node.idea.id}`);
  return node;
}

beforeAll(async () => {
  smtp = await startSmtp();
  plain = await startTestApp();
  const check = await plain.db.read('MATCH (m:Municipality) WHERE m.ags IN $ags RETURN count(m) AS n', { ags: [MEDEBACH, WINTERBERG] });
  expect(check.records[0]!.get('n')).toBe(2);
  users.a1 = await createAccount(plain.db, AccountRole.STAFF, AccountStatus.ACTIVE, [MEDEBACH], `mail-a1-${RUN}`);
  users.a2 = await createAccount(plain.db, AccountRole.STAFF, AccountStatus.ACTIVE, [MEDEBACH], `mail-a2-${RUN}`);
  users.b = await createAccount(plain.db, AccountRole.STAFF, AccountStatus.ACTIVE, [WINTERBERG], `mail-b-${RUN}`);
  users.disabled = await createAccount(plain.db, AccountRole.STAFF, AccountStatus.DISABLED, [MEDEBACH], `mail-off-${RUN}`);
  clients.a1 = await signedIn(plain.url, users.a1.email);
  clients.a2 = await signedIn(plain.url, users.a2.email);
  clients.b = await signedIn(plain.url, users.b.email);
  users.office = await createAccount(plain.db, AccountRole.OFFICE, AccountStatus.ACTIVE, [], `mail-office-${RUN}`);
  clients.office = await signedIn(plain.url, users.office.email);
  // Contact persons on both sides: they flow in the app after acceptance, never in an e-mail.
  for (const [client, ags, contact] of [
    [clients.a1, MEDEBACH, contacts.a],
    [clients.b, WINTERBERG, contacts.b],
  ] as const) {
    const data = await ok(client, ADD_CONTACT, {
      input: {
        municipalityAgs: ags,
        name: contact.name,
        function: 'Leitung Standesamt',
        email: contact.email,
        phone: contact.phone,
        consentGivenOn: '2026-11-01',
      },
    });
    contactIds.push(data.addContactPerson.contactPerson.id);
  }
});

afterAll(async () => {
  await Promise.all([server1?.close(), server2?.close()]);
  if (plain) {
    const ids = Object.values(users).map((u) => u.id);
    await plain.db.write(
      `MATCH (i:ProjectIdea) WHERE i.createdBy IN $ids
       OPTIONAL MATCH (x:Interest {ideaId: i.id})
       OPTIONAL MATCH (n:Notice {ideaId: i.id})
       DETACH DELETE i, x, n`,
      { ids },
    );
    await plain.db.write('MATCH (n:Notice) WHERE n.accountId IN $ids DETACH DELETE n', { ids });
    await plain.db.write('MATCH (p:ContactPerson) WHERE p.id IN $contactIds DETACH DELETE p', { contactIds });
    await removeSessions(plain.db, ids);
    await plain.close();
  }
  await smtp?.close();
});

describe('without SMTP configured', () => {
  let ideaId: string;

  it('runs no outbox, and the inbox works as before', async () => {
    expect(plain.mailer).toBeNull();
    ideaId = (await postIdea(clients.a1, `Vor dem E-Mail-Start ${RUN}`)).id;
    await expressInterest(ideaId);
    const inbox = await ok(clients.a1, INBOX);
    const notice = inbox.inbox.edges.map((e: any) => e.node).find((n: any) => n.idea?.id === ideaId);
    expect(notice.kind).toBe('INTEREST_RECEIVED');
    expect(notice.textDe).toContain('interessiert sich');
    await settle();
    const rows = await noticesOfIdea(ideaId);
    expect(rows).toHaveLength(2); // a1 and a2
    expect(rows.every((n) => n.mailedAt === null && n.mailAttempts === null && n.mailClaimToken === null)).toBe(true);
    expect(ownMails()).toHaveLength(0);
  });

  it('sends none of the notices from before e-mail was switched on when the outbox starts', async () => {
    server1 = await startTestApp({ mail: mailOptions(smtp.port) });
    server2 = await startTestApp({ mail: mailOptions(smtp.port) });
    expect(server1.mailer).not.toBeNull();
    // The first pass of a server records when e-mail started (it runs right after start-up; wait for one).
    await server1.mailer!.pass();
    // A notice written now is mailed, so the outbox runs; the earlier ones stay untouched.
    const probe = await postIdea(clients.a1, `Nach dem E-Mail-Start ${RUN}`);
    await expressInterest(probe.id);
    await allMailed(probe.id, 2);
    await settle();
    const before = await noticesOfIdea(ideaId);
    expect(before.every((n) => n.mailedAt === null && n.mailAttempts === null)).toBe(true);
    expect(
      ownMails()
        .map(noticeOf)
        .filter((id) => before.some((n) => n.id === id)),
    ).toEqual([]);
  });
});

describe('with SMTP configured, two servers', () => {
  it('mails a new interest to the owner side and the acceptance to the interested side, once each, worded as the inbox', async () => {
    const start = received.length;
    const idea = await postIdea(clients.a1, `Gemeinsames Standesamt ${RUN}`);
    // The interest goes through one server, the acceptance through the other.
    const b = new Client(server2.url, clients.b.cookie);
    const interestId = (
      await ok(b, INTEREST, { input: { ideaId: idea.id, municipalityAgs: WINTERBERG, message: 'Wir hätten großes Interesse, sprechen wir?' } })
    ).expressInterest.interest.id;
    const received1 = await allMailed(idea.id, 2);
    const a1 = new Client(server1.url, clients.a1.cookie);
    await ok(a1, ACCEPT, { input: { interestId } });
    const notices = await allMailed(idea.id, 3);
    await settle();
    // A figure, not an assertion (noisy machine): how long after its notice each e-mail was recorded sent.
    const delays = await plain.db.read('MATCH (n:Notice {ideaId: $id}) RETURN duration.inSeconds(n.createdAt, n.mailedAt).milliseconds AS ms ORDER BY ms', {
      id: idea.id,
    });
    console.info(`notice → e-mail sent: ${delays.records.map((r) => r.get('ms')).join(', ')} ms (poll every 150 ms, two servers)`);

    const mails = ownMails(start);
    // Exactly one e-mail per notice, to its recipient and to no one else.
    expect(mails).toHaveLength(3);
    expect(new Set(mails.map(noticeOf)).size).toBe(3);
    const byNotice = new Map(mails.map((m) => [noticeOf(m)!, m]));
    const recipients = { [users.a1.id]: users.a1.email, [users.a2.id]: users.a2.email, [users.b.id]: users.b.email };
    for (const notice of notices) {
      expect(notice.mailedAt).not.toBeNull();
      expect(notice.mailAttempts).toBe(1);
      expect(notice.mailClaimToken).toBeNull();
      expect(byNotice.get(notice.id)!.to).toEqual([recipients[notice.accountId]]);
    }
    expect(received1.map((n) => [n.accountId, n.kind]).sort()).toEqual(
      [
        [users.a1.id, 'INTEREST_RECEIVED'],
        [users.a2.id, 'INTEREST_RECEIVED'],
      ].sort(),
    );
    const accepted = notices.find((n) => n.kind === 'INTEREST_ACCEPTED')!;
    expect(accepted.accountId).toBe(users.b.id);

    // Worded as each recipient's inbox words it.
    const clientOf = { [users.a1.id]: clients.a1, [users.a2.id]: clients.a2, [users.b.id]: clients.b };
    for (const notice of notices) await expectMailMatchesInbox(clientOf[notice.accountId]!, notice, byNotice.get(notice.id)!);
    expect(byNotice.get(accepted.id)!.text).toContain('Medebach hat Ihr Interesse');
    expect(byNotice.get(received1[0]!.id)!.text).toContain('Winterberg interessiert sich');
    // After acceptance the app shows both sides' contact persons (to the two sides only); the e-mails carry none of
    // them, and no other account's address.
    const contact = await ok(b, `query C($id: ID!) { projectIdea(id: $id) { interests { contact { owner { contactPersons { email } } } } } }`, { id: idea.id });
    expect(JSON.stringify(contact)).toContain(contacts.a.email);
    for (const mail of mails) {
      for (const email of Object.values(recipients)) if (!mail.to.includes(email)) expect(mail.text).not.toContain(email);
      for (const c of Object.values(contacts)) for (const value of [c.name, c.email, c.phone]) expect(mail.text + mail.subject).not.toContain(value);
    }
  });

  it('keeps an idea anonymised in the e-mail when the inbox shows it anonymised', async () => {
    const start = received.length;
    const idea = await postIdea(clients.a1, `Stilles Vorhaben ${RUN}`);
    const interestId = await expressInterest(idea.id);
    await allMailed(idea.id, 2);
    // Narrowed to the office after the interest: the interested side keeps seeing it, without its owner.
    const narrowed = await ok(clients.a1, UPDATE, { input: { ideaId: idea.id, expectedVersion: idea.version, visibility: 'OFFICE_ONLY' } });
    expect(narrowed.updateProjectIdea.idea.visibility).toBe('OFFICE_ONLY');
    await ok(clients.a1, DECLINE, { input: { interestId } });
    const notices = await allMailed(idea.id, 3);
    const declined = notices.find((n) => n.kind === 'INTEREST_DECLINED')!;
    const mail = ownMails(start).find((m) => noticeOf(m) === declined.id)!;
    expect(mail.to).toEqual([users.b.email]);
    const node = await expectMailMatchesInbox(clients.b, declined, mail);
    expect((node as any).idea.ownerRevealed).toBe(false);
    expect(mail.text).not.toContain('Medebach');
    expect(mail.subject).not.toContain('Medebach');
  });

  it('mails the office’s proposal for an office-only idea to both sides, without the owner’s name to the proposed side', async () => {
    const start = received.length;
    const idea = await postIdea(clients.a1, `Vertrauliches Vorhaben ${RUN}`, 'OFFICE_ONLY');
    await ok(clients.office, `mutation P($input: ProposeMatchInput!) { proposeMatch(input: $input) { proposal { id } } }`, {
      input: { ideaId: idea.id, municipalityAgs: WINTERBERG, message: 'Die Geschäftsstelle schlägt eine Zusammenarbeit vor.' },
    });
    const notices = await allMailed(idea.id, 3);
    expect(notices.every((n) => n.kind === 'MATCH_PROPOSED')).toBe(true);
    const mails = new Map(ownMails(start).map((m) => [noticeOf(m)!, m]));
    const toB = notices.find((n) => n.accountId === users.b.id)!;
    const node = await expectMailMatchesInbox(clients.b, toB, mails.get(toB.id)!);
    expect((node as any).idea.ownerRevealed).toBe(false);
    expect(mails.get(toB.id)!.text + mails.get(toB.id)!.subject).not.toContain('Medebach');
    const toA = notices.find((n) => n.accountId === users.a1.id)!;
    await expectMailMatchesInbox(clients.a1, toA, mails.get(toA.id)!);
    expect(mails.get(toA.id)!.text).toContain('Winterberg');
  });

  it('sends nothing to a disabled account', async () => {
    const idea = await postIdea(clients.a1, `Für ein stillgelegtes Konto ${RUN}`);
    // The board writes notices for active accounts only; an account disabled after its notice was written and
    // before the outbox reached it is the case left: such a notice, as the board writes it.
    await plain.db.write(
      `CREATE (:Notice {id: randomUUID(), accountId: $accountId, kind: 'INTEREST_RECEIVED', ideaId: $ideaId, interestId: null, createdAt: datetime()})`,
      { accountId: users.disabled.id, ideaId: idea.id },
    );
    const [notice] = await allMailed(idea.id, 1);
    expect(notice!.mailSkipped).toBe('ACCOUNT_DISABLED');
    expect(notice!.mailedAt).toBeNull();
    await settle();
    expect(mailsTo(users.disabled.email)).toEqual([]);
  });

  it('keeps notices unmailed while SMTP is down, records the failures, and sends them once it is back', async () => {
    const start = received.length;
    const port = smtp.port;
    await smtp.close();
    const idea = await postIdea(clients.a1, `Während der Störung ${RUN}`);
    await expressInterest(idea.id);
    // Failed attempts are recorded on the notices; nothing is marked sent.
    await expect
      .poll(async () => (await noticesOfIdea(idea.id)).every((n) => (n.mailAttempts ?? 0) >= 2 && n.mailError !== null), { timeout: 20_000, interval: 100 })
      .toBe(true);
    const down = await noticesOfIdea(idea.id);
    expect(down).toHaveLength(2);
    expect(down.every((n) => n.mailedAt === null && n.mailSkipped === null)).toBe(true);
    expect(down[0]!.mailError).toMatch(/ECONNREFUSED|connect/i);
    // Requests are not held up by the outbox.
    expect((await ok(new Client(server1.url, clients.a2.cookie), INBOX)).inbox.totalCount).toBeGreaterThan(0);

    smtp = await startSmtp(port);
    const sent = await allMailed(idea.id, 2);
    await settle();
    const mails = ownMails(start);
    expect(mails.map(noticeOf).sort()).toEqual(sent.map((n) => n.id).sort());
    for (const notice of sent) {
      expect(notice.mailAttempts).toBeGreaterThanOrEqual(3);
      expect(notice.mailError).toBeNull();
    }
    expect(mails.map((m) => m.to[0]).sort()).toEqual([users.a1.email, users.a2.email].sort());
  });
});

describe('the start of e-mail', () => {
  it('moves to now when a server starts after no server mailed for longer than the gap, and never on a heartbeat', async () => {
    const repository = new NoticeMailRepository(plain.db);
    const since = await repository.touchState(RESUME_GAP_MS, false);
    // A running server's heartbeat, and a server starting while others run: the start stays.
    expect(await repository.touchState(RESUME_GAP_MS, false)).toBe(since);
    expect(await repository.touchState(RESUME_GAP_MS, true)).toBe(since);
    // No heartbeat for longer than the gap (e-mail was off): a heartbeat still keeps it, a start moves it.
    await plain.db.write(`MATCH (s:NoticeMailState) SET s.heartbeatAt = datetime() - duration({minutes: 20})`);
    expect(await repository.touchState(RESUME_GAP_MS, false)).toBe(since);
    await plain.db.write(`MATCH (s:NoticeMailState) SET s.heartbeatAt = datetime() - duration({minutes: 20})`);
    const moved = await repository.touchState(RESUME_GAP_MS, true);
    expect(Date.parse(moved)).toBeGreaterThan(Date.parse(since));
  });
});

describe('the claim', () => {
  it('gives each due notice to exactly one of many claimers racing on separate connections', async () => {
    // The servers' own outboxes stop first, so only the claimers below take these notices.
    await Promise.all([server1?.mailer?.stop(), server2?.mailer?.stop()]);
    // E-mail is on (as the servers' first pass would record it), and the notices below are newer.
    await new NoticeMailRepository(plain.db).touchState(RESUME_GAP_MS, false);
    const ideaId = randomUUID();
    await plain.db.write(
      `UNWIND range(1, 60) AS k
       CREATE (:Notice {id: randomUUID(), accountId: $accountId, kind: 'INTEREST_RECEIVED', ideaId: $ideaId, interestId: null, createdAt: datetime()})`,
      { accountId: users.a2.id, ideaId },
    );
    const drivers = Array.from({ length: 4 }, () => createDriver({ uri: inject('boltUri') }));
    try {
      const claimers = drivers.flatMap((driver) => [0, 1].map(() => new NoticeMailRepository(new Database(driver, 'neo4j'))));
      for (let round = 0; round < 3; round += 1) {
        const tokens = claimers.map(() => randomUUID());
        const claims = await Promise.all(claimers.map((claimer, i) => claimer.claimDue(tokens[i]!, 25, 60_000, MAIL_DEFAULTS.maxAgeMs)));
        const ours = claims.map((list) => list.filter((c) => c.notice.ideaId === ideaId).map((c) => c.notice.id));
        const all = ours.flat();
        // No notice in two claims, and every claimed one carries its claimer's token.
        expect(new Set(all).size).toBe(all.length);
        expect(all.length).toBeGreaterThan(0);
        const stored = await plain.db.read(
          'MATCH (n:Notice {ideaId: $ideaId}) WHERE n.mailClaimToken IS NOT NULL RETURN n.id AS id, n.mailClaimToken AS token, n.mailLock AS lock',
          { ideaId },
        );
        const tokenOf = new Map(stored.records.map((r) => [r.get('id') as string, r.get('token') as string]));
        expect(stored.records.every((r) => r.get('lock') === null)).toBe(true);
        ours.forEach((ids, i) => ids.forEach((id) => expect(tokenOf.get(id)).toBe(tokens[i])));
        expect(tokenOf.size).toBe(all.length);
        // Give them all back for the next round.
        await Promise.all(claimers.map((claimer, i) => claimer.releaseClaims(ours[i]!, tokens[i]!)));
      }
    } finally {
      await plain.db.write('MATCH (n:Notice {ideaId: $ideaId}) DELETE n', { ideaId });
      await Promise.all(drivers.map((driver) => driver.close()));
    }
  });
});
