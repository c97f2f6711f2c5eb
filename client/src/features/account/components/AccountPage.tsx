import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MunicipalityNames } from '../../../shared/account/MunicipalityName';
import { RequireRole } from '../../../shared/account/RequireRole';
import { isOffice } from '../../../shared/account/session';
import { ApiErrorMessage } from '../../../shared/errors';
import { Link } from '../../../shared/i18n/links';
import { SignOutEverywhereMutation } from '../api/account';
import { resetSession } from '../../../shared/account/cache';

export function AccountPage() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [signOutEverywhere, { loading, error }] = useMutation(SignOutEverywhereMutation);
  const [done, setDone] = useState(false);
  return (
    <>
      <h1>{t('account.accountTitle')}</h1>
      <RequireRole role="ANY">
        {(me) => (
          <>
            <section className="card">
              <dl className="facts">
                <dt>{t('account.displayName')}</dt>
                <dd>{me.displayName}</dd>
                <dt>{t('account.email')}</dt>
                <dd>{me.email}</dd>
                <dt>{t('account.roleLabel')}</dt>
                <dd>{t(`account.role.${me.role}`)}</dd>
                {me.municipalityAgs.length > 0 && (
                  <>
                    <dt>{t('account.municipalities')}</dt>
                    <dd>
                      <MunicipalityNames agsList={me.municipalityAgs} />
                    </dd>
                  </>
                )}
              </dl>
              <ul className="link-list">
                <li>
                  <Link to="/meldungen">{t('contrib.mine')}</Link>
                </li>
                {me.municipalityAgs.map((ags) => (
                  <li key={ags}>
                    <Link to={`/melden?ags=${ags}`}>
                      {t('contrib.report')}: <MunicipalityNames agsList={[ags]} />
                    </Link>
                  </li>
                ))}
                {isOffice(me) && (
                  <li>
                    <Link to="/geschaeftsstelle">{t('account.worklist')}</Link>
                  </li>
                )}
              </ul>
            </section>
            <section className="card">
              {error && <ApiErrorMessage error={error} />}
              {done && <p role="status">{t('account.signedOutEverywhere')}</p>}
              <button
                type="button"
                className="button-secondary"
                disabled={loading}
                onClick={async () => {
                  try {
                    await signOutEverywhere();
                  } catch {
                    return;
                  }
                  setDone(true);
                  await navigate('/');
                  await resetSession(client);
                }}
              >
                {t('account.signOutEverywhere')}
              </button>
            </section>
          </>
        )}
      </RequireRole>
    </>
  );
}

export default AccountPage;
