import { ApolloProvider } from '@apollo/client/react';
import { use, type ReactNode } from 'react';
import type { ApolloClient } from '@apollo/client';

// Apollo Client (with its cache, graphql-js' printer and rxjs) is about a third of the app's JavaScript and no page
// can show data without it, but the header, navigation and loading state can: it is loaded in its own chunk, started
// as the entry script runs, in parallel with the first page's chunk, and not part of the initial JavaScript.
const client: Promise<ApolloClient> = import('./apollo').then((m) => m.apolloClient);

/** Provides the Apollo client to a page; suspends (the route's loading state) until the client's chunk is there. */
export function DataProvider({ children }: { children: ReactNode }) {
  return <ApolloProvider client={use(client)}>{children}</ApolloProvider>;
}
