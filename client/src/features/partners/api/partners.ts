import { graphql } from '../../../gql';

// Each query composes the fragments of the components that render its parts (ScoreBreakdown, FundingFact,
// WeightSliders, StateBadge, CooperationMarks, MemberList).

export const TaskAreasQuery = graphql(`
  query TaskAreas {
    taskAreas {
      id
      nameDe
      nameEn
      proximity
      efficientScale
    }
  }
`);

export const PartnerSuggestionsQuery = graphql(`
  query PartnerSuggestions($ags: ID!, $taskArea: ID!, $options: PartnerOptions) {
    partnerSuggestions(ags: $ags, taskArea: $taskArea, options: $options) {
      municipality {
        ags
        shortName
        population
        boundary
        district {
          name
        }
      }
      taskArea {
        id
        nameDe
        nameEn
      }
      weights {
        ...WeightSliders_weight
      }
      maxDistanceKm
      targetPopulation
      projectCostEur
      consideredCount
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
`);

export const CoalitionSuggestionsQuery = graphql(`
  query CoalitionSuggestions($ags: ID!, $taskArea: ID!, $options: CoalitionOptions) {
    coalitionSuggestions(ags: $ags, taskArea: $taskArea, options: $options) {
      targetPopulation
      coalitions {
        rank
        score
        combinedPopulation
        reachesTarget
        connected
        members {
          ags
          shortName
          population
          boundary
          ...StateBadge_municipality
        }
        components {
          ...ScoreBreakdown_component
        }
        funding {
          ...FundingFact_funding
        }
      }
    }
  }
`);

export const JoinableCooperationsQuery = graphql(`
  query JoinableCooperations($ags: ID!, $taskArea: ID!, $options: JoinableOptions) {
    joinableCooperations(ags: $ags, taskArea: $taskArea, options: $options) {
      id
      name
      legalForm
      status
      confidence
      sourceUrl
      sourceDate
      distanceKm
      viaDistrict
      memberCount
      nearestMember {
        shortName
      }
      members {
        ...MemberList_member
      }
    }
  }
`);

export const FinderMunicipalityQuery = graphql(`
  query FinderMunicipality($ags: ID!) {
    municipality(ags: $ags) {
      ags
      shortName
    }
  }
`);
