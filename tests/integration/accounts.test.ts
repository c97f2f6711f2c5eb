import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { createDriver, findFreePort, migrate, startEmbeddedNeo4j, waitForBolt, type EmbeddedNeo4j } from '@ka/db';
import { AccountRole, AccountStatus } from '@ka/server/src/modules/accounts/account.type';
import { DEFAULT_AUTH_OPTIONS } from '@ka/server/src/modules/accounts/auth.options';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountIdsByEmail, Client, createAccount, ME, PASSWORD, removeSessions, SIGN_IN, signedIn, snapshot, uniqueEmail } from '../support/accounts';
import { OUTPUT_DIR, REPO_ROOT, startTestApp, type TestApp } from '../support/app';

const AGS_A = '05515000'; // Münster
const AGS_B = '05315000'; // Köln
// Generous address limit: every request of this file comes from 127.0.0.1.
const AUTH = { ...DEFAULT_AUTH_OPTIONS, maxFailuresPerAddress: 10_000, slowdownMs: 1 };

let app: TestApp;
/** Every account this file creates (sessions are removed at the end; accounts and audit events stay). */
const created: string[] = [];
const createdEmails: string[] = [];
const throttleKeys: string[] = [];

type Role = 'anonymous' | 'staffA' | 'staffB' | 'office' | 'admin';
const ROLES: Role[] = ['anonymous', 'staffA', 'staffB', 'office', 'admin'];
const users = {} as Record<Exclude<Role, 'anonymous'>, { id: string; email: string }>;

async function account(role: AccountRole, status: AccountStatus, ags: string[], label?: string) {
  const made = await createAccount(app.db, role, status, ags, label);
  created.push(made.id);
  return made;
}

async function clientFor(role: Role): Promise<Client> {
  return role === 'anonymous' ? new Client(app.url) : signedIn(app.url, users[role].email);
}

beforeAll(async () => {
  app = await startTestApp({ auth: AUTH });
  users.staffA = await account(AccountRole.STAFF, AccountStatus.ACTIVE, [AGS_A], 'staff-a');
  users.staffB = await account(AccountRole.STAFF, AccountStatus.ACTIVE, [AGS_B], 'staff-b');
  users.office = await account(AccountRole.OFFICE, AccountStatus.ACTIVE, [], 'office');
  users.admin = await account(AccountRole.ADMIN, AccountStatus.ACTIVE, [], 'admin');
});

afterAll(async () => {
  if (app) {
    created.push(...(await accountIdsByEmail(app.db, createdEmails)));
    await removeSessions(app.db, created);
    if (throttleKeys.length > 0) await app.db.write('MATCH (t:SignInThrottle) WHERE t.key IN $keys DETACH DELETE t', { keys: throttleKeys });
  }
  await app?.close();
});

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const throttleKeysFor = (email: string) => [
  `account:${sha(email)}`,
  `address:${sha('127.0.0.1')}`,
  `address:${sha('::ffff:127.0.0.1')}`,
  `address:${sha('::1')}`,
];

// --- the authorisation matrix --------------------------------------------------------------------------------

type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';
interface Operation {
  name: string;
  /** Accounts the operation acts on, made fresh for each cell (so one cell cannot affect another). */
  prepare?: () => Promise<{ id: string; email: string }>;
  query: string;
  variables?: (target: { id: string; email: string } | undefined) => Record<string, unknown>;
  /** What a successful call must have done. */
  check?: (data: any, target: { id: string; email: string } | undefined, caller: Client) => Promise<void>;
  expected: Record<Role, Outcome>;
}

const ALL_OK: Record<Role, Outcome> = { anonymous: 'ok', staffA: 'ok', staffB: 'ok', office: 'ok', admin: 'ok' };
const SIGNED_IN: Record<Role, Outcome> = { anonymous: 'UNAUTHENTICATED', staffA: 'ok', staffB: 'ok', office: 'ok', admin: 'ok' };
const OFFICE_OR_ADMIN: Record<Role, Outcome> = { anonymous: 'UNAUTHENTICATED', staffA: 'FORBIDDEN', staffB: 'FORBIDDEN', office: 'ok', admin: 'ok' };
const ADMIN_ONLY: Record<Role, Outcome> = { anonymous: 'UNAUTHENTICATED', staffA: 'FORBIDDEN', staffB: 'FORBIDDEN', office: 'FORBIDDEN', admin: 'ok' };

