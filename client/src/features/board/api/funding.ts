import { graphql } from '../../../gql';

// The funding check of an idea and its Projektskizze (issue 12, part 7). The check is the API's
// (`ProjectIdea.fundingCheck`: the Förderrichtlinie IKZ NRW with the engine's one funding rule); the client only
// chooses the partners and the cost, and keeps the two declarations the municipalities make.

export const FundingCheckFragment = graphql(`
  fragment FundingCheck_check on FundingCheck {
    partners {
      ags
      name
      shortName
      population
      crossBorder
      stateName
      district {
        name
      }
    }
    items {
      key
      state
      labelDe
      labelEn
      reasonDe
      reasonEn
    }
    existingCooperations {
      id
      name
      status
      blocks
      unconfirmed
      members {
        ags
        shortName
      }
    }
    estimate {
      ...FundingFact_funding
    }
    projectCostEur
    nrwPartners
    otherPartners
    eligibleOnceDeclared
  }
`);

/** What the partners are picked from: the engine's first suggestions, and (signed in) the idea's interests. */
export const FundingChoicesQuery = graphql(`
  query BoardFundingChoices($id: ID!) {
    projectIdea(id: $id) {
      id
      suggestions(limit: 10) {
        candidates {
          rank
          municipality {
            ags
            shortName
            crossBorder
            stateName
          }
        }
      }
    }
  }
`);

export const FundingInterestsQuery = graphql(`
  query BoardFundingInterests($id: ID!) {
    projectIdea(id: $id) {
      id
      viewerIsOwner
      viewerCanEdit
      interests {
        id
        status
        municipality {
          ags
          shortName
          crossBorder
          stateName
        }
      }
    }
  }
`);

export const FundingCheckQuery = graphql(`
  query BoardFundingCheck($id: ID!, $partners: [ID!]!, $cost: Int) {
    projectIdea(id: $id) {
      id
      fundingCheck(partnerAgs: $partners, projectCostEur: $cost) {
        ...FundingCheck_check
      }
    }
  }
`);

/** The one-page Projektskizze: the idea, its owner, the engine's reasons for the partners, the check and the sources. */
export const ProjectSketchQuery = graphql(`
  query BoardProjectSketch($id: ID!, $partners: [ID!]!, $cost: Int) {
    projectIdea(id: $id) {
      id
      title
      description
      timeline
      partnersSought
      targetPopulation
      fundingPlanned
      ownerRevealed
      createdAt
      taskArea {
        ...TaskAreaName_taskArea
      }
      municipality {
        ags
        name
        shortName
        population
        district {
          name
          region {
            name
          }
        }
      }
      suggestions(limit: 25) {
        maxDistanceKm
        candidates {
          rank
          score
          municipality {
            ags
          }
          facts {
            distanceKm
          }
          components {
            ...ScoreBreakdown_component
          }
        }
      }
      fundingCheck(partnerAgs: $partners, projectCostEur: $cost) {
        ...FundingCheck_check
      }
    }
    stats {
      cooperations
      estimatedCooperationsInNrw
    }
  }
`);
