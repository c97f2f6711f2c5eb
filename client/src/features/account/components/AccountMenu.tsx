import { useApolloClient, useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isAdmin, isOffice, useSession } from '../../../shared/account/session';
import { Link } from '../../../shared/i18n/links';
import { SignOutMutation } from '../api/account';
import { resetSession } from '../../../shared/account/cache';
import { InboxLink } from '../../../shared/inbox/InboxLink';

const OIDC_OUTCOMES: Record<string, string> = { ausstehend: 'account.oidcPending', gesperrt: 'account.oidcDisabled', fehler: 'account.oidcFailed' };

/** The header's account area: "Anmelden", or who is signed in (name, role) with their pages and "Abmelden". */
export function AccountMenu() {
  const { t } = useTranslation();
  const { me, loading } = useSession();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [signOut, { loading: signingOut }] = useMutation(SignOutMutation);
  // The identity provider's flow ends with a redirect to /?anmeldung=…, said here whatever page it lands on.
  const outcome = OIDC_OUTCOMES[params.get('anmeldung') ?? ''];

  if (loading) return null;
  return (
    <div className="account-menu">
      {outcome && (
        <p className="account-outcome" role="status">
          {t(outcome)}
        </p>
      )}
      {me ? (
        <ul aria-label={t('account.menuLabel')}>
          <li>
            <Link to="/konto" data-testid="signed-in-as">
              <span className="sr-only">{t('account.signedInAs', { name: me.displayName, role: t(`account.role.${me.role}`) })}</span>
              <span aria-hidden="true">
                {me.displayName} <span className="account-role">({t(`account.role.${me.role}`)})</span>
              </span>
            </Link>
          </li>
          <li>
            <InboxLink />
          </li>
          {isOffice(me) && (
            <li>
              <Link to="/geschaeftsstelle">{t('account.worklist')}</Link>
            </li>
          )}
          {isOffice(me) && (
            <li>
              <Link to="/konten">{t('account.admin')}</Link>
            </li>
          )}
          {isAdmin(me) && (
            <li>
              <Link to="/protokoll">{t('account.auditLog')}</Link>
            </li>
          )}
          <li>
            <button
              type="button"
              className="link-button"
              disabled={signingOut}
              onClick={async () => {
                try {
                  await signOut();
                } catch {
                  // Signed out already (expired session) or the API is away: the cookie is the server's to end.
                }
                // Off the page first (it may show what only the signed-in may see), then forget what was cached.
                await navigate('/');
                await resetSession(client);
              }}
            >
              {t('account.signOut')}
            </button>
          </li>
        </ul>
      ) : (
        <ul aria-label={t('account.menuLabel')}>
          <li>
            <Link to="/anmelden">{t('account.signIn')}</Link>
          </li>
        </ul>
      )}
    </div>
  );
}
