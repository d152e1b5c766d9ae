/**
 * Every GraphQL operation the dashboard sends, against infra/supergraph.graphql. `npm run codegen`
 * types each one (its result and variables) from that schema into generated/.
 */
import { graphql } from './generated/gql.js';

// One query per subgraph's root field: a non-null root field of a subgraph that is down nulls the
// whole answer, so what the others own must come in a request of its own.

export const TREND = graphql(`
  query DashboardTrend {
    complianceTrend(weeks: 12, severity: MANDATORY) {
      period
      evaluated
      met
      missed
      exempt
      rate
    }
  }
`);

// 13: the same twelve complete weeks as the trend, plus the current one.
export const SUPPLY_HISTORY = graphql(`
  query DashboardSupplyHistory {
    contentSupplyHistory(weeks: 13) {
      week
      distributed
      required
      met
    }
  }
`);

export const SUMMARY = graphql(`
  query DashboardSummary($week: String!) {
    complianceSummary(period: $week) {
      period
      evaluated
      met
      missed
      exempt
      rate
      bySeverity {
        severity
        rate
      }
    }
  }
`);

export const SUPPLY = graphql(`
  query DashboardSupply($week: String!) {
    contentSupply(week: $week) {
      week
      distributed
      required
      met
    }
  }
`);

