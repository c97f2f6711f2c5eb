import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRole, AccountRow_AccountFragment, AccountStatus } from '../../../gql/graphql';
import { MunicipalityNames } from '../../../shared/account/MunicipalityName';
import { RequireRole } from '../../../shared/account/RequireRole';
import { isAdmin, type Me } from '../../../shared/account/session';
import { ApiErrorMessage } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/account/dates';
import { MunicipalitySearch } from '../../../shared/search/MunicipalitySearch';
import { AccountsQuery, ConfirmAccountMutation, DisableAccountMutation, SetAccountRoleMutation } from '../api/account';

const ROLES: AccountRole[] = ['STAFF', 'OFFICE', 'ADMIN'];
// The office works through pending registrations; more than a page of them at once is not expected.
const PAGE = 100;

/** One account with what the caller may do to it: confirm (office), change the role or disable (administrators). */
function AccountRow({ account, me, onDone }: { account: AccountRow_AccountFragment; me: Me; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [chosenAgs, setChosenAgs] = useState<string | null>(null);
  const [role, setRole] = useState<AccountRole>(account.role);
  const [confirm, confirmState] = useMutation(ConfirmAccountMutation, { refetchQueries: ['Accounts', 'Worklist'] });
  const [disable, disableState] = useMutation(DisableAccountMutation, { refetchQueries: ['Accounts', 'Worklist'] });
  const [setAccountRole, roleState] = useMutation(SetAccountRoleMutation, { refetchQueries: ['Accounts'] });
  const error = confirmState.error ?? disableState.error ?? roleState.error;
  const admin = isAdmin(me);
  const needsMunicipality = account.status === 'PENDING' && account.role === 'STAFF' && account.municipalityAgs.length === 0;
  return (
    <tr data-testid="account-row">
      <td>{account.displayName}</td>
      <td>{account.email}</td>
      <td>{formatDateTime(account.createdAt, i18n.language)}</td>
      <td>
        {account.municipalityAgs.length > 0 ? (
          <MunicipalityNames agsList={account.municipalityAgs} />
        ) : (
          <span className="muted">{t('accounts.oidcNoMunicipality')}</span>
        )}
      </td>
      <td>{t(`account.status.${account.status}`)}</td>
      <td>
        {error && <ApiErrorMessage error={error} />}
        {account.status === 'PENDING' && (
          <div className="row-actions">
            {needsMunicipality && <MunicipalitySearch label={t('accounts.confirmWith', { name: account.displayName })} onSelect={(ags) => setChosenAgs(ags)} />}
            <button
              type="button"
              className="button"
              disabled={confirmState.loading || (needsMunicipality && !chosenAgs)}
              aria-label={`${t('accounts.confirm')}: ${account.displayName}`}
              onClick={async () => {
                try {
                  await confirm({ variables: { input: { accountId: account.id, ...(chosenAgs ? { municipalityAgs: [chosenAgs] } : {}) } } });
                  onDone(t('accounts.confirmed', { name: account.displayName }));
                } catch {
                  // shown in the row
                }
              }}
            >
              {t('accounts.confirm')}
            </button>
            {admin ? (
              <button
                type="button"
                className="button-secondary"
                disabled={disableState.loading}
                aria-label={`${t('accounts.reject')}: ${account.displayName}`}
                onClick={async () => {
                  try {
                    await disable({ variables: { input: { accountId: account.id } } });
                    onDone(t('accounts.rejected', { name: account.displayName }));
                  } catch {
                    // shown in the row
                  }
                }}
              >
                {t('accounts.reject')}
              </button>
            ) : (
              <p className="muted small">{t('accounts.rejectOnlyAdmin')}</p>
            )}
          </div>
        )}
        {admin && account.status === 'ACTIVE' && (
          <div className="row-actions">
            <label htmlFor={`${id}-role`} className="sr-only">
              {t('accounts.roleFor', { name: account.displayName })}
            </label>
            <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as AccountRole)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`account.role.${r}`)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button-secondary"
              disabled={role === account.role || roleState.loading}
              onClick={async () => {
                try {
                  await setAccountRole({ variables: { input: { accountId: account.id, role } } });
                  onDone(t('accounts.roleSaved', { name: account.displayName, role: t(`account.role.${role}`) }));
                } catch {
                  setRole(account.role);
                }
              }}
            >
              {t('accounts.setRole')}
            </button>
            {account.id !== me.id && (
              <button
                type="button"
                className="button-secondary"
                disabled={disableState.loading}
                aria-label={`${t('accounts.disable')}: ${account.displayName}`}
                onClick={async () => {
                  try {
                    await disable({ variables: { input: { accountId: account.id } } });
                    onDone(t('accounts.rejected', { name: account.displayName }));
                  } catch {
                    // shown in the row
                  }
                }}
              >
                {t('accounts.disable')}
              </button>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}

function AccountTable({ me, status, title }: { me: Me; status: AccountStatus | null; title: string }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const { data, error, loading } = useQuery(AccountsQuery, { variables: { status, first: PAGE }, fetchPolicy: 'cache-and-network' });
  const accounts = data?.accounts.edges.map((e) => e.node) ?? [];
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      <p className="sr-only" role="status">
        {message}
      </p>
      {message && <p className="success">{message}</p>}
      {error && <ApiErrorMessage error={error} />}
      {loading && !data && <p role="status">{t('common.loading')}</p>}
      {data && accounts.length === 0 && <p>{t('accounts.none')}</p>}
      {accounts.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accounts.name')}</th>
                <th scope="col">{t('accounts.email')}</th>
                <th scope="col">{t('accounts.created')}</th>
                <th scope="col">{t('accounts.municipalities')}</th>
                <th scope="col">{t('account.statusLabel')}</th>
                <th scope="col">{t('accounts.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <AccountRow key={account.id} account={account} me={me} onDone={setMessage} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && data.accounts.totalCount > accounts.length && (
        <p className="muted">{t('worklist.showing', { shown: accounts.length, count: data.accounts.totalCount })}</p>
      )}
    </section>
  );
}

export function AccountsPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('accounts.title')}</h1>
      <RequireRole role="OFFICE">
        {(me) => (
          <>
            <AccountTable me={me} status="PENDING" title={t('accounts.pendingTitle')} />
            {isAdmin(me) && <AccountTable me={me} status={null} title={t('accounts.allTitle')} />}
          </>
        )}
      </RequireRole>
    </>
  );
}

export default AccountsPage;
