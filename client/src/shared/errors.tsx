import type { ErrorLike } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useTranslation } from 'react-i18next';

/** The API's error code (extensions.code), or NETWORK when the API could not be reached at all. */
export function errorCode(error: ErrorLike | undefined): string | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) return (error.errors[0]?.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR';
  return 'NETWORK';
}

/** A clear, translated message for a failed request; never a stack trace. */
export function ApiErrorMessage({ error }: { error: ErrorLike }) {
  const { t } = useTranslation();
  const code = errorCode(error);
  const key = code === 'NETWORK' ? 'errors.network' : code === 'UNAVAILABLE' ? 'errors.unavailable' : code === 'BAD_USER_INPUT' ? 'errors.badInput' : code === 'NOT_FOUND' ? 'errors.notFound' : 'errors.internal';
  return (
    <div role="alert" className="alert">
      <p>{t(key)}</p>
    </div>
  );
}
