import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

export const apolloClient = new ApolloClient({
  // Same origin as the app; Apollo's CSRF prevention accepts JSON POSTs.
  link: new HttpLink({ uri: '/graphql' }),
  cache: new InMemoryCache(),
});
