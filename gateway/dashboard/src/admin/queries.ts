/** The administrator's workspace operations, against infra/supergraph.graphql (typed by `npm run codegen`). */
import { graphql } from '../generated/gql.js';

export const ADMIN_ORGANIZATIONS = graphql(`
  query AdminOrganizations($search: String, $after: String) {
    organizations(search: $search, includeInactive: true, first: 20, after: $after) {
      totalCount
      edges {
        node {
          id
          name
          kind
          active
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
          }
        }
      }
    }
  }
`);

export const ADMIN_RULES = graphql(`
  query AdminRules {
    complianceRules {
      code
      title
      decreeItem
      periodKind
      threshold
      enabled
      effectiveFrom
      versions {
        effectiveFrom
        threshold
        enabled
        changedBy
        changedAt
      }
    }
  }
`);

export const PREVIEW_RULE_CHANGE = graphql(`
  query AdminPreviewRuleChange($code: RuleCode!, $input: RuleChangeInput!) {
    previewRuleChange(code: $code, input: $input) {
      period
      met
      missed
      wouldMeet
      wouldMiss
      changed
    }
  }
`);

export const UPDATE_RULE = graphql(`
  mutation AdminUpdateRule($code: RuleCode!, $input: UpdateComplianceRuleInput!) {
    updateComplianceRule(code: $code, input: $input) {
      code
    }
  }
`);

export const ADMIN_EXEMPTIONS = graphql(`
  query AdminExemptions {
    exemptions {
      id
      rule
      period
      reason
      expiresAt
      grantedBy
      organization {
        id
        name
      }
    }
  }
`);

export const GRANT_EXEMPTIONS = graphql(`
  mutation AdminGrantExemptions($input: GrantExemptionsInput!) {
    grantExemptions(input: $input) {
      id
      period
    }
  }
`);

export const REVOKE_EXEMPTION = graphql(`
  mutation AdminRevokeExemption($id: ID!) {
    revokeExemption(id: $id) {
      id
    }
  }
`);

export const ADMIN_POLICY = graphql(`
  query AdminPolicy {
    escalationPolicy {
      levels {
        level
        minConsecutive
        mandatoryBodyMinConsecutive
        recipients
      }
      contentCenterRecipients
      recommendedRecipients
      suppressWhenParentTold
      updatedBy
      updatedAt
    }
  }
`);

export const UPDATE_POLICY = graphql(`
  mutation AdminUpdatePolicy($input: UpdateEscalationPolicyInput!) {
    updateEscalationPolicy(input: $input) {
      updatedAt
    }
  }
`);

export const ADMIN_OUTBOX = graphql(`
  query AdminOutbox($status: NotificationStatus) {
    notifications(status: $status, first: 30) {
      totalCount
      edges {
        node {
          id
          kind
          to
          subject
          status
          attempts
          lastError
          sentAt
          createdAt
        }
      }
    }
  }
`);

export const RESEND = graphql(`
  mutation AdminResend($id: ID!) {
    resendNotification(id: $id) {
      id
    }
  }
`);

export const ADMIN_AUDIT = graphql(`
  query AdminAudit($operation: String) {
    auditLog(operation: $operation, first: 30) {
      edges {
        node {
          id
          actor
          role
          subgraph
          operation
          targetIds
          succeeded
          errorCode
          at
        }
      }
    }
  }
`);

export const ADMIN_PEOPLE = graphql(`
  query AdminPeople($search: String) {
    users(search: $search, includeInactive: true, first: 30) {
      totalCount
      edges {
        node {
          id
          email
          fullName
          role
          active
          organization {
            id
            name
          }
        }
      }
    }
  }
`);

export const INVITE_USER = graphql(`
  mutation AdminInviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      id
    }
  }
`);

export const DEACTIVATE_USER = graphql(`
  mutation AdminDeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      id
    }
  }
`);

export const REGISTER_ORGANIZATION = graphql(`
  mutation AdminRegisterOrganization($input: RegisterOrganizationInput!) {
    registerOrganization(input: $input) {
      id
    }
  }
`);

export const UPDATE_HEAD = graphql(`
  mutation AdminUpdateHead($id: ID!, $head: PersonInput!) {
    updateOrganization(id: $id, input: { head: $head }) {
      id
    }
  }
`);

export const ADD_PAGE = graphql(`
  mutation AdminAddPage($input: AddOfficialPageInput!) {
    addOfficialPage(input: $input) {
      id
    }
  }
`);
