import { graphql } from '../../../gql';

export const GapsQuery = graphql(`
  query CooperationGaps($taskArea: ID!, $filter: GapFilter) {
    cooperationGaps(taskArea: $taskArea, filter: $filter) {
      taskArea
      cooperatingCount
      gaps {
        share
        neighbours
        cooperatingNeighbours
        municipality {
          ...MapShape_municipality
          population
          district {
            key
            name
          }
          region {
            key
            name
          }
        }
      }
      hosts {
        catchmentPopulation
        cooperations
        municipality {
          ...MapShape_municipality
        }
        catchment {
          ...MapShape_municipality
        }
      }
    }
  }
`);

export const GapTaskAreasQuery = graphql(`
  query GapTaskAreas {
    taskAreas {
      ...TaskAreaName_taskArea
    }
    districts {
      key
      name
      region {
        key
        name
      }
    }
  }
`);
