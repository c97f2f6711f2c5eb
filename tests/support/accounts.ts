import { randomUUID } from 'node:crypto';
import { AccountRepository } from '@ka/server/src/modules/accounts/account.repository';
import { AccountRole, AccountStatus, AuditAction } from '@ka/server/src/modules/accounts/account.type';
import { hashPassword } from '@ka/server/src/modules/accounts/password';
import type { Database } from '@ka/server/src/db/database';
import type { GraphQLResponse } from './app';

export const PASSWORD = 'ein-sehr-langes-testpasswort';

/** A GraphQL caller with its own cookie (one browser). */
export class Client {
  cookie: string | null = null;
  lastSetCookie: string | null = null;
  constructor(
    readonly url: string,
    cookie: string | null = null,
  ) {
    this.cookie = cookie;
  }

  async graphql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      this.lastSetCookie = setCookie;
      const [pair] = setCookie.split(';');
      const value = pair!.slice(pair!.indexOf('=') + 1);
      this.cookie = value === '' || /Expires=Thu, 01 Jan 1970/i.test(setCookie) ? null : pair!;
    }
    return (await response.json()) as GraphQLResponse<T>;
  }
}

export const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { account { id email role status municipalityAgs } } }`;
export const ME = `query Me { me { id email role status municipalityAgs displayName } }`;

/** Unique e-mails per test run, so the shared database never sees a clash with the real data or other files. */
export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@test.kooperationsatlas.invalid`;
}

/** Creates an account directly in the database (as the office would have confirmed it) and returns its id. */
export async function createAccount(
  db: Database,
  role: AccountRole,
  status: AccountStatus,
  municipalityAgs: string[],
  label = role.toLowerCase(),
): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  const email = uniqueEmail(label);
  await new AccountRepository(db).create(
    {
      id,
      email,
      displayName: `Test ${label}`,
      passwordHash: await hashPassword(PASSWORD),
      role,
      status,
      confirmedBy: status === AccountStatus.ACTIVE ? 'test' : null,
      oidcKey: null,
      municipalityAgs,
    },
    { action: AuditAction.REGISTER, actorId: null, targetId: id, address: null, detail: '{"via":"test"}' },
  );
  return { id, email };
}

export async function signedIn(url: string, email: string): Promise<Client> {
  const client = new Client(url);
  const { errors } = await client.graphql(SIGN_IN, { input: { email, password: PASSWORD } });
  if (errors) throw new Error(`sign-in of ${email} failed: ${errors[0]!.message}`);
  return client;
}

/** Counts and the properties a refused operation must leave as they were. */
export async function snapshot(db: Database, accountIds: string[]): Promise<unknown> {
  const result = await db.read(
    `CALL { MATCH (a:Account) RETURN count(a) AS accounts }
     CALL { MATCH (s:Session) RETURN count(s) AS sessions }
     CALL { MATCH (e:AuditEvent) RETURN count(e) AS audit }
     CALL { MATCH (w:Account)-[:WORKS_FOR]->() RETURN count(w) AS worksFor }
     CALL { UNWIND $ids AS id MATCH (a:Account {id: id}) RETURN collect([a.id, a.role, a.status, a.confirmedAt IS NULL, a.displayName, a.email]) AS props }
     RETURN accounts, sessions, audit, worksFor, props`,
    { ids: accountIds },
  );
  return result.records[0]!.toObject();
}

/** Removes the sessions and throttle entries of the given accounts / keys (accounts and audit events stay). */
export async function removeSessions(db: Database, accountIds: string[]): Promise<void> {
  await db.write('MATCH (s:Session) WHERE s.accountId IN $ids DETACH DELETE s', { ids: accountIds });
}

export async function accountIdsByEmail(db: Database, emails: string[]): Promise<string[]> {
  const result = await db.read('MATCH (a:Account) WHERE a.email IN $emails RETURN collect(a.id) AS ids', { emails });
  return result.records[0]!.get('ids') as string[];
}
