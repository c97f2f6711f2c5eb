import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../shared/i18n/links';
import { formatNumber } from '../../../shared/format';
import { StatsQuery } from '../api/stats';

/** What the atlas holds, read live from the database: the register's real size against the estimate for NRW. */
export function StatsPanel() {
  const { t, i18n } = useTranslation();
  const { data, loading, error } = useQuery(StatsQuery);
  const n = (value: number) => formatNumber(value, i18n.language);

  return (
    <section aria-labelledby="stats-title" className="card" aria-busy={loading}>
      <h2 id="stats-title">{t('stats.title')}</h2>
      {loading && <p role="status">{t('stats.loading')}</p>}
      {error && (
        <p role="alert" className="error">
          {t('stats.error')}
        </p>
      )}
      {data && data.stats.municipalities === 0 && <p>{t('stats.empty')}</p>}
      {data && (
        <>
          <dl className="stats" data-testid="stats">
            <div>
              <dt>{t('stats.cooperations')}</dt>
              <dd data-testid="stats-cooperations">
                {n(data.stats.cooperations)}
                <span className="sub">{t('stats.ofEstimate', { estimate: n(data.stats.estimatedCooperationsInNrw) })}</span>
                <span className="sub" data-testid="stats-unconfirmed">
                  {t('stats.inForceUnconfirmed', { inForce: n(data.stats.cooperationsInForce), unconfirmed: n(data.stats.cooperationsUnconfirmed) })}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('stats.municipalities')}</dt>
              <dd data-testid="stats-municipalities">{n(data.stats.municipalities)}</dd>
              {data.stats.crossBorderMunicipalities > 0 && (
                <dd className="sub" data-testid="stats-cross-border">
                  {t('stats.crossBorder', { count: data.stats.crossBorderMunicipalities, formatted: n(data.stats.crossBorderMunicipalities) })}
                </dd>
              )}
            </div>
            <div>
              <dt>{t('stats.districts')}</dt>
              <dd>{n(data.stats.districts)}</dd>
            </div>
            <div>
              <dt>{t('stats.borders')}</dt>
              <dd>{n(data.stats.borders)}</dd>
            </div>
            <div>
              <dt>{t('stats.taskAreas')}</dt>
              <dd data-testid="stats-task-areas">{n(data.stats.taskAreas)}</dd>
            </div>
            <div>
              <dt>{t('stats.population')}</dt>
              <dd>{n(data.stats.population)}</dd>
            </div>
          </dl>
          <p className="muted small">
            {t('stats.registerNote')} <Link to="/daten">{t('stats.moreAbout')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
