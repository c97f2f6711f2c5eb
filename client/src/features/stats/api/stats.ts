import { graphql } from '../../../gql';

export const StatsQuery = graphql(`
  query Stats {
    stats {
      municipalities
      districts
      borders
      taskAreas
      cooperations
      cooperationsResearched
      cooperationsGenerated
      population
    }
  }
`);
