import { graphql } from '../../../gql';

// The Kooperationsbörse (issue 12, ADR 014). Visibility is the API's: every query returns only what the caller may
// see, and an anonymised idea comes without its municipality.

export const IdeaCardFragment = graphql(`
  fragment BoardIdea_idea on ProjectIdea {
    id
    version
    title
    description
    partnersSought
    targetPopulation
    radiusKm
    timeline
    fundingPlanned
    visibility
    status
    stage
    createdAt
    updatedAt
    ownerRevealed
    viewerIsOwner
    viewerCanEdit
    viewerCanExpressInterest
    taskArea {
      ...TaskAreaName_taskArea
    }
    municipality {
      ags
      shortName
      district {
        key
        name
      }
    }
  }
`);

export const BoardOptionsQuery = graphql(`
  query BoardOptions {
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

export const BoardQuery = graphql(`
  query Board($filter: ProjectIdeaFilter, $first: Int, $after: String) {
    projectIdeas(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...BoardIdea_idea
        }
      }
    }
  }
`);

/** The same filter for the map: up to 100 ideas with their owner's shape (an anonymised idea has none). */
export const BoardMapQuery = graphql(`
  query BoardMap($filter: ProjectIdeaFilter) {
    projectIdeas(filter: $filter, first: 100) {
      totalCount
      edges {
        node {
          id
          title
          ownerRevealed
          municipality {
            ...MapShape_municipality
          }
        }
      }
    }
  }
`);

export const FittingIdeasQuery = graphql(`
  query FittingIdeas($first: Int, $after: String, $ags: ID) {
    fittingProjectIdeas(first: $first, after: $after, ags: $ags) {
      totalCount
      withinRank
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          rank
          municipality {
            ags
            shortName
          }
          idea {
            ...BoardIdea_idea
          }
          candidate {
            score
            components {
              ...ScoreBreakdown_component
            }
            facts {
              distanceKm
              combinedPopulation
            }
            funding {
              ...FundingFact_funding
            }
          }
        }
      }
    }
  }
`);

export const MyInterestsQuery = graphql(`
  query MyInterests($first: Int, $after: String) {
    myInterests(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          createdAt
          respondedAt
          municipality {
            ags
            shortName
          }
          idea {
            id
            title
            status
            ownerRevealed
            municipality {
              ags
              shortName
            }
          }
        }
      }
    }
  }
`);

export const ContactSideFragment = graphql(`
  fragment BoardContactSide_side on ContactSide {
    name
    email
    municipality {
      ags
      shortName
    }
    contactPersons {
      id
      name
      function
      email
      phone
    }
  }
`);

export const InterestFragment = graphql(`
  fragment BoardInterest_interest on Interest {
    id
    status
    message
    createdAt
    respondedAt
    municipality {
      ags
      shortName
    }
  }
`);

/**
 * The contact relay, apart from the interest: only the two sides ask for it (the office brokers without it, and the
 * API gives it to nobody else), so the office's view of an idea's interests never depends on it.
 */
export const InterestContactFragment = graphql(`
  fragment BoardInterestContact_interest on Interest {
    contact {
      owner {
        ...BoardContactSide_side
      }
      interested {
        ...BoardContactSide_side
      }
    }
  }
`);

export const IdeaQuery = graphql(`
  query BoardIdeaPage($id: ID!) {
    projectIdea(id: $id) {
      ...BoardIdea_idea
      completedAt
      withdrawnAt
      municipality {
        ...MapShape_municipality
      }
    }
  }
`);

/** Interests need a session (the API refuses them anonymously), so they are their own query. */
export const IdeaInterestsQuery = graphql(`
  query BoardIdeaInterests($id: ID!, $withContact: Boolean!) {
    projectIdea(id: $id) {
      id
      interests {
        ...BoardInterest_interest
        ...BoardInterestContact_interest @include(if: $withContact)
      }
    }
  }
