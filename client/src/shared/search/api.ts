import { graphql } from '../../gql';

export const SearchMunicipalitiesQuery = graphql(`
  query SearchMunicipalities($search: String!) {
    municipalities(filter: { search: $search }, first: 8) {
      edges {
        node {
          ags
          name
          shortName
          population
          postcode
          district {
            name
          }
        }
      }
    }
  }
`);
