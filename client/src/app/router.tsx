import { createBrowserRouter } from 'react-router';
import { RouteError } from '../shared/components/RouteError';
import { Layout } from './Layout';

const placeholder = (titleKey: string) => async () => {
  const { PlaceholderPage } = await import('../features/placeholder/components/PlaceholderPage');
  return { Component: () => <PlaceholderPage titleKey={titleKey} /> };
};

// Pages load lazily so the first paint only carries the shell.
export const router = createBrowserRouter([
  {
    path: '/',
    Component: Layout,
    ErrorBoundary: RouteError,
    children: [
      { index: true, ErrorBoundary: RouteError, lazy: async () => ({ Component: (await import('../features/home/components/HomePage')).HomePage }) },
      { path: 'partner', ErrorBoundary: RouteError, lazy: placeholder('nav.partners') },
      { path: 'kooperationen', ErrorBoundary: RouteError, lazy: placeholder('nav.cooperations') },
      { path: 'netzwerk', ErrorBoundary: RouteError, lazy: placeholder('nav.network') },
      { path: 'luecken', ErrorBoundary: RouteError, lazy: placeholder('nav.gaps') },
      { path: 'daten', ErrorBoundary: RouteError, lazy: placeholder('nav.about') },
      { path: '*', ErrorBoundary: RouteError, loader: () => { throw new Response('Not found', { status: 404 }); } },
    ],
  },
]);
