import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Link } from '../i18n/links';
import { isAdmin, isOffice, useSession, type Me } from './session';

/**
 * Shows its children only to a signed-in account of the given kind; everyone else gets a sentence and, when
 * anonymous, the way to sign in (back to this page afterwards). The API checks again: this only spares a refusal.
 */
export function RequireRole({ role, children }: { role: 'ANY' | 'OFFICE' | 'ADMIN'; children: (me: Me) => ReactNode }) {
  const { t } = useTranslation();
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <p role="status">{t('common.loading')}</p>;
  if (!me) {
    return (
      <p className="notice" role="status">
        {t('account.signInFirst')} <Link to={`/anmelden?weiter=${encodeURIComponent(location.pathname + location.search)}`}>{t('account.signIn')}</Link>
      </p>
    );
  }
  if ((role === 'OFFICE' && !isOffice(me)) || (role === 'ADMIN' && !isAdmin(me))) {
    return (
      <p className="notice" role="status">
        {role === 'ADMIN' ? t('account.notAllowedAdmin') : t('account.notAllowed')}
      </p>
    );
  }
  return <>{children(me)}</>;
}
