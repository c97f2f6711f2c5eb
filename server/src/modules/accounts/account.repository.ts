import { Neo4jError } from 'neo4j-driver';
import type { Database, QueryCounter } from '../../db/database';
import { keyedLoader } from '../../db/loader';
import type { AccountRecord, AccountRole, AccountStatus, AuditAction, AuditEvent } from './account.type';
import * as Q from './account.queries';

/** What every audited write carries besides its own parameters. */
export interface AuditEntry {
  action: AuditAction;
  actorId: string | null;
  targetId: string | null;
  address: string | null;
  detail: string | null;
}

export interface NewAccount {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string | null;
  role: AccountRole;
  status: AccountStatus;
  confirmedBy: string | null;
  oidcKey: string | null;
  municipalityAgs: string[];
}

export interface ThrottleKey {
  key: string;
  kind: 'account' | 'address';
  limit: number;
}

function isConstraintViolation(error: unknown): boolean {
  return error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed';
}

export class AccountRepository {
  constructor(private readonly db: Database) {}

  async nrwMunicipalities(ags: string[]): Promise<string[]> {
    const result = await this.db.read(Q.NRW_MUNICIPALITIES, { ags });
    return result.records[0]!.get('found') as string[];
  }

  /** Null when the e-mail (or the provider's subject) is taken. */
  async create(account: NewAccount, audit: AuditEntry): Promise<AccountRecord | null> {
    try {
      const result = await this.db.write(Q.CREATE_ACCOUNT, { ...account, audit });
      return (result.records[0]?.get('account') as AccountRecord | undefined) ?? null;
    } catch (error) {
      if (isConstraintViolation(error)) return null;
      throw error;
    }
  }

  async byId(id: string, counter?: QueryCounter): Promise<AccountRecord | null> {
    const result = await this.db.read(Q.ACCOUNT_BY_ID, { id }, counter);
    return (result.records[0]?.get('account') as AccountRecord | undefined) ?? null;
  }

  async credentials(email: string): Promise<{ account: AccountRecord; passwordHash: string | null } | null> {
    const result = await this.db.read(Q.CREDENTIALS_BY_EMAIL, { email });
    const row = result.records[0];
    return row ? { account: row.get('account') as AccountRecord, passwordHash: row.get('passwordHash') as string | null } : null;
  }

  async byOidc(oidcKey: string, email: string | null): Promise<{ subjectId: string | null; emailId: string | null; emailOidcKey: string | null }> {
    const result = await this.db.read(Q.ACCOUNT_BY_OIDC, { oidcKey, email });
    const row = result.records[0]!;
    return {
      subjectId: row.get('subjectId') as string | null,
      emailId: row.get('emailId') as string | null,
      emailOidcKey: row.get('emailOidcKey') as string | null,
    };
  }

  async linkOidc(id: string, oidcKey: string, audit: AuditEntry): Promise<boolean> {
    const result = await this.db.write(Q.LINK_OIDC, { id, oidcKey, audit });
    return result.records.length > 0;
  }

  async list(status: AccountStatus | null, skip: number, limit: number, counter?: QueryCounter): Promise<{ total: number; page: AccountRecord[] }> {
    const [count, page] = await Promise.all([
      this.db.read(Q.COUNT_ACCOUNTS, { status }, counter),
      this.db.read(Q.LIST_ACCOUNTS, { status, skip, limit }, counter),
    ]);
    return { total: count.records[0]!.get('total') as number, page: page.records.map((r) => r.get('account') as AccountRecord) };
  }

  async confirm(id: string, actorId: string, municipalityAgs: string[] | null, audit: AuditEntry): Promise<AccountRecord | null> {
    const result = await this.db.write(Q.CONFIRM_ACCOUNT, { id, actorId, municipalityAgs, audit });
    return (result.records[0]?.get('account') as AccountRecord | undefined) ?? null;
  }

  async setRole(id: string, role: AccountRole, audit: AuditEntry): Promise<{ lastAdmin: boolean; account: AccountRecord } | null> {
    const result = await this.db.write(Q.SET_ROLE, { id, role, audit });
    const row = result.records[0];
    return row ? { lastAdmin: row.get('lastAdmin') as boolean, account: row.get('account') as AccountRecord } : null;
  }

