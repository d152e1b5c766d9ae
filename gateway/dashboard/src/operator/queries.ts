/**
 * The operator's workspace operations, against infra/supergraph.graphql (typed by `npm run codegen`
 * as queries.ts is). One query for the organization: what other subgraphs add to it (the inbox,
 * the week's progress, the pages' crawls) is nullable, so a subgraph that is down leaves a gap,
 * not an empty page.
 */
import { graphql } from '../generated/gql.js';

export const OPERATOR_WEEK = graphql(`
  query OperatorWeek($organizationId: ID!) {
    organization(id: $organizationId) {
      id
      name
      parent {
        id
        name
      }
      children {
        id
        name
      }
      weekProgress {
        week
        placed
        required
        remaining
        atRisk
        severity
      }
      placementCount
      receivedMaterials {
        id
        title
        summary
        body
        topic
        hashtags
        mediaLinks
        distributedAt
        withdrawnAt
        placementWindow {
          until
        }
      }
      placements {
        id
        url
        publishedAt
        viaGospabliki
        source
        reportedBy
        verification
        material {
          id
          title
        }
        page {
          id
          platform
          url
        }
      }
      pages {
        id
        platform
        url
        verified
        feedbackWidgets {
          form
          placedAt
        }
        crawl {
          status
          lastCrawledAt
          lastPostAt
          error
        }
      }
      mediaPublications {
        id
        outlet
        url
        issueReference
        publishedAt
      }
      compliance(last: 8, rule: WEEKLY_PLACEMENTS) {
        period
        required
        actual
        status
        exemption {
          id
          reason
        }
      }
      escalations(last: 5) {
        id
        level
        rule
        period
        createdAt
        resolvedAt
      }
    }
  }
`);

export const REPORT_PLACEMENT = graphql(`
  mutation OperatorReportPlacement($input: [ReportPlacementInput!]!) {
    reportPlacements(input: $input) {
      accepted
      duplicates
    }
  }
`);

export const CORRECT_PLACEMENT = graphql(`
  mutation OperatorCorrectPlacement($id: ID!, $url: String!, $publishedAt: DateTime!) {
    correctPlacement(id: $id, url: $url, publishedAt: $publishedAt) {
      id
    }
  }
`);

export const WITHDRAW_PLACEMENT = graphql(`
  mutation OperatorWithdrawPlacement($id: ID!, $reason: String!) {
    withdrawPlacement(id: $id, reason: $reason) {
      id
    }
  }
`);

/**
 * The posts the hub read on the organization's pages, with the materials it thinks they place. The
 * matches with their evidence, as the contract's PagePosts selects them: a caching client would
 * otherwise replace one with the other (README.md, "A caching client").
 */
export const OPERATOR_SUGGESTIONS = graphql(`
  query OperatorSuggestions($organizationId: ID!) {
    organization(id: $organizationId) {
      id
      pages {
        id
        platform
        posts(first: 30) {
          edges {
            node {
              id
              url
              publishedAt
              text
              matches {
                score
                decision
                evidence
                material {
                  id
                  title
                }
              }
            }
          }
        }
      }
    }
  }
`);

export const DECIDE_MATCH = graphql(`
  mutation OperatorDecideMatch($postId: ID!, $materialId: ID!, $confirmed: Boolean!) {
    decidePostMatch(postId: $postId, materialId: $materialId, confirmed: $confirmed) {
      decision
    }
  }
`);

export const REPORT_MEDIA = graphql(`
  mutation OperatorReportMedia($input: ReportMediaPublicationInput!) {
    reportMediaPublication(input: $input) {
      id
    }
  }
`);
