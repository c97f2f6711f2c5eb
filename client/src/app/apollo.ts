import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

export const apolloClient = new ApolloClient({
  // Same origin as the app; Apollo's CSRF prevention accepts JSON POSTs.
  link: new HttpLink({ uri: '/graphql' }),
  cache: new InMemoryCache({
    typePolicies: {
      Cooperation: {
        fields: {
          // Members have no id of their own, so each query's list would replace the last one's. The page's query
          // asks for members with their shapes, the history for their keys only: merge them member by member (the
          // API returns them in the same order), or the page would fetch itself again.
          members: {
            merge(existing: unknown[] | undefined, incoming: unknown[], { mergeObjects }) {
              if (!existing || existing.length !== incoming.length) return incoming;
              return incoming.map((member, i) => mergeObjects(existing[i] as never, member as never));
            },
          },
        },
      },
    },
  }),
});
