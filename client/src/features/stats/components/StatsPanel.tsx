import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format';
import { StatsQuery } from '../api/stats';

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
        <dl className="stats" data-testid="stats">
          <div>
            <dt>{t('stats.municipalities')}</dt>
            <dd data-testid="stats-municipalities">{n(data.stats.municipalities)}</dd>
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
            <dt>{t('stats.cooperations')}</dt>
            <dd data-testid="stats-cooperations">
              {n(data.stats.cooperations)}
              <span className="sub">
                {t('stats.researched')} {n(data.stats.cooperationsResearched)} · {t('stats.generated')} {n(data.stats.cooperationsGenerated)}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('stats.population')}</dt>
            <dd>{n(data.stats.population)}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
