import { graphql } from '../../../gql';

export const CooperationDirectoryQuery = graphql(`
  query CooperationDirectory($filter: CooperationFilter, $first: Int, $after: String) {
    cooperations(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          legalForm
          provenance
          taskAreas {
            id
            nameDe
            nameEn
          }
        }
      }
    }
    taskAreas {
      id
      nameDe
      nameEn
    }
  }
`);

export const CooperationDetailQuery = graphql(`
  query CooperationDetail($id: ID!) {
    cooperation(id: $id) {
      id
      name
      legalForm
      status
      startDate
      seat
      description
      provenance
      sourceUrl
      remark
      taskAreas {
        id
        nameDe
        nameEn
      }
      members {
        kind
        key
        name
        role
      }
    }
  }
`);

export const MemberShapesQuery = graphql(`
  query MemberShapes($ags: ID!) {
    municipality(ags: $ags) {
      ags
      shortName
      boundary
    }
  }
`);
