import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { MeQuery } from '../../gql/graphql';

export const MeDocument = graphql(`
  query Me {
    me {
      id
      email
      displayName
      role
      status
      municipalityAgs
    }
  }
`);

export type Me = NonNullable<MeQuery['me']>;

/**
 * The signed-in account (null when anonymous). The session lives in an httpOnly cookie the client cannot read, so
 * the API is the only one who knows; every page and the header share this one cached query.
 */
export function useSession(): { me: Me | null; loading: boolean } {
  const { data, loading } = useQuery(MeDocument, { fetchPolicy: 'cache-first' });
  return { me: data?.me ?? null, loading };
}

export const isOffice = (me: Me | null): boolean => me?.role === 'OFFICE' || me?.role === 'ADMIN';
export const isAdmin = (me: Me | null): boolean => me?.role === 'ADMIN';

/** Whether the account may report for the municipality: its own staff, and the office for every one. */
export function mayReportFor(me: Me | null, ags: string): boolean {
  if (!me || me.status !== 'ACTIVE') return false;
  return isOffice(me) || me.municipalityAgs.includes(ags);
}
