import type { ErrorLike } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useTranslation } from 'react-i18next';

/** The API's error code (extensions.code), or NETWORK when the API could not be reached at all. */
export function errorCode(error: ErrorLike | undefined): string | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) return (error.errors[0]?.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR';
  return 'NETWORK';
}

/** The API's own explanation of a rejected input or a missing record, in the UI language, if it gave one. */
function detail(error: ErrorLike, language: string): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const extensions = error.errors[0]?.extensions;
  const message = language === 'en' ? extensions?.messageEn : extensions?.messageDe;
  return typeof message === 'string' ? message : null;
}

/** A clear, translated message for a failed request; never a stack trace. */
export function ApiErrorMessage({ error }: { error: ErrorLike }) {
  const { t, i18n } = useTranslation();
  const code = errorCode(error);
  const key = code === 'NETWORK' ? 'errors.network' : code === 'UNAVAILABLE' ? 'errors.unavailable' : code === 'BAD_USER_INPUT' ? 'errors.badInput' : code === 'NOT_FOUND' ? 'errors.notFound' : 'errors.internal';
  const explanation = code === 'BAD_USER_INPUT' || code === 'NOT_FOUND' ? detail(error, i18n.language) : null;
  return (
    <div role="alert" className="alert">
      <p>{t(key)}</p>
      {explanation && <p>{explanation}</p>}
    </div>
  );
}
