import { graphql } from '../../../gql';

// Each query composes the fragments of the components that render its parts (ScoreBreakdown, FundingFact,
// WeightSliders, StateBadge, CooperationMarks, MemberList, the map's shapes, task-area names).

export const TaskAreasQuery = graphql(`
  query TaskAreas {
    taskAreas {
      ...TaskAreaName_taskArea
      proximity
      efficientScale
    }
  }
`);

export const PartnerSuggestionsQuery = graphql(`
  query PartnerSuggestions($ags: ID!, $taskArea: ID!, $options: PartnerOptions) {
    partnerSuggestions(ags: $ags, taskArea: $taskArea, options: $options) {
      municipality {
        ...MapShape_municipality
        population
        district {
          name
        }
      }
      taskArea {
        ...TaskAreaName_taskArea
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
          ...MapShape_municipality
          population
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
