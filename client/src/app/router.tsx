import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation } from 'react-router';
import { NotFoundPage, RouteErrorBoundary } from '../shared/components/RouteError';
import { Layout } from './Layout';

// Every page is its own chunk, loaded when first visited. Declarative routes keep react-router's data-router code
// out of the initial bundle.
const HomePage = lazy(() => import('../features/home/components/HomePage'));
const ProfilePage = lazy(() => import('../features/profile/components/ProfilePage').then((m) => ({ default: m.ProfilePage })));
const PartnerFinderPage = lazy(() => import('../features/partners/components/PartnerFinderPage'));
const DossierPage = lazy(() => import('../features/dossier/components/DossierPage'));
const CooperationsPage = lazy(() => import('../features/cooperations/components/CooperationsPage'));
const CooperationDetailPage = lazy(() => import('../features/cooperations/components/CooperationDetailPage'));
const NetworkPage = lazy(() => import('../features/network/components/NetworkPage'));
const GapsPage = lazy(() => import('../features/gaps/components/GapsPage'));
const AboutPage = lazy(() => import('../features/about/components/AboutPage'));

function Loading() {
  const { t } = useTranslation();
  return <p role="status">{t('common.loading')}</p>;
}

/** Each route gets its own error boundary (reset when the address changes) and a loading state. */
function RoutePage({ Page, props }: { Page: LazyExoticComponent<ComponentType<any>>; props?: object }) {
  const location = useLocation();
  return (
    <RouteErrorBoundary key={location.pathname}>
      <Suspense fallback={<Loading />}>
        <Page {...props} />
      </Suspense>
    </RouteErrorBoundary>
  );
}

function page(Page: LazyExoticComponent<ComponentType<any>>, props?: object) {
  return <RoutePage Page={Page} props={props} />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={page(HomePage)} />
        <Route path="kommune/:ags" element={page(ProfilePage)} />
        <Route path="partner" element={page(PartnerFinderPage)} />
        <Route path="dossier" element={page(DossierPage)} />
        <Route path="kooperationen" element={page(CooperationsPage)} />
        <Route path="kooperationen/:id" element={page(CooperationDetailPage)} />
        <Route path="netzwerk" element={page(NetworkPage)} />
        <Route path="luecken" element={page(GapsPage)} />
        <Route path="daten" element={page(AboutPage)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
