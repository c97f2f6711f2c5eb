import { createHash, randomUUID } from 'node:crypto';
import type { QueryCounter } from '../../db/database';
import { BadUserInputError, ConflictError, NotFoundError, UnauthenticatedError } from '../../shared/errors';
import { decodeCursor, pageSize, toPage, type Page } from '../../shared/pagination';
import type { ConfirmAccountInput, RegisterInput, SetAccountRoleInput, SignInInput } from './account.input';
import type { AccountLoaders, AccountRepository, AuditEntry, ThrottleKey } from './account.repository';
import { AccountRole, AccountStatus, AuditAction, type AccountRecord, type AuditEvent } from './account.type';
import type { AuthOptions } from './auth.options';
import { hashSessionId, newSessionId, type Caller, type HttpExchange } from './auth.request';
import { dummyHash, hashPassword, verifyPassword } from './password';
import { fieldLabel } from '../../shared/validation-messages';

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;
// Deliberately simple: one @, no spaces, a dot in the domain; the confirmation by the office is the real check.
const EMAIL_PATTERN = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const AGS_PATTERN = /^\d{8}$/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const digest = (text: string) => createHash('sha256').update(text).digest('hex');

export function normaliseEmail(email: string, field = 'email'): string {
  const value = email.trim().toLowerCase();
  if (value.length > 254 || !EMAIL_PATTERN.test(value)) {
    throw new BadUserInputError(
      field,
      `${fieldLabel(field, 'de')} ist keine gültige E-Mail-Adresse.`,
      `${fieldLabel(field, 'en')} is not a valid e-mail address.`,
    );
  }
  return value;
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new BadUserInputError(
      'password',
      `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`,
      `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
    );
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new BadUserInputError(
      'password',
      `Das Passwort darf höchstens ${MAX_PASSWORD_LENGTH} Zeichen lang sein.`,
      `The password must be at most ${MAX_PASSWORD_LENGTH} characters long.`,
    );
  }
}

function checkDisplayName(name: string): string {
  const value = name.trim();
  if (value.length < 1 || value.length > 100) {
    throw new BadUserInputError(
      'displayName',
      `${fieldLabel('displayName', 'de')} muss 1 bis 100 Zeichen lang sein.`,
      `${fieldLabel('displayName', 'en')} must be 1 to 100 characters long.`,
    );
  }
  return value;
}

function checkAccountId(id: string): void {
  if (!ID_PATTERN.test(id))
    throw new BadUserInputError(
      'accountId',
      `${fieldLabel('accountId', 'de')} ist keine gültige Konto-ID.`,
      `${fieldLabel('accountId', 'en')} is not a valid account id.`,
    );
}

const invalidCredentials = () =>
  new UnauthenticatedError('E-Mail-Adresse oder Passwort ist falsch.', 'E-mail address or password is wrong.', { reason: 'INVALID_CREDENTIALS' });

/** Accounts, sessions, sign-in throttling and the audit log. Authorisation by role happens before (auth.guard.ts). */
export class AccountService {
  private lastPurge = 0;

  constructor(
    private readonly repository: AccountRepository,
    readonly options: AuthOptions,
  ) {}

  private audit(action: AuditAction, http: HttpExchange, actorId: string | null, targetId: string | null, detail?: Record<string, unknown>): AuditEntry {
    return { action, actorId, targetId, address: http.address, detail: detail ? JSON.stringify(detail) : null };
  }

  /** AGS must be 8 digits and name NRW municipalities (not the neighbours across the Land border). */
  private async checkMunicipalities(ags: string[], { required }: { required: boolean }): Promise<string[]> {
    const unique = [...new Set(ags)];
    if ((required && unique.length === 0) || unique.length > 10) {
      throw new BadUserInputError(
        'municipalityAgs',
        `${fieldLabel('municipalityAgs', 'de')} muss 1 bis 10 Kommunen nennen.`,
        `${fieldLabel('municipalityAgs', 'en')} must name 1 to 10 municipalities.`,
      );
    }
    const bad = unique.find((value) => !AGS_PATTERN.test(value));
    if (bad !== undefined)
      throw new BadUserInputError(
        'municipalityAgs',
        `${fieldLabel('municipalityAgs', 'de')} enthält einen ungültigen Gemeindeschlüssel (8 Ziffern).`,
        `${fieldLabel('municipalityAgs', 'en')} contains an invalid municipality key (8 digits).`,
      );
    const found = new Set(await this.repository.nrwMunicipalities(unique));
    const missing = unique.filter((value) => !found.has(value));
    if (missing.length > 0) {
      throw new BadUserInputError('municipalityAgs', `Keine Kommune in NRW: ${missing.join(', ')}.`, `Not a municipality in NRW: ${missing.join(', ')}.`);
    }
    return unique;
  }

  // --- registration and sign-in ----------------------------------------------------------------------------

  async register(input: RegisterInput, http: HttpExchange): Promise<AccountRecord> {
    const email = normaliseEmail(input.email);
    checkPassword(input.password);
    const displayName = checkDisplayName(input.displayName);
    const municipalityAgs = await this.checkMunicipalities(input.municipalityAgs, { required: true });
    const id = randomUUID();
    const account = await this.repository.create(
      {
        id,
        email,
        displayName,
        passwordHash: await hashPassword(input.password),
        role: AccountRole.STAFF,
        status: AccountStatus.PENDING,
        confirmedBy: null,
        oidcKey: null,
        municipalityAgs,
      },
      this.audit(AuditAction.REGISTER, http, null, id, { municipalityAgs }),
    );
    if (!account)
      throw new ConflictError('Für diese E-Mail-Adresse gibt es schon ein Konto.', 'An account with this e-mail address already exists.', { field: 'email' });
    return account;
  }

  /** The first administrator, from the command line (pnpm admin:create). */
  async createAdmin(emailInput: string, displayNameInput: string, password: string, http: HttpExchange): Promise<AccountRecord> {
    const email = normaliseEmail(emailInput);
    checkPassword(password);
    const displayName = checkDisplayName(displayNameInput);
    const id = randomUUID();
    const account = await this.repository.create(
      {
        id,
        email,
        displayName,
        passwordHash: await hashPassword(password),
        role: AccountRole.ADMIN,
        status: AccountStatus.ACTIVE,
        confirmedBy: 'cli',
        oidcKey: null,
        municipalityAgs: [],
      },
      this.audit(AuditAction.ADMIN_CREATED, http, null, id, { via: 'cli' }),
    );
    if (!account)
      throw new ConflictError('Für diese E-Mail-Adresse gibt es schon ein Konto.', 'An account with this e-mail address already exists.', { field: 'email' });
    return account;
  }

  private throttleKeys(email: string, address: string | null): ThrottleKey[] {
    const keys: ThrottleKey[] = [{ key: `account:${digest(email)}`, kind: 'account', limit: this.options.maxFailuresPerAccount }];
    if (address) keys.push({ key: `address:${digest(address)}`, kind: 'address', limit: this.options.maxFailuresPerAddress });
    return keys;
  }

  /**
   * Checks the password of an ACTIVE account and starts a new session (a new id every time: rotation). Known and
   * unknown e-mails cost the same argon2 verification. Failures count per e-mail and per address: each one slows
   * the next answer, and reaching the limit locks that key for a while (audited).
   */
  async signIn(input: SignInInput, http: HttpExchange, previous: Caller | null): Promise<AccountRecord> {
    const email = normaliseEmail(input.email);
    if (input.password.length > MAX_PASSWORD_LENGTH) throw invalidCredentials();
    const keys = this.throttleKeys(email, http.address);
    const state = await this.repository.throttleState(
      keys.map((k) => k.key),
      this.options.failureWindowMs,
    );
    const lockedFor = Math.max(0, ...keys.map((k) => state.get(k.key)?.lockedFor ?? 0));
    if (lockedFor > 0) {
      throw new UnauthenticatedError(
        `Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in ${Math.ceil(lockedFor / 60)} Minuten erneut.`,
        `Too many failed sign-in attempts. Please try again in ${Math.ceil(lockedFor / 60)} minutes.`,
        { reason: 'LOCKED', retryAfterSeconds: lockedFor },
      );
    }
    const failures = Math.max(0, ...keys.map((k) => state.get(k.key)?.failures ?? 0));
    if (failures > 0) await sleep(this.options.slowdownMs * 2 ** Math.min(failures - 1, 3));

    const found = await this.repository.credentials(email);
    const ok = await verifyPassword(found?.passwordHash ?? (await dummyHash()), input.password);
    if (!found || !found.passwordHash || !ok) {
      const locked = await this.repository.recordFailure(keys, this.options.failureWindowMs, this.options.lockMs);
      const targetId = found?.account.id ?? null;
      await this.repository.audit(this.audit(AuditAction.SIGN_IN_FAILED, http, null, targetId, { email: found ? undefined : email }));
      for (const key of locked) {
        await this.repository.audit(
          this.audit(AuditAction.SIGN_IN_LOCKED, http, null, targetId, {
            kind: key.kind,
            lockSeconds: Math.round(this.options.lockMs / 1000),
            email: key.kind === 'account' ? email : undefined,
          }),
        );
      }
      throw invalidCredentials();
    }
    const { account } = found;
    if (account.status === AccountStatus.PENDING) {
      throw new UnauthenticatedError(
        'Ihr Konto ist noch nicht bestätigt. Die Geschäftsstelle IKZ prüft Ihre Registrierung; danach können Sie sich anmelden.',
        'Your account has not been confirmed yet. The IKZ office reviews your registration; you can sign in once it is confirmed.',
        { reason: 'PENDING' },
      );
    }
    if (account.status === AccountStatus.DISABLED) {
      throw new UnauthenticatedError('Dieses Konto ist gesperrt.', 'This account is disabled.', { reason: 'DISABLED' });
    }
    await this.repository.clearThrottle(keys[0]!.key);
    await this.startSession(account, http, previous, AuditAction.SIGN_IN);
    return account;
  }

  /** A fresh session for an active account; replaces the one the request came with. */
  async startSession(
    account: AccountRecord,
    http: HttpExchange,
    previous: Caller | null,
    action: AuditAction,
    detail?: Record<string, unknown>,
  ): Promise<void> {
    const id = newSessionId();
    const previousHash = previous?.sessionHash ?? (http.sessionId ? hashSessionId(http.sessionId) : null);
    const expiresAt = await this.repository.createSession(
      account.id,
      hashSessionId(id),
      previousHash,
      this.options.sessionAbsoluteMs,
      this.audit(action, http, account.id, account.id, detail),
    );
    if (!expiresAt) throw invalidCredentials();
    http.setSessionCookie(id, new Date(expiresAt));
  }

  /** The caller of a request: a valid session of an active account, or null. Never throws for a bad cookie. */
  async resolveCaller(http: HttpExchange): Promise<Caller | null> {
    if (!http.sessionId) return null;
    const sessionHash = hashSessionId(http.sessionId);
    const found = await this.repository.resolveSession(sessionHash, this.options.sessionIdleMs, this.options.sessionTouchMs);
    if (!found) return null;
    if (found.stale) await this.repository.touchSession(sessionHash);
    if (Date.now() - this.lastPurge > 60 * 60 * 1000) {
      this.lastPurge = Date.now();
      void this.repository.purgeExpiredSessions(this.options.sessionIdleMs).catch(() => undefined);
    }
    return { account: found.account, sessionHash };
  }

  async signOut(caller: Caller, http: HttpExchange): Promise<number> {
    const ended = await this.repository.deleteSession(caller.sessionHash, this.audit(AuditAction.SIGN_OUT, http, caller.account.id, caller.account.id));
    http.clearSessionCookie();
    return ended;
  }

  async signOutEverywhere(caller: Caller, http: HttpExchange): Promise<number> {
    const audit = this.audit(AuditAction.SIGN_OUT_EVERYWHERE, http, caller.account.id, caller.account.id);
    const ended = await this.repository.deleteAccountSessions(caller.account.id, audit);
    http.clearSessionCookie();
    return ended;
  }

  // --- account management (roles checked by @Authorized before these run) -------------------------------------

  async confirm(caller: Caller, input: ConfirmAccountInput, http: HttpExchange): Promise<AccountRecord> {
    checkAccountId(input.accountId);
    const municipalityAgs = input.municipalityAgs ? await this.checkMunicipalities(input.municipalityAgs, { required: true }) : null;
    const confirmed = await this.repository.confirm(
      input.accountId,
      caller.account.id,
      municipalityAgs,
      this.audit(AuditAction.CONFIRM, http, caller.account.id, input.accountId, municipalityAgs ? { municipalityAgs } : undefined),
    );
    if (confirmed) return confirmed;
    const existing = await this.repository.byId(input.accountId);
    if (!existing) throw new NotFoundError('account', input.accountId);
    throw new ConflictError('Das Konto ist nicht mehr ausstehend.', 'The account is no longer pending.', { status: existing.status });
  }

  async setRole(caller: Caller, input: SetAccountRoleInput, http: HttpExchange): Promise<AccountRecord> {
    checkAccountId(input.accountId);
    const result = await this.repository.setRole(input.accountId, input.role, this.audit(AuditAction.ROLE_CHANGE, http, caller.account.id, input.accountId));
    if (!result) throw new NotFoundError('account', input.accountId);
    if (result.lastAdmin) throw lastAdminError();
    return result.account;
  }

  async disable(caller: Caller, accountId: string, http: HttpExchange): Promise<AccountRecord> {
    checkAccountId(accountId);
    const result = await this.repository.disable(accountId, this.audit(AuditAction.DISABLE, http, caller.account.id, accountId));
    if (!result) throw new NotFoundError('account', accountId);
    if (result.lastAdmin) throw lastAdminError();
    if (result.already) throw new ConflictError('Das Konto ist bereits gesperrt.', 'The account is already disabled.');
    return result.account;
  }

  async list(status: AccountStatus | undefined, first: number | undefined, after: string | undefined, counter: QueryCounter): Promise<Page<AccountRecord>> {
    const limit = pageSize(first);
    const skip = decodeCursor(after);
    const { total, page } = await this.repository.list(status ?? null, skip, limit, counter);
    return toPage(page, skip, limit, total);
  }

  async auditLog(first: number | undefined, after: string | undefined, counter: QueryCounter): Promise<Page<AuditEvent>> {
    const limit = pageSize(first);
    const skip = decodeCursor(after);
    const { total, page } = await this.repository.auditLog(skip, limit, counter);
    return toPage(page, skip, limit, total);
  }

  loaders(counter: QueryCounter): AccountLoaders {
    return this.repository.loaders(counter);
  }

  // --- OpenID Connect ---------------------------------------------------------------------------------------

  /**
   * Maps a provider's user to an account: by issuer + subject, else by a verified e-mail (and links it), else a new
   * PENDING staff account without municipalities for the office to confirm.
   */
  async accountForOidcUser(
    issuer: string,
    claims: { sub: string; email?: string | undefined; emailVerified: boolean; name?: string | undefined },
    http: HttpExchange,
  ): Promise<AccountRecord> {
    const oidcKey = `${issuer}#${claims.sub}`;
    const email = claims.email && claims.emailVerified ? claims.email.trim().toLowerCase() : null;
    const found = await this.repository.byOidc(oidcKey, email);
    if (found.subjectId) return (await this.repository.byId(found.subjectId))!;
    if (found.emailId && !found.emailOidcKey) {
      await this.repository.linkOidc(found.emailId, oidcKey, this.audit(AuditAction.OIDC_ACCOUNT_LINKED, http, found.emailId, found.emailId, { issuer }));
      return (await this.repository.byId(found.emailId))!;
    }
    const id = randomUUID();
    // Without a verified, unused e-mail the account gets a placeholder address the office can see as such.
    const accountEmail = email && !found.emailId ? email : `${digest(oidcKey).slice(0, 24)}@oidc.invalid`;
    const created = await this.repository.create(
      {
        id,
        email: accountEmail,
        displayName: (claims.name ?? '').trim().slice(0, 100) || accountEmail,
        passwordHash: null,
        role: AccountRole.STAFF,
        status: AccountStatus.PENDING,
        confirmedBy: null,
        oidcKey,
        municipalityAgs: [],
      },
      this.audit(AuditAction.OIDC_ACCOUNT_CREATED, http, null, id, { issuer }),
    );
    if (created) return created;
    // Lost a race with a parallel first sign-in of the same user: that one created it.
    const again = await this.repository.byOidc(oidcKey, null);
    if (again.subjectId) return (await this.repository.byId(again.subjectId))!;
    throw new ConflictError('Das Konto konnte nicht angelegt werden.', 'The account could not be created.');
  }
}

function lastAdminError(): ConflictError {
  return new ConflictError('Das letzte aktive Administrationskonto kann nicht entfernt werden.', 'The last active administrator cannot be removed.');
}
