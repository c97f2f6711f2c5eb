import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the library's defaults (19 MiB, t=2, p=1: OWASP's minimum recommendation). The algorithm is the
 * library's default; its `Algorithm` is a const enum that isolatedModules cannot read, and password.test.ts pins
 * the `$argon2id$` prefix instead.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * For an unknown e-mail (or an account without a password) the service still verifies against this hash, so the
 * answer takes as long as for a known one and does not tell which e-mails have accounts.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('kein-konto-vorhanden-dummy-passwort');
  return dummy;
}
