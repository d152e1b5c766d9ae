/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AdminOrganizations($search: String, $after: String) {\n    organizations(search: $search, includeInactive: true, first: 20, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          kind\n          active\n          parent {\n            id\n            name\n          }\n          head {\n            fullName\n            position\n            email\n          }\n          pages {\n            id\n            platform\n            url\n            verified\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminOrganizationsDocument,
    "\n  query AdminRules {\n    complianceRules {\n      code\n      title\n      decreeItem\n      periodKind\n      threshold\n      enabled\n      effectiveFrom\n      versions {\n        effectiveFrom\n        threshold\n        enabled\n        changedBy\n        changedAt\n      }\n    }\n  }\n": typeof types.AdminRulesDocument,
    "\n  query AdminPreviewRuleChange($code: RuleCode!, $input: RuleChangeInput!) {\n    previewRuleChange(code: $code, input: $input) {\n      period\n      met\n      missed\n      wouldMeet\n      wouldMiss\n      changed\n    }\n  }\n": typeof types.AdminPreviewRuleChangeDocument,
    "\n  mutation AdminUpdateRule($code: RuleCode!, $input: UpdateComplianceRuleInput!) {\n    updateComplianceRule(code: $code, input: $input) {\n      code\n    }\n  }\n": typeof types.AdminUpdateRuleDocument,
    "\n  query AdminExemptions {\n    exemptions {\n      id\n      rule\n      period\n      reason\n      expiresAt\n      grantedBy\n      organization {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AdminExemptionsDocument,
    "\n  mutation AdminGrantExemptions($input: GrantExemptionsInput!) {\n    grantExemptions(input: $input) {\n      id\n      period\n    }\n  }\n": typeof types.AdminGrantExemptionsDocument,
    "\n  mutation AdminRevokeExemption($id: ID!) {\n    revokeExemption(id: $id) {\n      id\n    }\n  }\n": typeof types.AdminRevokeExemptionDocument,
    "\n  query AdminPolicy {\n    escalationPolicy {\n      levels {\n        level\n        minConsecutive\n        mandatoryBodyMinConsecutive\n        recipients\n      }\n      contentCenterRecipients\n      recommendedRecipients\n      suppressWhenParentTold\n      updatedBy\n      updatedAt\n    }\n  }\n": typeof types.AdminPolicyDocument,
    "\n  mutation AdminUpdatePolicy($input: UpdateEscalationPolicyInput!) {\n    updateEscalationPolicy(input: $input) {\n      updatedAt\n    }\n  }\n": typeof types.AdminUpdatePolicyDocument,
    "\n  query AdminOutbox($status: NotificationStatus) {\n    notifications(status: $status, first: 30) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          to\n          subject\n          status\n          attempts\n          lastError\n          sentAt\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.AdminOutboxDocument,
    "\n  mutation AdminResend($id: ID!) {\n    resendNotification(id: $id) {\n      id\n    }\n  }\n": typeof types.AdminResendDocument,
    "\n  query AdminAudit($operation: String) {\n    auditLog(operation: $operation, first: 30) {\n      edges {\n        node {\n          id\n          actor\n          role\n          subgraph\n          operation\n          targetIds\n          succeeded\n          errorCode\n          at\n        }\n      }\n    }\n  }\n": typeof types.AdminAuditDocument,
    "\n  query AdminPeople($search: String) {\n    users(search: $search, includeInactive: true, first: 30) {\n      totalCount\n      edges {\n        node {\n          id\n          email\n          fullName\n          role\n          active\n          organization {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminPeopleDocument,
    "\n  mutation AdminInviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminInviteUserDocument,
    "\n  mutation AdminDeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n    }\n  }\n": typeof types.AdminDeactivateUserDocument,
    "\n  mutation AdminRegisterOrganization($input: RegisterOrganizationInput!) {\n    registerOrganization(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminRegisterOrganizationDocument,
    "\n  mutation AdminUpdateHead($id: ID!, $head: PersonInput!) {\n    updateOrganization(id: $id, input: { head: $head }) {\n      id\n    }\n  }\n": typeof types.AdminUpdateHeadDocument,
    "\n  mutation AdminAddPage($input: AddOfficialPageInput!) {\n    addOfficialPage(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminAddPageDocument,
    "\n  query EditorMaterials($status: MaterialStatus, $search: String, $first: Int = 20, $after: String) {\n    materials(status: $status, search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          summary\n          body\n          topic\n          status\n          hashtags\n          mediaLinks\n          author\n          createdAt\n          approvedAt\n          approvedBy\n          distributedAt\n          recipientCount\n          withdrawnAt\n          withdrawalReason\n          placementCount\n          placementWindow {\n            until\n          }\n        }\n      }\n    }\n  }\n": typeof types.EditorMaterialsDocument,
    "\n  query EditorSupply {\n    contentSupplyHistory(weeks: 1) {\n      week\n      distributed\n      required\n      byRecipientGroup {\n        kind\n        recipients\n        fewest\n        most\n      }\n    }\n  }\n": typeof types.EditorSupplyDocument,
    "\n  query EditorNotes {\n    methodologicalNotes(open: true, first: 50) {\n      id\n      text\n      author\n      authorRole\n      topic\n      week\n      createdAt\n      material {\n        id\n        title\n      }\n    }\n  }\n": typeof types.EditorNotesDocument,
    "\n  query EditorAudienceSize($audience: AudienceInput!) {\n    audienceSize(audience: $audience)\n  }\n": typeof types.EditorAudienceSizeDocument,
    "\n  mutation EditorCreateMaterial($input: CreateMaterialInput!) {\n    createMaterial(input: $input) {\n      id\n    }\n  }\n": typeof types.EditorCreateMaterialDocument,
    "\n  mutation EditorUpdateMaterial($id: ID!, $input: UpdateMaterialInput!) {\n    updateMaterial(id: $id, input: $input) {\n      id\n    }\n  }\n": typeof types.EditorUpdateMaterialDocument,
    "\n  mutation EditorApproveMaterial($id: ID!) {\n    approveMaterial(id: $id) {\n      id\n    }\n  }\n": typeof types.EditorApproveMaterialDocument,
    "\n  mutation EditorDistributeMaterial($id: ID!, $audience: AudienceInput!) {\n    distributeMaterial(id: $id, audience: $audience) {\n      id\n      recipientCount\n    }\n  }\n": typeof types.EditorDistributeMaterialDocument,
    "\n  mutation EditorWithdrawMaterial($id: ID!, $reason: String!) {\n    withdrawMaterial(id: $id, reason: $reason) {\n      id\n    }\n  }\n": typeof types.EditorWithdrawMaterialDocument,
    "\n  mutation EditorAnswerNote($id: ID!, $answer: String) {\n    markNoteAnswered(id: $id, answer: $answer) {\n      id\n    }\n  }\n": typeof types.EditorAnswerNoteDocument,
    "\n  query HeadOrganization($organizationId: ID!) {\n    organization(id: $organizationId) {\n      id\n      name\n      parent {\n        id\n        name\n      }\n      placementCount\n      weekProgress {\n        week\n        placed\n        required\n        remaining\n        atRisk\n        severity\n      }\n      children {\n        id\n        name\n        kind\n        placementCount\n        weekProgress {\n          week\n          placed\n          required\n          remaining\n          atRisk\n          severity\n        }\n      }\n      compliance(last: 8, rule: WEEKLY_PLACEMENTS) {\n        period\n        required\n        actual\n        status\n        exemption {\n          id\n          reason\n        }\n      }\n      escalations(last: 10) {\n        id\n        level\n        rule\n        period\n        createdAt\n        resolvedAt\n      }\n    }\n  }\n": typeof types.HeadOrganizationDocument,
    "\n  query HeadOfficers {\n    users(role: OPERATOR, first: 200) {\n      edges {\n        node {\n          id\n          fullName\n          email\n          organization {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.HeadOfficersDocument,
    "\n  query OperatorWeek($organizationId: ID!) {\n    organization(id: $organizationId) {\n      id\n      name\n      parent {\n        id\n        name\n      }\n      children {\n        id\n        name\n      }\n      weekProgress {\n        week\n        placed\n        required\n        remaining\n        atRisk\n        severity\n      }\n      placementCount\n      receivedMaterials {\n        id\n        title\n        summary\n        body\n        topic\n        hashtags\n        mediaLinks\n        distributedAt\n        withdrawnAt\n        placementWindow {\n          until\n        }\n      }\n      placements {\n        id\n        url\n        publishedAt\n        viaGospabliki\n        source\n        reportedBy\n        verification\n        material {\n          id\n          title\n        }\n        page {\n          id\n          platform\n          url\n        }\n      }\n      pages {\n        id\n        platform\n        url\n        verified\n        feedbackWidgets {\n          form\n          placedAt\n        }\n        crawl {\n          status\n          lastCrawledAt\n          lastPostAt\n          error\n        }\n      }\n      mediaPublications {\n        id\n        outlet\n        url\n        issueReference\n        publishedAt\n      }\n      compliance(last: 8, rule: WEEKLY_PLACEMENTS) {\n        period\n        required\n        actual\n        status\n        exemption {\n          id\n          reason\n        }\n      }\n      escalations(last: 5) {\n        id\n        level\n        rule\n        period\n        createdAt\n        resolvedAt\n      }\n    }\n  }\n": typeof types.OperatorWeekDocument,
    "\n  mutation OperatorReportPlacement($input: [ReportPlacementInput!]!) {\n    reportPlacements(input: $input) {\n      accepted\n      duplicates\n    }\n  }\n": typeof types.OperatorReportPlacementDocument,
    "\n  mutation OperatorCorrectPlacement($id: ID!, $url: String!, $publishedAt: DateTime!) {\n    correctPlacement(id: $id, url: $url, publishedAt: $publishedAt) {\n      id\n    }\n  }\n": typeof types.OperatorCorrectPlacementDocument,
    "\n  mutation OperatorWithdrawPlacement($id: ID!, $reason: String!) {\n    withdrawPlacement(id: $id, reason: $reason) {\n      id\n    }\n  }\n": typeof types.OperatorWithdrawPlacementDocument,
    "\n  query OperatorSuggestions($organizationId: ID!) {\n    organization(id: $organizationId) {\n      id\n      pages {\n        id\n        platform\n        posts(first: 30) {\n          edges {\n            node {\n              id\n              url\n              publishedAt\n              text\n              matches {\n                score\n                decision\n                evidence\n                material {\n                  id\n                  title\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.OperatorSuggestionsDocument,
    "\n  mutation OperatorDecideMatch($postId: ID!, $materialId: ID!, $confirmed: Boolean!) {\n    decidePostMatch(postId: $postId, materialId: $materialId, confirmed: $confirmed) {\n      decision\n    }\n  }\n": typeof types.OperatorDecideMatchDocument,
    "\n  mutation OperatorReportMedia($input: ReportMediaPublicationInput!) {\n    reportMediaPublication(input: $input) {\n      id\n    }\n  }\n": typeof types.OperatorReportMediaDocument,
    "\n  query DashboardTrend {\n    complianceTrend(weeks: 12, severity: MANDATORY) {\n      period\n      evaluated\n      met\n      missed\n      exempt\n      rate\n    }\n  }\n": typeof types.DashboardTrendDocument,
    "\n  query DashboardSupplyHistory {\n    contentSupplyHistory(weeks: 13) {\n      week\n      distributed\n      required\n      met\n    }\n  }\n": typeof types.DashboardSupplyHistoryDocument,
    "\n  query DashboardSummary($week: String!) {\n    complianceSummary(period: $week) {\n      period\n      evaluated\n      met\n      missed\n      exempt\n      rate\n      bySeverity {\n        severity\n        rate\n      }\n    }\n  }\n": typeof types.DashboardSummaryDocument,
    "\n  query DashboardSupply($week: String!) {\n    contentSupply(week: $week) {\n      week\n      distributed\n      required\n      met\n    }\n  }\n": typeof types.DashboardSupplyDocument,
    "\n  query DashboardMunicipalities {\n    organizations(kind: MUNICIPALITY, first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.DashboardMunicipalitiesDocument,
    "\n  query DashboardHeatmap($kind: OrganizationKind, $municipalityId: ID, $after: String) {\n    complianceHeatmap(weeks: 12, kind: $kind, municipalityId: $municipalityId, first: 100, after: $after) {\n      periods\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      rows {\n        organization {\n          id\n          name\n          shortName\n          kind\n          registeredAt\n        }\n        statuses\n        missed\n        consecutiveMisses\n      }\n    }\n  }\n": typeof types.DashboardHeatmapDocument,
    "\n  query DashboardLaggards($week: String!) {\n    laggards(period: $week, limit: 20) {\n      organization {\n        id\n        name\n      }\n      parent {\n        id\n        name\n      }\n      municipality {\n        id\n        name\n      }\n      consecutiveMisses\n      missedSince\n      actual\n      required\n      severity\n    }\n  }\n": typeof types.DashboardLaggardsDocument,
    "\n  query DashboardOrganization($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      kind\n      registeredAt\n      parent {\n        id\n        name\n      }\n      head {\n        fullName\n        position\n        email\n      }\n      pages {\n        id\n        platform\n        url\n        verified\n        feedbackWidgets {\n          form\n          placedAt\n        }\n      }\n      compliance(last: 12, rule: WEEKLY_PLACEMENTS) {\n        rule\n        period\n        status\n        actual\n        required\n        consecutiveMisses\n      }\n      weekProgress {\n        week\n        placed\n        required\n        remaining\n        atRisk\n        severity\n      }\n      escalations(last: 10) {\n        id\n        level\n        rule\n        period\n        consecutiveMisses\n        createdAt\n      }\n    }\n  }\n": typeof types.DashboardOrganizationDocument,
    "\n  query DashboardOrganizationPlacements($id: ID!, $week: String!) {\n    organization(id: $id) {\n      id\n      placements(period: $week) {\n        id\n        material {\n          id\n          title\n        }\n        publishedAt\n        url\n        page {\n          id\n          platform\n        }\n      }\n    }\n  }\n": typeof types.DashboardOrganizationPlacementsDocument,
    "\n  query DashboardMediaSummary($month: String!) {\n    complianceSummary(period: $month, rule: MONTHLY_MEDIA_MENTION) {\n      period\n      evaluated\n      met\n      missed\n      exempt\n      rate\n    }\n  }\n": typeof types.DashboardMediaSummaryDocument,
    "\n  query DashboardMediaMissed($month: String!) {\n    complianceReport(period: $month, rule: MONTHLY_MEDIA_MENTION, status: MISSED, first: 100) {\n      totalCount\n      edges {\n        node {\n          organization {\n            id\n            name\n          }\n          actual\n          required\n          consecutiveMisses\n        }\n      }\n    }\n  }\n": typeof types.DashboardMediaMissedDocument,
    "\n  query DashboardUptake($week: String!) {\n    contentUptake(week: $week) {\n      material {\n        id\n        title\n        topic\n      }\n      recipients\n      placedBy\n      uptakeRate\n    }\n    topicUptake(week: $week) {\n      topic\n      materials\n      recipients\n      placedBy\n      uptakeRate\n    }\n  }\n": typeof types.DashboardUptakeDocument,
    "\n  query DashboardEvidence($week: String!) {\n    placementEvidence(week: $week) {\n      week\n      placements\n      reported\n      discovered\n      verified\n      doubted\n      pending\n      disproved\n      verifiedShare\n    }\n  }\n": typeof types.DashboardEvidenceDocument,
    "\n  query DashboardReachByTopic($week: String!) {\n    reach(period: $week, groupBy: TOPIC) {\n      key\n      topic\n      reach {\n        placements\n        placementsSeen\n        views\n        likes\n        reposts\n        comments\n      }\n    }\n  }\n": typeof types.DashboardReachByTopicDocument,
    "\n  query DashboardPageHealth($silentForDays: Int!) {\n    pageHealth(first: 10) {\n      totalCount\n      edges {\n        node {\n          page {\n            id\n            platform\n            url\n            organization {\n              id\n              name\n            }\n          }\n          status\n          lastCrawledAt\n          lastPostAt\n          daysSinceLastPost\n          error\n        }\n      }\n    }\n    ok: pageHealth(filter: { statuses: [OK] }, first: 0) {\n      totalCount\n    }\n    unreachable: pageHealth(filter: { statuses: [UNREACHABLE] }, first: 0) {\n      totalCount\n    }\n    private: pageHealth(filter: { statuses: [PRIVATE] }, first: 0) {\n      totalCount\n    }\n    notFound: pageHealth(filter: { statuses: [NOT_FOUND] }, first: 0) {\n      totalCount\n    }\n    rateLimited: pageHealth(filter: { statuses: [RATE_LIMITED] }, first: 0) {\n      totalCount\n    }\n    parseFailed: pageHealth(filter: { statuses: [PARSE_FAILED] }, first: 0) {\n      totalCount\n    }\n    notConfigured: pageHealth(filter: { statuses: [NOT_CONFIGURED] }, first: 0) {\n      totalCount\n    }\n    silent: pageHealth(filter: { statuses: [OK], silentForDays: $silentForDays }, first: 0) {\n      totalCount\n    }\n  }\n": typeof types.DashboardPageHealthDocument,
    "\n  query DashboardWidgetCoverage {\n    widgetCoverage {\n      pages\n      withBoth\n      missingReportProblem\n      missingShareOpinion\n      missingBoth\n    }\n  }\n": typeof types.DashboardWidgetCoverageDocument,
    "\n  mutation DashboardRequestSignIn($email: String!, $next: String) {\n    requestSignIn(email: $email, next: $next)\n  }\n": typeof types.DashboardRequestSignInDocument,
    "\n  query DashboardSignIn {\n    __typename\n  }\n": typeof types.DashboardSignInDocument,
    "\n  query DashboardMe {\n    me {\n      email\n      fullName\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n": typeof types.DashboardMeDocument,
};
const documents: Documents = {
    "\n  query AdminOrganizations($search: String, $after: String) {\n    organizations(search: $search, includeInactive: true, first: 20, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          kind\n          active\n          parent {\n            id\n            name\n          }\n          head {\n            fullName\n            position\n            email\n          }\n          pages {\n            id\n            platform\n            url\n            verified\n          }\n        }\n      }\n    }\n  }\n": types.AdminOrganizationsDocument,
    "\n  query AdminRules {\n    complianceRules {\n      code\n      title\n      decreeItem\n      periodKind\n      threshold\n      enabled\n      effectiveFrom\n      versions {\n        effectiveFrom\n        threshold\n        enabled\n        changedBy\n        changedAt\n      }\n    }\n  }\n": types.AdminRulesDocument,
    "\n  query AdminPreviewRuleChange($code: RuleCode!, $input: RuleChangeInput!) {\n    previewRuleChange(code: $code, input: $input) {\n      period\n      met\n      missed\n      wouldMeet\n      wouldMiss\n      changed\n    }\n  }\n": types.AdminPreviewRuleChangeDocument,
    "\n  mutation AdminUpdateRule($code: RuleCode!, $input: UpdateComplianceRuleInput!) {\n    updateComplianceRule(code: $code, input: $input) {\n      code\n    }\n  }\n": types.AdminUpdateRuleDocument,
    "\n  query AdminExemptions {\n    exemptions {\n      id\n      rule\n      period\n      reason\n      expiresAt\n      grantedBy\n      organization {\n        id\n        name\n      }\n    }\n  }\n": types.AdminExemptionsDocument,
    "\n  mutation AdminGrantExemptions($input: GrantExemptionsInput!) {\n    grantExemptions(input: $input) {\n      id\n      period\n    }\n  }\n": types.AdminGrantExemptionsDocument,
    "\n  mutation AdminRevokeExemption($id: ID!) {\n    revokeExemption(id: $id) {\n      id\n    }\n  }\n": types.AdminRevokeExemptionDocument,
    "\n  query AdminPolicy {\n    escalationPolicy {\n      levels {\n        level\n        minConsecutive\n        mandatoryBodyMinConsecutive\n        recipients\n      }\n      contentCenterRecipients\n      recommendedRecipients\n      suppressWhenParentTold\n      updatedBy\n      updatedAt\n    }\n  }\n": types.AdminPolicyDocument,
    "\n  mutation AdminUpdatePolicy($input: UpdateEscalationPolicyInput!) {\n    updateEscalationPolicy(input: $input) {\n      updatedAt\n    }\n  }\n": types.AdminUpdatePolicyDocument,
    "\n  query AdminOutbox($status: NotificationStatus) {\n    notifications(status: $status, first: 30) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          to\n          subject\n          status\n          attempts\n          lastError\n          sentAt\n          createdAt\n        }\n      }\n    }\n  }\n": types.AdminOutboxDocument,
    "\n  mutation AdminResend($id: ID!) {\n    resendNotification(id: $id) {\n      id\n    }\n  }\n": types.AdminResendDocument,
    "\n  query AdminAudit($operation: String) {\n    auditLog(operation: $operation, first: 30) {\n      edges {\n        node {\n          id\n          actor\n          role\n          subgraph\n          operation\n          targetIds\n          succeeded\n          errorCode\n          at\n        }\n      }\n    }\n  }\n": types.AdminAuditDocument,
    "\n  query AdminPeople($search: String) {\n    users(search: $search, includeInactive: true, first: 30) {\n      totalCount\n      edges {\n        node {\n          id\n          email\n          fullName\n          role\n          active\n          organization {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.AdminPeopleDocument,
    "\n  mutation AdminInviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n    }\n  }\n": types.AdminInviteUserDocument,
    "\n  mutation AdminDeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n    }\n  }\n": types.AdminDeactivateUserDocument,
    "\n  mutation AdminRegisterOrganization($input: RegisterOrganizationInput!) {\n    registerOrganization(input: $input) {\n      id\n    }\n  }\n": types.AdminRegisterOrganizationDocument,
    "\n  mutation AdminUpdateHead($id: ID!, $head: PersonInput!) {\n    updateOrganization(id: $id, input: { head: $head }) {\n      id\n    }\n  }\n": types.AdminUpdateHeadDocument,
    "\n  mutation AdminAddPage($input: AddOfficialPageInput!) {\n    addOfficialPage(input: $input) {\n      id\n    }\n  }\n": types.AdminAddPageDocument,
    "\n  query EditorMaterials($status: MaterialStatus, $search: String, $first: Int = 20, $after: String) {\n    materials(status: $status, search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          summary\n          body\n          topic\n          status\n          hashtags\n          mediaLinks\n          author\n          createdAt\n          approvedAt\n          approvedBy\n          distributedAt\n          recipientCount\n          withdrawnAt\n          withdrawalReason\n          placementCount\n          placementWindow {\n            until\n          }\n        }\n      }\n    }\n  }\n": types.EditorMaterialsDocument,
    "\n  query EditorSupply {\n    contentSupplyHistory(weeks: 1) {\n      week\n      distributed\n      required\n      byRecipientGroup {\n        kind\n        recipients\n        fewest\n        most\n      }\n    }\n  }\n": types.EditorSupplyDocument,
    "\n  query EditorNotes {\n    methodologicalNotes(open: true, first: 50) {\n      id\n      text\n      author\n      authorRole\n      topic\n      week\n      createdAt\n      material {\n        id\n        title\n      }\n    }\n  }\n": types.EditorNotesDocument,
    "\n  query EditorAudienceSize($audience: AudienceInput!) {\n    audienceSize(audience: $audience)\n  }\n": types.EditorAudienceSizeDocument,
    "\n  mutation EditorCreateMaterial($input: CreateMaterialInput!) {\n    createMaterial(input: $input) {\n      id\n    }\n  }\n": types.EditorCreateMaterialDocument,
    "\n  mutation EditorUpdateMaterial($id: ID!, $input: UpdateMaterialInput!) {\n    updateMaterial(id: $id, input: $input) {\n      id\n    }\n  }\n": types.EditorUpdateMaterialDocument,
    "\n  mutation EditorApproveMaterial($id: ID!) {\n    approveMaterial(id: $id) {\n      id\n    }\n  }\n": types.EditorApproveMaterialDocument,
    "\n  mutation EditorDistributeMaterial($id: ID!, $audience: AudienceInput!) {\n    distributeMaterial(id: $id, audience: $audience) {\n      id\n      recipientCount\n    }\n  }\n": types.EditorDistributeMaterialDocument,
    "\n  mutation EditorWithdrawMaterial($id: ID!, $reason: String!) {\n    withdrawMaterial(id: $id, reason: $reason) {\n      id\n    }\n  }\n": types.EditorWithdrawMaterialDocument,
    "\n  mutation EditorAnswerNote($id: ID!, $answer: String) {\n    markNoteAnswered(id: $id, answer: $answer) {\n      id\n    }\n  }\n": types.EditorAnswerNoteDocument,
    "\n  query HeadOrganization($organizationId: ID!) {\n    organization(id: $organizationId) {\n      id\n      name\n      parent {\n        id\n        name\n      }\n      placementCount\n      weekProgress {\n        week\n        placed\n        required\n        remaining\n        atRisk\n        severity\n      }\n      children {\n        id\n        name\n        kind\n        placementCount\n        weekProgress {\n          week\n          placed\n          required\n          remaining\n          atRisk\n          severity\n        }\n      }\n      compliance(last: 8, rule: WEEKLY_PLACEMENTS) {\n        period\n        required\n        actual\n        status\n        exemption {\n          id\n          reason\n        }\n      }\n      escalations(last: 10) {\n        id\n        level\n        rule\n        period\n        createdAt\n        resolvedAt\n      }\n    }\n  }\n": types.HeadOrganizationDocument,
    "\n  query HeadOfficers {\n    users(role: OPERATOR, first: 200) {\n      edges {\n        node {\n          id\n          fullName\n          email\n          organization {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.HeadOfficersDocument,
    "\n  query OperatorWeek($organizationId: ID!) {\n    organization(id: $organizationId) {\n      id\n      name\n      parent {\n        id\n        name\n      }\n      children {\n        id\n        name\n      }\n      weekProgress {\n        week\n        placed\n        required\n        remaining\n        atRisk\n        severity\n      }\n      placementCount\n      receivedMaterials {\n        id\n        title\n        summary\n        body\n        topic\n        hashtags\n        mediaLinks\n        distributedAt\n        withdrawnAt\n        placementWindow {\n          until\n        }\n      }\n      placements {\n        id\n        url\n        publishedAt\n        viaGospabliki\n        source\n        reportedBy\n        verification\n        material {\n          id\n          title\n        }\n        page {\n          id\n          platform\n          url\n        }\n      }\n      pages {\n        id\n        platform\n        url\n        verified\n        feedbackWidgets {\n          form\n          placedAt\n        }\n        crawl {\n          status\n          lastCrawledAt\n          lastPostAt\n          error\n        }\n      }\n      mediaPublications {\n        id\n        outlet\n        url\n        issueReference\n        publishedAt\n      }\n      compliance(last: 8, rule: WEEKLY_PLACEMENTS) {\n        period\n        required\n        actual\n        status\n        exemption {\n          id\n          reason\n        }\n      }\n      escalations(last: 5) {\n        id\n        level\n        rule\n        period\n        createdAt\n        resolvedAt\n      }\n    }\n  }\n": types.OperatorWeekDocument,
    "\n  mutation OperatorReportPlacement($input: [ReportPlacementInput!]!) {\n    reportPlacements(input: $input) {\n      accepted\n      duplicates\n    }\n  }\n": types.OperatorReportPlacementDocument,
    "\n  mutation OperatorCorrectPlacement($id: ID!, $url: String!, $publishedAt: DateTime!) {\n    correctPlacement(id: $id, url: $url, publishedAt: $publishedAt) {\n      id\n    }\n  }\n": types.OperatorCorrectPlacementDocument,
    "\n  mutation OperatorWithdrawPlacement($id: ID!, $reason: String!) {\n    withdrawPlacement(id: $id, reason: $reason) {\n      id\n    }\n  }\n": types.OperatorWithdrawPlacementDocument,
    "\n  query OperatorSuggestions($organizationId: ID!) {\n    organization(id: $organizationId) {\n      id\n      pages {\n        id\n        platform\n        posts(first: 30) {\n          edges {\n            node {\n              id\n              url\n              publishedAt\n              text\n              matches {\n                score\n                decision\n                evidence\n                material {\n                  id\n                  title\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.OperatorSuggestionsDocument,
    "\n  mutation OperatorDecideMatch($postId: ID!, $materialId: ID!, $confirmed: Boolean!) {\n    decidePostMatch(postId: $postId, materialId: $materialId, confirmed: $confirmed) {\n      decision\n    }\n  }\n": types.OperatorDecideMatchDocument,
    "\n  mutation OperatorReportMedia($input: ReportMediaPublicationInput!) {\n    reportMediaPublication(input: $input) {\n      id\n    }\n  }\n": types.OperatorReportMediaDocument,
    "\n  query DashboardTrend {\n    complianceTrend(weeks: 12, severity: MANDATORY) {\n      period\n      evaluated\n      met\n      missed\n      exempt\n      rate\n    }\n  }\n": types.DashboardTrendDocument,
    "\n  query DashboardSupplyHistory {\n    contentSupplyHistory(weeks: 13) {\n      week\n      distributed\n      required\n      met\n    }\n  }\n": types.DashboardSupplyHistoryDocument,
    "\n  query DashboardSummary($week: String!) {\n    complianceSummary(period: $week) {\n      period\n      evaluated\n      met\n      missed\n      exempt\n      rate\n      bySeverity {\n        severity\n        rate\n      }\n    }\n  }\n": types.DashboardSummaryDocument,
    "\n  query DashboardSupply($week: String!) {\n    contentSupply(week: $week) {\n      week\n      distributed\n      required\n      met\n    }\n  }\n": types.DashboardSupplyDocument,
    "\n  query DashboardMunicipalities {\n    organizations(kind: MUNICIPALITY, first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.DashboardMunicipalitiesDocument,
    "\n  query DashboardHeatmap($kind: OrganizationKind, $municipalityId: ID, $after: String) {\n    complianceHeatmap(weeks: 12, kind: $kind, municipalityId: $municipalityId, first: 100, after: $after) {\n      periods\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      rows {\n        organization {\n          id\n          name\n          shortName\n          kind\n          registeredAt\n        }\n        statuses\n        missed\n        consecutiveMisses\n      }\n    }\n  }\n": types.DashboardHeatmapDocument,
    "\n  query DashboardLaggards($week: String!) {\n    laggards(period: $week, limit: 20) {\n      organization {\n        id\n        name\n      }\n      parent {\n        id\n        name\n      }\n      municipality {\n        id\n        name\n      }\n      consecutiveMisses\n      missedSince\n      actual\n      required\n      severity\n    }\n  }\n": types.DashboardLaggardsDocument,
    "\n  query DashboardOrganization($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      kind\n      registeredAt\n      parent {\n        id\n        name\n      }\n      head {\n        fullName\n        position\n        email\n      }\n      pages {\n        id\n        platform\n        url\n        verified\n        feedbackWidgets {\n          form\n          placedAt\n        }\n      }\n      compliance(last: 12, rule: WEEKLY_PLACEMENTS) {\n        rule\n        period\n        status\n        actual\n        required\n        consecutiveMisses\n      }\n      weekProgress {\n        week\n        placed\n        required\n        remaining\n        atRisk\n        severity\n      }\n      escalations(last: 10) {\n        id\n        level\n        rule\n        period\n        consecutiveMisses\n        createdAt\n      }\n    }\n  }\n": types.DashboardOrganizationDocument,
    "\n  query DashboardOrganizationPlacements($id: ID!, $week: String!) {\n    organization(id: $id) {\n      id\n      placements(period: $week) {\n        id\n        material {\n          id\n          title\n        }\n        publishedAt\n        url\n        page {\n          id\n          platform\n        }\n      }\n    }\n  }\n": types.DashboardOrganizationPlacementsDocument,
    "\n  query DashboardMediaSummary($month: String!) {\n    complianceSummary(period: $month, rule: MONTHLY_MEDIA_MENTION) {\n      period\n      evaluated\n      met\n      missed\n      exempt\n      rate\n    }\n  }\n": types.DashboardMediaSummaryDocument,
    "\n  query DashboardMediaMissed($month: String!) {\n    complianceReport(period: $month, rule: MONTHLY_MEDIA_MENTION, status: MISSED, first: 100) {\n      totalCount\n      edges {\n        node {\n          organization {\n            id\n            name\n          }\n          actual\n          required\n          consecutiveMisses\n        }\n      }\n    }\n  }\n": types.DashboardMediaMissedDocument,
    "\n  query DashboardUptake($week: String!) {\n    contentUptake(week: $week) {\n      material {\n        id\n        title\n        topic\n      }\n      recipients\n      placedBy\n      uptakeRate\n    }\n    topicUptake(week: $week) {\n      topic\n      materials\n      recipients\n      placedBy\n      uptakeRate\n    }\n  }\n": types.DashboardUptakeDocument,
    "\n  query DashboardEvidence($week: String!) {\n    placementEvidence(week: $week) {\n      week\n      placements\n      reported\n      discovered\n      verified\n      doubted\n      pending\n      disproved\n      verifiedShare\n    }\n  }\n": types.DashboardEvidenceDocument,
    "\n  query DashboardReachByTopic($week: String!) {\n    reach(period: $week, groupBy: TOPIC) {\n      key\n      topic\n      reach {\n        placements\n        placementsSeen\n        views\n        likes\n        reposts\n        comments\n      }\n    }\n  }\n": types.DashboardReachByTopicDocument,
    "\n  query DashboardPageHealth($silentForDays: Int!) {\n    pageHealth(first: 10) {\n      totalCount\n      edges {\n        node {\n          page {\n            id\n            platform\n            url\n            organization {\n              id\n              name\n            }\n          }\n          status\n          lastCrawledAt\n          lastPostAt\n          daysSinceLastPost\n          error\n        }\n      }\n    }\n    ok: pageHealth(filter: { statuses: [OK] }, first: 0) {\n      totalCount\n    }\n    unreachable: pageHealth(filter: { statuses: [UNREACHABLE] }, first: 0) {\n      totalCount\n    }\n    private: pageHealth(filter: { statuses: [PRIVATE] }, first: 0) {\n      totalCount\n    }\n    notFound: pageHealth(filter: { statuses: [NOT_FOUND] }, first: 0) {\n      totalCount\n    }\n    rateLimited: pageHealth(filter: { statuses: [RATE_LIMITED] }, first: 0) {\n      totalCount\n    }\n    parseFailed: pageHealth(filter: { statuses: [PARSE_FAILED] }, first: 0) {\n      totalCount\n    }\n    notConfigured: pageHealth(filter: { statuses: [NOT_CONFIGURED] }, first: 0) {\n      totalCount\n    }\n    silent: pageHealth(filter: { statuses: [OK], silentForDays: $silentForDays }, first: 0) {\n      totalCount\n    }\n  }\n": types.DashboardPageHealthDocument,
    "\n  query DashboardWidgetCoverage {\n    widgetCoverage {\n      pages\n      withBoth\n      missingReportProblem\n      missingShareOpinion\n      missingBoth\n    }\n  }\n": types.DashboardWidgetCoverageDocument,
    "\n  mutation DashboardRequestSignIn($email: String!, $next: String) {\n    requestSignIn(email: $email, next: $next)\n  }\n": types.DashboardRequestSignInDocument,
    "\n  query DashboardSignIn {\n    __typename\n  }\n": types.DashboardSignInDocument,
    "\n  query DashboardMe {\n    me {\n      email\n      fullName\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n": types.DashboardMeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOrganizations($search: String, $after: String) {\n    organizations(search: $search, includeInactive: true, first: 20, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          kind\n          active\n          parent {\n            id\n            name\n          }\n          head {\n            fullName\n            position\n            email\n          }\n          pages {\n            id\n            platform\n            url\n            verified\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').AdminOrganizationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminRules {\n    complianceRules {\n      code\n      title\n      decreeItem\n      periodKind\n      threshold\n      enabled\n      effectiveFrom\n      versions {\n        effectiveFrom\n        threshold\n        enabled\n        changedBy\n        changedAt\n      }\n    }\n  }\n"): typeof import('./graphql.js').AdminRulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPreviewRuleChange($code: RuleCode!, $input: RuleChangeInput!) {\n    previewRuleChange(code: $code, input: $input) {\n      period\n      met\n      missed\n      wouldMeet\n      wouldMiss\n      changed\n    }\n  }\n"): typeof import('./graphql.js').AdminPreviewRuleChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateRule($code: RuleCode!, $input: UpdateComplianceRuleInput!) {\n    updateComplianceRule(code: $code, input: $input) {\n      code\n    }\n  }\n"): typeof import('./graphql.js').AdminUpdateRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminExemptions {\n    exemptions {\n      id\n      rule\n      period\n      reason\n      expiresAt\n      grantedBy\n      organization {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql.js').AdminExemptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminGrantExemptions($input: GrantExemptionsInput!) {\n    grantExemptions(input: $input) {\n      id\n      period\n    }\n  }\n"): typeof import('./graphql.js').AdminGrantExemptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRevokeExemption($id: ID!) {\n    revokeExemption(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').AdminRevokeExemptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPolicy {\n    escalationPolicy {\n      levels {\n        level\n        minConsecutive\n        mandatoryBodyMinConsecutive\n        recipients\n      }\n      contentCenterRecipients\n      recommendedRecipients\n      suppressWhenParentTold\n      updatedBy\n      updatedAt\n    }\n  }\n"): typeof import('./graphql.js').AdminPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdatePolicy($input: UpdateEscalationPolicyInput!) {\n    updateEscalationPolicy(input: $input) {\n      updatedAt\n    }\n  }\n"): typeof import('./graphql.js').AdminUpdatePolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOutbox($status: NotificationStatus) {\n    notifications(status: $status, first: 30) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          to\n          subject\n          status\n          attempts\n          lastError\n          sentAt\n          createdAt\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').AdminOutboxDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminResend($id: ID!) {\n    resendNotification(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').AdminResendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAudit($operation: String) {\n    auditLog(operation: $operation, first: 30) {\n      edges {\n        node {\n          id\n          actor\n          role\n          subgraph\n          operation\n          targetIds\n          succeeded\n          errorCode\n          at\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').AdminAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPeople($search: String) {\n    users(search: $search, includeInactive: true, first: 30) {\n      totalCount\n      edges {\n        node {\n          id\n          email\n          fullName\n          role\n          active\n          organization {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').AdminPeopleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminInviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').AdminInviteUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').AdminDeactivateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRegisterOrganization($input: RegisterOrganizationInput!) {\n    registerOrganization(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').AdminRegisterOrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateHead($id: ID!, $head: PersonInput!) {\n    updateOrganization(id: $id, input: { head: $head }) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').AdminUpdateHeadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminAddPage($input: AddOfficialPageInput!) {\n    addOfficialPage(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').AdminAddPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditorMaterials($status: MaterialStatus, $search: String, $first: Int = 20, $after: String) {\n    materials(status: $status, search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          summary\n          body\n          topic\n          status\n          hashtags\n          mediaLinks\n          author\n          createdAt\n          approvedAt\n          approvedBy\n          distributedAt\n          recipientCount\n          withdrawnAt\n          withdrawalReason\n          placementCount\n          placementWindow {\n            until\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').EditorMaterialsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditorSupply {\n    contentSupplyHistory(weeks: 1) {\n      week\n      distributed\n      required\n      byRecipientGroup {\n        kind\n        recipients\n        fewest\n        most\n      }\n    }\n  }\n"): typeof import('./graphql.js').EditorSupplyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditorNotes {\n    methodologicalNotes(open: true, first: 50) {\n      id\n      text\n      author\n      authorRole\n      topic\n      week\n      createdAt\n      material {\n        id\n        title\n      }\n    }\n  }\n"): typeof import('./graphql.js').EditorNotesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditorAudienceSize($audience: AudienceInput!) {\n    audienceSize(audience: $audience)\n  }\n"): typeof import('./graphql.js').EditorAudienceSizeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditorCreateMaterial($input: CreateMaterialInput!) {\n    createMaterial(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').EditorCreateMaterialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditorUpdateMaterial($id: ID!, $input: UpdateMaterialInput!) {\n    updateMaterial(id: $id, input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').EditorUpdateMaterialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditorApproveMaterial($id: ID!) {\n    approveMaterial(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').EditorApproveMaterialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditorDistributeMaterial($id: ID!, $audience: AudienceInput!) {\n    distributeMaterial(id: $id, audience: $audience) {\n      id\n      recipientCount\n    }\n  }\n"): typeof import('./graphql.js').EditorDistributeMaterialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditorWithdrawMaterial($id: ID!, $reason: String!) {\n    withdrawMaterial(id: $id, reason: $reason) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').EditorWithdrawMaterialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditorAnswerNote($id: ID!, $answer: String) {\n    markNoteAnswered(id: $id, answer: $answer) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').EditorAnswerNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HeadOrganization($organizationId: ID!) {\n    organization(id: $organizationId) {\n      id\n      name\n      parent {\n        id\n        name\n      }\n      placementCount\n      weekProgress {\n        week\n        placed\n        required\n        remaining\n        atRisk\n        severity\n      }\n      children {\n        id\n        name\n        kind\n        placementCount\n        weekProgress {\n          week\n          placed\n          required\n          remaining\n          atRisk\n          severity\n        }\n      }\n      compliance(last: 8, rule: WEEKLY_PLACEMENTS) {\n        period\n        required\n        actual\n        status\n        exemption {\n          id\n          reason\n        }\n      }\n      escalations(last: 10) {\n        id\n        level\n        rule\n        period\n        createdAt\n        resolvedAt\n      }\n    }\n  }\n"): typeof import('./graphql.js').HeadOrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HeadOfficers {\n    users(role: OPERATOR, first: 200) {\n      edges {\n        node {\n          id\n          fullName\n          email\n          organization {\n            id\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').HeadOfficersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OperatorWeek($organizationId: ID!) {\n    organization(id: $organizationId) {\n      id\n      name\n      parent {\n        id\n        name\n      }\n      children {\n        id\n        name\n      }\n      weekProgress {\n        week\n        placed\n        required\n        remaining\n        atRisk\n        severity\n      }\n      placementCount\n      receivedMaterials {\n        id\n        title\n        summary\n        body\n        topic\n        hashtags\n        mediaLinks\n        distributedAt\n        withdrawnAt\n        placementWindow {\n          until\n        }\n      }\n      placements {\n        id\n        url\n        publishedAt\n        viaGospabliki\n        source\n        reportedBy\n        verification\n        material {\n          id\n          title\n        }\n        page {\n          id\n          platform\n          url\n        }\n      }\n      pages {\n        id\n        platform\n        url\n        verified\n        feedbackWidgets {\n          form\n          placedAt\n        }\n        crawl {\n          status\n          lastCrawledAt\n          lastPostAt\n          error\n        }\n      }\n      mediaPublications {\n        id\n        outlet\n        url\n        issueReference\n        publishedAt\n      }\n      compliance(last: 8, rule: WEEKLY_PLACEMENTS) {\n        period\n        required\n        actual\n        status\n        exemption {\n          id\n          reason\n        }\n      }\n      escalations(last: 5) {\n        id\n        level\n        rule\n        period\n        createdAt\n        resolvedAt\n      }\n    }\n  }\n"): typeof import('./graphql.js').OperatorWeekDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OperatorReportPlacement($input: [ReportPlacementInput!]!) {\n    reportPlacements(input: $input) {\n      accepted\n      duplicates\n    }\n  }\n"): typeof import('./graphql.js').OperatorReportPlacementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OperatorCorrectPlacement($id: ID!, $url: String!, $publishedAt: DateTime!) {\n    correctPlacement(id: $id, url: $url, publishedAt: $publishedAt) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').OperatorCorrectPlacementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OperatorWithdrawPlacement($id: ID!, $reason: String!) {\n    withdrawPlacement(id: $id, reason: $reason) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').OperatorWithdrawPlacementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OperatorSuggestions($organizationId: ID!) {\n    organization(id: $organizationId) {\n      id\n      pages {\n        id\n        platform\n        posts(first: 30) {\n          edges {\n            node {\n              id\n              url\n              publishedAt\n              text\n              matches {\n                score\n                decision\n                evidence\n                material {\n                  id\n                  title\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').OperatorSuggestionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OperatorDecideMatch($postId: ID!, $materialId: ID!, $confirmed: Boolean!) {\n    decidePostMatch(postId: $postId, materialId: $materialId, confirmed: $confirmed) {\n      decision\n    }\n  }\n"): typeof import('./graphql.js').OperatorDecideMatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OperatorReportMedia($input: ReportMediaPublicationInput!) {\n    reportMediaPublication(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').OperatorReportMediaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardTrend {\n    complianceTrend(weeks: 12, severity: MANDATORY) {\n      period\n      evaluated\n      met\n      missed\n      exempt\n      rate\n    }\n  }\n"): typeof import('./graphql.js').DashboardTrendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardSupplyHistory {\n    contentSupplyHistory(weeks: 13) {\n      week\n      distributed\n      required\n      met\n    }\n  }\n"): typeof import('./graphql.js').DashboardSupplyHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardSummary($week: String!) {\n    complianceSummary(period: $week) {\n      period\n      evaluated\n      met\n      missed\n      exempt\n      rate\n      bySeverity {\n        severity\n        rate\n      }\n    }\n  }\n"): typeof import('./graphql.js').DashboardSummaryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardSupply($week: String!) {\n    contentSupply(week: $week) {\n      week\n      distributed\n      required\n      met\n    }\n  }\n"): typeof import('./graphql.js').DashboardSupplyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardMunicipalities {\n    organizations(kind: MUNICIPALITY, first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').DashboardMunicipalitiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardHeatmap($kind: OrganizationKind, $municipalityId: ID, $after: String) {\n    complianceHeatmap(weeks: 12, kind: $kind, municipalityId: $municipalityId, first: 100, after: $after) {\n      periods\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      rows {\n        organization {\n          id\n          name\n          shortName\n          kind\n          registeredAt\n        }\n        statuses\n        missed\n        consecutiveMisses\n      }\n    }\n  }\n"): typeof import('./graphql.js').DashboardHeatmapDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardLaggards($week: String!) {\n    laggards(period: $week, limit: 20) {\n      organization {\n        id\n        name\n      }\n      parent {\n        id\n        name\n      }\n      municipality {\n        id\n        name\n      }\n      consecutiveMisses\n      missedSince\n      actual\n      required\n      severity\n    }\n  }\n"): typeof import('./graphql.js').DashboardLaggardsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardOrganization($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      kind\n      registeredAt\n      parent {\n        id\n        name\n      }\n      head {\n        fullName\n        position\n        email\n      }\n      pages {\n        id\n        platform\n        url\n        verified\n        feedbackWidgets {\n          form\n          placedAt\n        }\n      }\n      compliance(last: 12, rule: WEEKLY_PLACEMENTS) {\n        rule\n        period\n        status\n        actual\n        required\n        consecutiveMisses\n      }\n      weekProgress {\n        week\n        placed\n        required\n        remaining\n        atRisk\n        severity\n      }\n      escalations(last: 10) {\n        id\n        level\n        rule\n        period\n        consecutiveMisses\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql.js').DashboardOrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardOrganizationPlacements($id: ID!, $week: String!) {\n    organization(id: $id) {\n      id\n      placements(period: $week) {\n        id\n        material {\n          id\n          title\n        }\n        publishedAt\n        url\n        page {\n          id\n          platform\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').DashboardOrganizationPlacementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardMediaSummary($month: String!) {\n    complianceSummary(period: $month, rule: MONTHLY_MEDIA_MENTION) {\n      period\n      evaluated\n      met\n      missed\n      exempt\n      rate\n    }\n  }\n"): typeof import('./graphql.js').DashboardMediaSummaryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardMediaMissed($month: String!) {\n    complianceReport(period: $month, rule: MONTHLY_MEDIA_MENTION, status: MISSED, first: 100) {\n      totalCount\n      edges {\n        node {\n          organization {\n            id\n            name\n          }\n          actual\n          required\n          consecutiveMisses\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').DashboardMediaMissedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardUptake($week: String!) {\n    contentUptake(week: $week) {\n      material {\n        id\n        title\n        topic\n      }\n      recipients\n      placedBy\n      uptakeRate\n    }\n    topicUptake(week: $week) {\n      topic\n      materials\n      recipients\n      placedBy\n      uptakeRate\n    }\n  }\n"): typeof import('./graphql.js').DashboardUptakeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardEvidence($week: String!) {\n    placementEvidence(week: $week) {\n      week\n      placements\n      reported\n      discovered\n      verified\n      doubted\n      pending\n      disproved\n      verifiedShare\n    }\n  }\n"): typeof import('./graphql.js').DashboardEvidenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardReachByTopic($week: String!) {\n    reach(period: $week, groupBy: TOPIC) {\n      key\n      topic\n      reach {\n        placements\n        placementsSeen\n        views\n        likes\n        reposts\n        comments\n      }\n    }\n  }\n"): typeof import('./graphql.js').DashboardReachByTopicDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardPageHealth($silentForDays: Int!) {\n    pageHealth(first: 10) {\n      totalCount\n      edges {\n        node {\n          page {\n            id\n            platform\n            url\n            organization {\n              id\n              name\n            }\n          }\n          status\n          lastCrawledAt\n          lastPostAt\n          daysSinceLastPost\n          error\n        }\n      }\n    }\n    ok: pageHealth(filter: { statuses: [OK] }, first: 0) {\n      totalCount\n    }\n    unreachable: pageHealth(filter: { statuses: [UNREACHABLE] }, first: 0) {\n      totalCount\n    }\n    private: pageHealth(filter: { statuses: [PRIVATE] }, first: 0) {\n      totalCount\n    }\n    notFound: pageHealth(filter: { statuses: [NOT_FOUND] }, first: 0) {\n      totalCount\n    }\n    rateLimited: pageHealth(filter: { statuses: [RATE_LIMITED] }, first: 0) {\n      totalCount\n    }\n    parseFailed: pageHealth(filter: { statuses: [PARSE_FAILED] }, first: 0) {\n      totalCount\n    }\n    notConfigured: pageHealth(filter: { statuses: [NOT_CONFIGURED] }, first: 0) {\n      totalCount\n    }\n    silent: pageHealth(filter: { statuses: [OK], silentForDays: $silentForDays }, first: 0) {\n      totalCount\n    }\n  }\n"): typeof import('./graphql.js').DashboardPageHealthDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardWidgetCoverage {\n    widgetCoverage {\n      pages\n      withBoth\n      missingReportProblem\n      missingShareOpinion\n      missingBoth\n    }\n  }\n"): typeof import('./graphql.js').DashboardWidgetCoverageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DashboardRequestSignIn($email: String!, $next: String) {\n    requestSignIn(email: $email, next: $next)\n  }\n"): typeof import('./graphql.js').DashboardRequestSignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardSignIn {\n    __typename\n  }\n"): typeof import('./graphql.js').DashboardSignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardMe {\n    me {\n      email\n      fullName\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql.js').DashboardMeDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
