import { graphql } from '../../../gql';

export const NetworkQuery = graphql(`
  query CooperationNetwork($filter: NetworkFilter) {
    cooperationNetwork(filter: $filter) {
      snapshotDate
      attribution
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
          ags
          shortName
          boundary
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
      id
      nameDe
      nameEn
    }
  }
`);
