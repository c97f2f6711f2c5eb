import type { ErrorLike } from '@apollo/client';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorklistCooperation_CooperationFragment, WorklistQuery as WorklistData } from '../../../gql/graphql';
import { formatDate } from '../../../shared/account/dates';
import { MunicipalityNames } from '../../../shared/account/MunicipalityName';
import { RequireRole } from '../../../shared/account/RequireRole';
import { ConfidenceBadge } from '../../../shared/cooperation/CooperationMarks';
import { forgetRegister } from '../../../shared/account/cache';
import { ApiErrorMessage } from '../../../shared/errors';
import { Link } from '../../../shared/i18n/links';
import { ApproveContributionMutation, ConfirmPendingAccountMutation, RejectContributionMutation, WorklistQuery } from '../api/contributions';
import { ChangeValue } from './ChangeValue';
import { ConflictNotice, conflictCurrent } from './ConflictNotice';
import { ContributionFacts, ContributionSubject } from './ContributionItem';

type Pending = WorklistData['worklist']['pendingContributions'][number];

function fieldLabel(t: (key: string) => string, field: string): string {
  const label = t(`field.${field}`);
  return label === `field.${field}` ? field : label;
}

/** One pending report: what it changes, then approve (CONFLICT shows the current version) or reject with a reason. */
function PendingContribution({ c, onDone }: { c: Pending; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const client = useApolloClient();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ErrorLike | undefined>();
  const [approve, approveState] = useMutation(ApproveContributionMutation);
  const [reject, rejectState] = useMutation(RejectContributionMutation);
  const name = c.record?.name ?? c.cooperation?.name ?? '';

  const doApprove = async (expectedVersion?: number) => {
    setError(undefined);
    try {
      await approve({ variables: { input: { contributionId: c.id, ...(expectedVersion !== undefined ? { expectedVersion } : {}) } } });
      onDone(t('worklist.approved', { name }));
      // The register changed: profiles, rankings and lists fetched before must not be shown from the cache.
      forgetRegister(client);
    } catch (e) {
      setError(e as ErrorLike);
    }
  };
  const doReject = async () => {
    setError(undefined);
    try {
      await reject({ variables: { input: { contributionId: c.id, reason: reason.trim() } } });
      onDone(t('worklist.rejected'));
      await client.refetchQueries({ include: ['Worklist'] });
    } catch (e) {
      setError(e as ErrorLike);
    }
  };

  return (
    <li className="card" data-testid="pending-contribution">
      <h3>
        <ContributionSubject c={c} />
      </h3>
      <ContributionFacts c={c} />
      {c.note && <p className="quote">„{c.note}“</p>}
      {c.changes.length > 0 && (
        <details open>
          <summary>{t('worklist.changes')}</summary>
          <div className="table-scroll">
            <table className="table small">
              <thead>
                <tr>
                  <th scope="col">{t('worklist.field')}</th>
                  <th scope="col">{t('worklist.before')}</th>
                  <th scope="col">{t('worklist.after')}</th>
                </tr>
              </thead>
              <tbody>
                {c.changes.map((change) => (
                  <tr key={change.field}>
                    <th scope="row">{fieldLabel(t, change.field)}</th>
                    <td>
                      <ChangeValue field={change.field} value={change.before} />
                    </td>
                    <td>
                      <ChangeValue field={change.field} value={change.after} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
      {error &&
        (conflictCurrent(error) ? (
          <ConflictNotice
            error={error}
            base={c.baseVersion ?? 0}
            onOverride={(version) => void doApprove(version)}
            overrideLabel={(version) => t('conflict.approveOver', { version })}
          />
        ) : (
          <ApiErrorMessage error={error} kept={rejecting} />
        ))}
      {rejecting ? (
        <form
          className="reject-form"
          onSubmit={(event) => {
            event.preventDefault();
            void doReject();
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('worklist.rejectReason', { name })}</label>
            <textarea
              id={`${id}-reason`}
              rows={3}
              required
              minLength={5}
              maxLength={2000}
              aria-describedby={`${id}-hint`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <p id={`${id}-hint`} className="field-help">
              {t('worklist.rejectHint')}
            </p>
          </div>
          <p className="row-actions">
            <button type="submit" className="button" disabled={rejectState.loading}>
              {t('worklist.rejectSubmit')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setRejecting(false)}>
              {t('worklist.cancel')}
            </button>
          </p>
        </form>
      ) : (
        <p className="row-actions">
          <button
            type="button"
            className="button"
            disabled={approveState.loading}
            aria-label={`${t('worklist.approve')}: ${name}`}
            onClick={() => void doApprove()}
          >
            {t('worklist.approve')}
          </button>
          <button type="button" className="button-secondary" aria-label={`${t('worklist.reject')}: ${name}`} onClick={() => setRejecting(true)}>
            {t('worklist.reject')}
          </button>
        </p>
      )}
    </li>
  );
}

function PendingAccount({ a, onDone }: { a: WorklistData['worklist']['pendingAccounts'][number]; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const [confirm, { loading, error }] = useMutation(ConfirmPendingAccountMutation, { refetchQueries: ['Worklist'] });
  return (
    <li data-testid="pending-account">
      <strong>{a.displayName}</strong> · {a.email} · <MunicipalityNames agsList={a.municipalityAgs} /> ·{' '}
      <span className="muted small">{formatDate(a.createdAt, i18n.language)}</span>{' '}
      {a.municipalityAgs.length > 0 ? (
        <button
          type="button"
          className="button small"
          disabled={loading}
          aria-label={`${t('accounts.confirm')}: ${a.displayName}`}
          onClick={async () => {
            try {
              await confirm({ variables: { input: { accountId: a.id } } });
              onDone(t('accounts.confirmed', { name: a.displayName }));
            } catch {
              // shown below
            }
          }}
        >
          {t('accounts.confirm')}
        </button>
      ) : (
        <Link to="/konten">{t('accounts.oidcNoMunicipality')}</Link>
      )}
      {error && <ApiErrorMessage error={error} />}
    </li>
  );
}

function RecordList({ items, count, title, testId }: { items: WorklistCooperation_CooperationFragment[]; count: number; title: string; testId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" data-testid={testId}>
      <h2>{title}</h2>
      {items.length === 0 ? (
        <p>{t('worklist.none')}</p>
      ) : (
        <>
          <ul className="record-list">
            {items.map((c) => (
              <li key={c.id}>
                <Link to={`/kooperationen/${c.id}`}>{c.name}</Link> <ConfidenceBadge confidence={c.confidence} compact />{' '}
                <span className="muted small">
                  {c.verifiedAt ? t('worklist.lastVerified', { date: formatDate(c.verifiedAt, i18n.language) }) : t('worklist.notVerified')}
                </span>{' '}
                <Link to={`/kooperationen/${c.id}/aendern`} aria-label={`${t('worklist.verify')}: ${c.name}`}>
                  {t('worklist.verify')}
                </Link>
              </li>
            ))}
          </ul>
          {count > items.length && <p className="muted small">{t('worklist.showing', { shown: items.length, count })}</p>}
        </>
      )}
    </section>
  );
}

function Worklist() {
  const { t, i18n } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const { data, error, loading } = useQuery(WorklistQuery, { variables: { first: 20 }, fetchPolicy: 'cache-and-network' });
  if (error) return <ApiErrorMessage error={error} />;
  if (loading && !data) return <p role="status">{t('common.loading')}</p>;
  const w = data!.worklist;
  return (
    <>
      <p>{t('worklist.intro', { date: formatDate(w.staleBefore, i18n.language) })}</p>
      <p role="status" className={message ? 'success' : 'sr-only'}>
        {message}
      </p>
      <section className="card" aria-labelledby="wl-reports">
        <h2 id="wl-reports">{t('worklist.pendingContributions', { count: w.pendingContributionCount })}</h2>
        {w.pendingContributions.length === 0 ? (
          <p>{t('worklist.none')}</p>
        ) : (
          <ul className="contribution-list">
            {w.pendingContributions.map((c) => (
              <PendingContribution key={c.id} c={c} onDone={setMessage} />
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="wl-accounts">
        <h2 id="wl-accounts">{t('worklist.pendingAccounts', { count: w.pendingAccountCount })}</h2>
        {w.pendingAccounts.length === 0 ? (
          <p>{t('worklist.none')}</p>
        ) : (
          <ul className="record-list">
            {w.pendingAccounts.map((a) => (
              <PendingAccount key={a.id} a={a} onDone={setMessage} />
            ))}
          </ul>
        )}
      </section>
      <RecordList
        testId="never-verified"
        title={t('worklist.neverVerified', { count: w.neverVerifiedCount })}
        items={w.neverVerified}
        count={w.neverVerifiedCount}
      />
      <RecordList
        testId="stale"
        title={t('worklist.stale', { count: w.notVerifiedRecentlyCount })}
        items={w.notVerifiedRecently}
        count={w.notVerifiedRecentlyCount}
      />
      <RecordList
        testId="low-confidence"
        title={t('worklist.lowConfidence', { count: w.lowConfidenceCount })}
        items={w.lowConfidence}
        count={w.lowConfidenceCount}
      />
    </>
  );
}

export function WorklistPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('worklist.title')}</h1>
      <RequireRole role="OFFICE">
        {() => (
          <>
            <p>
              <Link to="/geschaeftsstelle/boerse">{t('boardOffice.dashboardLink')}</Link>
            </p>
            <Worklist />
          </>
        )}
      </RequireRole>
    </>
  );
}

export default WorklistPage;
