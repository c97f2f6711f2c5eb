import { graphql } from '../../../gql';

// Shared selections: every view of a score shows the same component and funding fields.
export const ScoreComponentFields = graphql(`
  fragment ScoreComponentFields on ScoreComponent {
    key
    rawValue
    weight
    contribution
    reasonDe
    reasonEn
    source
  }
`);

export const FundingFields = graphql(`
  fragment FundingFields on FundingEstimate {
    eligible
    maxGrantEur
    reasonDe
    reasonEn
  }
`);

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
        proximity
        existingTies
        experience
        sizeFit
        sameDistrict
        funding
      }
      defaultWeights {
        proximity
        existingTies
        experience
        sizeFit
        sameDistrict
        funding
      }
      maxDistanceKm
      targetPopulation
      consideredCount
      existingPartners {
        ags
        shortName
      }
      candidates {
        rank
        score
        municipality {
          ags
          shortName
          population
          boundary
          district {
            name
          }
        }
        components {
          ...ScoreComponentFields
        }
        facts {
          distanceKm
          hops
          sharedBorderKm
          combinedPopulation
        }
        funding {
          ...FundingFields
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
        }
        components {
          ...ScoreComponentFields
        }
        funding {
          ...FundingFields
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
      provenance
      distanceKm
      viaDistrict
      memberCount
      nearestMember {
        shortName
      }
      members {
        key
        name
        role
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
