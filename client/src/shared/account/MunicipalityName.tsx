import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

const MunicipalityNameQuery = graphql(`
  query MunicipalityName($ags: ID!) {
    municipality(ags: $ags) {
      ags
      shortName
    }
  }
`);

/** A municipality's short name for an AGS (accounts and reports carry only the key); one cached query per AGS. */
export function MunicipalityName({ ags }: { ags: string }) {
  const { data } = useQuery(MunicipalityNameQuery, { variables: { ags } });
  return <>{data?.municipality.shortName ?? ags}</>;
}

/** Several names, comma-separated. */
export function MunicipalityNames({ agsList }: { agsList: readonly string[] }) {
  return (
    <>
      {agsList.map((ags, index) => (
        <span key={ags}>
          {index > 0 && ', '}
          <MunicipalityName ags={ags} />
        </span>
      ))}
    </>
  );
}
