import { createBrowserRouter } from 'react-router';
import { RouteError } from '../shared/components/RouteError';
import { Layout } from './Layout';

const placeholder = (titleKey: string) => async () => {
  const { PlaceholderPage } = await import('../features/placeholder/components/PlaceholderPage');
  return { Component: () => <PlaceholderPage titleKey={titleKey} /> };
};

// Every page is its own chunk, loaded when first visited; each route has its own error boundary.
export const router = createBrowserRouter([
  {
    path: '/',
    Component: Layout,
    ErrorBoundary: RouteError,
    children: [
      { index: true, ErrorBoundary: RouteError, lazy: async () => ({ Component: (await import('../features/home/components/HomePage')).HomePage }) },
      { path: 'kommune/:ags', ErrorBoundary: RouteError, lazy: async () => ({ Component: (await import('../features/profile/components/ProfilePage')).ProfilePage }) },
      { path: 'partner', ErrorBoundary: RouteError, lazy: async () => ({ Component: (await import('../features/partners/components/PartnerFinderPage')).PartnerFinderPage }) },
      { path: 'dossier', ErrorBoundary: RouteError, lazy: async () => ({ Component: (await import('../features/dossier/components/DossierPage')).DossierPage }) },
      { path: 'kooperationen', ErrorBoundary: RouteError, lazy: async () => ({ Component: (await import('../features/cooperations/components/CooperationsPage')).CooperationsPage }) },
      {
        path: 'kooperationen/:id',
        ErrorBoundary: RouteError,
        lazy: async () => ({ Component: (await import('../features/cooperations/components/CooperationDetailPage')).CooperationDetailPage }),
      },
      { path: 'netzwerk', ErrorBoundary: RouteError, lazy: placeholder('nav.network') },
      { path: 'luecken', ErrorBoundary: RouteError, lazy: placeholder('nav.gaps') },
      { path: 'daten', ErrorBoundary: RouteError, lazy: placeholder('nav.about') },
      {
        path: '*',
        ErrorBoundary: RouteError,
        loader: () => {
          throw new Response('Not found', { status: 404 });
        },
      },
    ],
  },
]);
