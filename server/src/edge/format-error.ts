import type { GraphQLFormattedError } from 'graphql';
import { AppError, isClientVisibleCode } from '../shared/errors';
import { englishValidationMessage, germanValidationMessage } from '../shared/validation-messages';
import { boundedError, currentRequest, type Logger } from './logger';

/** Longest message a GraphQL error carries to the client. */
const MAX_MESSAGE = 400;

/**
 * graphql-js echoes parts of the request in its messages: names (bounded by the grammar, harmless) but also values
 * ('Variable "$x" got invalid value "…"', 'Expected value of type "Int", found "…"'). Long quoted values are cut, so
 * an error never sends a request's payload back; in production the suggestions ("Did you mean the enum value …")
 * go too, they would list the schema to someone guessing at it.
 */
export function sanitizeMessage(message: string, production: boolean): string {
  let text = message.replace(/ got invalid value (.+?); /s, ' got an invalid value; ');
  text = text.replace(/"((?:[^"\\]|\\.){40,})"/g, (_match, inner: string) => `"${inner.slice(0, 20)}…"`);
  if (production) text = text.replace(/\s*Did you mean[^]*$/, '');
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

interface ValidationProblem {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationProblem[];
}

/** Each failed field with its rules in both languages, by the names a person knows (fields keep the API path). */
function flattenValidation(problems: ValidationProblem[], prefix = ''): Array<{ field: string; problems: string[]; problemsDe: string[] }> {
  return problems.flatMap((p) => {
    const field = prefix ? `${prefix}.${p.property}` : p.property;
    const rules = Object.entries(p.constraints ?? {});
    const own =
      rules.length > 0
        ? [
            {
              field,
              problems: rules.map(([rule, message]) => englishValidationMessage(field, rule, message)),
              problemsDe: rules.map(([rule, message]) => germanValidationMessage(field, rule, message)),
            },
          ]
        : [];
    return [...own, ...flattenValidation(p.children ?? [], field)];
  });
}

/**
 * Known errors keep their message and code; anything else is logged here (with the request id) and masked, so
 * internals (Cypher, stack traces, driver messages) never reach a client.
 */
export function formatError(logger: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    const original = (error as { originalError?: unknown } | null)?.originalError;
    // type-graphql reports class-validator failures with extensions.validationErrors; name the fields (nested
    // ones as weights.proximity) and their rules, never the values.
    const validationErrors = (formatted.extensions?.validationErrors ??
      (original as { extensions?: { validationErrors?: unknown } } | undefined)?.extensions?.validationErrors) as ValidationProblem[] | undefined;
    const record = currentRequest();
    if (Array.isArray(validationErrors)) {
      const details = flattenValidation(validationErrors);
      const messageDe = `Ungültige Eingabe: ${details.flatMap((d) => d.problemsDe).join(' ')}`;
      const messageEn = `Invalid input: ${details.flatMap((d) => d.problems).join(' ')}`;
      if (record) record.errorCode ??= 'BAD_USER_INPUT';
      return { message: `${messageDe} / ${messageEn}`, path: formatted.path, extensions: { code: 'BAD_USER_INPUT', messageDe, messageEn, fields: details } };
    }
    if (isClientVisibleCode(code)) {
      if (record) record.errorCode ??= code;
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      // Our own errors are written for the client; graphql-js's and Apollo's may echo the request.
      const ours = error instanceof AppError || original instanceof AppError;
      return { ...formatted, message: ours ? formatted.message : sanitizeMessage(formatted.message, production), extensions };
    }
    if (record) record.errorCode = 'INTERNAL_SERVER_ERROR';
    (record?.log ?? logger).error({ err: boundedError(original ?? error), path: formatted.path?.join('.') }, 'internal error');
    return { message: 'Interner Fehler / Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
