import { graphql } from '../../gql';

/** The base layer every map draws first; the same for every map, so Apollo's cache serves it after the first. */
export const MapBaseQuery = graphql(`
  query MapBase {
    mapBase {
      version
      land
      districtBorders
    }
  }
`);