const OPERATIONS: Operation[] = [
  { name: 'query me', query: ME, expected: ALL_OK },
  {
    name: 'query accounts',
    query: `query Accounts { accounts(status: PENDING, first: 5) { totalCount edges { node { id email } } } }`,
    expected: OFFICE_OR_ADMIN,
  },
  { name: 'query auditLog', query: `query Audit { auditLog(first: 5) { totalCount edges { node { id action } } } }`, expected: ADMIN_ONLY },
  {
    name: 'field Municipality.staff (of A)',
    query: `query Staff { municipality(ags: "${AGS_A}") { name staff { id email } } }`,
    check: async (data) => expect(data.municipality.staff.map((s: { id: string }) => s.id)).toContain(users.staffA.id),
    expected: { anonymous: 'UNAUTHENTICATED', staffA: 'ok', staffB: 'FORBIDDEN', office: 'ok', admin: 'ok' },
  },
  {
    name: 'mutation register',
    query: `mutation Register($input: RegisterInput!) { register(input: $input) { account { id status role municipalityAgs } } }`,
    variables: () => {
      const email = uniqueEmail('register');
      createdEmails.push(email);
      return { input: { email, password: PASSWORD, displayName: 'Neue Person', municipalityAgs: [AGS_A] } };
    },
    check: async (data) => expect(data.register.account).toMatchObject({ status: 'PENDING', role: 'STAFF', municipalityAgs: [AGS_A] }),
    expected: ALL_OK,
  },
  {
    name: 'mutation signIn',
    prepare: () => account(AccountRole.STAFF, AccountStatus.ACTIVE, [AGS_B], 'signin-target'),
    query: SIGN_IN,
    variables: (target) => ({ input: { email: target!.email, password: PASSWORD } }),
    check: async (data, target, caller) => {
      expect(data.signIn.account.id).toBe(target!.id);
      expect((await caller.graphql(ME)).data!.me.id).toBe(target!.id);
    },
    expected: ALL_OK,
  },
  {
    name: 'mutation signOut',
    query: `mutation SignOut { signOut { sessionsEnded } }`,
    check: async (data, _t, caller) => {
      expect(data.signOut.sessionsEnded).toBe(1);
      expect((await caller.graphql(ME)).data!.me).toBeNull();
    },
    expected: SIGNED_IN,
  },
  {
    name: 'mutation signOutEverywhere',
    query: `mutation SignOutEverywhere { signOutEverywhere { sessionsEnded } }`,
    check: async (data) => expect(data.signOutEverywhere.sessionsEnded).toBeGreaterThanOrEqual(1),
    expected: SIGNED_IN,
  },
  {
    name: 'mutation confirmAccount',
    prepare: () => account(AccountRole.STAFF, AccountStatus.PENDING, [AGS_A], 'pending'),
    query: `mutation Confirm($input: ConfirmAccountInput!) { confirmAccount(input: $input) { account { id status confirmedBy confirmedAt } } }`,
    variables: (target) => ({ input: { accountId: target!.id } }),
    check: async (data) => expect(data.confirmAccount.account).toMatchObject({ status: 'ACTIVE', confirmedAt: expect.any(String) }),
    expected: OFFICE_OR_ADMIN,
  },
  {
    name: 'mutation setAccountRole',
    prepare: () => account(AccountRole.STAFF, AccountStatus.ACTIVE, [AGS_A], 'role-target'),
    query: `mutation SetRole($input: SetAccountRoleInput!) { setAccountRole(input: $input) { account { id role } } }`,
    variables: (target) => ({ input: { accountId: target!.id, role: 'OFFICE' } }),
    check: async (data) => expect(data.setAccountRole.account.role).toBe('OFFICE'),
    expected: ADMIN_ONLY,
  },
  {
    name: 'mutation disableAccount',
    prepare: async () => {
      const target = await account(AccountRole.STAFF, AccountStatus.ACTIVE, [AGS_A], 'disable-target');
      await signedIn(app.url, target.email); // a live session that disabling must end
      return target;
    },
    query: `mutation Disable($input: DisableAccountInput!) { disableAccount(input: $input) { account { id status } } }`,
    variables: (target) => ({ input: { accountId: target!.id } }),
    check: async (data, target) => {
      expect(data.disableAccount.account.status).toBe('DISABLED');
      const sessions = await app.db.read('MATCH (s:Session {accountId: $id}) RETURN count(s) AS n', { id: target!.id });
      expect(sessions.records[0]!.get('n')).toBe(0);
    },
    expected: ADMIN_ONLY,
  },
];

