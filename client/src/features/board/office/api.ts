import { graphql } from '../../../gql';

// The office's brokering on the Kooperationsbörse (issue 12, part 4): the dashboard, and on the idea page the stage
// pipeline, the proposals and the notes. The API decides who may do what (the office; the owner for the stage).

export const DashboardIdeaFragment = graphql(`
  fragment OfficeDashboardIdea_row on DashboardIdea {
    ageDays
    interestCount
    proposalCount
    idea {
      id
      title
      stage
      stageChangedAt
      status
      visibility
      createdAt
      taskArea {
        ...TaskAreaName_taskArea
      }
      municipality {
        ags
        shortName
        district {
          key
          name
          region {
            key
            name
          }
        }
      }
    }
  }
`);

export const OfficeDashboardQuery = graphql(`
  query OfficeBoardDashboard($days: Int) {
    officeBoardDashboard {
      activeIdeas
      medianAgeDays
      byStage {
        stage
        count
      }
      byStatus {
        status
        count
      }
      byRegion {
        count
        region {
          key
          name
        }
      }
      byDistrict {
        count
        district {
          key
          name
        }
      }
      ageBands {
        fromDays
        toDays
        count
      }
      ideas {
        ...OfficeDashboardIdea_row
      }
      ideasWithoutInterest(days: $days) {
        ...OfficeDashboardIdea_row
      }
    }
  }
`);

/** The pipeline part of the idea page: for everyone who may see the idea; history details only for the parties. */
export const IdeaStageQuery = graphql(`
  query BoardIdeaStage($id: ID!) {
    projectIdea(id: $id) {
      id
      version
      stage
      stageChangedAt
      viewerCanSetStage
      nextStages
      stageHistory {
        stage
        fromStage
        at
        by
        note
      }
    }
  }
`);

/** The office's part: proposals and notes (notes are FORBIDDEN for anyone else, so only the office asks). */
export const IdeaOfficeQuery = graphql(`
  query BoardIdeaOffice($id: ID!) {
    projectIdea(id: $id) {
      id
      proposals {
        id
        status
        message
        createdAt
        interestAt
        municipality {
          ags
          shortName
        }
      }
      notes {
        id
        text
        createdAt
        authorName
      }
    }
  }
`);

export const SetStageMutation = graphql(`
  mutation SetProjectIdeaStage($input: SetProjectIdeaStageInput!) {
    setProjectIdeaStage(input: $input) {
      idea {
        id
        version
        stage
        stageChangedAt
        nextStages
        stageHistory {
          stage
          fromStage
          at
          by
          note
        }
      }
    }
  }
`);

export const ProposeMatchMutation = graphql(`
  mutation ProposeMatch($input: ProposeMatchInput!) {
    proposeMatch(input: $input) {
      proposal {
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

export const AddNoteMutation = graphql(`
  mutation AddProjectIdeaNote($input: AddProjectIdeaNoteInput!) {
    addProjectIdeaNote(input: $input) {
      note {
        id
        text
        createdAt
        authorName
      }
    }
  }
`);

/** The records the idea became (the owner municipality and the office see them; null for everyone else). */
export const IdeaRegisterQuery = graphql(`
  query BoardIdeaRegister($id: ID!) {
    projectIdea(id: $id) {
      id
      title
      visibility
      stage
      registerRecords {
        contributionId
        cooperationId
        createdAt
        memberAgs
        status
      }
      municipality {
        ags
        shortName
      }
      interests {
        id
        status
        municipality {
          ags
          shortName
        }
      }
    }
  }
`);

export const CreateContributionFromIdeaMutation = graphql(`
  mutation CreateContributionFromIdea($input: CreateContributionFromIdeaInput!) {
    createContributionFromIdea(input: $input) {
      contribution {
        id
      }
      registerRecord {
        contributionId
        cooperationId
        createdAt
        memberAgs
        status
      }
    }
  }
`);
