import { graphql } from '../../../gql';

export const StatsQuery = graphql(`
  query Stats {
    stats {
      municipalities
      crossBorderMunicipalities
      districts
      borders
      taskAreas
      cooperations
      cooperationsInForce
      cooperationsUnconfirmed
      estimatedCooperationsInNrw
      population
    }
  }
`);