const CELLS = OPERATIONS.flatMap((operation) => ROLES.map((role) => ({ operation, role, outcome: operation.expected[role] })));

describe('authorisation matrix: every new operation × every role', () => {
  it.each(CELLS.map((c) => [c.operation.name, c.role, c.outcome, c] as const))('%s as %s → %s', async (_name, role, outcome, { operation }) => {
    const caller = await clientFor(role);
    const target = await operation.prepare?.();
    const watched = [...Object.values(users).map((u) => u.id), ...(target ? [target.id] : [])];
    const before = await snapshot(app.db, watched);
    const { data, errors } = await caller.graphql(operation.query, operation.variables?.(target));
    if (outcome === 'ok') {
      expect(errors, JSON.stringify(errors)).toBeUndefined();
      await operation.check?.(data, target, caller);
    } else {
      expect(errors?.[0]?.extensions?.code).toBe(outcome);
      expect(errors![0]!.message).toMatch(/ \/ /); // German / English
      expect(await snapshot(app.db, watched)).toEqual(before);
    }
  });
});

// --- registration to sign-in --------------------------------------------------------------------------------

const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { account { id email status role municipalityAgs } } }`;

describe('registration → pending → confirmation → sign-in → me', () => {
  it('goes through the whole path, with the e-mail lower-cased', async () => {
    const email = uniqueEmail('Journey').replace('journey', 'JoUrNeY');
    const visitor = new Client(app.url);
    const registered = await visitor.graphql(REGISTER, {
      input: { email, password: PASSWORD, displayName: '  Erika Musterfrau ', municipalityAgs: [AGS_A, AGS_B, AGS_A] },
    });
    expect(registered.errors).toBeUndefined();
    const id = registered.data!.register.account.id;
    created.push(id);
    expect(registered.data!.register.account).toMatchObject({
      email: email.toLowerCase(),
      status: 'PENDING',
      role: 'STAFF',
      municipalityAgs: [AGS_B, AGS_A].sort(),
    });
    expect(visitor.lastSetCookie).toBeNull(); // registering does not sign in

    const pending = await visitor.graphql(SIGN_IN, { input: { email, password: PASSWORD } });
    expect(pending.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'PENDING' });
    expect(pending.errors![0]!.message).toMatch(/noch nicht bestätigt.*not been confirmed/);
    expect(visitor.cookie).toBeNull();

    const office = await signedIn(app.url, users.office.email);
    const list = await office.graphql(`query { accounts(status: PENDING, first: 100) { edges { node { id } } } }`);
    expect(list.data!.accounts.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);
    const confirmed = await office.graphql(`mutation C($id: ID!) { confirmAccount(input: {accountId: $id}) { account { status confirmedBy } } }`, { id });
    expect(confirmed.data!.confirmAccount.account).toEqual({ status: 'ACTIVE', confirmedBy: users.office.id });
    const again = await office.graphql(`mutation C($id: ID!) { confirmAccount(input: {accountId: $id}) { account { status } } }`, { id });
    expect(again.errors![0]!.extensions!.code).toBe('CONFLICT');

    const signIn = await visitor.graphql(SIGN_IN, { input: { email: email.toUpperCase(), password: PASSWORD } });
    expect(signIn.errors).toBeUndefined();
    const me = await visitor.graphql(ME);
    expect(me.data!.me).toMatchObject({ id, displayName: 'Erika Musterfrau', status: 'ACTIVE', role: 'STAFF', municipalityAgs: [AGS_B, AGS_A].sort() });

    const stored = await app.db.read('MATCH (a:Account {id: $id}) RETURN a.passwordHash AS h, [(a)-[:WORKS_FOR]->(m) | m.ags] AS ags', { id });
    expect(stored.records[0]!.get('h')).toMatch(/^\$argon2id\$/);
    expect((stored.records[0]!.get('ags') as string[]).sort()).toEqual([AGS_B, AGS_A].sort());
  });

  it.each([
    ['a short password', { password: 'kurz-11-zei' }, 'password', /mindestens 12 Zeichen/],
    ['a bad e-mail', { email: 'nicht-eine-adresse' }, 'email', /keine gültige E-Mail/],
    ['no municipality', { municipalityAgs: [] }, 'municipalityAgs', /1 bis 10/],
    ['an AGS that does not exist', { municipalityAgs: ['05999999'] }, 'municipalityAgs', /Keine Kommune in NRW: 05999999/],
    ['a malformed AGS', { municipalityAgs: ['5515'] }, 'municipalityAgs', /ungültigen Gemeindeschlüssel/],
    ['an empty name', { displayName: '   ' }, 'displayName', /1 bis 100/],
  ])('refuses %s with BAD_USER_INPUT naming the field and changes nothing', async (_what, change, field, message) => {
    const before = await snapshot(app.db, []);
    const input = { email: uniqueEmail('bad'), password: PASSWORD, displayName: 'X', municipalityAgs: [AGS_A], ...change };
    const { errors } = await new Client(app.url).graphql(REGISTER, { input });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(errors![0]!.message).toMatch(message);
    expect(errors![0]!.message).not.toContain(input.password);
    expect(await snapshot(app.db, [])).toEqual(before);
  });

  it('refuses a municipality across the Land border (NRW only)', async () => {
    const crossBorder = (await app.db.read('MATCH (m:Municipality:CrossBorder) RETURN m.ags AS ags LIMIT 1')).records[0]!.get('ags') as string;
    const { errors } = await new Client(app.url).graphql(REGISTER, {
      input: { email: uniqueEmail('cb'), password: PASSWORD, displayName: 'X', municipalityAgs: [crossBorder] },
    });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'municipalityAgs' });
  });

  it('refuses an e-mail that is taken, in any case, with CONFLICT and changes nothing', async () => {
    const before = await snapshot(app.db, [users.staffA.id]);
    const { errors } = await new Client(app.url).graphql(REGISTER, {
      input: { email: users.staffA.email.toUpperCase(), password: PASSWORD, displayName: 'X', municipalityAgs: [AGS_A] },
    });
    expect(errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await snapshot(app.db, [users.staffA.id])).toEqual(before);
  });

  it('says nothing about whether an e-mail exists when the password is wrong', async () => {
    const known = await new Client(app.url).graphql(SIGN_IN, { input: { email: users.office.email, password: 'falsches-passwort-123' } });
    const unknown = await new Client(app.url).graphql(SIGN_IN, { input: { email: uniqueEmail('nobody'), password: 'falsches-passwort-123' } });
    expect(known.errors![0]!.message).toBe(unknown.errors![0]!.message);
    expect(known.errors![0]!.extensions).toEqual(unknown.errors![0]!.extensions);
    throttleKeys.push(`account:${sha(users.office.email)}`);
  });
});

// --- sessions -------------------------------------------------------------------------------------------------

describe('session cookie', () => {
  it('is httpOnly, SameSite=Lax, on /, with an expiry, not Secure over plain http; only its hash is stored', async () => {
    const client = await signedIn(app.url, users.staffA.email);
    const header = client.lastSetCookie!;
    expect(header).toMatch(/^ka_session=[A-Za-z0-9_-]{43};/);
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).toMatch(/Path=\//);
    expect(header).toMatch(/Expires=/);
    expect(header).not.toMatch(/Secure/i);
    const id = client.cookie!.split('=')[1]!;
    const stored = await app.db.read('MATCH (s:Session {accountId: $id}) RETURN s', { id: users.staffA.id });
    const sessions = stored.records.map((r) => r.get('s').properties as Record<string, unknown>);
    expect(sessions.some((s) => s.idHash === sha(id))).toBe(true);
    for (const s of sessions) expect(Object.values(s).map(String)).not.toContain(id);
  });

  it('is Secure when the request came over HTTPS (behind a trusted proxy)', async () => {
    // X-Forwarded-Proto counts only with `trust proxy` (the API edge sets it from KA_TRUST_PROXY).
    const { createApp } = await import('@ka/server/src/app');
    const built = await createApp({ db: app.db, production: false, log: () => undefined, auth: AUTH });
    built.app.set('trust proxy', 'loopback');
    await new Promise<void>((resolve) => built.httpServer.listen(0, '127.0.0.1', resolve));
    try {
      const port = (built.httpServer.address() as { port: number }).port;
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ query: SIGN_IN, variables: { input: { email: users.staffB.email, password: PASSWORD } } }),
      });
      expect(response.headers.get('set-cookie')).toMatch(/; Secure/i);
    } finally {
      await built.apollo.stop();
    }
  });

  it('rotates at sign-in: a new id, the old session gone', async () => {
    const client = await signedIn(app.url, users.staffA.email);
    const first = client.cookie!;
    await client.graphql(SIGN_IN, { input: { email: users.staffA.email, password: PASSWORD } });
    expect(client.cookie).not.toBe(first);
    const old = await app.db.read('MATCH (s:Session {idHash: $h}) RETURN count(s) AS n', { h: sha(first.split('=')[1]!) });
    expect(old.records[0]!.get('n')).toBe(0);
    expect((await new Client(app.url, first).graphql(ME)).data!.me).toBeNull();
    expect((await client.graphql(ME)).data!.me.id).toBe(users.staffA.id);
  });

  it.each([
    ['forged (random, well-formed)', async () => `ka_session=${'A'.repeat(43)}`],
    ['garbage', async () => 'ka_session=%%%not-a-cookie;;'],
    ['very long', async () => `ka_session=${'x'.repeat(5000)}`],
    [
      'replayed after sign-out',
      async () => {
        const c = await signedIn(app.url, users.staffB.email);
        const cookie = c.cookie!;
        await c.graphql('mutation { signOut { sessionsEnded } }');
        return cookie;
      },
    ],
    [
      'past its absolute expiry',
      async () => {
        const c = await signedIn(app.url, users.staffB.email);
        await app.db.write('MATCH (s:Session {idHash: $h}) SET s.expiresAt = datetime() - duration("PT1S")', { h: sha(c.cookie!.split('=')[1]!) });
        return c.cookie!;
      },
    ],
    [
      'idle for longer than the idle timeout',
      async () => {
        const c = await signedIn(app.url, users.staffB.email);
        await app.db.write('MATCH (s:Session {idHash: $h}) SET s.lastSeenAt = datetime() - duration({milliseconds: $ms})', {
          h: sha(c.cookie!.split('=')[1]!),
          ms: AUTH.sessionIdleMs + 1000,
        });
        return c.cookie!;
      },
    ],
    [
      'of a disabled account',
      async () => {
        const target = await account(AccountRole.STAFF, AccountStatus.ACTIVE, [AGS_A], 'disabled-session');
        const c = await signedIn(app.url, target.email);
        await app.db.write("MATCH (a:Account {id: $id}) SET a.status = 'DISABLED'", { id: target.id });
        return c.cookie!;
      },
    ],
  ])('makes the request anonymous when %s, never an error', async (_what, makeCookie) => {
    const client = new Client(app.url, await makeCookie());
    const me = await client.graphql(ME);
    expect(me.errors).toBeUndefined();
    expect(me.data!.me).toBeNull();
    const protectedField = await client.graphql('mutation { signOut { sessionsEnded } }');
    expect(protectedField.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const publicData = await client.graphql(`query { municipality(ags: "${AGS_A}") { name } }`);
    expect(publicData.data!.municipality.name).toBe('Münster, Stadt');
  });

  it('signOutEverywhere ends every session of the account and is audited', async () => {
    const one = await signedIn(app.url, users.office.email);
    const two = await signedIn(app.url, users.office.email);
    const { data } = await one.graphql('mutation { signOutEverywhere { sessionsEnded } }');
    expect(data!.signOutEverywhere.sessionsEnded).toBeGreaterThanOrEqual(2);
    expect((await two.graphql(ME)).data!.me).toBeNull();
    const audit = await app.db.read("MATCH (e:AuditEvent {action: 'SIGN_OUT_EVERYWHERE', actorId: $id}) RETURN count(e) AS n", { id: users.office.id });
    expect(audit.records[0]!.get('n')).toBeGreaterThanOrEqual(1);
  });
});

// --- throttling -----------------------------------------------------------------------------------------------

describe('sign-in throttling', () => {
  it('locks an e-mail after the configured failures, audits the lock, refuses even the right password, then lets in again', async () => {
    const lockMs = 1500;
    const strict = await startTestApp({ auth: { ...AUTH, maxFailuresPerAccount: 3, lockMs, failureWindowMs: 60_000 } });
    try {
      const target = await account(AccountRole.STAFF, AccountStatus.ACTIVE, [AGS_A], 'locked');
      throttleKeys.push(...throttleKeysFor(target.email));
      const client = new Client(strict.url);
      for (let i = 0; i < 3; i++) {
        const wrong = await client.graphql(SIGN_IN, { input: { email: target.email, password: `falsch-falsch-${i}` } });
        expect(wrong.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
      }
      const locked = await client.graphql(SIGN_IN, { input: { email: target.email, password: PASSWORD } });
      expect(locked.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'LOCKED' });
      expect(locked.errors![0]!.message).toMatch(/Zu viele fehlgeschlagene.*Too many failed/);
      expect(client.cookie).toBeNull();
      const audit = await strict.db.read('MATCH (e:AuditEvent {targetId: $id}) RETURN e.action AS action, e.address AS address ORDER BY e.at', {
        id: target.id,
      });
      const actions = audit.records.map((r) => r.get('action'));
      expect(actions.filter((a) => a === 'SIGN_IN_FAILED')).toHaveLength(3);
      expect(actions).toContain('SIGN_IN_LOCKED');
      expect(audit.records.at(-1)!.get('address')).toMatch(/127\.0\.0\.1|::1/);

      await new Promise((resolve) => setTimeout(resolve, lockMs + 1100));
      const after = await client.graphql(SIGN_IN, { input: { email: target.email, password: PASSWORD } });
      expect(after.errors).toBeUndefined();
    } finally {
      await strict.close();
    }
  });

  it('locks an unknown e-mail the same way (no hint that it has no account)', async () => {
    const strict = await startTestApp({ auth: { ...AUTH, maxFailuresPerAccount: 2, lockMs: 60_000 } });
    try {
      const email = uniqueEmail('unknown');
      throttleKeys.push(...throttleKeysFor(email));
      const client = new Client(strict.url);
      for (let i = 0; i < 2; i++) await client.graphql(SIGN_IN, { input: { email, password: 'falsch-falsch-falsch' } });
      const locked = await client.graphql(SIGN_IN, { input: { email, password: 'falsch-falsch-falsch' } });
      expect(locked.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'LOCKED' });
    } finally {
      await strict.close();
    }
  });

  it('locks an address after a burst of failures across many e-mails', async () => {
    const strict = await startTestApp({ auth: { ...AUTH, maxFailuresPerAccount: 100, maxFailuresPerAddress: 4, lockMs: 60_000 } });
    const addressKeys = throttleKeysFor('x').slice(1);
    try {
      // Start from a clean count for this machine's address (other tests' failures must not count here).
      await strict.db.write('MATCH (t:SignInThrottle) WHERE t.key IN $keys DETACH DELETE t', { keys: addressKeys });
      const client = new Client(strict.url);
      for (let i = 0; i < 4; i++) {
        const email = uniqueEmail(`spray${i}`);
        throttleKeys.push(...throttleKeysFor(email));
        await client.graphql(SIGN_IN, { input: { email, password: 'falsch-falsch-falsch' } });
      }
      const locked = await client.graphql(SIGN_IN, { input: { email: users.staffA.email, password: PASSWORD } });
      expect(locked.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'LOCKED' });
      const audit = await strict.db.read('MATCH (e:AuditEvent {action: \'SIGN_IN_LOCKED\'}) WHERE e.detail CONTAINS \'"kind":"address"\' RETURN count(e) AS n');
      expect(audit.records[0]!.get('n')).toBeGreaterThanOrEqual(1);
    } finally {
      // The address lock would stop every later sign-in from this machine: lift it (it is this test's own).
      await strict.db.write('MATCH (t:SignInThrottle) WHERE t.key IN $keys DETACH DELETE t', { keys: addressKeys });
      await strict.close();
    }
  });
});

// --- audit log ----------------------------------------------------------------------------------------------

describe('audit log', () => {
  it('records every kind of account event with actor, target and address, readable by administrators', async () => {
    const target = await account(AccountRole.STAFF, AccountStatus.PENDING, [AGS_A], 'audited');
    const admin = await signedIn(app.url, users.admin.email);
    await admin.graphql(`mutation C($id: ID!) { confirmAccount(input: {accountId: $id}) { account { id } } }`, { id: target.id });
    await admin.graphql(`mutation R($id: ID!) { setAccountRole(input: {accountId: $id, role: OFFICE}) { account { id } } }`, { id: target.id });
    const signedInTarget = await signedIn(app.url, target.email);
    await signedInTarget.graphql('mutation { signOut { sessionsEnded } }');
    await admin.graphql(`mutation D($id: ID!) { disableAccount(input: {accountId: $id}) { account { id } } }`, { id: target.id });

    const events = await app.db.read('MATCH (e:AuditEvent {targetId: $id}) RETURN e ORDER BY e.at', { id: target.id });
    const byAction = new Map(events.records.map((r) => [r.get('e').properties.action, r.get('e').properties]));
    expect([...byAction.keys()]).toEqual(expect.arrayContaining(['REGISTER', 'CONFIRM', 'ROLE_CHANGE', 'SIGN_IN', 'SIGN_OUT', 'DISABLE']));
    expect(byAction.get('CONFIRM')).toMatchObject({ actorId: users.admin.id, targetId: target.id });
    expect(JSON.parse(byAction.get('ROLE_CHANGE').detail)).toEqual({ from: 'STAFF', to: 'OFFICE' });
    expect(byAction.get('SIGN_IN').address).toMatch(/127\.0\.0\.1|::1/);

    const log = await admin.graphql(
      `query { auditLog(first: 100) { totalCount edges { node { action actorId targetId at } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(log.errors).toBeUndefined();
    expect(
      log.data!.auditLog.edges.some((e: { node: { action: string; targetId: string } }) => e.node.action === 'DISABLE' && e.node.targetId === target.id),
    ).toBe(true);
    const times = log.data!.auditLog.edges.map((e: { node: { at: string } }) => Date.parse(e.node.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('has no API that changes or deletes it: no mutation names the audit log or returns an audit event', async () => {
    const { data } = await app.graphql<{
      __schema: { mutationType: { fields: Array<{ name: string; type: { name: string | null; ofType: { name: string | null } | null } }> } };
    }>('{ __schema { mutationType { fields { name type { name ofType { name } } } } } }');
    const fields = data!.__schema.mutationType.fields;
    // The account operations are here; the register's and the Börse's have their own matrices (contributions.test.ts, …).
    expect(fields.map((f) => f.name)).toEqual(
      expect.arrayContaining(['confirmAccount', 'disableAccount', 'register', 'setAccountRole', 'signIn', 'signOut', 'signOutEverywhere']),
    );
    expect(fields.filter((f) => /audit/i.test(f.name))).toEqual([]);
    expect(
      fields.filter((f) => (f.type.name ?? f.type.ofType?.name) === 'AuditEvent' || (f.type.name ?? f.type.ofType?.name) === 'AuditEventConnection'),
    ).toEqual([]);
    const auditType = await app.graphql<{ __type: { fields: Array<{ name: string; args: unknown[] }> } }>(
      '{ __type(name: "AuditEvent") { fields { name args { name } } } }',
    );
    expect(auditType.data!.__type.fields.every((f) => f.args.length === 0)).toBe(true);
  });

  it('only grows: no operation of this file removed an event', async () => {
    const before = (await app.db.read('MATCH (e:AuditEvent) RETURN count(e) AS n')).records[0]!.get('n') as number;
    const admin = await signedIn(app.url, users.admin.email);
    await admin.graphql('mutation { signOutEverywhere { sessionsEnded } }');
    const after = (await app.db.read('MATCH (e:AuditEvent) RETURN count(e) AS n')).records[0]!.get('n') as number;
    expect(after).toBe(before + 2); // the sign-in and the sign-out everywhere
  });
});

// --- the first administrator and the last one -----------------------------------------------------------------

describe('pnpm admin:create and the last administrator (own throw-away Neo4j: the rule needs a database with one admin)', () => {
  let neo4j: EmbeddedNeo4j;
  let own: TestApp;
  beforeAll(async () => {
    neo4j = await startEmbeddedNeo4j({ port: await findFreePort(), ephemeral: true, logFile: path.join(OUTPUT_DIR, 'neo4j-accounts-test.log'), heap: '256m' });
    const driver = createDriver({ uri: neo4j.uri });
    await waitForBolt(driver, neo4j.uri);
    await migrate(driver, 'neo4j');
    await driver.close();
    own = await startTestApp({ boltUri: neo4j.uri, auth: AUTH });
  }, 120_000);
  afterAll(async () => {
    await own?.close();
    await neo4j?.stop();
  });

  function adminCreate(args: string[], stdin: string): Promise<{ code: number; out: string }> {
    return new Promise((resolve) => {
      const child = spawn('pnpm', ['--silent', 'admin:create', ...args], {
        cwd: REPO_ROOT,
        env: { ...process.env, NEO4J_URI: neo4j.uri },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.stdin.end(stdin);
      child.on('close', (code) => resolve({ code: code ?? 1, out }));
    });
  }

  it('creates the first administrator from the command line, password from stdin, and refuses bad input', async () => {
    const short = await adminCreate(['--email', 'chefin@test.invalid', '--name', 'Chefin'], 'zu-kurz\n');
    expect(short.code).toBe(1);
    expect(short.out).toMatch(/at least 12 characters/);
    const made = await adminCreate(['--email', 'Chefin@Test.invalid', '--name', 'Chefin'], `${PASSWORD}\n`);
    expect(made.out).toMatch(/administrator chefin@test.invalid created/);
    expect(made.code).toBe(0);
    const twice = await adminCreate(['--email', 'chefin@test.invalid', '--name', 'Chefin'], `${PASSWORD}\n`);
    expect(twice.code).toBe(1);
    expect(twice.out).toMatch(/already exists/);
    const admin = await signedIn(own.url, 'chefin@test.invalid');
    expect((await admin.graphql(ME)).data!.me).toMatchObject({ role: 'ADMIN', status: 'ACTIVE' });
    const audit = await own.db.read("MATCH (e:AuditEvent {action: 'ADMIN_CREATED'}) RETURN count(e) AS n");
    expect(audit.records[0]!.get('n')).toBe(1);
  });

  it('never removes the last active administrator (role change or disable), with CONFLICT and nothing changed', async () => {
    const admin = await signedIn(own.url, 'chefin@test.invalid');
    const me = (await admin.graphql(ME)).data!.me;
    const before = await snapshot(own.db, [me.id]);
    const demote = await admin.graphql(`mutation R($id: ID!) { setAccountRole(input: {accountId: $id, role: STAFF}) { account { role } } }`, { id: me.id });
    expect(demote.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(demote.errors![0]!.message).toMatch(/letzte aktive Administrationskonto.*last active administrator/);
    const disable = await admin.graphql(`mutation D($id: ID!) { disableAccount(input: {accountId: $id}) { account { status } } }`, { id: me.id });
    expect(disable.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await snapshot(own.db, [me.id])).toEqual(before);

    // With a second administrator the first may step down.
    const second = await createAccount(own.db, AccountRole.STAFF, AccountStatus.ACTIVE, [], 'second');
    const promoted = await admin.graphql(`mutation R($id: ID!) { setAccountRole(input: {accountId: $id, role: ADMIN}) { account { role } } }`, {
      id: second.id,
    });
    expect(promoted.data!.setAccountRole.account.role).toBe('ADMIN');
    const stepDown = await admin.graphql(`mutation R($id: ID!) { setAccountRole(input: {accountId: $id, role: OFFICE}) { account { role } } }`, { id: me.id });
    expect(stepDown.data!.setAccountRole.account.role).toBe('OFFICE');
  });
});
