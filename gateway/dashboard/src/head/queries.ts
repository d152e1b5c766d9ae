/** The head's page operations, against infra/supergraph.graphql (typed by `npm run codegen`). */
import { graphql } from '../generated/gql.js';

/** The organization the head answers for (or one below it), with the organizations directly below it. */
export const HEAD_ORGANIZATION = graphql(`
  query HeadOrganization($organizationId: ID!) {
    organization(id: $organizationId) {
      id
      name
      parent {
        id
        name
      }
      placementCount
      weekProgress {
        week
        placed
        required
        remaining
        atRisk
        severity
      }
      children {
        id
        name
        kind
        placementCount
        weekProgress {
          week
          placed
          required
          remaining
          atRisk
          severity
        }
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
      escalations(last: 10) {
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

/** The communications officers of the head's tree: whom to call about an organization at risk. */
export const HEAD_OFFICERS = graphql(`
  query HeadOfficers {
    users(role: OPERATOR, first: 200) {
      edges {
        node {
          id
          fullName
          email
          organization {
            id
          }
        }
      }
    }
  }
`);
