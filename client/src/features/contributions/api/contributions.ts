import { graphql } from '../../../gql';

export const ReportContextQuery = graphql(`
  query ReportContext {
    taskAreas {
      id
      nameDe
      nameEn
    }
  }
`);

/** The record as the form edits it: every field the report sends back, with the version it is based on. */
export const CooperationRecordQuery = graphql(`
  query CooperationRecord($id: ID!) {
    cooperation(id: $id) {
      id
      version
      name
      legalForm
      status
      startYear
      endDate
      seat
      description
      evidence
      sourceUrl
      sourceReference
      sourceDate
      confidence
      taskAreas {
        id
      }
      members {
        key
        kind
        role
        name
        municipality {
          ags
          shortName
        }
      }
    }
  }
`);

export const ContributionFields = graphql(`
  fragment ContributionItem_contribution on Contribution {
    id
    kind
    status
    origin
    createdAt
    reviewedAt
    reason
    note
    authorName
    reviewerName
    municipalityAgs
    cooperationId
    baseVersion
    record {
      name
      sourceUrl
      sourceReference
    }
    end {
      endDate
      sourceUrl
      sourceReference
    }
    cooperation {
      id
      name
      version
    }
  }
`);

export const SubmitContributionMutation = graphql(`
  mutation SubmitContribution($input: SubmitContributionInput!) {
    submitContribution(input: $input) {
      contribution {
        ...ContributionItem_contribution
      }
    }
  }
`);

export const CreateCooperationMutation = graphql(`
  mutation CreateCooperation($input: CreateCooperationInput!) {
    createCooperation(input: $input) {
      version
      cooperation {
        id
      }
    }
  }
`);

export const UpdateCooperationMutation = graphql(`
  mutation UpdateCooperation($input: UpdateCooperationInput!) {
    updateCooperation(input: $input) {
      version
      cooperation {
        id
      }
    }
  }
`);

export const MyContributionsQuery = graphql(`
  query MyContributions($first: Int) {
    myContributions(first: $first) {
      totalCount
      edges {
        node {
          ...ContributionItem_contribution
        }
      }
    }
  }
`);

export const WorklistQuery = graphql(`
  query Worklist($first: Int) {
    worklist(first: $first) {
      staleBefore
      pendingContributionCount
      pendingContributions {
        ...ContributionItem_contribution
        changes {
          field
          before
          after
        }
      }
      pendingAccountCount
      pendingAccounts {
        id
        displayName
        email
        createdAt
        municipalityAgs
      }
      neverVerifiedCount
      neverVerified {
        ...WorklistCooperation_cooperation
      }
      notVerifiedRecentlyCount
      notVerifiedRecently {
        ...WorklistCooperation_cooperation
      }
      lowConfidenceCount
      lowConfidence {
        ...WorklistCooperation_cooperation
      }
    }
  }
`);

export const WorklistCooperationFields = graphql(`
  fragment WorklistCooperation_cooperation on Cooperation {
    id
    name
    verifiedAt
    confidence
    version
  }
`);

export const ApproveContributionMutation = graphql(`
  mutation ApproveContribution($input: ApproveContributionInput!) {
    approveContribution(input: $input) {
      contribution {
        id
        status
        cooperationId
      }
      cooperation {
        id
        name
      }
    }
  }
`);

export const RejectContributionMutation = graphql(`
  mutation RejectContribution($input: RejectContributionInput!) {
    rejectContribution(input: $input) {
      contribution {
        id
        status
        reason
      }
    }
  }
`);

export const ConfirmPendingAccountMutation = graphql(`
  mutation ConfirmPendingAccount($input: ConfirmAccountInput!) {
    confirmAccount(input: $input) {
      account {
        id
        status
      }
    }
  }
`);

export const ReportMunicipalityQuery = graphql(`
  query ReportMunicipality($ags: ID!) {
    municipality(ags: $ags) {
      ags
      shortName
    }
  }
`);
