import type { ErrorLike } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useTranslation } from 'react-i18next';

/** The API's error code (extensions.code), or NETWORK when the API could not be reached at all. */
export function errorCode(error: ErrorLike | undefined): string | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) return (error.errors[0]?.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR';
  return 'NETWORK';
}

/** The first error's extensions (code, messageDe/messageEn, reason, current, …), or an empty object. */
export function errorExtensions(error: ErrorLike | undefined): Record<string, unknown> {
  if (!error || !CombinedGraphQLErrors.is(error)) return {};
  return error.errors[0]?.extensions ?? {};
}

/** The API's own explanation of a rejected input or a missing record, in the UI language, if it gave one. */
export function detail(error: ErrorLike, language: string): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const extensions = error.errors[0]?.extensions;
  const message = language === 'en' ? extensions?.messageEn : extensions?.messageDe;
  return typeof message === 'string' ? message : null;
}

/** Translation keys of the lead sentence per error code. */
const KEYS: Record<string, string> = {
  NETWORK: 'errors.network',
  UNAVAILABLE: 'errors.unavailable',
  BAD_USER_INPUT: 'errors.badInput',
  NOT_FOUND: 'errors.notFound',
  UNAUTHENTICATED: 'writeErrors.unauthenticated',
  FORBIDDEN: 'writeErrors.forbidden',
  CONFLICT: 'writeErrors.conflict',
};
const REASONS = ['INVALID_CREDENTIALS', 'PENDING', 'DISABLED', 'LOCKED'];

/**
 * A clear, translated message for a failed request; never a stack trace. The server's own errors carry a German and
 * an English explanation; only the one in the UI language is shown. `kept` adds that a form's input is still there.
 */
export function ApiErrorMessage({ error, kept = false }: { error: ErrorLike; kept?: boolean }) {
  const { t, i18n } = useTranslation();
  const code = errorCode(error) ?? 'INTERNAL_SERVER_ERROR';
  const reason = errorExtensions(error).reason;
  // A refused sign-in says why in the client's own words (the server's wording names both e-mail and password).
  const lead =
    code === 'UNAUTHENTICATED' && typeof reason === 'string' && REASONS.includes(reason) ? t(`account.reasons.${reason}`) : t(KEYS[code] ?? 'errors.internal');
  const explanation =
    code in KEYS && code !== 'NETWORK' && code !== 'UNAVAILABLE' && !(code === 'UNAUTHENTICATED' && reason) ? detail(error, i18n.language) : null;
  return (
    <div role="alert" className="alert">
      <p>{lead}</p>
      {explanation && explanation !== lead && <p>{explanation}</p>}
      {kept && <p>{t('writeErrors.kept')}</p>}
    </div>
  );
}
