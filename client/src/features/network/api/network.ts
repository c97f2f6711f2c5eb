import { graphql } from '../../../gql';

export const NetworkQuery = graphql(`
  query CooperationNetwork($filter: NetworkFilter) {
    cooperationNetwork(filter: $filter) {
      snapshotDate
      attribution
      attributionEn
      communityCount
      isolatedCount
      modularity
      nodes {
        community
        degree
        weightedDegree
        betweenness
        x
        y
        municipality {
          ...MapShape_municipality
          district {
            name
          }
        }
      }
      edges {
        source
        target
        weight
      }
      districts {
        districtKey
        name
        municipalities
        internalTies
        density
      }
    }
    taskAreas {
      ...TaskAreaName_taskArea
    }
  }
`);
