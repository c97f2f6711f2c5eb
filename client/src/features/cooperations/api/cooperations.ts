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
          memberCount
          ...CooperationMarks_cooperation
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
      startYear
      seat
      description
      evidence
      remark
      memberCount
      verifiedAt
      ...CooperationMarks_cooperation
      taskAreas {
        id
        nameDe
        nameEn
      }
      members {
        ...MemberList_member
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
