import { lazy, Suspense } from 'react';
import { Outlet } from 'react-router';
import '../shared/account/account.css';
import { DataProvider } from './DataProvider';

// Its own chunk: the account area needs Apollo and the typed documents, which stay out of the initial JavaScript.
const AccountMenu = lazy(() => import('../features/account/components/AccountMenu').then((m) => ({ default: m.AccountMenu })));
import { useTranslation } from 'react-i18next';
import { NavLink, useLanguageInUrl, useSwitchLanguage } from '../shared/i18n/links';

const NAV_ITEMS = [
  { to: '/', key: 'nav.home', end: true },
  { to: '/partner', key: 'nav.partners' },
  { to: '/kooperationen', key: 'nav.cooperations' },
  { to: '/netzwerk', key: 'nav.network' },
  { to: '/luecken', key: 'nav.gaps' },
  { to: '/boerse', key: 'board.nav' },
  { to: '/daten', key: 'nav.about' },
  { to: '/hilfe', key: 'nav.help' },
] as const;

export function Layout() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'de' : 'en';
  useLanguageInUrl();
  const switchLanguage = useSwitchLanguage();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="brand">
          <img src="/favicon.svg" alt="" width="32" height="32" />
          <div>
            <p className="brand-name">{t('app.name')}</p>
            <p className="brand-tagline">{t('app.tagline')}</p>
          </div>
        </div>
        {/* The account area needs the API; it appears once the Apollo chunk is there and never holds up the page. */}
        <Suspense fallback={null}>
          <DataProvider>
            <AccountMenu />
          </DataProvider>
        </Suspense>
        <button type="button" className="lang-switch" lang={other} aria-label={t('app.switchToLabel')} onClick={() => void switchLanguage(other)}>
          {t('app.switchTo')}
        </button>
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAV_ITEMS.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={'end' in item ? item.end : false}>
                  {t(item.key)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <h2>{t('footer.sources')}</h2>
        <ul>
          <li>{t('footer.boundaries')}</li>
          <li>{t('footer.statistics')}</li>
          <li>
            <a href="https://www.govdata.de/dl-de/by-2-0">{t('footer.licence')}</a>
          </li>
        </ul>
      </footer>
    </>
  );
}
