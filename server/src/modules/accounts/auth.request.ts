import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { SESSION_COOKIE } from './auth.options';
import type { AccountRecord } from './account.type';

/** The signed-in account of a request, or null for anonymous requests. */
export interface Caller {
  account: AccountRecord;
  /** SHA-256 of the session id the request came with. */
  sessionHash: string;
}

/** What the accounts module needs from the HTTP exchange; built once per request, no express types beyond here. */
export interface HttpExchange {
  address: string | null;
  /** The session id from the cookie, unverified. */
  sessionId: string | null;
  setSessionCookie(id: string, expiresAt: Date): void;
  clearSessionCookie(): void;
}

export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** One cookie by name from the Cookie header (no cookie-parser needed for one value). */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Session ids are 43 characters of base64url; anything else is not even looked up. */
const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function httpExchange(req: Request, res: Response): HttpExchange {
  const raw = readCookie(req.headers.cookie, SESSION_COOKIE);
  // req.secure honours the `trust proxy` setting (X-Forwarded-Proto behind a TLS-terminating proxy).
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: req.secure, path: '/' };
  return {
    address: req.ip ?? req.socket.remoteAddress ?? null,
    sessionId: raw && SESSION_ID_PATTERN.test(raw) ? raw : null,
    setSessionCookie(id, expiresAt) {
      res.cookie(SESSION_COOKIE, id, { ...cookieOptions, expires: expiresAt });
    },
    clearSessionCookie() {
      res.clearCookie(SESSION_COOKIE, cookieOptions);
    },
  };
}

/** For code that runs outside HTTP (the CLI, tests of services). */
export const NO_HTTP: HttpExchange = { address: null, sessionId: null, setSessionCookie: () => undefined, clearSessionCookie: () => undefined };
