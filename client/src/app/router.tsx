import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation } from 'react-router';
import { NotFoundPage, RouteErrorBoundary } from '../shared/components/RouteError';
import { DataProvider } from './DataProvider';
import { Layout } from './Layout';

// Each page takes its own props (RoutePage passes them through), so no one props type fits them all.
/* eslint-disable @typescript-eslint/no-explicit-any */
type PageModule = { default: ComponentType<any> };
type LazyPage = LazyExoticComponent<ComponentType<any>> & { preload: () => Promise<PageModule> };
/* eslint-enable @typescript-eslint/no-explicit-any */

/** A page in its own chunk; `preload` starts loading it before React renders it (see RoutePage). */
function lazyPage(load: () => Promise<PageModule>): LazyPage {
  return Object.assign(lazy(load), { preload: load });
}

// Every page is its own chunk, loaded when first visited. Declarative routes keep react-router's data-router code
// out of the initial bundle.
const HomePage = lazyPage(() => import('../features/home/components/HomePage'));
const ProfilePage = lazyPage(() => import('../features/profile/components/ProfilePage').then((m) => ({ default: m.ProfilePage })));
const PartnerFinderPage = lazyPage(() => import('../features/partners/components/PartnerFinderPage'));
const DossierPage = lazyPage(() => import('../features/dossier/components/DossierPage'));
const CooperationsPage = lazyPage(() => import('../features/cooperations/components/CooperationsPage'));
const CooperationDetailPage = lazyPage(() => import('../features/cooperations/components/CooperationDetailPage'));
const NetworkPage = lazyPage(() => import('../features/network/components/NetworkPage'));
const GapsPage = lazyPage(() => import('../features/gaps/components/GapsPage'));
const AboutPage = lazyPage(() => import('../features/about/components/AboutPage'));
const HelpPage = lazyPage(() => import('../features/help/components/HelpPage'));
const RankingHelpPage = lazyPage(() => import('../features/help/components/RankingHelpPage'));
// Accounts, reports and the office's review (issue 11).
const SignInPage = lazyPage(() => import('../features/account/components/SignInPage'));
const RegisterPage = lazyPage(() => import('../features/account/components/RegisterPage'));
const AccountPage = lazyPage(() => import('../features/account/components/AccountPage'));
const AccountsPage = lazyPage(() => import('../features/account/components/AccountsPage'));
const AuditLogPage = lazyPage(() => import('../features/account/components/AuditLogPage'));
const ReportNewPage = lazyPage(() => import('../features/contributions/components/ReportPages').then((m) => ({ default: m.ReportNewPage })));
const ReportChangePage = lazyPage(() => import('../features/contributions/components/ReportPages').then((m) => ({ default: m.ReportChangePage })));
const ReportEndPage = lazyPage(() => import('../features/contributions/components/ReportPages').then((m) => ({ default: m.ReportEndPage })));
const MyContributionsPage = lazyPage(() => import('../features/contributions/components/MyContributionsPage'));
const WorklistPage = lazyPage(() => import('../features/contributions/components/WorklistPage'));
// The Kooperationsbörse (issue 12).
const BoardPage = lazyPage(() => import('../features/board/components/BoardPage'));
const IdeaPage = lazyPage(() => import('../features/board/components/IdeaPage'));
const IdeaNewPage = lazyPage(() => import('../features/board/components/IdeaFormPages').then((m) => ({ default: m.IdeaNewPage })));
const IdeaEditPage = lazyPage(() => import('../features/board/components/IdeaFormPages').then((m) => ({ default: m.IdeaEditPage })));
const InboxPage = lazyPage(() => import('../features/board/components/InboxPage'));
const ProjectSketchPage = lazyPage(() => import('../features/board/components/ProjectSketchPage'));
const OfficeDashboardPage = lazyPage(() => import('../features/board/office/OfficeDashboardPage'));

function Loading() {
  const { t } = useTranslation();
  return <p role="status">{t('common.loading')}</p>;
}

/**
 * Each route gets its own error boundary (reset when the address changes) and a loading state. The page's chunk is
 * requested right away, not only once DataProvider has the Apollo client: the two load in parallel.
 */
function RoutePage({ Page, props }: { Page: LazyPage; props?: object }) {
  const location = useLocation();
  void Page.preload();
  return (
    <RouteErrorBoundary key={location.pathname}>
      <Suspense fallback={<Loading />}>
        <DataProvider>
          <Page {...props} />
        </DataProvider>
      </Suspense>
    </RouteErrorBoundary>
  );
}

function page(Page: LazyPage, props?: object) {
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
        <Route path="hilfe" element={page(HelpPage)} />
        <Route path="hilfe/ranking" element={page(RankingHelpPage)} />
        <Route path="kooperationen/:id/aendern" element={page(ReportChangePage)} />
        <Route path="kooperationen/:id/beenden" element={page(ReportEndPage)} />
        <Route path="anmelden" element={page(SignInPage)} />
        <Route path="registrieren" element={page(RegisterPage)} />
        <Route path="konto" element={page(AccountPage)} />
        <Route path="konten" element={page(AccountsPage)} />
        <Route path="protokoll" element={page(AuditLogPage)} />
        <Route path="melden" element={page(ReportNewPage)} />
        <Route path="meldungen" element={page(MyContributionsPage)} />
        <Route path="geschaeftsstelle" element={page(WorklistPage)} />
        <Route path="geschaeftsstelle/boerse" element={page(OfficeDashboardPage)} />
        <Route path="boerse" element={page(BoardPage)} />
        <Route path="boerse/neu" element={page(IdeaNewPage)} />
        <Route path="boerse/:id" element={page(IdeaPage)} />
        <Route path="boerse/:id/aendern" element={page(IdeaEditPage)} />
        <Route path="boerse/:id/projektskizze" element={page(ProjectSketchPage)} />
        <Route path="postfach" element={page(InboxPage)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
