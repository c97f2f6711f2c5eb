import type { ErrorLike } from '@apollo/client';
import { detail, errorCode, errorExtensions } from '../../../shared/errors';

/**
 * The API's message for one input field (BAD_USER_INPUT names it in `extensions.field`), in the UI language; null
 * when the error is about another field or not about input. `fields` are the names the form shows at its fields.
 */
export function fieldError(error: ErrorLike | undefined, field: string, language: string): string | null {
  if (!error || errorCode(error) !== 'BAD_USER_INPUT') return null;
  return errorExtensions(error).field === field ? detail(error, language) : null;
}

/** Whether the error names one of the form's own fields (then it is shown there, not only above the form). */
export function isFieldError(error: ErrorLike | undefined, fields: readonly string[]): boolean {
  if (!error || errorCode(error) !== 'BAD_USER_INPUT') return false;
  const field = errorExtensions(error).field;
  return typeof field === 'string' && fields.includes(field);
}
