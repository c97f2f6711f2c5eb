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
            ...TaskAreaName_taskArea
          }
        }
      }
    }
    taskAreas {
      ...TaskAreaName_taskArea
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
        ...TaskAreaName_taskArea
      }
      members {
        ...MemberList_member
        # The map's shapes come with the members: one query for the page, batched on the server.
        municipality {
          ...MapShape_municipality
        }
      }
    }
  }
`);