export const MUNICIPALITIES = graphql(`
  query DashboardMunicipalities {
    organizations(kind: MUNICIPALITY, first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

// 100 rows a page, «Показать ещё» for the next: a first screen that answers fast (at 100,000
// organizations the ranking itself takes about 0.5 s, bench dashboard:heatmap) and a table a
// person can scan; the gateway's cost limit would allow 500.
export const HEATMAP = graphql(`
  query DashboardHeatmap($kind: OrganizationKind, $municipalityId: ID, $after: String) {
    complianceHeatmap(weeks: 12, kind: $kind, municipalityId: $municipalityId, first: 100, after: $after) {
      periods
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      rows {
        organization {
          id
          name
          shortName
          kind
          registeredAt
        }
        statuses
        missed
        consecutiveMisses
      }
    }
  }
`);

export const LAGGARDS = graphql(`
  query DashboardLaggards($week: String!) {
    laggards(period: $week, limit: 20) {
      organization {
        id
        name
      }
      parent {
        id
        name
      }
      municipality {
        id
        name
      }
      consecutiveMisses
      missedSince
      actual
      required
      severity
    }
  }
`);

// The weekly rule's history: unfiltered, the daily widget results would crowd out the weeks.
// weekProgress and the widgets as the operator's workspace selects them: a caching client would
// otherwise replace one with the other (README.md, "A caching client").
export const ORGANIZATION = graphql(`
  query DashboardOrganization($id: ID!) {
    organization(id: $id) {
      id
      name
      kind
      registeredAt
      parent {
        id
        name
      }
      head {
        fullName
        position
        email
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
      }
      compliance(last: 12, rule: WEEKLY_PLACEMENTS) {
        rule
        period
        status
        actual
        required
        consecutiveMisses
      }
      weekProgress {
        week
        placed
        required
        remaining
        atRisk
        severity
      }
      escalations(last: 10) {
        id
        level
        rule
        period
        consecutiveMisses
        createdAt
      }
    }
  }
`);

// Apart from the rest: a material's title comes from content, and without it the organization would be lost too.
export const ORGANIZATION_PLACEMENTS = graphql(`
  query DashboardOrganizationPlacements($id: ID!, $week: String!) {
    organization(id: $id) {
      id
      placements(period: $week) {
        id
        material {
          id
          title
        }
        publishedAt
        url
        page {
          id
          platform
        }
      }
    }
  }
`);

// Decree 3.3, executive bodies only: the month's counts, and apart from them (the names come from
// organizations) the bodies that missed, longest run first.
export const MEDIA_SUMMARY = graphql(`
  query DashboardMediaSummary($month: String!) {
    complianceSummary(period: $month, rule: MONTHLY_MEDIA_MENTION) {
      period
      evaluated
      met
      missed
      exempt
      rate
    }
  }
`);

export const MEDIA_MISSED = graphql(`
  query DashboardMediaMissed($month: String!) {
    complianceReport(period: $month, rule: MONTHLY_MEDIA_MENTION, status: MISSED, first: 100) {
      totalCount
      edges {
        node {
          organization {
            id
            name
          }
          actual
          required
          consecutiveMisses
        }
      }
    }
  }
`);

export const UPTAKE = graphql(`
  query DashboardUptake($week: String!) {
    contentUptake(week: $week) {
      material {
        id
        title
        topic
      }
      recipients
      placedBy
      uptakeRate
    }
    topicUptake(week: $week) {
      topic
      materials
      recipients
      placedBy
      uptakeRate
    }
  }
`);

// Monitoring's evidence on the week's placements, as the Monday summary counts it (compliance).
export const EVIDENCE = graphql(`
  query DashboardEvidence($week: String!) {
    placementEvidence(week: $week) {
      week
      placements
      reported
      discovered
      verified
      doubted
      pending
      disproved
      verifiedShare
    }
  }
`);

// What the week's placements reached by topic: posts' counters as monitoring last saw them (organizations).
export const REACH_BY_TOPIC = graphql(`
  query DashboardReachByTopic($week: String!) {
    reach(period: $week, groupBy: TOPIC) {
      key
      topic
      reach {
        placements
        placementsSeen
        views
        likes
        reposts
        comments
      }
    }
  }
`);

// The pages as monitoring reads them now: the most troubled first, and a count per status (the
// dashboard's only aliases, 8 of the 15 allowed: counts of one subgraph's field, down or up together).
export const PAGE_HEALTH = graphql(`
  query DashboardPageHealth($silentForDays: Int!) {
    pageHealth(first: 10) {
      totalCount
      edges {
        node {
          page {
            id
            platform
            url
            organization {
              id
              name
            }
          }
          status
          lastCrawledAt
          lastPostAt
          daysSinceLastPost
          error
        }
      }
    }
    ok: pageHealth(filter: { statuses: [OK] }, first: 0) {
      totalCount
    }
    unreachable: pageHealth(filter: { statuses: [UNREACHABLE] }, first: 0) {
      totalCount
    }
    private: pageHealth(filter: { statuses: [PRIVATE] }, first: 0) {
      totalCount
    }
    notFound: pageHealth(filter: { statuses: [NOT_FOUND] }, first: 0) {
      totalCount
    }
    rateLimited: pageHealth(filter: { statuses: [RATE_LIMITED] }, first: 0) {
      totalCount
    }
    parseFailed: pageHealth(filter: { statuses: [PARSE_FAILED] }, first: 0) {
      totalCount
    }
    notConfigured: pageHealth(filter: { statuses: [NOT_CONFIGURED] }, first: 0) {
      totalCount
    }
    silent: pageHealth(filter: { statuses: [OK], silentForDays: $silentForDays }, first: 0) {
      totalCount
    }
  }
`);

export const WIDGET_COVERAGE = graphql(`
  query DashboardWidgetCoverage {
    widgetCoverage {
      pages
      withBoth
      missingReportProblem
      missingShareOpinion
      missingBoth
    }
  }
`);

/** Any valid token passes: the gateway checks the token before it reads the query. */
export const REQUEST_SIGN_IN = graphql(`
  mutation DashboardRequestSignIn($email: String!, $next: String) {
    requestSignIn(email: $email, next: $next)
  }
`);

export const PROBE = graphql(`
  query DashboardSignIn {
    __typename
  }
`);

/** Who is signed in, whatever carried the credential: which workspace opens, and the header's name. */
export const ME = graphql(`
  query DashboardMe {
    me {
      email
      fullName
      role
      organization {
        id
        name
      }
    }
  }
`);
