import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Link } from '../../../shared/i18n/links';
import { MunicipalitySearch } from '../../../shared/search/MunicipalitySearch';
import { StatsPanel } from './StatsPanel';

export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <section className="card search-card" aria-labelledby="search-title">
        <h2 id="search-title">{t('search.label')}</h2>
        <MunicipalitySearch label={t('search.label')} onSelect={(ags) => navigate(`/kommune/${ags}`)} />
      </section>
      <section aria-labelledby="entries-title">
        <h2 id="entries-title">{t('entries.title')}</h2>
        <div className="entries">
          <div className="card entry">
            <h3>{t('entries.mayors')}</h3>
            <p>{t('entries.mayorsText')}</p>
            <Link to="/partner">{t('nav.partners')} →</Link>
          </div>
          <div className="card entry">
            <h3>{t('entries.office')}</h3>
            <p>{t('entries.officeText')}</p>
            <Link to="/luecken">{t('nav.gaps')} →</Link>
          </div>
          <div className="card entry">
            <h3>{t('entries.research')}</h3>
            <p>{t('entries.researchText')}</p>
            <Link to="/netzwerk">{t('nav.network')} →</Link>
          </div>
        </div>
      </section>
      <StatsPanel />
    </>
  );
}

export default HomePage;
