import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';

/** One error boundary per route: a failing page never blanks the whole app. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <div role="alert">
      <h1>{notFound ? t('error.notFound') : t('error.title')}</h1>
      <p>
        <Link to="/">{t('error.back')}</Link>
      </p>
    </div>
  );
}