  async disable(id: string, audit: AuditEntry): Promise<{ lastAdmin: boolean; already: boolean; account: AccountRecord } | null> {
    const result = await this.db.write(Q.DISABLE_ACCOUNT, { id, audit });
    const row = result.records[0];
    return row ? { lastAdmin: row.get('lastAdmin') as boolean, already: row.get('already') as boolean, account: row.get('account') as AccountRecord } : null;
  }

  async activeAdminCount(): Promise<number> {
    const result = await this.db.read(Q.ACTIVE_ADMIN_COUNT);
    return result.records[0]!.get('n') as number;
  }

  // sessions

  async createSession(accountId: string, idHash: string, previousHash: string | null, absoluteMs: number, audit: AuditEntry): Promise<string | null> {
    const result = await this.db.write(Q.CREATE_SESSION, { accountId, idHash, previousHash, absoluteMs, audit });
    return (result.records[0]?.get('expiresAt') as string | undefined) ?? null;
  }

  async resolveSession(idHash: string, idleMs: number, touchMs: number): Promise<{ account: AccountRecord; stale: boolean } | null> {
    const result = await this.db.read(Q.RESOLVE_SESSION, { idHash, idleMs, touchMs });
    const row = result.records[0];
    return row ? { account: row.get('account') as AccountRecord, stale: row.get('stale') as boolean } : null;
  }

  async touchSession(idHash: string): Promise<void> {
    await this.db.write(Q.TOUCH_SESSION, { idHash });
  }

  async deleteSession(idHash: string, audit: AuditEntry): Promise<number> {
    const result = await this.db.write(Q.DELETE_SESSION, { idHash, audit });
    return result.records[0]!.get('ended') as number;
  }

  async deleteAccountSessions(accountId: string, audit: AuditEntry): Promise<number> {
    const result = await this.db.write(Q.DELETE_ACCOUNT_SESSIONS, { accountId, audit });
    return result.records[0]!.get('ended') as number;
  }

  async purgeExpiredSessions(idleMs: number): Promise<void> {
    await this.db.write(Q.PURGE_EXPIRED_SESSIONS, { idleMs });
  }

  // throttling

  async throttleState(keys: string[], windowMs: number): Promise<Map<string, { failures: number; lockedFor: number }>> {
    const result = await this.db.read(Q.THROTTLE_STATE, { keys, windowMs });
    return new Map(result.records.map((r) => [r.get('key') as string, { failures: r.get('failures') as number, lockedFor: r.get('lockedFor') as number }]));
  }

  async recordFailure(keys: ThrottleKey[], windowMs: number, lockMs: number): Promise<ThrottleKey[]> {
    const result = await this.db.write(Q.RECORD_FAILURE, { keys, windowMs, lockMs });
    const locked = new Set(result.records.filter((r) => r.get('lockNow') as boolean).map((r) => r.get('key') as string));
    return keys.filter((k) => locked.has(k.key));
  }

  async clearThrottle(key: string): Promise<void> {
    await this.db.write(Q.CLEAR_THROTTLE, { key });
  }

  // audit

  async audit(entry: AuditEntry): Promise<void> {
    await this.db.write(`${Q.APPEND_AUDIT}`, { audit: entry });
  }

  async auditLog(skip: number, limit: number, counter?: QueryCounter): Promise<{ total: number; page: AuditEvent[] }> {
    const [count, page] = await Promise.all([this.db.read(Q.COUNT_AUDIT, {}, counter), this.db.read(Q.LIST_AUDIT, { skip, limit }, counter)]);
    return { total: count.records[0]!.get('total') as number, page: page.records.map((r) => r.get('event') as AuditEvent) };
  }

  loaders(counter: QueryCounter) {
    return { staffOfMunicipality: keyedLoader<AccountRecord[]>(this.db, Q.STAFF_OF_MUNICIPALITY, counter, []) };
  }
}

export type AccountLoaders = ReturnType<AccountRepository['loaders']>;
