import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { graphql } from '../../gql';

const ScoreComponentKeysQuery = graphql(`
  query ScoreComponentKeys {
    scoreComponents {
      key
    }
  }
`);

/**
 * The component keys the ranking engine has now. Weights from a link are sent only for these, so a link made before a
 * component was dropped still opens (the stale weight is ignored) instead of being refused by the API.
 */
export function useScoreComponentKeys(): { keys: ReadonlySet<string> | null; error: ReturnType<typeof useQuery>['error'] } {
  const { data, error } = useQuery(ScoreComponentKeysQuery);
  const keys = useMemo(() => (data ? new Set(data.scoreComponents.map((c) => c.key as string)) : null), [data]);
  return { keys, error };
}
