import { graphql } from '../../../gql';

export const SignInOptionsQuery = graphql(`
  query SignInOptions {
    oidcSignIn
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      account {
        id
        displayName
        role
      }
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut {
      sessionsEnded
    }
  }
`);

export const SignOutEverywhereMutation = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere {
      sessionsEnded
    }
  }
`);

export const RegisterMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      account {
        id
        displayName
        status
      }
    }
  }
`);

export const AccountFields = graphql(`
  fragment AccountRow_account on Account {
    id
    displayName
    email
    role
    status
    createdAt
    municipalityAgs
  }
`);

export const AccountsQuery = graphql(`
  query Accounts($status: AccountStatus, $first: Int, $after: String) {
    accounts(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...AccountRow_account
        }
      }
    }
  }
`);

export const ConfirmAccountMutation = graphql(`
  mutation ConfirmAccount($input: ConfirmAccountInput!) {
    confirmAccount(input: $input) {
      account {
        ...AccountRow_account
      }
    }
  }
`);

export const SetAccountRoleMutation = graphql(`
  mutation SetAccountRole($input: SetAccountRoleInput!) {
    setAccountRole(input: $input) {
      account {
        ...AccountRow_account
      }
    }
  }
`);

export const DisableAccountMutation = graphql(`
  mutation DisableAccount($input: DisableAccountInput!) {
    disableAccount(input: $input) {
      account {
        ...AccountRow_account
      }
    }
  }
`);

export const AuditLogQuery = graphql(`
  query AuditLog($first: Int, $after: String) {
    auditLog(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          action
          actorId
          targetId
          address
          detail
        }
      }
    }
  }
`);
