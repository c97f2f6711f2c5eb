import { GraphQLError } from 'graphql';

/** Codes the client can rely on (extensions.code). */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAVAILABLE' | 'INTERNAL_SERVER_ERROR';

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

export class NotFoundError extends AppError {
  constructor(what: string, key: string) {
    super('NOT_FOUND', `${what} „${key}“ wurde nicht gefunden.`, `${what} "${key}" was not found.`);
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