`);

/** The office's proposals as the two sides see them: the owner all of them, a proposed municipality its own. */
export const IdeaProposalsQuery = graphql(`
  query BoardIdeaProposals($id: ID!) {
    projectIdea(id: $id) {
      id
      proposals {
        id
        status
        message
        createdAt
        municipality {
          ags
          shortName
        }
      }
    }
  }
`);

/** The engine's partners for the idea: the partner finder's ranking with the idea's task, radius and target. */
export const IdeaSuggestionsQuery = graphql(`
  query BoardIdeaSuggestions($id: ID!) {
    projectIdea(id: $id) {
      id
      suggestions(limit: 10) {
        maxDistanceKm
        targetPopulation
        consideredCount
        municipality {
          ...MapShape_municipality
        }
        existingPartners {
          ags
          shortName
        }
        candidates {
          rank
          score
          municipality {
            ...CandidatePlace_municipality
          }
          components {
            ...ScoreBreakdown_component
          }
          facts {
            distanceKm
            combinedPopulation
          }
          funding {
            ...FundingFact_funding
          }
        }
      }
    }
  }
`);

/** For editing: the idea as stored (task area id, version) so the form starts from it. */
export const IdeaForEditQuery = graphql(`
  query BoardIdeaForEdit($id: ID!) {
    projectIdea(id: $id) {
      id
      version
      title
      description
      partnersSought
      targetPopulation
      radiusKm
      timeline
      fundingPlanned
      visibility
      status
      viewerCanEdit
      taskArea {
        id
      }
      municipality {
        ags
        shortName
      }
    }
  }
`);

export const CreateIdeaMutation = graphql(`
  mutation CreateProjectIdea($input: CreateProjectIdeaInput!) {
    createProjectIdea(input: $input) {
      idea {
        ...BoardIdea_idea
      }
    }
  }
`);

export const UpdateIdeaMutation = graphql(`
  mutation UpdateProjectIdea($input: UpdateProjectIdeaInput!) {
    updateProjectIdea(input: $input) {
      idea {
        ...BoardIdea_idea
      }
    }
  }
`);

export const WithdrawIdeaMutation = graphql(`
  mutation WithdrawProjectIdea($input: ProjectIdeaStateInput!) {
    withdrawProjectIdea(input: $input) {
      idea {
        ...BoardIdea_idea
        withdrawnAt
      }
    }
  }
`);

export const CompleteIdeaMutation = graphql(`
  mutation CompleteProjectIdea($input: ProjectIdeaStateInput!) {
    completeProjectIdea(input: $input) {
      idea {
        ...BoardIdea_idea
        completedAt
      }
    }
  }
`);

export const ExpressInterestMutation = graphql(`
  mutation ExpressInterest($input: ExpressInterestInput!) {
    expressInterest(input: $input) {
      interest {
        ...BoardInterest_interest
      }
    }
  }
`);

export const AcceptInterestMutation = graphql(`
  mutation AcceptInterest($input: InterestDecisionInput!) {
    acceptInterest(input: $input) {
      interest {
        ...BoardInterest_interest
      }
    }
  }
`);

export const DeclineInterestMutation = graphql(`
  mutation DeclineInterest($input: InterestDecisionInput!) {
    declineInterest(input: $input) {
      interest {
        ...BoardInterest_interest
      }
    }
  }
`);

export const WithdrawInterestMutation = graphql(`
  mutation WithdrawInterest($input: InterestDecisionInput!) {
    withdrawInterest(input: $input) {
      interest {
        ...BoardInterest_interest
      }
    }
  }
`);

export const InboxQuery = graphql(`
  query Inbox($unreadOnly: Boolean, $first: Int, $after: String) {
    inbox(unreadOnly: $unreadOnly, first: $first, after: $after) {
      totalCount
      unreadCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          createdAt
          read
          textDe
          textEn
          idea {
            id
            title
          }
          proposal {
            id
            message
          }
        }
      }
    }
  }
`);

export const MarkNoticesReadMutation = graphql(`
  mutation MarkNoticesRead($input: MarkNoticesReadInput!) {
    markNoticesRead(input: $input) {
      updated
      unreadCount
    }
  }
`);
