import { graphql } from '../../../gql';

export const GapsQuery = graphql(`
  query CooperationGaps($taskArea: ID!) {
    cooperationGaps(taskArea: $taskArea) {
      taskArea
      cooperatingCount
      gaps {
        share
        neighbours
        cooperatingNeighbours
        municipality {
          ags
          shortName
          population
          boundary
          district {
            name
          }
        }
      }
      hosts {
        catchmentPopulation
        cooperations
        municipality {
          ags
          shortName
          boundary
        }
        catchment {
          ags
          shortName
          boundary
        }
      }
    }
  }
`);

export const GapTaskAreasQuery = graphql(`
  query GapTaskAreas {
    taskAreas {
      id
      nameDe
      nameEn
    }
  }
`);
