/** The editor's workspace operations, against infra/supergraph.graphql (typed by `npm run codegen`). */
import { graphql } from '../generated/gql.js';

export const EDITOR_MATERIALS = graphql(`
  query EditorMaterials($status: MaterialStatus, $search: String, $first: Int = 20, $after: String) {
    materials(status: $status, search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          summary
          body
          topic
          status
          hashtags
          mediaLinks
          author
          createdAt
          approvedAt
          approvedBy
          distributedAt
          recipientCount
          withdrawnAt
          withdrawalReason
          placementCount
          placementWindow {
            until
          }
        }
      }
    }
  }
`);

// The current week is the history's last: the editor sees the week it is working in.
export const EDITOR_SUPPLY = graphql(`
  query EditorSupply {
    contentSupplyHistory(weeks: 1) {
      week
      distributed
      required
      byRecipientGroup {
        kind
        recipients
        fewest
        most
      }
    }
  }
`);

export const EDITOR_NOTES = graphql(`
  query EditorNotes {
    methodologicalNotes(open: true, first: 50) {
      id
      text
      author
      authorRole
      topic
      week
      createdAt
      material {
        id
        title
      }
    }
  }
`);

export const AUDIENCE_SIZE = graphql(`
  query EditorAudienceSize($audience: AudienceInput!) {
    audienceSize(audience: $audience)
  }
`);

export const CREATE_MATERIAL = graphql(`
  mutation EditorCreateMaterial($input: CreateMaterialInput!) {
    createMaterial(input: $input) {
      id
    }
  }
`);

export const UPDATE_MATERIAL = graphql(`
  mutation EditorUpdateMaterial($id: ID!, $input: UpdateMaterialInput!) {
    updateMaterial(id: $id, input: $input) {
      id
    }
  }
`);

export const APPROVE_MATERIAL = graphql(`
  mutation EditorApproveMaterial($id: ID!) {
    approveMaterial(id: $id) {
      id
    }
  }
`);

export const DISTRIBUTE_MATERIAL = graphql(`
  mutation EditorDistributeMaterial($id: ID!, $audience: AudienceInput!) {
    distributeMaterial(id: $id, audience: $audience) {
      id
      recipientCount
    }
  }
`);

export const WITHDRAW_MATERIAL = graphql(`
  mutation EditorWithdrawMaterial($id: ID!, $reason: String!) {
    withdrawMaterial(id: $id, reason: $reason) {
      id
    }
  }
`);

export const ANSWER_NOTE = graphql(`
  mutation EditorAnswerNote($id: ID!, $answer: String) {
    markNoteAnswered(id: $id, answer: $answer) {
      id
    }
  }
`);
