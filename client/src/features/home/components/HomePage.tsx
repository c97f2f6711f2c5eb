import { useTranslation } from 'react-i18next';
import { StatsPanel } from '../../stats/components/StatsPanel';

export function HomePage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <StatsPanel />
    </>
  );
}

export default HomePage;
