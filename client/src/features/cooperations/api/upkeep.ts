import { graphql } from '../../../gql';

/** Who changed what, when, on which source; the names only for signed-in users (the API refuses them otherwise). */
export const CooperationHistoryQuery = graphql(`
  query CooperationHistory($id: ID!, $signedIn: Boolean!) {
    cooperation(id: $id) {
      id
      version
      verifiedAt
      verificationDue
      members {
        kind
        key
      }
      history {
        version
        at
        provenance
        summary
        sourceUrl
        sourceReference
        contributionId
        changes {
          field
          before
          after
        }
        actorName @include(if: $signedIn)
        reviewerName @include(if: $signedIn)
      }
    }
  }
`);

export const CooperationContactsQuery = graphql(`
  query CooperationContacts($id: ID!) {
    cooperation(id: $id) {
      id
      contactPersons {
        id
        name
        function
        email
        phone
        consentGivenOn
      }
    }
  }
`);

export const AddContactPersonMutation = graphql(`
  mutation AddContactPerson($input: AddContactPersonInput!) {
    addContactPerson(input: $input) {
      contactPerson {
        id
        name
      }
    }
  }
`);

export const RemoveContactPersonMutation = graphql(`
  mutation RemoveContactPerson($input: RemoveContactPersonInput!) {
    removeContactPerson(input: $input) {
      removedId
    }
  }
`);
