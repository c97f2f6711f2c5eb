import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/account/dates';
import { RequireRole } from '../../../shared/account/RequireRole';
import { ApiErrorMessage } from '../../../shared/errors';
import { Link } from '../../../shared/i18n/links';
import { MyContributionsQuery } from '../api/contributions';
import { ContributionFacts, ContributionSubject } from './ContributionItem';

function MyContributions() {
  const { t, i18n } = useTranslation();
  const { data, error, loading } = useQuery(MyContributionsQuery, { variables: { first: 100 }, fetchPolicy: 'cache-and-network' });
  if (error) return <ApiErrorMessage error={error} />;
  if (loading && !data) return <p role="status">{t('common.loading')}</p>;
  const items = data!.myContributions.edges.map((e) => e.node);
  if (items.length === 0)
    return (
      <p>
        {t('contrib.mineNone')} <Link to="/melden">{t('contrib.report')}</Link>
      </p>
    );
  return (
    <ul className="contribution-list">
      {items.map((c) => (
        <li key={c.id} className="card" data-testid="my-contribution">
          <h2>
            <ContributionSubject c={c} />
          </h2>
          <p>
            <span className={`badge contribution-${c.status.toLowerCase()}`}>{t(`contrib.stateLabel.${c.status}`)}</span>
            {c.reviewedAt && <span className="muted small"> {t('contrib.reviewedOn', { date: formatDate(c.reviewedAt, i18n.language) })}</span>}
          </p>
          <ContributionFacts c={c} />
          {c.status === 'REJECTED' && c.reason && (
            <div className="notice" data-testid="rejection-reason">
              <strong>{t('contrib.reason')}:</strong> {c.reason}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

export function MyContributionsPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('contrib.mine')}</h1>
      <RequireRole role="ANY">{() => <MyContributions />}</RequireRole>
    </>
  );
}

export default MyContributionsPage;
