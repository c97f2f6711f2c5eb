import type http from 'node:http';
import { findFreePort } from '@ka/db';
import { createApp } from '@ka/server/src/app';
import { createLogger } from '@ka/server/src/edge/logger';
import { AccountRole, AccountStatus } from '@ka/server/src/modules/accounts/account.type';
import { DEFAULT_AUTH_OPTIONS } from '@ka/server/src/modules/accounts/auth.options';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountIdsByEmail, Client, createAccount, ME, removeSessions, signedIn, uniqueEmail } from '../support/accounts';
import { startTestApp, type TestApp } from '../support/app';

/** The provider's users: subject → claims. */
const USERS: Record<string, { email: string; email_verified: boolean; name: string }> = {};

let shared: TestApp; // only for its database handle and an app without OIDC
let appUrl: string;
let appServer: http.Server;
let stopApp: () => Promise<void>;
let providerServer: http.Server;
let issuer: string;
const createdEmails: string[] = [];
const createdIds: string[] = [];

beforeAll(async () => {
  shared = await startTestApp();
  const providerPort = await findFreePort();
  const appPort = await findFreePort();
  issuer = `http://127.0.0.1:${providerPort}`;
  appUrl = `http://127.0.0.1:${appPort}`;
  const redirectUri = `${appUrl}/auth/oidc/callback`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'kooperationsatlas',
        client_secret: 'test-secret-of-the-client',
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    async findAccount(_ctx, sub) {
      const user = USERS[sub];
      return user ? { accountId: sub, claims: async () => ({ sub, ...user }) } : undefined;
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['a-test-cookie-key'] },
  });
  providerServer = provider.listen(providerPort, '127.0.0.1');
  await new Promise((resolve) => providerServer.once('listening', resolve));

  const built = await createApp({
    db: shared.db,
    production: false,
    logger: createLogger('silent'),
    edge: { max: 1_000_000, expensiveMax: 1_000_000 },
    auth: { ...DEFAULT_AUTH_OPTIONS, oidc: { issuer, clientId: 'kooperationsatlas', clientSecret: 'test-secret-of-the-client', redirectUri } },
  });
  appServer = built.httpServer;
  await new Promise<void>((resolve) => appServer.listen(appPort, '127.0.0.1', resolve));
  stopApp = () => built.apollo.stop();
});

afterAll(async () => {
  if (shared) {
    createdIds.push(...(await accountIdsByEmail(shared.db, createdEmails)));
    const byKey = await shared.db.read('MATCH (a:Account) WHERE a.oidcKey STARTS WITH $issuer RETURN collect(a.id) AS ids', { issuer: `${issuer}#` });
    await removeSessions(shared.db, [...createdIds, ...(byKey.records[0]!.get('ids') as string[])]);
  }
  await stopApp?.();
  await new Promise((resolve) => providerServer?.close(resolve));
  await shared?.close();
});

/** A browser without a browser: follows redirects across both servers, keeps cookies per host, submits forms. */
class Browser {
  private jar = new Map<string, Map<string, string>>();

  cookiesFor(url: string): Map<string, string> {
    const host = new URL(url).host;
    if (!this.jar.has(host)) this.jar.set(host, new Map());
    return this.jar.get(host)!;
  }

  private async request(url: string, init: RequestInit = {}): Promise<Response> {
    const cookies = this.cookiesFor(url);
    const headers = new Headers(init.headers);
    if (cookies.size > 0) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const name = pair!.slice(0, pair!.indexOf('='));
      const value = pair!.slice(pair!.indexOf('=') + 1);
      const expired = attributes.some((a) => /expires=thu, 01 jan 1970/i.test(a.trim())) || attributes.some((a) => /^max-age=0$/i.test(a.trim()));
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  }

  /** Starts at `url`, logs in as `login` wherever the provider shows a form, and returns where the app sends the user. */
  async signInThrough(url: string, login: string): Promise<string> {
    let next: { url: string; init?: RequestInit } = { url };
    for (let step = 0; step < 20; step++) {
      const response = await this.request(next.url, next.init);
      if (response.status >= 300 && response.status < 400) {
        const location = new URL(response.headers.get('location')!, next.url).href;
        if (location.startsWith(appUrl) && !location.startsWith(`${appUrl}/auth/oidc/`)) return location.slice(appUrl.length);
        next = { url: location };
        continue;
      }
      const html = await response.text();
      const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
      if (!form) throw new Error(`no form and no redirect at ${next.url} (${response.status}): ${html.slice(0, 200)}`);
      const fields = new URLSearchParams();
      for (const input of form[2]!.matchAll(/<input[^>]*>/gi)) {
        const name = /name="([^"]+)"/.exec(input[0])?.[1];
        if (!name) continue;
        fields.set(name, /value="([^"]*)"/.exec(input[0])?.[1] ?? '');
      }
      if (fields.has('login')) fields.set('login', login);
      if (fields.has('password')) fields.set('password', 'irrelevant-in-dev-interactions');
      next = {
        url: new URL(form[1]!, next.url).href,
        init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString() },
      };
    }
    throw new Error('too many steps');
  }

  sessionCookie(): string | null {
    const value = this.cookiesFor(appUrl).get('ka_session');
    return value ? `ka_session=${value}` : null;
  }
}

