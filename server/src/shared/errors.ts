import { GraphQLError } from 'graphql';

/** Codes the client can rely on (extensions.code). */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'CONFLICT' | 'UNAVAILABLE' | 'INTERNAL_SERVER_ERROR';

/**
 * Base of the errors the API shows to clients. Messages are bilingual (German first) because the client
 * may display them directly; they name the field but never echo the whole input.
 */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, messageDe: string, messageEn: string, extra: Record<string, unknown> = {}) {
    super(`${messageDe} / ${messageEn}`, { extensions: { code, messageDe, messageEn, ...extra } });
  }
}

export class BadUserInputError extends AppError {
  constructor(field: string, messageDe: string, messageEn: string) {
    super('BAD_USER_INPUT', messageDe, messageEn, { field });
  }
}

/** What a NOT_FOUND names, in each language (never both in one message: the client shows one of them). */
const RECORD_KINDS = {
  municipality: { de: 'Die Kommune mit dem Gemeindeschlüssel', en: 'The municipality with the key' },
  taskArea: { de: 'Das Aufgabenfeld', en: 'The task area' },
  cooperation: { de: 'Die Kooperation', en: 'The cooperation' },
  contribution: { de: 'Die Meldung', en: 'The contribution' },
  account: { de: 'Das Konto', en: 'The account' },
} as const;
export type RecordKind = keyof typeof RECORD_KINDS;

export class NotFoundError extends AppError {
  /**
   * `kind` names the record; an older call's "Kommune / Municipality" pair is split, so that each message is in one
   * language all the same.
   */
  constructor(kind: RecordKind | `${string} / ${string}`, key: string) {
    const known = Object.hasOwn(RECORD_KINDS, kind) ? RECORD_KINDS[kind as RecordKind] : null;
    const [de, en] = known ? [known.de, known.en] : (kind.split(' / ') as [string, string]);
    super('NOT_FOUND', `${de} „${key}“ gibt es nicht.`, `${en} "${key}" does not exist.`, { kind: known ? kind : en.toLowerCase(), key });
  }
}

export class UnavailableError extends AppError {
  constructor() {
    super(
      'UNAVAILABLE',
      'Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
      'The database is currently unavailable. Please try again shortly.',
    );
  }
}

/** The request has no (valid) session, or a sign-in failed. */
export class UnauthenticatedError extends AppError {
  constructor(messageDe = 'Bitte melden Sie sich an.', messageEn = 'Please sign in.', extra: Record<string, unknown> = {}) {
    super('UNAUTHENTICATED', messageDe, messageEn, extra);
  }
}

/** Signed in, but the role or the data (e.g. another municipality) does not allow it. */
export class ForbiddenError extends AppError {
  constructor(messageDe = 'Dafür fehlt Ihnen die Berechtigung.', messageEn = 'You are not allowed to do this.', extra: Record<string, unknown> = {}) {
    super('FORBIDDEN', messageDe, messageEn, extra);
  }
}

/** The request contradicts the current state (an e-mail already registered, the last administrator, …). */
export class ConflictError extends AppError {
  constructor(messageDe: string, messageEn: string, extra: Record<string, unknown> = {}) {
    super('CONFLICT', messageDe, messageEn, extra);
  }
}

/**
 * Codes that the HTTP layer and Apollo answer with before any resolver runs (a body that is not JSON, a request
 * over a limit, a query that does not parse or validate).
 */
export type ProtocolErrorCode =
  | 'BAD_REQUEST'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'OPERATION_RESOLUTION_FAILURE'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'REQUEST_TIMEOUT'
  | 'TOO_MANY_REQUESTS';

/**
 * The one table of error codes and their HTTP status. It decides the status of every non-GraphQL response (exports,
 * health, 404s, rate limits, bad bodies) and of a GraphQL request rejected before execution; errors raised while a
 * GraphQL operation executes keep HTTP 200 with `extensions.code`, as GraphQL over HTTP has it. Every code here
 * except INTERNAL_SERVER_ERROR reaches the client with its message; anything else is masked (see edge/format-error.ts).
 */
export const ERROR_STATUS: Readonly<Record<ErrorCode | ProtocolErrorCode, number>> = {
  BAD_REQUEST: 400,
  BAD_USER_INPUT: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  PERSISTED_QUERY_NOT_SUPPORTED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  UNAVAILABLE: 503,
};

export type KnownErrorCode = keyof typeof ERROR_STATUS;

export const isKnownErrorCode = (code: unknown): code is KnownErrorCode => typeof code === 'string' && Object.hasOwn(ERROR_STATUS, code);

/** HTTP status of a code; an unknown code is an internal error. */
export const httpStatusOf = (code: unknown): number => (isKnownErrorCode(code) ? ERROR_STATUS[code] : 500);

/** Codes whose message the client may see (everything in the table but INTERNAL_SERVER_ERROR). */
export const isClientVisibleCode = (code: unknown): code is KnownErrorCode => isKnownErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR';
