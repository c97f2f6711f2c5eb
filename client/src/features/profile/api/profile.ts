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
      altkreis
      associationName
      stateKey
      ...StateBadge_municipality
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
          ...StateBadge_municipality
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
          ...CooperationMarks_cooperation
        }
      }
    }
  }
`);
