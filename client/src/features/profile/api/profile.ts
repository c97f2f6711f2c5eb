import { graphql } from '../../../gql';

export const MunicipalityProfileQuery = graphql(`
  query MunicipalityProfile($ags: ID!) {
    municipality(ags: $ags) {
      ags
      name
      shortName
      type
      population
      populationDate
      areaKm2
      density
      postcode
      boundary
      district {
        name
      }
      region {
        name
      }
      neighbours {
        lengthKm
        touch
        municipality {
          ags
          shortName
          population
          boundary
        }
      }
      cooperationsByTaskArea {
        taskArea {
          id
          nameDe
          nameEn
        }
        cooperations {
          id
          name
          legalForm
          provenance
        }
      }
    }
  }
`);
