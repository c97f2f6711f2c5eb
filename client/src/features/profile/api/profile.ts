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
      ...MapShape_municipality
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
          ...MapShape_municipality
          population
          ...StateBadge_municipality
        }
      }
      cooperationOpenings {
        neighbours
        cooperatingNeighbours
        share
        taskArea {
          id
          nameDe
          nameEn
        }
      }
      cooperationsByTaskArea {
        taskArea {
          ...TaskAreaName_taskArea
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