describe('OpenID Connect sign-in against a real provider (oidc-provider on loopback)', () => {
  it('creates a PENDING staff account without municipalities for an unknown user; after confirmation the user is signed in', async () => {
    const sub = `neu-${Date.now()}`;
    const email = uniqueEmail('oidc-new');
    createdEmails.push(email);
    USERS[sub] = { email, email_verified: true, name: 'Olga Idp' };

    const first = new Browser();
    expect(await first.signInThrough(`${appUrl}/auth/oidc/login`, sub)).toBe('/?anmeldung=ausstehend');
    expect(first.sessionCookie()).toBeNull();
    const stored = await shared.db.read(
      'MATCH (a:Account {email: $email}) RETURN a.id AS id, a.role AS role, a.status AS status, a.oidcKey AS key, a.passwordHash AS hash, COUNT { (a)-[:WORKS_FOR]->() } AS municipalities',
      { email },
    );
    const row = stored.records[0]!.toObject();
    expect(row).toMatchObject({ role: 'STAFF', status: 'PENDING', key: `${issuer}#${sub}`, hash: null, municipalities: 0 });
    const created = await shared.db.read("MATCH (e:AuditEvent {action: 'OIDC_ACCOUNT_CREATED', targetId: $id}) RETURN count(e) AS n", { id: row.id });
    expect(created.records[0]!.get('n')).toBe(1);

    // The office confirms it and assigns the municipality.
    const office = await createAccount(shared.db, AccountRole.OFFICE, AccountStatus.ACTIVE, [], 'oidc-office');
    createdIds.push(office.id);
    const officeClient = await signedIn(shared.url, office.email);
    const confirmed = await officeClient.graphql(
      `mutation C($id: ID!) { confirmAccount(input: {accountId: $id, municipalityAgs: ["05515000"]}) { account { status municipalityAgs } } }`,
      { id: row.id },
    );
    expect(confirmed.data!.confirmAccount.account).toEqual({ status: 'ACTIVE', municipalityAgs: ['05515000'] });

    const second = new Browser();
    expect(await second.signInThrough(`${appUrl}/auth/oidc/login`, sub)).toBe('/');
    const cookie = second.sessionCookie();
    expect(cookie).toMatch(/^ka_session=[A-Za-z0-9_-]{43}$/);
    const me = await new Client(appUrl, cookie).graphql(ME);
    expect(me.data!.me).toMatchObject({ id: row.id, email, status: 'ACTIVE', municipalityAgs: ['05515000'] });
    const signIns = await shared.db.read("MATCH (e:AuditEvent {action: 'OIDC_SIGN_IN', actorId: $id}) RETURN count(e) AS n", { id: row.id });
    expect(signIns.records[0]!.get('n')).toBe(1);
  });

  it('maps a user with a verified e-mail to the existing account of that e-mail and links the subject', async () => {
    const existing = await createAccount(shared.db, AccountRole.STAFF, AccountStatus.ACTIVE, ['05315000'], 'oidc-existing');
    createdIds.push(existing.id);
    const sub = `bekannt-${Date.now()}`;
    USERS[sub] = { email: existing.email.toUpperCase(), email_verified: true, name: 'Bekannt' };
    const browser = new Browser();
    expect(await browser.signInThrough(`${appUrl}/auth/oidc/login`, sub)).toBe('/');
    const me = await new Client(appUrl, browser.sessionCookie()).graphql(ME);
    expect(me.data!.me.id).toBe(existing.id);
    const key = await shared.db.read('MATCH (a:Account {id: $id}) RETURN a.oidcKey AS key', { id: existing.id });
    expect(key.records[0]!.get('key')).toBe(`${issuer}#${sub}`);
  });

  it('does not map by an unverified e-mail: that user gets a new pending account instead of the existing one', async () => {
    const existing = await createAccount(shared.db, AccountRole.ADMIN, AccountStatus.ACTIVE, [], 'oidc-victim');
    createdIds.push(existing.id);
    const sub = `unverified-${Date.now()}`;
    USERS[sub] = { email: existing.email, email_verified: false, name: 'Mallory' };
    const browser = new Browser();
    expect(await browser.signInThrough(`${appUrl}/auth/oidc/login`, sub)).toBe('/?anmeldung=ausstehend');
    expect(browser.sessionCookie()).toBeNull();
    const victim = await shared.db.read('MATCH (a:Account {id: $id}) RETURN a.oidcKey AS key', { id: existing.id });
    expect(victim.records[0]!.get('key')).toBeNull();
    const mallory = await shared.db.read('MATCH (a:Account {oidcKey: $key}) RETURN a.status AS status, a.email AS email', { key: `${issuer}#${sub}` });
    expect(mallory.records[0]!.toObject()).toMatchObject({ status: 'PENDING', email: expect.stringMatching(/@oidc\.invalid$/) });
  });

  it('refuses a callback whose state does not match the flow (no session, no account)', async () => {
    const sub = `state-${Date.now()}`;
    USERS[sub] = { email: uniqueEmail('oidc-state'), email_verified: true, name: 'State' };
    const browser = new Browser();
    // Begin a flow but finish it with a forged state.
    const login = await fetch(`${appUrl}/auth/oidc/login`, { redirect: 'manual' });
    const flowCookie = login.headers
      .getSetCookie()
      .find((c) => c.startsWith('ka_oidc='))!
      .split(';')[0]!;
    const callback = await fetch(`${appUrl}/auth/oidc/callback?code=forged&state=forged`, { redirect: 'manual', headers: { cookie: flowCookie } });
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/?anmeldung=fehler');
    expect(callback.headers.getSetCookie().some((c) => c.startsWith('ka_session='))).toBe(false);
    const without = await fetch(`${appUrl}/auth/oidc/callback?code=x&state=y`, { redirect: 'manual' });
    expect(without.headers.get('location')).toBe('/?anmeldung=fehler');
    expect(browser.sessionCookie()).toBeNull();
  });

  it('is off when not configured: the routes do not exist', async () => {
    const response = await fetch(`${shared.url}/auth/oidc/login`, { redirect: 'manual' });
    expect(response.status).toBe(404);
  });
});
